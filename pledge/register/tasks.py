"""Background tasks of the register, run by ``pledge db_worker``."""

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from pledge.register.reminders import build_review_reminder


@task()
def send_review_reminders() -> int:
    """Email the DPO and IG officers the list of overdue reviews; returns how many messages were sent."""
    message = build_review_reminder(today=timezone.localdate(), site_url=settings.PLEDGE_SITE_URL)
    return message.send() if message is not None else 0
