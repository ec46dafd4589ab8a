"""When a reply to a data-subject request is due: the statutory clock (UK GDPR Arts 12(3) and 12A; spec §1).

The rules, with the spec's numbers:

- R1.2: the clock starts at the "relevant time", the latest of receipt of the request, of information
  confirming the requester's identity (or a third party's authority to act) and of any fee (Art 12A(1)-(2);
  DPA 2018 s.54(3) for the parallel Part 3 wording; ICO right of access guidance, Dec 2025).
- R1.3: one month "beginning with" the relevant time ends on the same date in the following month, or the
  last day of that month when it has no such date (ICO: "received on 31 January will run until the end of
  28 February"). The day of receipt is day one, even when it is not a working day.
- R1.4: a deadline on a weekend or bank holiday moves to the end of the next working day (ICO guidance).
- R1.6: the period may be extended by two further months (Art 12(3); Art 12A(3)-(4); DPA 2018 s.54(3A)-(3B)),
  so the extended deadline is three months from the relevant time, counted the same way; the requester must
  be told, with reasons, within the first month.
- R1.7: for a subject access request (Art 15) received on or after 5 February 2026 (DUAA 2025 s.76, commenced
  by SI 2026/82 reg 2, saved for earlier requests by reg 4), the days from asking for clarification to
  receiving it do not count (Art 12A(5); DPA 2018 s.54(3C)-(3D)), towards the deadline nor the extension
  notice. "Beginning with ... ending with" counts both ends [CONFIGURABLE: ``inclusive_pause``].
- R1.13: the same timing applies to requests under Arts 16 to 22D; the pause does not.

No Django imports.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple

from pledge.law.calendar import BankHolidayCalendar, OutsideCalendarError, next_working_day_on_or_after

# SI 2026/82 reg 2 commenced DUAA 2025 s.76 (Art 12A, "stop the clock") on this day; reg 4 saves the old
# Art 12(3) rules, with no statutory pause, for requests received before it.
STOP_THE_CLOCK_FROM = date(2026, 2, 5)
MONTHS_TO_RESPOND = 1
MONTHS_WHEN_EXTENDED = 3


class RequestKind(StrEnum):
    """A request under Arts 15 to 22D, each on the Art 12(3) clock; the values match ``rights.Right``."""

    ACCESS = "access"  # Art 15, the only kind the Art 12A(5) pause applies to
    RECTIFICATION = "rectification"  # Art 16
    ERASURE = "erasure"  # Art 17
    RESTRICTION = "restriction"  # Art 18
    PORTABILITY = "portability"  # Art 20
    OBJECTION = "objection"  # Art 21(1)
    OBJECT_DIRECT_MARKETING = "object_direct_marketing"  # Art 21(2)-(3)
    AUTOMATED_DECISIONS = "automated_decisions"  # Arts 22A-22D


class Pause(NamedTuple):
    """A request for clarification: the day it was asked for and the day the answer arrived."""

    asked: date
    answered: date


@dataclass(frozen=True)
class Deadline:
    """The dates of one request's clock.

    ``due`` is the deadline in force: ``extended_due`` when the request has been extended, otherwise the
    one-month deadline. ``extended_due`` shows what an extension would allow; it is None only for a
    request not extended whose three-month date lies beyond the loaded calendar. ``extension_notice_by``
    is the one-month deadline, by which the requester must hear of an extension. ``paused_days`` is the
    number of days the Art 12A(5) pause added (0 when it does not apply).
    """

    start: date
    due: date
    extended_due: date | None
    extension_notice_by: date
    paused_days: int = 0


def add_calendar_months(day: date, months: int) -> date:
    """The same date ``months`` later, or the last day of that month when it is shorter (R1.3)."""
    years, month_index = divmod(day.month - 1 + months, 12)
    year, month = day.year + years, month_index + 1
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    last_day = (date(next_year, next_month, 1) - timedelta(days=1)).day
    return date(year, month, min(day.day, last_day))


def clock_start(
    *,
    received: date,
    id_received: date | None = None,
    authority_received: date | None = None,
    fee_received: date | None = None,
) -> date:
    """The relevant time (R1.2): the latest of the dates given; ValueError for one before ``received``."""
    later = {"id_received": id_received, "authority_received": authority_received, "fee_received": fee_received}
    for name, day in later.items():
        if day is not None and day < received:
            raise ValueError(f"{name} ({day.isoformat()}) is before the request was received ({received.isoformat()})")
    return max([received, *(day for day in later.values() if day is not None)])


def paused_days(
    *,
    received: date,
    start: date,
    pauses: Iterable[tuple[date, date]],
    request_kind: RequestKind,
    inclusive: bool = True,
) -> int:
    """How many days the Art 12A(5) pause adds (R1.7): access requests received on or after 5 Feb 2026 only.

    Days before ``start`` are not counted: the clock has not started then, so there is nothing to stop (R1.8).
    Every pause is checked, even one that does not apply, so bad input is never silently accepted.
    """
    checked = _checked_pauses(pauses, received=received)
    if RequestKind(request_kind) != RequestKind.ACCESS or received < STOP_THE_CLOCK_FROM:
        return 0
    total = 0
    for asked, answered in checked:
        counted_from = max(asked, start)
        if answered >= counted_from:
            total += (answered - counted_from).days + (1 if inclusive else 0)
    return total


def statutory_deadline(
    *,
    received: date,
    id_received: date | None = None,
    authority_received: date | None = None,
    fee_received: date | None = None,
    pauses: Iterable[tuple[date, date]] = (),
    extended: bool = False,
    request_kind: RequestKind = RequestKind.ACCESS,
    calendar: BankHolidayCalendar,
    inclusive_pause: bool = True,
) -> Deadline:
    """The start, due date, extended due date and extension-notice date of a request (spec §1.2).

    Each date is the end of that day. ``calendar`` holds the bank holidays of the council's nation; a date
    the calendar does not cover raises ``OutsideCalendarError`` rather than guessing. Dates out of order
    (an answer before its question, identity confirmed before the request arrived) raise ValueError.
    """
    start = clock_start(
        received=received, id_received=id_received, authority_received=authority_received, fee_received=fee_received
    )
    paused = timedelta(
        days=paused_days(
            received=received, start=start, pauses=pauses, request_kind=request_kind, inclusive=inclusive_pause
        )
    )
    one_month = next_working_day_on_or_after(add_calendar_months(start, MONTHS_TO_RESPOND) + paused, calendar)
    try:
        three_months: date | None = next_working_day_on_or_after(
            add_calendar_months(start, MONTHS_WHEN_EXTENDED) + paused, calendar
        )
    except OutsideCalendarError:
        # A request that is not extended must not fail because a hypothetical extension runs off the calendar.
        if extended:
            raise
        three_months = None
    return Deadline(
        start=start,
        due=three_months if extended and three_months is not None else one_month,
        extended_due=three_months,
        extension_notice_by=one_month,
        paused_days=paused.days,
    )


def _checked_pauses(pauses: Iterable[tuple[date, date]], *, received: date) -> list[Pause]:
    checked = sorted(Pause(*pause) for pause in pauses)
    for asked, answered in checked:
        if answered < asked:
            raise ValueError(
                f"a pause ends ({answered.isoformat()}) before it starts ({asked.isoformat()}): "
                "clarification cannot arrive before it is asked for"
            )
        if asked < received:
            raise ValueError(
                f"a pause starts ({asked.isoformat()}) before the request was received ({received.isoformat()})"
            )
    for earlier, later in zip(checked, checked[1:], strict=False):
        if later.asked <= earlier.answered:
            raise ValueError(
                f"pauses overlap: {earlier.asked.isoformat()}:{earlier.answered.isoformat()} and "
                f"{later.asked.isoformat()}:{later.answered.isoformat()}"
            )
    return checked
