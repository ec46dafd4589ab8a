"""Background tasks of casework, run by ``pledge db_worker``."""

from django.utils import timezone
from django_tasks import task

from pledge.casework.identity import purge_expired_evidence
from pledge.casework.reminders import reminder_batches, send_batch


@task()
def send_case_reminders() -> int:
    """Email each assignee (or the DPO and IG officers) today's deadline reminders; returns the emails sent."""
    today = timezone.localdate()
    return sum(send_batch(batch, today=today) for batch in reminder_batches(today=today))


@task()
def purge_id_evidence() -> int:
    """Delete the ID evidence files past their deletion date (``PLEDGE_ID_EVIDENCE_DAYS``); returns how many."""
    return purge_expired_evidence(today=timezone.localdate())
