"""The disclosure log on the DPO dashboard: entries awaiting approval, urgent disclosures past their window for
retrospective approval (P109), 'not safe to tell' decisions due for review (P112), approved non-consensual
disclosures with no 'tell the person' step yet, and entries to recipients not in the register (P012).
"""

from datetime import date, datetime
from typing import Any

from django.utils import timezone

from pledge.disclosures.models import Disclosure, Status
from pledge.disclosures.services import retrospective_window_hours
from pledge.disclosures.telling import reviews_due, tell_steps_missing
from pledge.law.disclosure import past_retrospective_window


def dashboard_figures(*, today: date, now: datetime | None = None) -> dict[str, Any]:
    """The figures and the entries behind them, as of ``today`` (and ``now`` for the hours-based window)."""
    moment = now or timezone.now()
    awaiting = list(Disclosure.objects.filter(status=Status.AWAITING_APPROVAL).order_by("requested_at", "id"))
    window = retrospective_window_hours()
    overdue = [
        d
        for d in awaiting
        if d.urgent and past_retrospective_window(disclosed_at=d.disclosed_at, window_hours=window, now=moment)
    ]
    reviews = reviews_due(today=today)
    untold = tell_steps_missing()
    unregistered = Disclosure.objects.filter(recipient__isnull=True).exclude(status=Status.REFUSED).count()
    return {
        "today": today,
        "awaiting": awaiting,
        "awaiting_count": len(awaiting),
        "overdue_urgent": overdue,
        "overdue_urgent_count": len(overdue),
        "window_hours": window,
        "reviews_due": reviews,
        "reviews_due_count": len(reviews),
        "tell_steps_missing_count": len(untold),
        "unregistered_recipients_count": unregistered,
    }
