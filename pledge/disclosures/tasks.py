"""Background reminders, run by ``pledge db_worker`` (or ``pledge disclosures remind --now``): when a 'not safe to
tell' decision reaches its review date (P112, "we will tell you when it is safe"), the officer who decided and the
DPO are told once. The email carries the reference and a link, never the person, the reasons or the data.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.disclosures.models import TellDecision
from pledge.disclosures.telling import reviews_due


def _addresses(decision: TellDecision) -> list[str]:
    dpo = User.objects.filter(is_active=True, role=Role.DPO).exclude(email="").values_list("email", flat=True)
    found = [decision.decided_by.email, *dpo] if decision.decided_by.email else list(dpo)
    return sorted(set(found))


@task()
def send_tell_reminders() -> int:
    """Email each due review once (the row records the day it went); returns the emails sent."""
    today = timezone.localdate()
    sent = 0
    for row in reviews_due(today=today):
        if row.decision.reminded_on is not None:
            continue
        recipients = _addresses(row.decision)
        if not recipients:
            continue
        link = settings.PLEDGE_SITE_URL.rstrip("/") + reverse(
            "disclosures:detail", kwargs={"reference": row.disclosure.reference}
        )
        with transaction.atomic():
            # Marked in the same transaction as the send: a failed send leaves it to the next run.
            TellDecision.objects.filter(pk=row.decision.pk).update(reminded_on=today)
            send_mail(
                subject=f"Disclosure {row.disclosure.reference}: reconsider telling the person",
                message=f"The decision not to tell the person about disclosure {row.disclosure.reference} was due "
                f"for review on {row.decision.review_on:%-d %B %Y}.\n\nDecide whether it is now safe to tell them, "
                f"and send the letter or record a new review date: {link}\n",
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=recipients,
            )
        sent += 1
    return sent
