"""Writes for the public site: receiving a message for the Data Protection Officer."""

from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.notices.models import NoticeVersion
from pledge.site.deadlines import DEFAULT_RESPONSE_DAYS, enquiry_respond_by
from pledge.site.models import DpoEnquiry, EnquiryStatus
from pledge.site.tasks import send_enquiry_acknowledgement


def receive_enquiry(
    *,
    name: str,
    email: str,
    about: str,
    message: str,
    received_at: datetime | None = None,
    notice_version: NoticeVersion | None = None,
) -> DpoEnquiry:
    """Store a message to the DPO, audit it, and queue the acknowledgement email once the row is committed."""
    received_at = received_at or timezone.now()
    response_days = getattr(settings, "PLEDGE_ENQUIRY_RESPONSE_DAYS", DEFAULT_RESPONSE_DAYS)
    with transaction.atomic():
        enquiry = DpoEnquiry.objects.create(
            name=name,
            email=email,
            about=about,
            message=message,
            received_at=received_at,
            notice_version=notice_version,
            respond_by=enquiry_respond_by(received_on=timezone.localdate(received_at), response_days=response_days),
        )
        # The audit row names the enquiry only: the sender's details stay in the enquiry itself.
        record(
            actor=None,
            action=AuditAction.CREATE,
            object_type="dpo_enquiry",
            object_ref=enquiry.reference,
            summary="Message to the Data Protection Officer received from the public site",
        )
        enquiry_id = enquiry.pk
        transaction.on_commit(lambda: send_enquiry_acknowledgement.enqueue(enquiry_id=enquiry_id))
    return enquiry


def change_enquiry_status(*, enquiry: DpoEnquiry, status: EnquiryStatus, actor: object, note: str = "") -> DpoEnquiry:
    """Mark an enquiry answered or closed, with an audit row that keeps the sender's details out."""
    with transaction.atomic():
        before = enquiry.status
        enquiry.status = status
        enquiry.closed_at = timezone.now() if status != EnquiryStatus.RECEIVED else None
        enquiry.save(update_fields=["status", "closed_at"])
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="dpo_enquiry",
            object_ref=enquiry.reference,
            summary=note[:500] or f"Marked {status.label.lower()}",
            before={"status": before},
            after={"status": status.value},
        )
    return enquiry
