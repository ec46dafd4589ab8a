"""When a record becomes due for disposal: the day after its period ends, counted from the trigger or from the end
of its financial year (31 March) or tax year (5 April); email dates read as mailboxes give them."""

from datetime import date

import pytest

from pledge.law.retention import (
    END_OF_FINANCIAL_YEAR,
    END_OF_TAX_YEAR,
    disposal_due,
    end_of_financial_year,
    end_of_tax_year,
    is_overdue,
    parse_trigger_date,
    period_starts,
)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 3, 31), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2027, 3, 31)),
        (date(2026, 1, 1), date(2026, 3, 31)),
        (date(2024, 2, 29), date(2024, 3, 31)),
        (date(2026, 12, 31), date(2027, 3, 31)),
    ],
)
def test_the_financial_year_ends_on_31_march(day: date, expected: date) -> None:
    assert end_of_financial_year(day) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 4, 5), date(2026, 4, 5)),
        (date(2026, 4, 6), date(2027, 4, 5)),
        (date(2026, 1, 31), date(2026, 4, 5)),
        (date(2024, 2, 29), date(2024, 4, 5)),
    ],
)
def test_the_tax_year_ends_on_5_april(day: date, expected: date) -> None:
    assert end_of_tax_year(day) == expected


def test_a_record_is_due_the_day_after_its_period_ends() -> None:
    assert disposal_due(trigger_date=date(2020, 2, 29), years=6) == date(2026, 3, 1)
    assert disposal_due(trigger_date=date(2026, 1, 31), months=1) == date(2026, 3, 1)
    assert disposal_due(trigger_date=date(2027, 1, 31), months=1) == date(2027, 3, 1)
    assert disposal_due(trigger_date=date(2028, 1, 31), months=1) == date(2028, 3, 1)
    assert disposal_due(trigger_date=date(2026, 12, 31), days=31) == date(2027, 2, 1)


def test_current_year_plus_six_counts_from_the_year_end() -> None:
    closed = date(2019, 5, 20)
    assert disposal_due(trigger_date=closed, years=6, anchor=END_OF_FINANCIAL_YEAR) == date(2026, 4, 1)
    assert disposal_due(trigger_date=closed, years=3, anchor=END_OF_TAX_YEAR) == date(2023, 4, 6)


def test_date_of_birth_plus_25_years_on_a_leap_day() -> None:
    assert disposal_due(trigger_date=date(2004, 2, 29), years=25) == date(2029, 3, 1)


def test_a_record_without_a_trigger_date_is_never_due() -> None:
    assert disposal_due(trigger_date=None, years=1) is None


def test_it_refuses_an_unknown_anchor() -> None:
    with pytest.raises(ValueError, match="anchor"):
        period_starts(trigger_date=date(2026, 1, 1), anchor="end_of_academic_year")


def test_overdue_means_waiting_longer_than_the_grace_period() -> None:
    assert not is_overdue(due_on=date(2026, 11, 1), today=date(2026, 12, 1), grace_days=30)
    assert is_overdue(due_on=date(2026, 10, 31), today=date(2026, 12, 1), grace_days=30)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sun, 01 Mar 2026 09:00:00 +0000", date(2026, 3, 1)),
        ("1 Mar 2026 23:30:00 -0100", date(2026, 3, 1)),
        ("Not a date", None),
    ],
)
def test_it_reads_an_emails_date_header(value: str, expected: date | None) -> None:
    assert parse_trigger_date(value) == expected
