"""DPA 2018 s.164A(3): acknowledge a complaint within 30 days, day 1 the day after receipt (uk-rules.md §9)."""

from datetime import date

import pytest

from pledge.law.calendar import Nation, shipped_calendars
from pledge.law.complaints import (
    acknowledgement_due,
    acknowledgement_duty,
    ico_escalation_by,
    in_scope_of_section_164a,
)

ENGLAND = shipped_calendars()[Nation.ENGLAND_AND_WALES]
SCOTLAND = shipped_calendars()[Nation.SCOTLAND]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (date(2025, 6, 5), date(2025, 7, 7)),  # day 30 is Sat 5 Jul
        (date(2026, 6, 19), date(2026, 7, 20)),  # day 30 is Sun 19 Jul
        (date(2026, 11, 26), date(2026, 12, 29)),  # day 30 is Sat 26 Dec; Mon 28 Dec is the substitute holiday
        (date(2026, 7, 1), date(2026, 7, 31)),  # day 30 is a Friday: no move
    ],
)
def test_the_icos_worked_examples_hold(received: date, due: date) -> None:
    assert acknowledgement_due(received, ENGLAND) == due


def test_the_day_of_receipt_is_not_day_one_unlike_a_subject_access_request() -> None:
    assert acknowledgement_due(date(2026, 7, 1), ENGLAND) == date(2026, 7, 31)


def test_the_councils_own_nation_decides_the_holidays() -> None:
    # Received 31 Jul 2026: day 30 is Sun 30 Aug; Mon 31 Aug is a holiday in England but not in Scotland.
    assert acknowledgement_due(date(2026, 7, 31), ENGLAND) == date(2026, 9, 1)
    assert acknowledgement_due(date(2026, 7, 31), SCOTLAND) == date(2026, 8, 31)


def test_the_period_is_configurable_and_must_be_positive() -> None:
    assert acknowledgement_due(date(2026, 7, 1), ENGLAND, days=14) == date(2026, 7, 15)
    with pytest.raises(ValueError):
        acknowledgement_due(date(2026, 7, 1), ENGLAND, days=0)


def test_an_unacknowledged_complaint_is_owed_and_late_after_the_due_date() -> None:
    duty = acknowledgement_duty(received=date(2026, 7, 1), today=date(2026, 8, 1), calendar=ENGLAND)
    assert duty.owed and duty.late and duty.due == date(2026, 7, 31)


def test_on_the_due_date_it_is_owed_but_not_late() -> None:
    duty = acknowledgement_duty(received=date(2026, 7, 1), today=date(2026, 7, 31), calendar=ENGLAND)
    assert duty.owed and not duty.late


def test_an_acknowledgement_in_time_discharges_the_duty() -> None:
    duty = acknowledgement_duty(
        received=date(2026, 7, 1), today=date(2026, 9, 1), calendar=ENGLAND, acknowledged_on=date(2026, 7, 3)
    )
    assert not duty.owed and not duty.late


def test_a_late_acknowledgement_is_recorded_as_late() -> None:
    duty = acknowledgement_duty(
        received=date(2026, 7, 1), today=date(2026, 9, 1), calendar=ENGLAND, acknowledged_on=date(2026, 8, 3)
    )
    assert not duty.owed and duty.late


def test_an_outcome_inside_the_period_needs_no_separate_acknowledgement() -> None:
    duty = acknowledgement_duty(
        received=date(2026, 7, 1), today=date(2026, 9, 1), calendar=ENGLAND, outcome_sent_on=date(2026, 7, 20)
    )
    assert not duty.owed and not duty.late


def test_an_outcome_after_the_period_does_not_excuse_the_missing_acknowledgement() -> None:
    duty = acknowledgement_duty(
        received=date(2026, 7, 1), today=date(2026, 9, 1), calendar=ENGLAND, outcome_sent_on=date(2026, 8, 20)
    )
    assert duty.owed and duty.late


def test_the_ico_expects_escalation_within_three_months_of_last_contact() -> None:
    assert ico_escalation_by(date(2026, 11, 30)) == date(2027, 2, 28)


def test_only_complaints_from_19_june_2026_fall_under_section_164a() -> None:
    assert not in_scope_of_section_164a(date(2026, 6, 18))
    assert in_scope_of_section_164a(date(2026, 6, 19))
