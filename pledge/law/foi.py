"""Freedom of information clocks: FOIA 2000 s.10, EIR 2004 regs 5 and 7, FOISA 2002 s.10 (uk-rules.md §13).

These count **working days**, and day 1 is the first working day after the date of receipt (F1, F3, F8), unlike
the one-month UK GDPR clock in ``deadlines``. A working day under FOIA s.10(6) excludes weekends, Christmas Day,
Good Friday and a bank holiday in **any part of the United Kingdom** (F2): the FOI calendar is the union of the
three nations' calendars, not the council's own nation's. FOISA s.73 counts only Scotland's bank holidays
[UNVERIFIED: configurable through ``non_working_nations``]. Office closure days still count as working days
(ICO LTT47). No Django imports.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from pledge.law.calendar import BankHolidayCalendar, Nation, OutsideCalendarError, describe_years

SATURDAY = 5
STATUTORY_WORKING_DAYS = 20  # FOIA s.10(1), EIR reg 5(2), FOISA s.10(1)
EIR_EXTENDED_WORKING_DAYS = 40  # EIR reg 7(1): complexity *and* volume (F9)
# FOIA s.10(3) allows "such time as is reasonable" for the public interest test; the ICO treats a further 20
# working days as normally reasonable [MEMORY/UNVERIFIED], so it is a default, not a rule (F6).
DEFAULT_PUBLIC_INTEREST_EXTRA_DAYS = 20
INTERNAL_REVIEW_WORKING_DAYS = 20  # s.45 code of practice target; FOISA s.21 sets 20 working days in statute


class Regime(StrEnum):
    """The access-to-information regime a request falls under."""

    FOI = "foi"  # Freedom of Information Act 2000 (England, Wales, Northern Ireland)
    EIR = "eir"  # Environmental Information Regulations 2004
    FOISA = "foisa"  # Freedom of Information (Scotland) Act 2002


class ReceiptRule(StrEnum):
    """How a request received on a non-working day is counted (F3)."""

    # ICO reading (LTT47): receipt may be any day; day 1 is the first working day after it.
    ICO = "ico"
    # Some councils treat it as received on the next working day, which gives one working day more.
    NEXT_WORKING_DAY = "next-working-day"


# Whose bank holidays make a day non-working, per regime (F2; FOISA s.73 [UNVERIFIED]).
DEFAULT_NON_WORKING_NATIONS: Mapping[Regime, frozenset[Nation]] = {
    Regime.FOI: frozenset(Nation),
    Regime.EIR: frozenset(Nation),
    Regime.FOISA: frozenset({Nation.SCOTLAND}),
}


@dataclass(frozen=True)
class WorkingDays:
    """Non-working days for one regime: weekends plus the union of the chosen nations' bank holidays.

    Christmas Day and Good Friday are bank holidays in every nation's gov.uk feed, so the union covers them.
    ``years`` is the intersection of the calendars' years: a day outside it cannot be classed with certainty.
    """

    holidays: frozenset[date]
    years: frozenset[int]

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday and a bank holiday in none of the chosen nations; an error outside the years."""
        if day.year not in self.years:
            raise OutsideCalendarError(
                f"{day.isoformat()} is outside the bank-holiday calendars, which cover "
                f"{describe_years(self.years)}; load a newer gov.uk bank-holidays.json"
            )
        return day.weekday() < SATURDAY and day not in self.holidays


def working_days_for(
    regime: Regime,
    calendars: Mapping[Nation, BankHolidayCalendar],
    *,
    non_working_nations: Mapping[Regime, frozenset[Nation]] = DEFAULT_NON_WORKING_NATIONS,
) -> WorkingDays:
    """The working-day calendar ``regime`` counts in, built from the loaded gov.uk calendars (F2)."""
    nations = non_working_nations[regime]
    chosen = [calendars[nation] for nation in sorted(nations)]
    if not chosen:
        raise ValueError(f"no nations' bank holidays are configured for {regime.value}")
    holidays = frozenset().union(*(c.holidays for c in chosen))
    years = frozenset.intersection(*(c.years for c in chosen))
    return WorkingDays(holidays=holidays, years=years)


