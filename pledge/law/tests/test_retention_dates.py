"""Retention periods: trigger plus period, month ends clamped, 29 February handled, kept through the last day."""

from datetime import date, datetime

import pytest

from pledge.law.retention import is_under_retention, parse_trigger_date, retention_ends, retention_verdict


@pytest.mark.parametrize(
    ("trigger", "period", "expected"),
    [
        (date(2020, 4, 1), {"years": 6}, date(2026, 4, 1)),
        (date(2024, 2, 29), {"years": 1}, date(2025, 2, 28)),
        (date(2024, 2, 29), {"years": 4}, date(2028, 2, 29)),
        (date(2024, 2, 29), {"years": 6}, date(2030, 2, 28)),
        (date(2026, 1, 31), {"months": 1}, date(2026, 2, 28)),
        (date(2027, 1, 31), {"months": 13}, date(2028, 2, 29)),
        (date(2026, 8, 31), {"months": 1}, date(2026, 9, 30)),
        (date(2026, 12, 31), {"months": 2}, date(2027, 2, 28)),
        (date(2026, 2, 28), {"days": 1}, date(2026, 3, 1)),
        (date(2024, 2, 28), {"days": 1}, date(2024, 2, 29)),
        (date(2026, 1, 31), {"months": 1, "days": 1}, date(2026, 3, 1)),
        (date(2025, 3, 31), {"years": 6, "months": 11}, date(2032, 2, 29)),
        (date(2026, 3, 1), {}, date(2026, 3, 1)),
    ],
)
def test_it_adds_the_period_clamping_to_the_end_of_a_shorter_month(
    trigger: date, period: dict[str, int], expected: date
) -> None:
    assert retention_ends(trigger_date=trigger, **period) == expected


def test_it_refuses_a_negative_period() -> None:
    with pytest.raises(ValueError, match="negative"):
        retention_ends(trigger_date=date(2026, 1, 1), years=-1)


def test_a_record_is_kept_through_the_last_day_of_its_period_and_not_the_day_after() -> None:
    closed = date(2020, 2, 29)
    assert is_under_retention(trigger_date=closed, years=6, today=date(2026, 2, 28))
    assert not is_under_retention(trigger_date=closed, years=6, today=date(2026, 3, 1))


def test_a_record_whose_trigger_has_not_happened_is_under_retention() -> None:
    assert is_under_retention(trigger_date=None, years=6, today=date(2099, 1, 1))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-29", date(2024, 2, 29)),
        ("2024-02-29T10:00:00", date(2024, 2, 29)),
        ("29/02/2024", date(2024, 2, 29)),
        ("29 February 2024", date(2024, 2, 29)),
        (datetime(2024, 2, 29, 9, 30), date(2024, 2, 29)),
        (date(2024, 2, 29), date(2024, 2, 29)),
        ("", None),
        (None, None),
        ("30/02/2024", None),
        ("not a date", None),
    ],
)
def test_it_reads_trigger_dates_as_systems_write_them(value: object, expected: date | None) -> None:
    assert parse_trigger_date(value) == expected


def test_the_verdict_cites_the_rule_and_its_source() -> None:
    verdict = retention_verdict(
        rule_name="Council tax accounts",
        trigger_text="the account is closed",
        source="IRMS Retention Guidelines 2.1",
        trigger_value="2024-02-29",
        today=date(2026, 12, 1),
        years=6,
    )
    assert verdict.under_retention
    assert verdict.ends_on == date(2030, 2, 28)
    assert "Council tax accounts (IRMS Retention Guidelines 2.1) until 28 February 2030" in verdict.explanation


def test_the_verdict_on_an_open_account_says_the_period_has_not_started() -> None:
    verdict = retention_verdict(
        rule_name="Council tax accounts",
        trigger_text="the account is closed",
        source="",
        trigger_value=None,
        today=date(2026, 12, 1),
        years=6,
    )
    assert verdict.under_retention and verdict.ends_on is None
    assert "starts when the account is closed" in verdict.explanation
