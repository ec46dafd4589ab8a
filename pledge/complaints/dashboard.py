"""Complaint acknowledgements on the DPO dashboard (promise P123): late ones first, then the ones coming due.

An acknowledgement is owed by an open complaint with no acknowledgement yet (an outcome sent inside the period
discharges it, but then the complaint is no longer open). Suggestions are counted apart (P125): they have no
statutory clock.
"""

from datetime import date, timedelta
from typing import Any

from pledge.casework.models import Case, ComplaintKind
from pledge.casework.states import OPEN_STATES

DUE_WITHIN_DAYS = 7  # "due" on the dashboard: owed within the next week


def _open(kind: ComplaintKind) -> Any:
    return Case.objects.filter(kind=kind, state__in=sorted(OPEN_STATES))


def owed_acknowledgements() -> Any:
    """Open complaints still owed an acknowledgement, by acknowledgement date."""
    return (
        _open(ComplaintKind.COMPLAINT)
        .filter(complaint__acknowledged_on__isnull=True)
        .select_related("complaint", "assignee")
        .order_by("due_on", "id")
    )


def dashboard_figures(*, today: date) -> dict[str, Any]:
    """Late and due acknowledgements (with the cases), open complaints and open suggestions, as of ``today``."""
    owed = owed_acknowledgements()
    late = list(owed.filter(due_on__lt=today))
    due = list(owed.filter(due_on__gte=today, due_on__lte=today + timedelta(days=DUE_WITHIN_DAYS)))
    return {
        "today": today,
        "late_acknowledgements": late,
        "due_acknowledgements": due,
        "late_count": len(late),
        "due_count": len(due),
        "due_within_days": DUE_WITHIN_DAYS,
        "open_complaints": _open(ComplaintKind.COMPLAINT).count(),
        "open_suggestions": _open(ComplaintKind.SUGGESTION).count(),
    }
