"""Background emails about breaches, run by ``pledge db_worker``: the DPO hears of each report at once, and is
reminded when a breach passes 24 and 60 hours after awareness with no ICO decision (Art 33(1): 72 hours).

The emails carry the reference, the deadline and a link, never the description or anyone's name. Reminders are
idempotent: a ``BreachAlert`` row per breach and threshold is written in the same transaction as the send, so a
second run sends nothing and a failed send leaves nothing recorded (it is tried again on the next run).
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from pledge.breaches.models import Breach, BreachAlert
from pledge.breaches.services import countdown_for, undecided_breaches
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.law.breach import alerts_due


def dpo_addresses() -> list[str]:
    """The email addresses of active DPO accounts (the IG officers too when no DPO has an address)."""
    users = User.objects.filter(is_active=True).exclude(email="")
    addresses = list(users.filter(role=Role.DPO).values_list("email", flat=True))
    return addresses or list(users.filter(role=Role.IG_OFFICER).values_list("email", flat=True))


def _link(breach: Breach) -> str:
    return settings.PLEDGE_SITE_URL.rstrip("/") + reverse("breaches:breach", kwargs={"pk": breach.pk})


@task()
def tell_dpo_of_breach(*, breach_id: int) -> bool:
    """Email the DPO that a suspected breach was reported; False when there is nobody to tell."""
    breach = Breach.objects.get(pk=breach_id)
    recipients = dpo_addresses()
    if not recipients:
        return False
    clock = countdown_for(breach, now=timezone.now())
    send_mail(
        subject=f"Suspected personal data breach reported: {breach.reference}",
        message=f"A suspected personal data breach was reported as {breach.reference}.\n\n"
        f"{clock.sentence()} (72 hours from when the council became aware of it, UK GDPR Art 33(1)).\n\n"
        f"Assess it and record the ICO decision: {_link(breach)}\n",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=recipients,
    )
    return True


@task()
def send_breach_alerts() -> int:
    """Remind the DPO of each undecided breach past 24 or 60 hours, once per threshold; returns the emails sent."""
    now = timezone.now()
    recipients = dpo_addresses()
    if not recipients:
        return 0
    sent = 0
    for row in undecided_breaches(now=now):
        breach = row.breach
        done = frozenset(BreachAlert.objects.filter(breach=breach).values_list("hours", flat=True))
        due = alerts_due(aware_at=breach.aware_at, now=now, already_sent=done)
        if not due:
            continue
        # One email for the highest threshold passed; the lower ones are marked too, so a worker that was down for
        # two days sends one reminder, not two.
        try:
            with transaction.atomic():
                for hours in due:
                    BreachAlert.objects.create(breach=breach, hours=hours, sent_at=now)
                send_mail(
                    subject=f"Breach {breach.reference}: no ICO decision {max(due)} hours after awareness",
                    message=f"Breach {breach.reference} has no recorded ICO decision.\n\n{row.countdown.sentence()}."
                    f"\n\nRecord the decision, with reasons if it is not reported: {_link(breach)}\n",
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=recipients,
                )
        except IntegrityError:
            continue  # another worker sent this one
        sent += 1
    return sent
