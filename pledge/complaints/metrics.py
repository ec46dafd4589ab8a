"""Complaint figures for a period: complaints and suggestions counted separately (promise P125), and whether each
complaint's s.164A(3) duty was met (``pledge.law.complaints.acknowledgement_duty``)."""

from dataclasses import dataclass
from datetime import date

from pledge.calendars.services import current_calendars
from pledge.casework.complaint_clock import acknowledgement_days
from pledge.casework.models import Case, ComplaintKind
from pledge.casework.states import CaseState, is_open
from pledge.law.calendar import Nation
from pledge.law.complaints import acknowledgement_duty


@dataclass(frozen=True)
class KindFigures:
    received: int = 0
    open: int = 0
    answered: int = 0  # outcome sent (then possibly closed)
    withdrawn: int = 0


@dataclass(frozen=True)
class ComplaintFigures:
    complaints: KindFigures
    suggestions: KindFigures
    acknowledged_in_time: int  # acknowledged, or answered, by the acknowledgement date
    acknowledged_late: int
    unacknowledged_late: int  # still owed and past the date


def complaint_figures(*, start: date, end: date, today: date) -> ComplaintFigures:
    """Complaints and suggestions received from ``start`` to ``end``, judged as of ``today``."""
    cases = Case.objects.filter(
        received_on__gte=start, received_on__lte=end, kind__in=[ComplaintKind.COMPLAINT, ComplaintKind.SUGGESTION]
    ).select_related("complaint")
    counts: dict[str, dict[str, int]] = {
        k: {"received": 0, "open": 0, "answered": 0, "withdrawn": 0} for k in ComplaintKind.values
    }
    in_time = late = unacknowledged = 0
    calendars, days = current_calendars(), acknowledgement_days()
    for case in cases.iterator(chunk_size=2000):
        row = counts[case.kind]
        row["received"] += 1
        if is_open(case.state):
            row["open"] += 1
        elif case.state == CaseState.WITHDRAWN:
            row["withdrawn"] += 1
        else:
            row["answered"] += 1
        if case.kind != ComplaintKind.COMPLAINT:
            continue
        complaint = case.complaint  # type: ignore[attr-defined]  # the reverse one-to-one from this app
        duty = acknowledgement_duty(
            received=case.received_on,
            today=today,
            calendar=calendars[Nation(case.nation)],
            acknowledged_on=complaint.acknowledged_on,
            outcome_sent_on=complaint.outcome_sent_on,
            days=days,
        )
        if duty.owed and duty.late and is_open(case.state):
            unacknowledged += 1
        elif duty.late:
            late += 1
        elif not duty.owed:
            in_time += 1
    return ComplaintFigures(
        complaints=KindFigures(**counts[ComplaintKind.COMPLAINT]),
        suggestions=KindFigures(**counts[ComplaintKind.SUGGESTION]),
        acknowledged_in_time=in_time,
        acknowledged_late=late,
        unacknowledged_late=unacknowledged,
    )
