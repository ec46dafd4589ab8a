"""One-time emailed links into the requester portal (issue 4, "Requester portal").

Asking for a link never says whether a reference exists. The web request does the same work whatever is typed: it
stores the request (the email address only as a keyed hash) and queues a check for the worker, then shows the
same page. The worker matches the reference and email address against the cases and, only on a match, makes a
link and emails it. The link's secret is stored only as its SHA-256 and is signed in the URL, so a forged link is
refused before the database is asked. A link lasts ``PLEDGE_PORTAL_LINK_MINUTES`` and works once.

Throttles stop the form being used to flood someone's inbox or to keep the worker busy: at most
``LINKS_PER_CASE_PER_HOUR`` links for one case and ``REQUESTS_PER_CLIENT_PER_HOUR`` requests from one address.
A throttled request gets the same page too.
"""

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.services import OBJECT_TYPE
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.rights.hashing import email_hash, same_text, token_hash, unsign_link_secret
from pledge.rights.models import PortalLink, PortalLinkRequest

LINKS_PER_CASE_PER_HOUR = 5
REQUESTS_PER_CLIENT_PER_HOUR = 20
HOUR = timedelta(hours=1)
KEEP_REQUESTS_FOR = timedelta(days=1)

REFERENCE_FORMAT = re.compile(r"^RR-\d{4}-\d{6,}$")


def link_minutes() -> int:
    """How long an emailed link works (``PLEDGE_PORTAL_LINK_MINUTES``, 30 unless set)."""
    return int(getattr(settings, "PLEDGE_PORTAL_LINK_MINUTES", 30))


def normalise_reference(value: str) -> str:
    """A reference as we print it: capitals, no spaces (people type 'rr-2026-000123' or add spaces)."""
    return re.sub(r"\s+", "", value or "").upper()


def request_portal_link(*, reference: str, email: str, client: str, now: datetime | None = None) -> None:
    """Store the request and queue the worker's check once committed, unless ``client`` is over its throttle.

    Returns nothing on purpose: a match, a miss and a throttled request look the same to the caller.
    """
    from pledge.rights.tasks import check_portal_link_request  # the task module imports this one

    now = now or timezone.now()
    with transaction.atomic():
        PortalLinkRequest.objects.filter(requested_at__lt=now - KEEP_REQUESTS_FOR).delete()
        from_client = PortalLinkRequest.objects.filter(client_hash=client, requested_at__gt=now - HOUR).count()
        throttled = from_client >= REQUESTS_PER_CLIENT_PER_HOUR
        request = PortalLinkRequest.objects.create(
            client_hash=client,
            requested_at=now,
            reference="" if throttled else normalise_reference(reference),
            email_hash="" if throttled else email_hash(email),
            checked_at=now if throttled else None,
        )
        if not throttled:
            request_id = request.pk
            transaction.on_commit(lambda: check_portal_link_request.enqueue(request_id=request_id))


def matching_case(*, reference: str, hashed_email: str) -> Case | None:
    """The case with this reference whose requester gave the email address hashed here; never one without one."""
    # Only rights requests have a portal; a complaint's reference never opens one.
    case = Case.objects.filter(reference=reference, kind__in=RIGHTS_REQUEST_KINDS).first() if reference else None
    if case is None or not case.requester_email:
        return None
    return case if same_text(email_hash(case.requester_email), hashed_email) else None


def link_for_request(*, request_id: int, raw_secret: str, now: datetime | None = None) -> PortalLink | None:
    """Check a stored request once: on a match within the throttle, make a link whose secret is ``raw_secret``.

    Blanks the stored reference and email hash whatever the outcome. Call inside the worker's transaction.
    """
    now = now or timezone.now()
    request = PortalLinkRequest.objects.select_for_update().filter(pk=request_id, checked_at__isnull=True).first()
    if request is None:
        return None
    reference, hashed_email = request.reference, request.email_hash
    request.reference, request.email_hash, request.checked_at = "", "", now
    request.save(update_fields=["reference", "email_hash", "checked_at"])
    case = matching_case(reference=reference, hashed_email=hashed_email)
    if case is None or now - request.requested_at > timedelta(minutes=link_minutes()):
        return None  # no match, or the worker was too slow for a link to be worth sending
    if case.portal_links.filter(created_at__gt=now - HOUR).count() >= LINKS_PER_CASE_PER_HOUR:
        return None
    link = PortalLink.objects.create(
        case=case, token_hash=token_hash(raw_secret), created_at=now, expires_at=now + timedelta(minutes=link_minutes())
    )
    record(
        actor=None,
        action=AuditAction.CREATE,
        object_type=OBJECT_TYPE,
        object_ref=case.reference,
        summary="Link to the requester portal emailed to the requester",
    )
    return link


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
