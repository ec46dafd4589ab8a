"""How urgent retrieving a window of footage is on a given day, and whether it was gone before the request came."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from pledge.law.footage import FootageUrgency, overwritten_before_receipt, window_status

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")
START, END = datetime(2026, 11, 3, 10, tzinfo=LONDON), datetime(2026, 11, 3, 11, tzinfo=LONDON)  # gone 4 December


def status(now: datetime, warning_days: int = 7):
    return window_status(start=START, end=END, retention_days=31, now=now, warning_days=warning_days)


@pytest.mark.parametrize(
    ("now", "urgency", "days_left"),
    [
        (datetime(2026, 11, 26, 9, tzinfo=LONDON), FootageUrgency.SAFE, 8),
        (datetime(2026, 11, 27, 0, 0, tzinfo=LONDON), FootageUrgency.AT_RISK, 7),
        (datetime(2026, 12, 1, 12, tzinfo=LONDON), FootageUrgency.AT_RISK, 3),
        (datetime(2026, 12, 3, 23, 59, tzinfo=LONDON), FootageUrgency.AT_RISK, 1),
        (datetime(2026, 12, 4, 0, 0, tzinfo=LONDON), FootageUrgency.LAST_DAY, 0),
        (datetime(2026, 12, 4, 9, 59, tzinfo=LONDON), FootageUrgency.LAST_DAY, 0),
        (datetime(2026, 12, 4, 10, 0, tzinfo=LONDON), FootageUrgency.PARTLY_OVERWRITTEN, 0),
        (datetime(2026, 12, 4, 10, 59, tzinfo=LONDON), FootageUrgency.PARTLY_OVERWRITTEN, 0),
        (datetime(2026, 12, 4, 11, 0, tzinfo=LONDON), FootageUrgency.OVERWRITTEN, 0),
        (datetime(2026, 12, 20, 9, tzinfo=LONDON), FootageUrgency.OVERWRITTEN, -16),
    ],
)
def test_the_urgency_follows_the_day_the_start_of_the_window_is_overwritten(now, urgency, days_left) -> None:
    found = status(now)
    assert (found.urgency, found.days_left, found.overwritten_on) == (urgency, days_left, date(2026, 12, 4))


def test_the_warning_period_can_be_set() -> None:
    assert status(datetime(2026, 11, 30, 12, tzinfo=LONDON), warning_days=3).urgency == FootageUrgency.SAFE
    assert status(datetime(2026, 12, 1, 12, tzinfo=LONDON), warning_days=3).urgency == FootageUrgency.AT_RISK
    assert status(datetime(2026, 12, 3, 12, tzinfo=LONDON), warning_days=0).urgency == FootageUrgency.SAFE


def test_it_refuses_a_negative_warning_period() -> None:
    with pytest.raises(ValueError, match="negative"):
        status(datetime(2026, 12, 1, tzinfo=LONDON), warning_days=-1)


def test_the_days_left_are_counted_in_london_days_not_utc_days() -> None:
    # 23:30 UTC on 31 October is still 31 October in GMT, but 00:30 BST on 1 October is the 1st, not 30 September.
    start = datetime(2026, 10, 1, 0, 30, tzinfo=LONDON)
    found = window_status(
        start=start, end=start.replace(hour=1), retention_days=31, now=datetime(2026, 10, 30, 12, tzinfo=LONDON)
    )
    assert (found.overwritten_on, found.days_left, found.urgency) == (date(2026, 10, 31), 1, FootageUrgency.AT_RISK)


def test_on_a_clock_change_day_the_last_day_ends_at_the_overwrite_instant() -> None:
    # 01:30 BST on 25 September; 30 days later is the first of the two 01:30s on 25 October (00:30 UTC).
    start = datetime(2026, 9, 25, 1, 30, tzinfo=LONDON)
    end = start.replace(hour=2)
    before = window_status(start=start, end=end, retention_days=30, now=datetime(2026, 10, 25, 1, 29, tzinfo=LONDON))
    after = window_status(start=start, end=end, retention_days=30, now=datetime(2026, 10, 25, 0, 31, tzinfo=UTC))
    assert (before.urgency, after.urgency) == (FootageUrgency.LAST_DAY, FootageUrgency.PARTLY_OVERWRITTEN)


@pytest.mark.parametrize(
    ("received_on", "already_gone"),
    [(date(2026, 12, 3), False), (date(2026, 12, 4), False), (date(2026, 12, 5), True), (date(2027, 1, 4), True)],
)
def test_it_says_when_the_window_was_gone_before_the_request_arrived(received_on: date, already_gone: bool) -> None:
    assert overwritten_before_receipt(end=END, retention_days=31, received_on=received_on) is already_gone
