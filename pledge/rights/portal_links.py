"""One-time emailed links into the requester portal (issue 4, "Requester portal").

Asking for a link never says whether a reference exists: the same page follows whatever is typed, and a link is
queued only when the reference and the email address both match a case that has an email address. The link's
secret is made by the worker that emails it and only its SHA-256 is stored; the secret in the URL is also signed,
so a forged link is refused before the database is asked. A link lasts ``PLEDGE_PORTAL_LINK_MINUTES`` and works
once. Throttles (per case and per visitor) stop the form being used to flood someone's inbox; a throttled request
gets the same page too.
"""

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.services import OBJECT_TYPE
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.rights.hashing import same_text, token_hash, unsign_link_secret
from pledge.rights.models import PortalLink, PortalLinkRequest
from pledge.rights.tasks import send_portal_link

# At most this many links an hour for one case, however many people ask for it.
LINKS_PER_CASE_PER_HOUR = 5
# At most this many "send me a link" forms an hour from one address, matching or not.
REQUESTS_PER_CLIENT_PER_HOUR = 20
HOUR = timedelta(hours=1)
KEEP_REQUESTS_FOR = timedelta(days=1)

REFERENCE_FORMAT = re.compile(r"^RR-\d{4}-\d{6,}$")
# Compared against when no case has the reference, so a miss costs the same comparison as a hit.
_NO_EMAIL = "no-case@invalid.example"


def link_minutes() -> int:
    """How long an emailed link works (``PLEDGE_PORTAL_LINK_MINUTES``, 30 unless set)."""
    return int(getattr(settings, "PLEDGE_PORTAL_LINK_MINUTES", 30))


def normalise_reference(value: str) -> str:
    """A reference as we print it: capitals, no spaces (people type 'rr-2026-000123' or add spaces)."""
    return re.sub(r"\s+", "", value or "").upper()


def normalise_email(value: str) -> str:
    return (value or "").strip().lower()


def matching_case(*, reference: str, email: str) -> Case | None:
    """The case with this reference whose requester gave this email address, else None (also for cases without one)."""
    case = Case.objects.filter(reference=normalise_reference(reference)).first()
    on_file = normalise_email(case.requester_email) if case is not None else _NO_EMAIL
    matches = same_text(on_file, normalise_email(email))
    return case if matches and case is not None and on_file else None


def request_portal_link(*, reference: str, email: str, client: str, now: datetime | None = None) -> None:
    """Record the request for the throttle and, when the details match and no throttle applies, create a link and
    queue its email once committed. Returns nothing on purpose: nothing a caller could show differs."""
    now = now or timezone.now()
    with transaction.atomic():
        PortalLinkRequest.objects.filter(requested_at__lt=now - KEEP_REQUESTS_FOR).delete()
        from_client = PortalLinkRequest.objects.filter(client_hash=client, requested_at__gt=now - HOUR).count()
        PortalLinkRequest.objects.create(client_hash=client, requested_at=now)
        case = matching_case(reference=reference, email=email)
        if case is None or from_client >= REQUESTS_PER_CLIENT_PER_HOUR:
            return
        if case.portal_links.filter(created_at__gt=now - HOUR).count() >= LINKS_PER_CASE_PER_HOUR:
            return
        link = PortalLink.objects.create(case=case, created_at=now, expires_at=now + timedelta(minutes=link_minutes()))
        record(
            actor=None,
            action=AuditAction.CREATE,
            object_type=OBJECT_TYPE,
            object_ref=case.reference,
            summary="Requester asked for a link to the requester portal",
        )
        link_id = link.pk
        transaction.on_commit(lambda: send_portal_link.enqueue(link_id=link_id))


def usable_link(*, token: str, now: datetime | None = None) -> PortalLink | None:
    """The link ``token`` opens if it is genuine, unexpired and unused; None for a forged, expired or used one."""
    now = now or timezone.now()
    raw = unsign_link_secret(token)
    if raw is None:
        return None
    link = PortalLink.objects.select_related("case").filter(token_hash=token_hash(raw)).first()
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    return link


def redeem_portal_link(*, token: str, now: datetime | None = None) -> Case | None:
    """Use up the link ``token`` and return its case, or None if it is not usable; two tabs cannot both use it."""
    now = now or timezone.now()
    link = usable_link(token=token, now=now)
    if link is None:
        return None
    with transaction.atomic():
        if not PortalLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now):
            return None
        record(
            actor=None,
            action=AuditAction.LOGIN,
            object_type=OBJECT_TYPE,
            object_ref=link.case.reference,
            summary="Requester opened the requester portal with an emailed link",
        )
    return link.case