def nth_working_day_after(day: date, n: int, calendar: WorkingDays) -> date:
    """The ``n``th working day after ``day`` (``day`` itself never counts, whatever it is)."""
    if n < 1:
        raise ValueError("n must be at least 1")
    counted = 0
    while counted < n:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return day


def working_days_between(first: date, last: date, calendar: WorkingDays) -> int:
    """Working days from ``first`` to ``last``, both included (the fees-notice pause of FOIA s.10(2), F4)."""
    if last < first:
        raise ValueError(f"the period ends ({last.isoformat()}) before it begins ({first.isoformat()})")
    return sum(1 for offset in range((last - first).days + 1) if calendar.is_working_day(first + timedelta(offset)))


def counted_receipt(received: date, calendar: WorkingDays, *, rule: ReceiptRule = ReceiptRule.ICO) -> date:
    """The date counting starts from under ``rule`` (F3): the receipt date, or the next working day on or after."""
    if rule is ReceiptRule.ICO:
        return received
    while not calendar.is_working_day(received):
        received += timedelta(days=1)
    return received


@dataclass(frozen=True)
class FeePause:
    """A fees notice (FOIA s.9) and the day the fee arrived, or None while it is unpaid."""

    notice_given: date
    fee_received: date | None


@dataclass(frozen=True)
class FoiClock:
    """The dates an FOI/EIR/FOISA request is worked to."""

    regime: Regime
    counted_from: date
    due: date  # the long-stop: the 20th working day (s.10(1) also demands "promptly")
    paused_working_days: int
    extended_due: date | None  # EIR reg 7: the 40th working day; FOI s.10(3): the public-interest estimate
    extension_notice_by: date | None  # the requester must hear of an extension within the first 20 days


def request_clock(
    *,
    regime: Regime,
    received: date,
    calendar: WorkingDays,
    fee_pauses: Iterable[FeePause] = (),
    extended: bool = False,
    public_interest_extra_days: int = DEFAULT_PUBLIC_INTEREST_EXTRA_DAYS,
    receipt_rule: ReceiptRule = ReceiptRule.ICO,
) -> FoiClock:
    """Due dates of an information request (FOIA s.10(1)-(3), EIR regs 5(2) and 7, FOISA s.10).

    ``received`` is the date of receipt, or of the clarification that made the request answerable: a clarified
    request is a new request with a fresh clock (FOIA s.1(3), EIR reg 9(4); F5, F10), so callers pass that date.
    A paid fee's notice period is disregarded, both ends included (F4); an unpaid fee stops the clock (s.9(2)),
    so the due date is not computed and ``ValueError`` says why. ``extended`` is the EIR reg 7 extension to 40
    working days or, for FOI and FOISA, an estimate of the reasonable public-interest extension (F6), which
    never moves the s.17 refusal notice past day 20.
    """
    start = counted_receipt(received, calendar, rule=receipt_rule)
    paused = 0
    for pause in fee_pauses:
        if pause.fee_received is None:
            raise ValueError("the fee is unpaid: the clock is stopped until it arrives (FOIA s.9(2), s.10(2))")
        if pause.notice_given < received:
            raise ValueError("a fees notice cannot be given before the request was received")
        paused += working_days_between(pause.notice_given, pause.fee_received, calendar)
    due = nth_working_day_after(start, STATUTORY_WORKING_DAYS + paused, calendar)
    extended_due = None
    if extended:
        if regime is Regime.EIR:
            extended_due = nth_working_day_after(start, EIR_EXTENDED_WORKING_DAYS + paused, calendar)
        else:
            extended_due = nth_working_day_after(due, public_interest_extra_days, calendar)
    return FoiClock(
        regime=regime,
        counted_from=start,
        due=due,
        paused_working_days=paused,
        extended_due=extended_due,
        extension_notice_by=due if extended else None,
    )


def internal_review_due(requested: date, calendar: WorkingDays) -> date:
    """Target for an internal review: 20 working days after the review was asked for (s.45 code; FOISA s.21)."""
    return nth_working_day_after(requested, INTERNAL_REVIEW_WORKING_DAYS, calendar)


def within_time(*, answered: date, clock: FoiClock) -> bool:
    """Whether an answer met its deadline, counting an extension the requester was told of in time."""
    return answered <= (clock.extended_due or clock.due)
