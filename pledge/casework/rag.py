"""Red-amber-green and due-date buckets for the deadline dashboard. No Django imports.

Red: overdue, or due within ``red_within`` working days (default 5, setting ``PLEDGE_CASE_RED_WORKING_DAYS``).
Amber: due within ``amber_within`` working days (default 10, ``PLEDGE_CASE_AMBER_WORKING_DAYS``). Green: later.
Buckets: overdue (due before today), due today, due this week (after today, up to and including Sunday).
"""

from datetime import date, timedelta
from enum import StrEnum

from pledge.law.calendar import BankHolidayCalendar, is_working_day

DEFAULT_RED_WITHIN = 5
DEFAULT_AMBER_WITHIN = 10
SUNDAY = 6


class Rag(StrEnum):
    RED = "red"
    AMBER = "amber"
    GREEN = "green"


RAG_LABELS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green"}


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    THIS_WEEK = "this_week"
    LATER = "later"


def working_days_until(*, today: date, due: date, calendar: BankHolidayCalendar) -> int:
    """Working days after ``today`` up to and including ``due`` (0 when due today or earlier)."""
    days, day = 0, today
    while day < due:
        day += timedelta(days=1)
        if is_working_day(day, calendar):
            days += 1
    return days


def rag_for(
    *,
    today: date,
    due: date,
    calendar: BankHolidayCalendar,
    red_within: int = DEFAULT_RED_WITHIN,
    amber_within: int = DEFAULT_AMBER_WITHIN,
) -> Rag:
    """How urgent a due date is; OutsideCalendarError when the days between are not in the calendar."""
    if due < today:
        return Rag.RED
    remaining = working_days_until(today=today, due=due, calendar=calendar)
    if remaining <= red_within:
        return Rag.RED
    if remaining <= amber_within:
        return Rag.AMBER
    return Rag.GREEN


def end_of_week(today: date) -> date:
    """The Sunday that ends ``today``'s week (``today`` itself on a Sunday): the last day "this week" covers."""
    return today + timedelta(days=SUNDAY - today.weekday())


def bucket_for(*, today: date, due: date) -> Bucket:
    """Which dashboard bucket a due date falls in."""
    if due < today:
        return Bucket.OVERDUE
    if due == today:
        return Bucket.TODAY
    if due <= end_of_week(today):
        return Bucket.THIS_WEEK
    return Bucket.LATER
