"""Art 20(2): sending a portability file straight to another controller the requester named (P061).

The file goes by a one-time link that expires (``PLEDGE_TRANSFER_LINK_DAYS``, 7 days), emailed by the worker to an
address staff recorded for the organisation; the email carries no file and no personal data. The link's secret
exists only in the email: Pledge keeps its hash. Each transfer is kept as a ``PortabilityTransfer`` with an audit
row; the council's disclosure log (issue 7) will read these rows.
"""

import hashlib
import secrets
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from pledge.casework.services import record_case_event
from pledge.core.models import AuditAction
from pledge.core.uploads import private_storage
from pledge.fulfilment.package_models import AccessPackage, PackageKind, PackageState, PortabilityTransfer
from pledge.fulfilment.package_services import PackageError, assemble_zip
from pledge.rights.hashing import sign_link_secret, token_hash, unsign_link_secret

FOLDER = "transfers"


def link_days() -> int:
    """How long a transfer link works: council policy, 7 days unless ``PLEDGE_TRANSFER_LINK_DAYS`` says."""
    return int(getattr(settings, "PLEDGE_TRANSFER_LINK_DAYS", 7))


def record_transfer(
    *, package: AccessPackage, organisation: str, email: str, named_on: date, actor: Any
) -> PortabilityTransfer:
    """Keep the portability file as it is now and queue the link to ``email`` at ``organisation``."""
    if package.kind != PackageKind.PORTABILITY or package.state != PackageState.BUILT:
        raise PackageError("Only a built portability file can be sent to another organisation")
    if not organisation.strip() or not email.strip():
        raise PackageError("Give the organisation's name and the email address it gave for receiving the file")
    body = assemble_zip(package=package)
    name = private_storage().save(f"{FOLDER}/{uuid.uuid4().hex}.zip", ContentFile(body))
    from pledge.fulfilment.package_tasks import send_transfer_link

    with transaction.atomic():
        transfer = PortabilityTransfer.objects.create(
            package=package,
            organisation=organisation.strip(),
            email=email.strip(),
            requested_by_person_on=named_on,
            recorded_by=actor,
            file_name=name,
            file_sha256=hashlib.sha256(body).hexdigest(),
        )
        record_case_event(package.case, actor, AuditAction.CREATE, f"Portability transfer {transfer.pk} queued")
        transfer_id = transfer.pk
        transaction.on_commit(lambda: send_transfer_link.enqueue(transfer_id=transfer_id))
    return transfer


def send_link(*, transfer_id: int, now: datetime | None = None) -> bool:
    """The worker's step: make the one-time link and email it; False if already sent."""
    now = now or timezone.now()
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        transfer = PortabilityTransfer.objects.select_for_update().select_related("package__case").get(pk=transfer_id)
        if transfer.sent_at is not None:
            return False
        transfer.token_hash, transfer.sent_at = token_hash(raw), now
        transfer.expires_at = now + timedelta(days=link_days())
        transfer.save(update_fields=["token_hash", "sent_at", "expires_at"])
        link = reverse("portability:download", kwargs={"token": sign_link_secret(raw)})
        context = {
            "council": settings.PLEDGE_COUNCIL,
            "organisation": transfer.organisation,
            "reference": transfer.package.case.reference,
            "link": f"{settings.PLEDGE_SITE_URL.rstrip('/')}{link}",
            "expires": f"{timezone.localtime(transfer.expires_at):%-d %B %Y}",
        }
        send_mail(
            subject=f"A data portability file from {settings.PLEDGE_COUNCIL['name']}",
            message=render_to_string("fulfilment/package/transfer_email.txt", context),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=[transfer.email],
        )
        record_case_event(transfer.package.case, None, AuditAction.UPDATE, f"Portability transfer {transfer.pk} sent")
    return True


def find_transfer(token: str, *, now: datetime | None = None) -> PortabilityTransfer | None:
    """The transfer a link opens, or None: a bad signature, an unknown, used or expired link are all the same."""
    raw = unsign_link_secret(token)
    if raw is None:
        return None
    found = PortabilityTransfer.objects.select_related("package__case").filter(token_hash=token_hash(raw)).first()
    if found is None or found.downloaded_at is not None or found.expires_at is None:
        return None
    return found if (now or timezone.now()) < found.expires_at else None


def take_transfer(*, transfer: PortabilityTransfer) -> bytes:
    """Mark the link used (it works once) and return the file, with an audit row."""
    with transaction.atomic():
        claimed = PortabilityTransfer.objects.filter(pk=transfer.pk, downloaded_at__isnull=True).update(
            downloaded_at=timezone.now()
        )
        if not claimed:
            raise PackageError("This link has already been used")
        record_case_event(
            transfer.package.case, None, AuditAction.EXPORT, f"Portability transfer {transfer.pk} downloaded"
        )
    with private_storage().open(transfer.file_name) as stored:
        body: bytes = stored.read()
    return body
