"""The 72-hour ICO clock (UK GDPR Art 33(1)): elapsed hours from awareness, real hours across clock changes."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pledge.law.breach import alerts_due, countdown, format_moment, hours_since, ico_deadline, is_late

LONDON = ZoneInfo("Europe/London")


def london(year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=LONDON)


def test_the_spec_worked_example_runs_over_christmas_and_the_weekend() -> None:
    deadline = ico_deadline(aware_at=london(2026, 12, 24, 16, 30))
    assert format_moment(deadline) == "Sun 27 Dec 2026 16:30"


def test_the_deadline_is_72_real_hours_when_the_clocks_go_back() -> None:
    aware = london(2026, 10, 23, 12, 0)  # BST; the clocks go back at 02:00 on Sun 25 Oct 2026
    deadline = ico_deadline(aware_at=aware)
    assert format_moment(deadline) == "Mon 26 Oct 2026 11:00"
    assert deadline.utcoffset() == timedelta(0)
    assert deadline.astimezone(UTC) - aware.astimezone(UTC) == timedelta(hours=72)


def test_the_deadline_is_72_real_hours_when_the_clocks_go_forward() -> None:
    aware = london(2026, 3, 27, 12, 0)  # GMT; the clocks go forward at 01:00 on Sun 29 Mar 2026
    deadline = ico_deadline(aware_at=aware)
    assert format_moment(deadline) == "Mon 30 Mar 2026 13:00"
    assert deadline.astimezone(UTC) - aware.astimezone(UTC) == timedelta(hours=72)


def test_awareness_in_the_repeated_hour_counts_from_the_right_one() -> None:
    first = london(2026, 10, 25, 1, 30)  # fold=0: 01:30 BST
    second = first.replace(fold=1)  # 01:30 GMT, an hour later
    assert ico_deadline(aware_at=second).astimezone(UTC) - ico_deadline(aware_at=first).astimezone(UTC) == timedelta(
        hours=1
    )


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        ico_deadline(aware_at=datetime(2026, 12, 24, 16, 30))


def test_a_report_at_exactly_72_hours_is_on_time_and_a_minute_later_is_late() -> None:
    aware = london(2026, 12, 24, 16, 30)
    assert not is_late(aware_at=aware, notified_at=london(2026, 12, 27, 16, 30))
    assert is_late(aware_at=aware, notified_at=london(2026, 12, 27, 16, 31))


def test_lateness_counts_real_hours_across_the_autumn_change() -> None:
    aware = london(2026, 10, 23, 12, 0)
    assert not is_late(aware_at=aware, notified_at=london(2026, 10, 26, 11, 0))
    assert is_late(aware_at=aware, notified_at=london(2026, 10, 26, 11, 30))  # 11:30 looks on time on the wall clock


def test_the_countdown_reads_as_the_brief_shows_it() -> None:
    clock = countdown(aware_at=london(2026, 12, 24, 16, 30), now=london(2026, 12, 25, 23, 30))
    assert clock.sentence() == "Decide by Sun 27 Dec 2026 16:30: 41 hours left"
    assert not clock.overdue


def test_hours_left_round_down() -> None:
    clock = countdown(aware_at=london(2026, 12, 24, 16, 30), now=london(2026, 12, 27, 14, 31))
    assert clock.hours_left == 1
    assert clock.sentence().endswith("1 hour left")


def test_the_last_hour_says_less_than_an_hour() -> None:
    clock = countdown(aware_at=london(2026, 12, 24, 16, 30), now=london(2026, 12, 27, 16, 0))
    assert clock.sentence() == "Decide by Sun 27 Dec 2026 16:30: less than an hour left"


def test_an_overdue_breach_says_how_long_ago() -> None:
    clock = countdown(aware_at=london(2026, 12, 24, 16, 30), now=london(2026, 12, 27, 21, 45))
    assert clock.overdue
    assert clock.sentence() == "Overdue: the decision was due by Sun 27 Dec 2026 16:30 (5 hours ago)"


def test_just_overdue_says_less_than_an_hour_ago() -> None:
    clock = countdown(aware_at=london(2026, 12, 24, 16, 30), now=london(2026, 12, 27, 16, 31))
    assert clock.sentence().endswith("(less than an hour ago)")


def test_hours_since_counts_real_hours() -> None:
    assert hours_since(aware_at=london(2026, 10, 24, 12, 0), now=london(2026, 10, 25, 12, 0)) == 25


@pytest.mark.parametrize(
    ("hours", "sent", "due"),
    [
        (23.9, frozenset(), []),
        (24, frozenset(), [24]),
        (59, frozenset({24}), []),
        (60, frozenset({24}), [60]),
        (61, frozenset(), [24, 60]),
        (100, frozenset({24, 60}), []),
    ],
)
def test_reminders_fall_due_at_24_and_60_hours_once_each(hours: float, sent: frozenset[int], due: list[int]) -> None:
    aware = london(2026, 12, 24, 16, 30)
    assert alerts_due(aware_at=aware, now=aware + timedelta(hours=hours), already_sent=sent) == due
