"""Red-amber-green by working days, and the dashboard's due-date buckets."""

from datetime import date

import pytest

from pledge.casework.rag import Bucket, Rag, bucket_for, rag_for, working_days_until
from pledge.law.calendar import Nation, OutsideCalendarError, shipped_calendars

CALENDAR = shipped_calendars()[Nation.ENGLAND_AND_WALES]
MONDAY = date(2026, 9, 14)


def test_working_days_skip_weekends_and_bank_holidays() -> None:
    assert working_days_until(today=date(2026, 12, 23), due=date(2026, 12, 29), calendar=CALENDAR) == 2


@pytest.mark.parametrize(
    ("due", "rag"),
    [
        (date(2026, 9, 11), Rag.RED),  # overdue
        (MONDAY, Rag.RED),  # due today
        (date(2026, 9, 21), Rag.RED),  # 5 working days away
        (date(2026, 9, 22), Rag.AMBER),  # 6
        (date(2026, 9, 28), Rag.AMBER),  # 10
        (date(2026, 9, 29), Rag.GREEN),  # 11
    ],
)
def test_rag_follows_the_working_day_thresholds(due: date, rag: Rag) -> None:
    assert rag_for(today=MONDAY, due=due, calendar=CALENDAR) == rag


def test_the_thresholds_can_be_changed() -> None:
    assert rag_for(today=MONDAY, due=date(2026, 9, 16), calendar=CALENDAR, red_within=1, amber_within=2) == Rag.AMBER


def test_rag_outside_the_calendar_is_an_error() -> None:
    with pytest.raises(OutsideCalendarError):
        rag_for(today=date(2027, 12, 20), due=date(2028, 1, 20), calendar=CALENDAR)


@pytest.mark.parametrize(
    ("due", "bucket"),
    [
        (date(2026, 9, 13), Bucket.OVERDUE),
        (MONDAY, Bucket.TODAY),
        (date(2026, 9, 15), Bucket.THIS_WEEK),
        (date(2026, 9, 20), Bucket.THIS_WEEK),  # Sunday
        (date(2026, 9, 21), Bucket.LATER),
    ],
)
def test_buckets_run_to_the_end_of_the_week(due: date, bucket: Bucket) -> None:
    assert bucket_for(today=MONDAY, due=due) == bucket
