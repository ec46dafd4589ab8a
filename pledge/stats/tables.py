"""Aggregate tables of counts, before suppression: requests from the casework, people from a connected system.

A table is counts only; nothing in it names anyone. Suppression (``pledge.law.suppression``) happens on export.
"""

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pledge.casework.models import Case, CaseKind
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.states import STATE_LABELS, CaseState


@dataclass(frozen=True)
class CountTable:
    """Counts by two characteristics: ``counts[i][j]`` people or requests with row label i and column label j."""

    title: str
    row_heading: str
    column_heading: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]


def cross_tabulate(
    *,
    title: str,
    row_heading: str,
    column_heading: str,
    pairs: Iterable[tuple[str, str]],
    rows: Sequence[str] = (),
    columns: Sequence[str] = (),
) -> CountTable:
    """Count (row, column) pairs; given ``rows``/``columns`` fix the order and keep empty lines (a category with
    nobody in it still appears as zeros, so that its absence is not itself a disclosure)."""
    tally = Counter(pairs)
    row_labels = list(rows) + sorted({r for r, _ in tally} - set(rows))
    column_labels = list(columns) + sorted({c for _, c in tally} - set(columns))
    return CountTable(
        title=title,
        row_heading=row_heading,
        column_heading=column_heading,
        rows=tuple(row_labels),
        columns=tuple(column_labels),
        counts=tuple(tuple(tally[(r, c)] for c in column_labels) for r in row_labels),
    )


def quarter_of(day: date) -> str:
    """'2026 Q3' (calendar quarters)."""
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def requests_by_kind_and_quarter(*, received_from: date, received_to: date) -> CountTable:
    """Rights requests received in the period, by kind and calendar quarter."""
    # Rights requests only: complaints and suggestions share the case engine but are reported on their own.
    cases = Case.objects.filter(
        kind__in=RIGHTS_REQUEST_KINDS, received_on__gte=received_from, received_on__lte=received_to
    )
    labels = dict(CaseKind.choices)
    pairs = ((str(labels[kind]), quarter_of(day)) for kind, day in cases.values_list("kind", "received_on"))
    quarters = _quarters(received_from, received_to)
    return cross_tabulate(
        title=f"Rights requests received {received_from:%-d %B %Y} to {received_to:%-d %B %Y}, by kind and quarter",
        row_heading="Kind of request",
        column_heading="Quarter received",
        pairs=pairs,
        rows=[str(label) for label in labels.values()],
        columns=quarters,
    )


def requests_by_kind_and_state(*, received_from: date, received_to: date) -> CountTable:
    """Rights requests received in the period, by kind and where they stand now."""
    # Rights requests only: complaints and suggestions share the case engine but are reported on their own.
    cases = Case.objects.filter(
        kind__in=RIGHTS_REQUEST_KINDS, received_on__gte=received_from, received_on__lte=received_to
    )
    kinds = dict(CaseKind.choices)
    pairs = ((str(kinds[kind]), STATE_LABELS[CaseState(state)]) for kind, state in cases.values_list("kind", "state"))
    return cross_tabulate(
        title=f"Rights requests received {received_from:%-d %B %Y} to {received_to:%-d %B %Y}, by kind and state",
        row_heading="Kind of request",
        column_heading="State",
        pairs=pairs,
        rows=[str(label) for label in kinds.values()],
        columns=list(STATE_LABELS.values()),
    )


def _quarters(start: date, end: date) -> list[str]:
    found: list[str] = []
    year, month = start.year, (start.month - 1) // 3 * 3 + 1
    while date(year, month, 1) <= end:
        found.append(quarter_of(date(year, month, 1)))
        year, month = (year + 1, 1) if month == 10 else (year, month + 3)
    return found


AGE_BANDS = ("0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85 and over")
NOT_KNOWN = "Not known"


def age_band(*, born: date | None, on: date) -> str:
    """The equalities age band of someone born on ``born`` as at ``on`` (``NOT_KNOWN`` without a date)."""
    if born is None or born > on:
        return NOT_KNOWN
    age = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    starts = [0, 18, 25, 35, 45, 55, 65, 75, 85]
    return AGE_BANDS[max(i for i, low in enumerate(starts) if age >= low)]


Characteristic = Callable[[dict[str, object]], str]
