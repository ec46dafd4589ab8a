"""The deadline dashboard: open cases filtered by assignee, state, team and kind, one page at a time.

At 100,000 cases the page must not load every row: the bucket counts and the total come from one aggregate query,
the page's ids from one small query per open state (see ``OpenCaseList``), and only the page's rows are read, with
their assignee and team joined in, so the number of queries does not grow with the list.
"""

import heapq
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet

from pledge.calendars.services import current_calendars
from pledge.casework.clock import CLOCK_KIND, clock_stops_for_clarification
from pledge.casework.footage import cases_with_footage_at_risk
from pledge.casework.models import Case, CaseKind
from pledge.casework.paging import pagination
from pledge.casework.rag import DEFAULT_AMBER_WITHIN, DEFAULT_RED_WITHIN, Bucket, Rag, bucket_for, end_of_week, rag_for
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.states import OPEN_STATES, CaseState
from pledge.law.calendar import Nation, OutsideCalendarError
from pledge.law.deadlines import STOP_THE_CLOCK_FROM, RequestKind

UNASSIGNED = "none"
NO_TEAM = "none"
PER_PAGE = 50

# Kinds whose clock stops while the requester clarifies (R1.7), matching ``clock_stops_for_clarification``.
_STOPPING_KINDS = sorted(kind for kind, clock in CLOCK_KIND.items() if clock == RequestKind.ACCESS)


@dataclass(frozen=True)
class DashboardRow:
    case: Case
    rag: Rag | None  # None while the clock is not running
    bucket: Bucket | None
    clock_note: str  # why there is no RAG status, e.g. "Clock not started"
    footage_at_risk: bool = False  # a CCTV request whose footage is not retrieved and about to be overwritten


def open_cases(*, assignee: str = "", state: str = "", team: str = "", kind: str = "") -> QuerySet[Case]:
    """Open rights requests by due date (complaints have their own list); each filter is "" for all, ``assignee``
    and ``team`` a primary key or "none"."""
    cases = (
        Case.objects.filter(state__in=sorted(OPEN_STATES), kind__in=sorted(RIGHTS_REQUEST_KINDS))
        .select_related("assignee", "team")
        .order_by("due_on", "id")
    )
    if assignee == UNASSIGNED:
        cases = cases.filter(assignee__isnull=True)
    elif assignee.isdigit():
        cases = cases.filter(assignee_id=int(assignee))
    if state in {s.value for s in OPEN_STATES}:
        cases = cases.filter(state=state)
    if team == NO_TEAM:
        cases = cases.filter(team__isnull=True)
    elif team.isdigit():
        cases = cases.filter(team_id=int(team))
    if kind in CaseKind.values:
        cases = cases.filter(kind=kind)
    return cases


def _clock_stopped_for_clarification() -> Q:
    return Q(state=CaseState.AWAITING_CLARIFICATION, kind__in=_STOPPING_KINDS, received_on__gte=STOP_THE_CLOCK_FROM)


def clock_not_running() -> Q:
    """Cases with no clock running: waiting for proof (R1.8), or an access request received on or after
    5 February 2026 waiting for clarification (Art 12A(5)); the database form of ``_clock_note``."""
    return Q(state=CaseState.AWAITING_ID) | _clock_stopped_for_clarification()


@dataclass(frozen=True)
class BucketTotals:
    total: int  # every case matching the filters, clock running or not
    counts: dict[str, int]  # cases with a running clock in each bucket, keyed by bucket value


def _bucket_counts(*, today: date) -> dict[str, Count]:
    week_ends = end_of_week(today)
    return {
        Bucket.OVERDUE.value: Count("pk", filter=Q(due_on__lt=today)),
        Bucket.TODAY.value: Count("pk", filter=Q(due_on=today)),
        Bucket.THIS_WEEK.value: Count("pk", filter=Q(due_on__gt=today, due_on__lte=week_ends)),
        Bucket.LATER.value: Count("pk", filter=Q(due_on__gt=week_ends)),
    }


def bucket_totals(cases: QuerySet[Case], *, today: date) -> BucketTotals:
    """How many of ``cases`` fall in each bucket, and how many there are, counted by the database.

    The first query counts by state and due date alone, which the (state, due_on) index answers without reading
    the cases; the second takes away the few access requests whose clock is stopped for clarification, the only
    ones where the kind and date of receipt matter.
    """
    buckets = _bucket_counts(today=today)
    by_state = cases.order_by().values("state").annotate(total=Count("pk"), **buckets)
    stopped = cases.filter(_clock_stopped_for_clarification()).order_by().aggregate(**buckets)
    counts = {bucket.value: -(stopped[bucket.value] or 0) for bucket in Bucket}
    total = 0
    for row in by_state:
        total += row["total"]
        if row["state"] != CaseState.AWAITING_ID:
            for bucket in Bucket:
                counts[bucket.value] += row[bucket.value]
    return BucketTotals(total=total, counts=counts)


