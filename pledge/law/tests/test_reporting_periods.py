"""Reporting periods: calendar and financial years, two dates, and the months a period touches."""

from datetime import date

import pytest

from pledge.law.reporting import (
    Period,
    between,
    calendar_year,
    financial_year,
    financial_year_containing,
    month_label,
    month_of,
    months_in,
)


def test_a_calendar_year_runs_from_january_to_december() -> None:
    year = calendar_year(2026)
    assert (year.start, year.end, year.label, year.slug) == (
        date(2026, 1, 1),
        date(2026, 12, 31),
        "January to December 2026",
        "2026",
    )


def test_a_financial_year_runs_from_1_april_to_31_march() -> None:
    year = financial_year(2026)
    assert (year.start, year.end) == (date(2026, 4, 1), date(2027, 3, 31))
    assert year.label == "April 2026 to March 2027"
    assert year.slug == "2026-27"


def test_a_financial_year_ending_in_a_leap_year_still_ends_on_31_march() -> None:
    assert financial_year(2027).end == date(2028, 3, 31)


def test_the_financial_year_slug_keeps_two_digits_across_a_century() -> None:
    assert financial_year(2099).slug == "2099-00"


@pytest.mark.parametrize(
    ("day", "starts"),
    [
        (date(2026, 3, 31), date(2025, 4, 1)),  # the last day of one financial year
        (date(2026, 4, 1), date(2026, 4, 1)),  # the first day of the next
        (date(2026, 1, 1), date(2025, 4, 1)),
        (date(2026, 12, 31), date(2026, 4, 1)),
        (date(2024, 2, 29), date(2023, 4, 1)),
    ],
)
def test_it_finds_the_financial_year_a_day_falls_in(day: date, starts: date) -> None:
    year = financial_year_containing(day)
    assert year.start == starts
    assert year.contains(day)


def test_a_period_contains_both_its_ends_and_nothing_outside() -> None:
    period = between(date(2026, 4, 1), date(2026, 4, 30))
    assert period.contains(date(2026, 4, 1)) and period.contains(date(2026, 4, 30))
    assert not period.contains(date(2026, 3, 31)) and not period.contains(date(2026, 5, 1))


def test_two_dates_are_labelled_in_words() -> None:
    period = between(date(2026, 4, 1), date(2026, 9, 30))
    assert period.label == "1 April 2026 to 30 September 2026"
    assert period.slug == "2026-04-01-to-2026-09-30"


def test_a_period_of_one_day_is_allowed() -> None:
    assert between(date(2026, 5, 5), date(2026, 5, 5)).contains(date(2026, 5, 5))


def test_it_refuses_a_period_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match="cannot end before it starts"):
        between(date(2026, 5, 2), date(2026, 5, 1))
    with pytest.raises(ValueError):
        Period(start=date(2026, 5, 2), end=date(2026, 5, 1), label="", slug="")


def test_a_financial_year_touches_twelve_months_from_april() -> None:
    months = months_in(financial_year(2025))
    assert months[0] == date(2025, 4, 1)
    assert months[-1] == date(2026, 3, 1)
    assert len(months) == 12


def test_part_months_at_either_end_are_included() -> None:
    assert months_in(between(date(2026, 1, 31), date(2026, 3, 1))) == [
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]


def test_months_stop_at_the_month_today_falls_in() -> None:
    months = months_in(financial_year(2026), until=date(2026, 12, 1))
    assert months == [date(2026, m, 1) for m in range(4, 13)]


def test_months_until_a_day_after_the_period_are_the_whole_period() -> None:
    assert len(months_in(calendar_year(2025), until=date(2026, 6, 1))) == 12


def test_months_cross_a_year_end() -> None:
    assert months_in(between(date(2025, 12, 15), date(2026, 1, 15))) == [date(2025, 12, 1), date(2026, 1, 1)]


@pytest.mark.parametrize(
    ("day", "month"),
    [
        (date(2026, 1, 31), date(2026, 1, 1)),
        (date(2026, 2, 1), date(2026, 2, 1)),
        (date(2024, 2, 29), date(2024, 2, 1)),
        (date(2026, 12, 31), date(2026, 12, 1)),
    ],
)
def test_a_day_is_bucketed_into_its_own_month(day: date, month: date) -> None:
    assert month_of(day) == month


def test_a_month_is_labelled_in_words() -> None:
    assert month_label(date(2026, 4, 1)) == "April 2026"
