"""The rules behind a council's annual figures for rights requests: reporting periods, "on time", median days.

- On time: UK GDPR Art 12(3) requires the council to act on a request "without undue delay and in any event
  within one month" (three when extended), so a request is answered on time when the response was sent on or
  before its due date. A refusal (Art 12(4)) is a response: sent in time, it counts as answered on time (ICO
  right of access guidance, "What should we do if we refuse to comply with a request?").
- A request still open after its due date has already missed it, so it counts as late before any response is
  sent; one whose clock is not running (waiting for proof of identity, R1.8, or for clarification of an access
  request, Art 12A(5)) is not late yet. Withdrawn requests, and those closed without a response because the
  requester never proved who they were or never clarified, were never owed an answer and are not counted.
- Days to respond are calendar days from receipt to the response, as the ICO's own casework statistics count
  them; the median is the middle value (the mean of the middle two for an even count).
- A local authority's financial year is "the period of twelve months ending with 31st March" (Local Government
  Act 1972 s.270(1)), so it runs from 1 April; a calendar year from 1 January to 31 December.

No Django imports.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from statistics import median

FINANCIAL_YEAR_STARTS = 4  # April
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class PeriodKind(StrEnum):
    CALENDAR_YEAR = "calendar_year"
    FINANCIAL_YEAR = "financial_year"
    DATES = "dates"


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both included, with a label for headings and file names."""

    start: date
    end: date
    label: str
    slug: str

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A reporting period cannot end before it starts")

    def contains(self, day: date) -> bool:
        """True when ``day`` falls in the period."""
        return self.start <= day <= self.end


def calendar_year(year: int) -> Period:
    """1 January to 31 December of ``year``."""
    return Period(start=date(year, 1, 1), end=date(year, 12, 31), label=f"January to December {year}", slug=str(year))


def financial_year(starting: int) -> Period:
    """1 April ``starting`` to 31 March the year after (Local Government Act 1972 s.270(1))."""
    return Period(
        start=date(starting, FINANCIAL_YEAR_STARTS, 1),
        end=date(starting + 1, FINANCIAL_YEAR_STARTS, 1) - timedelta(days=1),
        label=f"April {starting} to March {starting + 1}",
        slug=f"{starting}-{(starting + 1) % 100:02d}",
    )


def financial_year_containing(day: date) -> Period:
    """The financial year ``day`` falls in: 31 March is the last day of one, 1 April the first of the next."""
    return financial_year(day.year if day.month >= FINANCIAL_YEAR_STARTS else day.year - 1)


def between(start: date, end: date) -> Period:
    """Any run of days, both ends included; ValueError when ``end`` is before ``start``."""
    label = (
        f"{start.day} {MONTH_NAMES[start.month - 1]} {start.year} to {end.day} {MONTH_NAMES[end.month - 1]} {end.year}"
    )
    return Period(start=start, end=end, label=label, slug=f"{start.isoformat()}-to-{end.isoformat()}")


def month_of(day: date) -> date:
    """The first day of the month ``day`` falls in, the key that buckets a date by month."""
    return day.replace(day=1)


def months_in(period: Period, *, until: date | None = None) -> list[date]:
    """The first day of every month the period touches, in order, including part months at either end.

    ``until`` (usually today) stops the list at the month it falls in, so a year in progress has no empty
    months still to come.
    """
    last = period.end if until is None else min(period.end, until)
    months, month = [], month_of(period.start)
    while month <= last:
        months.append(month)
        month = (month + timedelta(days=32)).replace(day=1)
    return months


def month_label(month: date) -> str:
    """Like "April 2026"."""
    return f"{MONTH_NAMES[month.month - 1]} {month.year}"


class Timeliness(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    OPEN = "open"  # not answered yet and not late yet
    NOT_COUNTED = "not_counted"  # withdrawn, or closed without a response being owed


TIMELINESS_LABELS = {
    Timeliness.ON_TIME: "On time",
    Timeliness.LATE: "Late",
    Timeliness.OPEN: "Open, not yet due",
    Timeliness.NOT_COUNTED: "Not counted",
}


def timeliness(*, due: date, responded: date | None, still_open: bool, clock_running: bool, today: date) -> Timeliness:
    """Whether a request was answered in time (Art 12(3)): a response on or before ``due`` is on time.

    An open request is late once ``today`` is after its due date, unless its clock is not running. A request
    that is neither answered nor open (withdrawn, or closed without a response) is not counted.
    """
    if responded is not None:
        return Timeliness.ON_TIME if responded <= due else Timeliness.LATE
    if not still_open:
        return Timeliness.NOT_COUNTED
    if clock_running and today > due:
        return Timeliness.LATE
    return Timeliness.OPEN


def days_to_respond(*, received: date, responded: date) -> int:
    """Calendar days from receipt to the response: 0 when answered the day it arrived."""
    if responded < received:
        raise ValueError("A response cannot be sent before the request was received")
    return (responded - received).days


def median_days(days: Iterable[int]) -> float | None:
    """The median of ``days``, or None when there are none."""
    values = sorted(days)
    return float(median(values)) if values else None


def percentage(part: int, whole: int) -> float | None:
    """``part`` as a percentage of ``whole``, or None when ``whole`` is 0 (no figure rather than 0%)."""
    return 100 * part / whole if whole else None


def on_time_percentage(outcomes: Sequence[Timeliness]) -> float | None:
    """The share of counted requests (on time plus late) answered on time; None when none are counted."""
    on_time = sum(1 for outcome in outcomes if outcome == Timeliness.ON_TIME)
    late = sum(1 for outcome in outcomes if outcome == Timeliness.LATE)
    return percentage(on_time, on_time + late)