def dashboard_rows(cases: Any, *, today: date) -> list[DashboardRow]:
    """One row per case, with its RAG status and bucket unless its clock is not running."""
    calendars = current_calendars()
    red = int(getattr(settings, "PLEDGE_CASE_RED_WORKING_DAYS", DEFAULT_RED_WITHIN))
    amber = int(getattr(settings, "PLEDGE_CASE_AMBER_WORKING_DAYS", DEFAULT_AMBER_WITHIN))
    rows = []
    cases = list(cases)
    cctv = [case.pk for case in cases if case.kind == CaseKind.ACCESS_CCTV]
    at_risk = cases_with_footage_at_risk(cctv) if cctv else set()  # one query, for the page's CCTV cases only
    for case in cases:
        note = _clock_note(case)
        risk = case.pk in at_risk
        if note:
            rows.append(DashboardRow(case=case, rag=None, bucket=None, clock_note=note, footage_at_risk=risk))
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
        bucket = bucket_for(today=today, due=case.due_on)
        rows.append(DashboardRow(case=case, rag=rag, bucket=bucket, clock_note=note, footage_at_risk=risk))
    return rows


class OpenCaseList:
    """The cases a filter matches, in due order, for a paginator: sliced one page at a time.

    Ordering every open case by ``due_on`` lets a database walk the ``due_on`` index through all 100,000 cases,
    closed ones included, to find the open ones (PostgreSQL and SQLite both chose that plan with a LIMIT). So a
    page is found per open state instead: each state's cases come in due order from the (state, due_on) index,
    never reading a closed case, and are merged. A deep page reads the ids before it, never whole rows.
    """

    def __init__(self, cases: QuerySet[Case], *, states: list[str], total: int) -> None:
        self.cases, self.states, self.total = cases, states, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, wanted: slice) -> list[Case]:
        start, stop = wanted.start or 0, wanted.stop if wanted.stop is not None else self.total
        if stop <= start:
            return []
        runs = [
            list(self.cases.filter(state=state).order_by("due_on", "id").values_list("due_on", "id")[:stop])
            for state in self.states
        ]
        ids = [pk for _, pk in islice(heapq.merge(*runs), start, stop)]
        found = self.cases.filter(pk__in=ids).in_bulk()
        return [found[pk] for pk in ids]


@dataclass(frozen=True)
class DashboardPage:
    rows: list[DashboardRow]
    counts: dict[str, int]
    page: Page
    pagination: dict[str, object]


def dashboard_page(
    *, filters: Mapping[str, str], page: str | None, today: date, per_page: int = PER_PAGE
) -> DashboardPage:
    """The page of open cases asked for (the last one when ``page`` is past the end, the first when it is not a
    number), the bucket counts for every case the filters match, and the pagination links keeping the filters."""
    cases = open_cases(
        assignee=filters.get("assignee", ""),
        state=filters.get("state", ""),
        team=filters.get("team", ""),
        kind=filters.get("kind", ""),
    )
    totals = bucket_totals(cases, today=today)
    chosen_state = filters.get("state", "")
    states = [chosen_state] if chosen_state in {s.value for s in OPEN_STATES} else sorted(OPEN_STATES)
    # OpenCaseList is sliced and counted, which is all a Paginator does; the stubs also ask for int indexing.
    listing = OpenCaseList(cases, states=states, total=totals.total)
    shown: Page[Case] = Paginator(listing, per_page).get_page(page)  # type: ignore[arg-type]
    return DashboardPage(
        rows=dashboard_rows(shown.object_list, today=today),
        counts=totals.counts,
        page=shown,
        # The links carry the filters as the form understood them, never anything else from the query string.
        pagination=pagination(filters, current=shown.number, last=shown.paginator.num_pages),
    )


def _clock_note(case: Case) -> str:
    if case.state == CaseState.AWAITING_ID:
        return "Clock not started: waiting for proof"
    if case.state == CaseState.AWAITING_CLARIFICATION and clock_stops_for_clarification(case):
        return "Clock stopped: waiting for clarification"
    return ""
