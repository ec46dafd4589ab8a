"""Review reminders: activities, services and notices past their review-by date (promise P031).

UK GDPR Art 5(2) accountability: the register is only evidence while someone keeps it current.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity, Service, SharingAgreement


@dataclass(frozen=True)
class OverdueReview:
    kind: str
    name: str
    review_by: date
    path: str


def overdue_reviews(*, today: date) -> list[OverdueReview]:
    """Everything whose review-by date has passed, oldest first, with the sharing agreements whose review is due
    within ``PLEDGE_AGREEMENT_REVIEW_WARNING_DAYS`` (reminded before the date, not only after)."""
    items = [
        OverdueReview("activity", a.name, a.review_by, f"/staff/register/activities/{a.slug}/")
        for a in ProcessingActivity.objects.filter(review_by__lt=today)
        if a.review_by is not None
    ]
    items += [
        OverdueReview("service", s.name, s.review_by, f"/staff/register/?service={s.slug}")
        for s in Service.objects.filter(review_by__lt=today)
        if s.review_by is not None
    ]
    warn = today + timedelta(days=settings.PLEDGE_AGREEMENT_REVIEW_WARNING_DAYS)
    items += [
        OverdueReview(
            "sharing agreement" if a.review_on < today else "sharing agreement, review due",
            a.title,
            a.review_on,
            f"/staff/sharing/{a.slug}/",
        )
        for a in SharingAgreement.objects.filter(review_on__lte=warn)
        if a.review_on is not None
    ]
    return sorted(items, key=lambda item: (item.review_by, item.name))


def reminder_recipients() -> list[str]:
    """The DPO and information-governance officers with an email address."""
    users = User.objects.filter(is_active=True, role__in=[Role.DPO, Role.IG_OFFICER]).exclude(email="")
    return sorted(users.values_list("email", flat=True))


def build_review_reminder(*, today: date, site_url: str) -> EmailMessage | None:
    """The reminder email, or None when nothing is overdue or nobody can receive it."""
    overdue = overdue_reviews(today=today)
    recipients = reminder_recipients()
    if not overdue or not recipients:
        return None
    body = render_to_string(
        "register/email/review_reminder.txt", {"overdue": overdue, "today": today, "site_url": site_url.rstrip("/")}
    )
    subject = f"{len(overdue)} register entr{'y is' if len(overdue) == 1 else 'ies are'} overdue for review"
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=recipients)
