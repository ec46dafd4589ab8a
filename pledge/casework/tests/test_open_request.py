"""Logging a request: the reference, the due date from the calendar in force, the audit row, and bad dates."""

from datetime import date

import pytest

from pledge.casework.models import Case, CaseKind
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import EMAIL, NAME, make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_it_works_out_the_due_date_from_the_calendar_on_opening(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3), actor=caseworker)  # spec §1.3 vector 3
    assert case.due_on == date(2026, 10, 5)
    assert case.extension_notice_by == date(2026, 10, 5)
    assert case.state == CaseState.RECEIVED
    assert case.nation == "england-and-wales"


def test_it_rolls_past_the_christmas_bank_holidays(today) -> None:
    today(date(2026, 11, 30))
    assert make_case(received_on=date(2026, 11, 25)).due_on == date(2026, 12, 29)  # vector 13


def test_it_gives_a_reference_from_the_year_received_and_the_row(today) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3))
    assert case.reference == f"RR-2026-{case.pk:06d}"


def test_the_audit_row_names_the_case_but_not_the_requester(today, caseworker) -> None:
    today(date(2026, 9, 10))
    case = make_case(received_on=date(2026, 9, 3), actor=caseworker)
    event = AuditEvent.objects.get(object_type="case")
    assert (event.object_ref, event.actor, event.action) == (case.reference, caseworker, "create")
    assert NAME not in str(event.__dict__)
    assert EMAIL not in str(event.__dict__)


def test_it_refuses_a_date_outside_the_calendar_and_saves_nothing(today) -> None:
    today(date(2026, 9, 10))
    with pytest.raises(CaseworkError, match="outside the bank-holiday calendar"):
        make_case(received_on=date(2023, 10, 2))
    assert not Case.objects.exists()
    assert not AuditEvent.objects.exists()


def test_it_refuses_a_request_received_in_the_future(today) -> None:
    today(date(2026, 9, 10))
    with pytest.raises(CaseworkError, match="cannot be in the future"):
        make_case(received_on=date(2026, 9, 11))
    assert not Case.objects.exists()


def test_withdrawing_consent_gets_the_one_month_clock_without_a_pause(today) -> None:
    today(date(2026, 9, 10))
    assert make_case(received_on=date(2026, 9, 3), kind=CaseKind.CONSENT_WITHDRAWAL).due_on == date(2026, 10, 5)
