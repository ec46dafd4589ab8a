"""An optional newsletter sign-up offered on a service form (P078).

The offer is an unticked checkbox apart from the form's submit button. Ticking it records nothing by itself: it only
asks the newsletters app to email a confirmation link (double opt-in, PECR reg 22; UK GDPR Art 7(1)), and the
consent reaches the ledger when the person uses that link, with the list's wording version. Leaving it unticked
delivers the service and creates no subscription and no consent.
"""

import logging
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from pledge.consent.models import Channel

logger = logging.getLogger(__name__)
# The list offered on service forms; the council sets PLEDGE_SIGNUP_NEWSLETTER to one of its newsletter slugs.
DEFAULT_LIST = "council-news"


@dataclass(frozen=True)
class NewsletterOffer:
    slug: str
    name: str
    wording: str  # the words the person will be asked to confirm, shown next to the checkbox


def newsletter_offer() -> NewsletterOffer | None:
    """The newsletter a service form may offer, or None when the council has no such active list (no checkbox)."""
    # Imported here: the newsletters app builds on the consent ledger, so the ledger must not need it to load.
    from pledge.newsletters.lists import active_lists

    slug = getattr(settings, "PLEDGE_SIGNUP_NEWSLETTER", DEFAULT_LIST)
    found = active_lists().filter(slug=slug).first()
    if found is None:
        return None
    return NewsletterOffer(slug=found.slug, name=found.name, wording=found.wording)


def ask_to_confirm_newsletter(
    *, email: str, offer: NewsletterOffer, actor: Any, channel: Channel = Channel.WEB
) -> bool:
    """Queue the confirmation email for ``offer`` (nothing else); True when asked. A refusal (the list closed
    meanwhile, an address the newsletters app will not take) never undoes the service the person came for."""
    from pledge.newsletters.lists import NewsletterInvalid
    from pledge.newsletters.services import request_subscription

    try:
        request_subscription(email=email, list_slugs=[offer.slug], channel=channel, actor=actor)
    except NewsletterInvalid as refused:
        logger.info("newsletter sign-up from a service form not queued: %s", ", ".join(sorted(refused.problems)))
        return False
    return True
