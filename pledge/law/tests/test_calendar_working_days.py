"""R1.4: working days per nation from the shipped gov.uk feed; a date outside its years is an error."""

from datetime import date

import pytest

from pledge.law.calendar import (
    BankHolidayCalendar,
    Nation,
    OutsideCalendarError,
    describe_years,
    is_working_day,
    next_working_day_on_or_after,
    shipped_calendars,
)
from pledge.law.deadlines import statutory_deadline

CALENDARS = shipped_calendars()
ENGLAND = CALENDARS[Nation.ENGLAND_AND_WALES]
SCOTLAND = CALENDARS[Nation.SCOTLAND]
NORTHERN_IRELAND = CALENDARS[Nation.NORTHERN_IRELAND]


def test_the_shipped_feed_covers_2024_to_2027_for_every_nation() -> None:
    assert set(CALENDARS) == set(Nation)
    for calendar in CALENDARS.values():
        assert calendar.years == frozenset({2024, 2025, 2026, 2027})


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 10, 3), ENGLAND)
    assert not is_working_day(date(2026, 10, 4), ENGLAND)
    assert is_working_day(date(2026, 10, 5), ENGLAND)


@pytest.mark.parametrize(
    ("day", "england", "scotland", "northern_ireland"),
    [
        pytest.param(date(2026, 1, 2), True, False, True, id="2nd January"),
        pytest.param(date(2026, 3, 17), True, True, False, id="St Patrick's Day"),
        pytest.param(date(2026, 4, 6), False, True, False, id="Easter Monday"),
        pytest.param(date(2026, 7, 13), True, True, False, id="Battle of the Boyne"),
        pytest.param(date(2026, 8, 3), True, False, True, id="Scottish summer bank holiday"),
        pytest.param(date(2026, 8, 31), False, True, False, id="English summer bank holiday"),
        pytest.param(date(2026, 11, 30), True, False, True, id="St Andrew's Day"),
        pytest.param(date(2026, 12, 28), False, False, False, id="Boxing Day substitute"),
    ],
)
def test_each_nation_has_its_own_bank_holidays(day, england, scotland, northern_ireland) -> None:
    assert is_working_day(day, ENGLAND) is england
    assert is_working_day(day, SCOTLAND) is scotland
    assert is_working_day(day, NORTHERN_IRELAND) is northern_ireland


def test_the_same_request_is_due_on_different_days_in_different_nations() -> None:
    # Raw date Fri 2 Jan 2026: a bank holiday only in Scotland, where the deadline moves to Mon 5 Jan.
    received = date(2025, 12, 2)

    assert statutory_deadline(received=received, calendar=ENGLAND).due == date(2026, 1, 2)
    assert statutory_deadline(received=received, calendar=SCOTLAND).due == date(2026, 1, 5)
    assert statutory_deadline(received=received, calendar=NORTHERN_IRELAND).due == date(2026, 1, 2)


def test_st_patricks_day_moves_a_northern_irish_deadline_only() -> None:
    received = date(2026, 2, 17)

    assert statutory_deadline(received=received, calendar=ENGLAND).due == date(2026, 3, 17)
    assert statutory_deadline(received=received, calendar=NORTHERN_IRELAND).due == date(2026, 3, 18)


def test_st_andrews_day_moves_a_scottish_deadline_only() -> None:
    received = date(2026, 10, 30)

    assert statutory_deadline(received=received, calendar=ENGLAND).due == date(2026, 11, 30)
    assert statutory_deadline(received=received, calendar=SCOTLAND).due == date(2026, 12, 1)


def test_next_working_day_keeps_a_working_day_and_skips_a_long_weekend() -> None:
    assert next_working_day_on_or_after(date(2026, 4, 2), ENGLAND) == date(2026, 4, 2)
    assert next_working_day_on_or_after(date(2026, 4, 3), ENGLAND) == date(2026, 4, 7)


def test_a_date_after_the_covered_years_is_an_error_naming_them() -> None:
    with pytest.raises(OutsideCalendarError) as error:
        is_working_day(date(2028, 3, 1), ENGLAND)

    assert str(error.value) == (
        "2028-03-01 is outside the bank-holiday calendar for england-and-wales, which covers 2024-2027; "
        "load a newer gov.uk bank-holidays.json"
    )


def test_a_date_before_the_covered_years_is_an_error() -> None:
    with pytest.raises(OutsideCalendarError, match="2023-12-29 is outside"):
        next_working_day_on_or_after(date(2023, 12, 29), ENGLAND)


def test_rolling_past_the_last_covered_day_is_an_error_not_a_guess() -> None:
    calendar = BankHolidayCalendar(
        nation=Nation.ENGLAND_AND_WALES, holidays=frozenset({date(2027, 12, 31)}), years=frozenset({2027})
    )

    assert next_working_day_on_or_after(date(2027, 12, 30), calendar) == date(2027, 12, 30)
    with pytest.raises(OutsideCalendarError, match="2028-01-01 is outside"):
        next_working_day_on_or_after(date(2027, 12, 31), calendar)


def test_the_shipped_calendar_refuses_2028() -> None:
    with pytest.raises(OutsideCalendarError, match="which covers 2024-2027"):
        statutory_deadline(received=date(2028, 2, 29), calendar=ENGLAND)


def test_an_extension_beyond_the_calendar_is_an_error_even_if_the_one_month_date_is_covered() -> None:
    with pytest.raises(OutsideCalendarError, match="2028-01-15"):
        statutory_deadline(received=date(2027, 10, 15), extended=True, calendar=ENGLAND)


def test_without_an_extension_only_the_hypothetical_extended_date_is_left_out() -> None:
    deadline = statutory_deadline(received=date(2027, 10, 15), calendar=ENGLAND)
    assert (deadline.due, deadline.extended_due) == (date(2027, 11, 15), None)


def test_a_gap_in_the_years_is_not_covered() -> None:
    calendar = BankHolidayCalendar(
        nation=Nation.SCOTLAND, holidays=frozenset({date(2024, 1, 1), date(2026, 1, 1)}), years=frozenset({2024, 2026})
    )

    assert calendar.describe_years() == "2024, 2026"
    with pytest.raises(OutsideCalendarError, match="which covers 2024, 2026"):
        is_working_day(date(2025, 6, 2), calendar)


def test_years_are_described_as_ranges() -> None:
    assert describe_years({2018, 2019, 2020, 2024, 2026, 2027}) == "2018-2020, 2024, 2026-2027"
    assert describe_years(set()) == "none"
