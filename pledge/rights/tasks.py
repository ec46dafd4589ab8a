"""Background emails of the requester portal, run by the django-tasks worker.

Neither email carries the requester's name, what they asked for or any file: a portal link email carries the
reference and the one-time link; a response-ready email the reference and the address of the portal's start page.
"""

import secrets
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from pledge.rights.hashing import sign_link_secret
from pledge.rights.models import Release
from pledge.rights.portal_links import link_for_request


def _clock_time(moment: datetime) -> str:
    """'12:30pm on 10 September 2026', the GOV.UK way of writing a time, in the council's time zone."""
    local = timezone.localtime(moment)
    return f"{local:%-I:%M}{local:%p}".lower() + f" on {local:%-d %B %Y}"


def _absolute(path: str) -> str:
    return f"{settings.PLEDGE_SITE_URL.rstrip('/')}{path}"


@task()
def check_portal_link_request(*, request_id: int) -> bool:
    """Check a "send me a link" request and, on a match, email a one-time link; False when nothing was sent.

    The link is made in the same transaction as the send, so a failed send leaves no usable link behind. Its
    secret exists only in this worker's memory and the email; not even the task queue holds it.
    """
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        link = link_for_request(request_id=request_id, raw_secret=raw)
        if link is None:
            return False
        context = {
            "council": settings.PLEDGE_COUNCIL,
            "reference": link.case.reference,
            "link": _absolute(reverse("rights:portal_open", kwargs={"token": sign_link_secret(raw)})),
            "expires": _clock_time(link.expires_at),
            "start": _absolute(reverse("rights:portal_start")),
        }
        send_mail(
            subject=f"Your link to check your request {link.case.reference}",
            message=render_to_string("rights/email/portal_link.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[link.case.requester_email],
        )
    return True


@task()
def send_response_ready(*, release_id: int) -> bool:
    """Tell the requester their response can be downloaded from the portal; False if it was withdrawn meanwhile."""
    release = Release.objects.select_related("case").filter(pk=release_id, withdrawn_at__isnull=True).first()
    if release is None or not release.case.requester_email:
        return False
    context = {
        "council": settings.PLEDGE_COUNCIL,
        "reference": release.case.reference,
        "start": _absolute(reverse("rights:portal_start")),
        "expires_at": release.expires_at,
    }
    send_mail(
        subject=f"Our response to your request {release.case.reference} is ready",
        message=render_to_string("rights/email/response_ready.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[release.case.requester_email],
    )
    return True
