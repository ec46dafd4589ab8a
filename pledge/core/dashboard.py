"""Figures for the DPO's dashboard: what needs attention today."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone


def dashboard_figures() -> dict[str, Any]:
    """Counts and lists the dashboard shows; each query is bounded and indexed."""
    from pledge.notices.models import Notice
    from pledge.register.models import Controller, ProcessingActivity, Recipient, RecipientKind, Status

    today = timezone.localdate()
    soon = today + timedelta(days=60)
    activities = ProcessingActivity.objects.all()
    covered = Notice.objects.filter(versions__isnull=False).values_list("service_id", flat=True)
    return {
        "activities": activities.count(),
        "by_status": dict(activities.values_list("status").annotate(n=Count("id")).order_by()),
        "awaiting_approval": activities.filter(status=Status.SUBMITTED).select_related("service"),
        "drafts": activities.filter(status=Status.DRAFT).select_related("service"),
        "overdue_reviews": activities.filter(review_by__lt=today).select_related("service").order_by("review_by")[:20],
        "contracts_ending": Recipient.objects.filter(
            Q(kind=RecipientKind.PROCESSOR) & Q(contract_end__isnull=False) & Q(contract_end__lte=soon)
        ).order_by("contract_end"),
        "registrations_due": Controller.objects.filter(
            ico_renewal_on__isnull=False, ico_renewal_on__lte=today + timedelta(days=30)
        ),
        "uncovered": activities.filter(status=Status.APPROVED)
        .exclude(service_id__in=covered)
        .select_related("service"),
        "training_lapsed": _training_lapsed(today),
        "without_security_measures": _without_security_measures(),
        "undecided_breaches": _undecided_breaches(),
        "agreements_to_review": _agreements_to_review(today),
        "today": today,
    }


def _training_lapsed(today: Any) -> QuerySet[Any]:
    """Active staff with no data-protection training, or training older than the configured period."""
    from pledge.core.models import User

    cutoff = today - timedelta(days=settings.PLEDGE_TRAINING_VALID_DAYS)
    return (
        User.objects.filter(is_active=True)
        .filter(Q(training_completed_on__isnull=True) | Q(training_completed_on__lt=cutoff))
        .order_by("username")
    )


def _without_security_measures() -> list[Any]:
    """Activities whose systems record no security measure (Art 30(1)(g), Art 32; promise P132)."""
    from pledge.register.models import ProcessingActivity

    activities = ProcessingActivity.objects.select_related("service").prefetch_related("systems").order_by("name")
    return [a for a in activities if not any(system.security_measures for system in a.systems.all())]


def _undecided_breaches() -> list[Any]:
    """Breaches with no ICO decision yet and their 72-hour countdowns (Art 33(1); promise P121)."""
    from pledge.breaches.services import undecided_breaches

    return undecided_breaches(now=timezone.now())


def _agreements_to_review(today: Any) -> list[Any]:
    """Sharing agreements due for review, overdue or expired (P117), those most late first."""
    from pledge.law.sharing import AgreementStatus
    from pledge.sharing.services import agreement_rows

    attention = {AgreementStatus.REVIEW_DUE, AgreementStatus.REVIEW_OVERDUE, AgreementStatus.EXPIRED}
    return [row for row in agreement_rows(today=today) if row.status in attention]
