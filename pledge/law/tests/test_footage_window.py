"""The window of footage a request names: ends after it starts, nothing in the future, longer than a day only
with a reason."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from pledge.law.footage import window_problem

NOW = datetime(2026, 12, 1, 12, tzinfo=ZoneInfo("Europe/London"))
START = NOW - timedelta(days=5)


def test_a_window_of_an_hour_in_the_past_is_fine() -> None:
    assert window_problem(start=START, end=START + timedelta(hours=1), now=NOW) is None


def test_a_window_ending_now_is_fine() -> None:
    assert window_problem(start=NOW - timedelta(hours=2), end=NOW, now=NOW) is None


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        (
            NOW + timedelta(minutes=1),
            NOW + timedelta(hours=1),
            ("start", "The start of the window cannot be in the future"),
        ),
        (
            NOW - timedelta(hours=1),
            NOW + timedelta(minutes=1),
            ("end", "The end of the window cannot be in the future"),
        ),
        (START, START, ("end", "The end of the window must be after its start")),
        (START, START - timedelta(minutes=1), ("end", "The end of the window must be after its start")),
    ],
)
def test_it_refuses_a_window_that_cannot_be(start: datetime, end: datetime, problem: tuple[str, str]) -> None:
    assert window_problem(start=start, end=end, now=NOW) == problem


def test_exactly_24_hours_needs_no_reason_but_a_minute_more_does() -> None:
    assert window_problem(start=START, end=START + timedelta(hours=24), now=NOW) is None
    assert window_problem(start=START, end=START + timedelta(hours=24, minutes=1), now=NOW) == (
        "long_window_reason",
        "Give the reason the window is longer than 24 hours",
    )


def test_a_longer_window_is_fine_with_a_reason_but_not_a_blank_one() -> None:
    end = START + timedelta(days=3)
    assert window_problem(start=START, end=end, now=NOW, long_window_reason="Whole weekend asked for") is None
    assert window_problem(start=START, end=end, now=NOW, long_window_reason="   ") is not None


def test_the_longest_window_without_a_reason_can_be_set() -> None:
    assert window_problem(start=START, end=START + timedelta(hours=3), now=NOW, max_hours=2) is not None
