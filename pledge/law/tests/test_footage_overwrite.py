"""When CCTV footage is overwritten: retention days of elapsed time, across month ends, leap days and clock changes."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pledge.law.footage import overwritten_at, overwritten_on

LONDON = ZoneInfo("Europe/London")
UTC = ZoneInfo("UTC")


def at(*parts: int, fold: int = 0) -> datetime:
    return datetime(*parts, tzinfo=LONDON, fold=fold)  # type: ignore[arg-type, misc]


@pytest.mark.parametrize(
    ("recorded", "days", "expected"),
    [
        (at(2026, 11, 3, 10), 31, date(2026, 12, 4)),  # the example the case page gives
        (at(2026, 1, 31, 12), 30, date(2026, 3, 2)),  # past a 28-day February
        (at(2028, 1, 31, 12), 30, date(2028, 3, 1)),  # past a leap February
        (at(2028, 2, 29, 10), 1, date(2028, 3, 1)),  # from a leap day
        (at(2028, 2, 28, 10), 1, date(2028, 2, 29)),  # onto a leap day
        (at(2026, 12, 31, 23, 59), 1, date(2027, 1, 1)),  # into a new year
        (at(2026, 4, 30, 8), 31, date(2026, 5, 31)),  # a 30-day month end
        (at(2026, 12, 1, 0, 0), 7, date(2026, 12, 8)),  # midnight in GMT stays on its day
    ],
)
def test_it_counts_the_retention_days_from_the_recording(recorded: datetime, days: int, expected: date) -> None:
    assert overwritten_on(recorded_at=recorded, retention_days=days) == expected


def test_footage_is_overwritten_exactly_the_retention_period_of_elapsed_time_later() -> None:
    recorded = at(2026, 11, 3, 10)
    assert overwritten_at(recorded_at=recorded, retention_days=31) - recorded == timedelta(days=31)


def test_across_the_autumn_clock_change_the_local_time_moves_back_an_hour() -> None:
    gone = overwritten_at(recorded_at=at(2026, 10, 10, 10), retention_days=31).astimezone(LONDON)
    assert (gone.date(), gone.hour) == (date(2026, 11, 10), 9)


def test_just_after_midnight_in_bst_it_is_overwritten_the_evening_before_in_gmt() -> None:
    # 00:30 BST on 1 October is 23:30 UTC on 30 September; 31 days later is 23:30 GMT on 31 October.
    recorded = at(2026, 10, 1, 0, 30)
    gone = overwritten_at(recorded_at=recorded, retention_days=31).astimezone(LONDON)
    assert (gone.date(), gone.hour, gone.minute) == (date(2026, 10, 31), 23, 30)
    assert overwritten_on(recorded_at=recorded, retention_days=31) == date(2026, 10, 31)


def test_just_before_midnight_in_gmt_it_is_overwritten_after_midnight_in_bst() -> None:
    recorded = at(2026, 3, 1, 23, 30)
    gone = overwritten_at(recorded_at=recorded, retention_days=31).astimezone(LONDON)
    assert (gone.date(), gone.hour, gone.minute) == (date(2026, 4, 2), 0, 30)


def test_footage_from_the_spring_change_day_is_overwritten_an_hour_later_by_the_clock() -> None:
    # 00:30 GMT on Sunday 29 March 2026, half an hour before the clocks go forward.
    gone = overwritten_at(recorded_at=at(2026, 3, 29, 0, 30), retention_days=1).astimezone(LONDON)
    assert (gone.date(), gone.hour, gone.minute) == (date(2026, 3, 30), 1, 30)


def test_the_repeated_hour_of_the_autumn_change_day_is_told_apart() -> None:
    first = overwritten_at(recorded_at=at(2026, 10, 25, 1, 30, fold=0), retention_days=1)  # 01:30 BST
    second = overwritten_at(recorded_at=at(2026, 10, 25, 1, 30, fold=1), retention_days=1)  # 01:30 GMT
    assert (first.astimezone(LONDON).hour, second.astimezone(LONDON).hour) == (0, 1)
    assert second - first == timedelta(hours=1)


def test_a_utc_recording_time_gives_the_same_local_day() -> None:
    recorded = datetime(2026, 6, 30, 23, 30, tzinfo=UTC)  # 00:30 BST on 1 July
    assert overwritten_on(recorded_at=recorded, retention_days=30) == date(2026, 7, 31)


def test_it_refuses_a_time_with_no_time_zone() -> None:
    with pytest.raises(ValueError, match="aware"):
        overwritten_at(recorded_at=datetime(2026, 11, 3, 10), retention_days=31)


@pytest.mark.parametrize("days", [0, -1])
def test_it_refuses_a_retention_of_less_than_a_day(days: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        overwritten_at(recorded_at=at(2026, 11, 3, 10), retention_days=days)
