"""The rows of the deadline dashboard: open cases, their RAG status and bucket, filtered by assignee and state."""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db.models import QuerySet

from pledge.calendars.services import current_calendars
from pledge.casework.clock import clock_stops_for_clarification
from pledge.casework.models import Case
from pledge.casework.rag import DEFAULT_AMBER_WITHIN, DEFAULT_RED_WITHIN, Bucket, Rag, bucket_for, rag_for
from pledge.casework.states import OPEN_STATES, CaseState
from pledge.law.calendar import Nation, OutsideCalendarError

UNASSIGNED = "none"


@dataclass(frozen=True)
class DashboardRow:
    case: Case
    rag: Rag | None  # None while the clock is not running
    bucket: Bucket | None
    clock_note: str  # why there is no RAG status, e.g. "Clock not started"


def open_cases(*, assignee: str = "", state: str = "") -> QuerySet[Case]:
    """Open cases by due date; ``assignee`` is a user id or "none", ``state`` an open state, "" for all."""
    cases = Case.objects.filter(state__in=list(OPEN_STATES)).select_related("assignee").order_by("due_on", "id")
    if assignee == UNASSIGNED:
        cases = cases.filter(assignee__isnull=True)
    elif assignee.isdigit():
        cases = cases.filter(assignee_id=int(assignee))
    if state in {s.value for s in OPEN_STATES}:
        cases = cases.filter(state=state)
    return cases


def dashboard_rows(cases: QuerySet[Case], *, today: date) -> list[DashboardRow]:
    """One row per case, with its RAG status and bucket unless its clock is not running."""
    calendars = current_calendars()
    red = int(getattr(settings, "PLEDGE_CASE_RED_WORKING_DAYS", DEFAULT_RED_WITHIN))
    amber = int(getattr(settings, "PLEDGE_CASE_AMBER_WORKING_DAYS", DEFAULT_AMBER_WITHIN))
    rows = []
    for case in cases:
        note = _clock_note(case)
        if note:
            rows.append(DashboardRow(case=case, rag=None, bucket=None, clock_note=note))
            continue
        try:
            rag: Rag | None = rag_for(
                today=today,
                due=case.due_on,
                calendar=calendars[Nation(case.nation)],
                red_within=red,
                amber_within=amber,
            )
        except OutsideCalendarError:
            rag, note = None, "Calendar does not cover today"
        rows.append(DashboardRow(case=case, rag=rag, bucket=bucket_for(today=today, due=case.due_on), clock_note=note))
    return rows


def bucket_counts(rows: list[DashboardRow]) -> dict[str, int]:
    """How many rows fall in each bucket, keyed by bucket value."""
    counts = Counter(row.bucket for row in rows if row.bucket is not None)
    return {bucket.value: counts.get(bucket, 0) for bucket in Bucket}


def _clock_note(case: Case) -> str:
    if case.state == CaseState.AWAITING_ID:
        return "Clock not started: waiting for proof"
    if case.state == CaseState.AWAITING_CLARIFICATION and clock_stops_for_clarification(case):
        return "Clock stopped: waiting for clarification"
    return ""
