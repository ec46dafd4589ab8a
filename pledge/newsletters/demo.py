"""Fictional Anyshire newsletters for the demo: two lists, a few confirmed subscribers at example.org addresses
(their consent recorded in the ledger as given by the emailed link), and a draft issue ready to preview and send.
Idempotent."""

from secrets import token_hex

from django.db import transaction
from django.utils import timezone

from pledge.consent import services as consent
from pledge.consent.models import Channel
from pledge.newsletters import lists
from pledge.newsletters.addresses import seal_address
from pledge.newsletters.models import Issue, Membership, MessageClass, NewsletterList, Subscription, SubscriptionState

LISTS = [
    ("bin-news", "Bins and recycling", "Waste", "Collection changes, bank holiday bin days and recycling news."),
    ("whats-on", "What's on in Anyshire", "Events", "Events, libraries and leisure centres across the county."),
]
PEOPLE = [
    ("amira.okafor@example.org", ("bin-news", "whats-on")),
    ("tom.lindqvist@example.org", ("bin-news",)),
    ("grace.mbeki@example.org", ("whats-on",)),
]
ISSUE = (
    "Christmas and New Year bin days",
    "## Collections move by a day\n\nFrom 25 December every collection is one day later than usual, until "
    "3 January.\n\nPut your bins out by 7am on the new day. Real Christmas trees can go in your garden waste "
    "bin, cut into pieces.\n\nFull dates: https://www.anyshire.example/bins",
)


def _subscribe(email: str, slugs: tuple[str, ...], newsletters: dict[str, NewsletterList]) -> None:
    subject = consent.subject_for_email(email)
    now = timezone.now()
    subscription, created = Subscription.objects.get_or_create(
        subject=subject,
        defaults={
            "email_sealed": seal_address(email),
            "token_key": token_hex(16),
            "state": SubscriptionState.CONFIRMED,
            "confirmed_at": now,
        },
    )
    if not created:
        return
    for slug in slugs:
        newsletter = newsletters[slug]
        Membership.objects.create(
            subscription=subscription, newsletter=newsletter, state=SubscriptionState.CONFIRMED, confirmed_at=now
        )
        consent.record_consent(
            subject=subject,
            purpose=newsletter.purpose,
            wording_version=newsletter.wording_version,
            channel=Channel.EMAIL_LINK,
            actor="demo data",
            evidence="Demo: confirmed by the emailed link",
        )


def load_demo() -> str:
    """Create the demo lists, subscribers and a draft issue where missing; returns a one-line summary."""
    with transaction.atomic():
        newsletters = {}
        for slug, name, topic, description in LISTS:
            found = NewsletterList.objects.filter(slug=slug).first()
            newsletters[slug] = found or lists.create_list(
                slug=slug, name=name, topic=topic, description=description, actor="demo data"
            )
        for email, slugs in PEOPLE:
            _subscribe(email, slugs, newsletters)
        if not Issue.objects.filter(newsletter=newsletters["bin-news"], subject_line=ISSUE[0]).exists():
            lists.write_issue(
                newsletter=newsletters["bin-news"],
                subject_line=ISSUE[0],
                body=ISSUE[1],
                message_class=MessageClass.SERVICE,
                actor="demo data",
            )
    return (
        f"Newsletters: {NewsletterList.objects.count()} lists, "
        f"{Subscription.objects.filter(state=SubscriptionState.CONFIRMED).count()} confirmed subscribers, "
        f"{Issue.objects.count()} issue(s)"
    )
