"""The on-time rule (Art 12(3)), days to respond and the median, and percentages with nothing to divide by."""

from datetime import date

import pytest

from pledge.law.reporting import (
    Timeliness,
    days_to_respond,
    median_days,
    on_time_percentage,
    percentage,
    timeliness,
)

DUE = date(2026, 10, 5)


def judge(*, responded: date | None, still_open: bool = False, clock_running: bool = True, today: date = DUE) -> str:
    return timeliness(due=DUE, responded=responded, still_open=still_open, clock_running=clock_running, today=today)


def test_a_response_on_the_due_date_is_on_time() -> None:
    assert judge(responded=DUE) == Timeliness.ON_TIME


def test_a_response_before_the_due_date_is_on_time() -> None:
    assert judge(responded=date(2026, 9, 10)) == Timeliness.ON_TIME


def test_a_response_the_day_after_the_due_date_is_late() -> None:
    assert judge(responded=date(2026, 10, 6)) == Timeliness.LATE


def test_a_response_is_judged_by_its_date_not_by_today() -> None:
    assert judge(responded=DUE, today=date(2027, 1, 1)) == Timeliness.ON_TIME


def test_an_open_request_on_its_due_date_is_not_late_yet() -> None:
    assert judge(responded=None, still_open=True, today=DUE) == Timeliness.OPEN


def test_an_open_request_after_its_due_date_is_already_late() -> None:
    assert judge(responded=None, still_open=True, today=date(2026, 10, 6)) == Timeliness.LATE


@pytest.mark.parametrize("today", [DUE, date(2026, 10, 6), date(2027, 6, 1)])
def test_an_open_request_with_no_clock_running_is_never_late(today: date) -> None:
    assert judge(responded=None, still_open=True, clock_running=False, today=today) == Timeliness.OPEN


@pytest.mark.parametrize("today", [date(2026, 9, 1), date(2026, 10, 6)])
def test_a_request_closed_or_withdrawn_without_a_response_is_not_counted(today: date) -> None:
    assert judge(responded=None, still_open=False, today=today) == Timeliness.NOT_COUNTED


def test_a_response_counts_even_when_the_case_is_no_longer_open() -> None:
    assert judge(responded=date(2026, 10, 7), still_open=False) == Timeliness.LATE


@pytest.mark.parametrize(
    ("received", "responded", "days"),
    [
        (date(2026, 9, 3), date(2026, 9, 3), 0),
        (date(2026, 9, 3), date(2026, 9, 4), 1),
        (date(2026, 1, 31), date(2026, 3, 2), 30),
        (date(2024, 2, 28), date(2024, 3, 1), 2),  # leap day counts
        (date(2025, 12, 31), date(2026, 1, 1), 1),
    ],
)
def test_days_to_respond_are_calendar_days_from_receipt(received: date, responded: date, days: int) -> None:
    assert days_to_respond(received=received, responded=responded) == days


def test_it_refuses_a_response_before_the_request() -> None:
    with pytest.raises(ValueError):
        days_to_respond(received=date(2026, 9, 3), responded=date(2026, 9, 2))


@pytest.mark.parametrize(
    ("days", "middle"),
    [
        ([], None),
        ([7], 7.0),
        ([3, 9], 6.0),
        ([3, 4], 3.5),
        ([30, 1, 12], 12.0),
        ([0, 0, 0, 100], 0.0),
        ([5, 1, 9, 2], 3.5),
    ],
)
def test_the_median_is_the_middle_value_or_the_mean_of_the_middle_two(days: list[int], middle: float | None) -> None:
    assert median_days(days) == middle


def test_the_median_takes_any_iterable() -> None:
    assert median_days(d for d in (1, 2, 3)) == 2.0


def test_a_percentage_of_nothing_is_no_figure_rather_than_zero() -> None:
    assert percentage(0, 0) is None
    assert percentage(0, 4) == 0
    assert percentage(1, 3) == pytest.approx(33.333, abs=0.001)


def test_the_on_time_share_ignores_open_and_uncounted_requests() -> None:
    outcomes = [Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.ON_TIME, Timeliness.LATE]
    outcomes += [Timeliness.OPEN, Timeliness.NOT_COUNTED]
    assert on_time_percentage(outcomes) == 75


def test_the_on_time_share_is_no_figure_when_nothing_is_answered_or_late() -> None:
    assert on_time_percentage([Timeliness.OPEN, Timeliness.NOT_COUNTED]) is None
    assert on_time_percentage([]) is None
