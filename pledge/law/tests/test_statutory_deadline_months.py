"""R1.3/R1.4: a month runs to the same date next month, clamped to the month's end, then to a working day."""

from datetime import date

import pytest

from pledge.law.calendar import Nation, shipped_calendars
from pledge.law.deadlines import add_calendar_months, statutory_deadline

ENGLAND = shipped_calendars()[Nation.ENGLAND_AND_WALES]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 9, 3), 1, date(2026, 10, 3)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 1, date(2024, 3, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 3, 31), 1, date(2026, 4, 30)),
        (date(2026, 5, 31), 3, date(2026, 8, 31)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 12, 31), 1, date(2027, 1, 31)),
        (date(2026, 12, 15), 3, date(2027, 3, 15)),
        (date(2027, 11, 29), 3, date(2028, 2, 29)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 3, 31), 0, date(2026, 3, 31)),
    ],
)
def test_it_adds_calendar_months_clamping_to_the_last_day(day, months, expected) -> None:
    assert add_calendar_months(day, months) == expected


def test_it_clamps_31_january_to_29_february_in_a_leap_year() -> None:
    assert statutory_deadline(received=date(2024, 1, 31), calendar=ENGLAND).due == date(2024, 2, 29)


def test_it_clamps_31_january_to_28_february_in_a_common_year_then_rolls_past_the_weekend() -> None:
    assert statutory_deadline(received=date(2027, 1, 31), calendar=ENGLAND).due == date(2027, 3, 1)


def test_a_request_received_on_a_sunday_still_starts_the_clock_that_day() -> None:
    deadline = statutory_deadline(received=date(2026, 3, 1), calendar=ENGLAND)

    assert deadline.start == date(2026, 3, 1)
    assert deadline.due == date(2026, 4, 1)


def test_a_due_date_on_a_working_day_does_not_move() -> None:
    assert statutory_deadline(received=date(2026, 6, 10), calendar=ENGLAND).due == date(2026, 7, 10)


def test_it_rolls_over_good_friday_the_weekend_and_easter_monday() -> None:
    # Raw date Fri 3 Apr 2026 (Good Friday); Sat, Sun, then Easter Monday 6 Apr.
    assert statutory_deadline(received=date(2026, 3, 3), calendar=ENGLAND).due == date(2026, 4, 7)


def test_it_rolls_from_one_year_into_the_next_over_new_years_day() -> None:
    # Raw date Thu 31 Dec 2026 is a working day; Fri 1 Jan 2027 is not.
    assert statutory_deadline(received=date(2026, 11, 30), calendar=ENGLAND).due == date(2026, 12, 30)
    assert statutory_deadline(received=date(2026, 12, 1), calendar=ENGLAND).due == date(2027, 1, 4)
