"""Recording a correction (Art 16): per system and record, on rectification requests only, audited, never twice."""

from datetime import date

import pytest

from pledge.casework import services as casework
from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.fulfilment.models import Correction
from pledge.fulfilment.services import FulfilmentError, record_correction
from pledge.fulfilment.tests.factories import EMAIL, NAME, make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today, register):
    today(date(2026, 12, 10))
    return make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))


def _correct(case, system, actor, **changes):
    values = {
        "record_reference": "CT-1001",
        "was": "Date of birth 1 April 1980",
        "now": "Date of birth 4 January 1980",
        "corrected_on": date(2026, 12, 9),
    }
    values.update(changes)
    return record_correction(case=case, system=system, actor=actor, **values)


def test_it_records_the_system_record_what_changed_who_and_when(case, revenues, caseworker) -> None:
    correction = _correct(case, revenues, caseworker)

    saved = Correction.objects.get()
    assert saved == correction
    assert (saved.system, saved.record_reference, saved.corrected_on) == (revenues, "CT-1001", date(2026, 12, 9))
    assert (saved.was, saved.now, saved.corrected_by) == (
        "Date of birth 1 April 1980",
        "Date of birth 4 January 1980",
        caseworker,
    )


def test_it_writes_an_audit_row_on_the_case_trail_without_personal_data(case, revenues, caseworker) -> None:
    correction = _correct(case, revenues, caseworker)

    event = AuditEvent.objects.filter(object_type="case", object_ref=case.reference).first()
    assert event.summary == f"Correction {correction.pk} recorded in Revenues system"
    assert event.actor == caseworker
    text = f"{event.summary} {event.before} {event.after}"
    assert NAME not in text and EMAIL not in text and "CT-1001" not in text and "1980" not in text


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"record_reference": "  "}, "record_reference", "Enter the record's reference in that system"),
        ({"record_reference": "x" * 201}, "record_reference", "must be 200 characters or fewer"),
        ({"was": ""}, "was", "Enter what was wrong"),
        ({"now": " "}, "now", "Enter what the record says now"),
        ({"corrected_on": date(2026, 12, 11)}, "corrected_on", "cannot be in the future"),
        ({"corrected_on": date(2026, 11, 30)}, "corrected_on", "cannot be before the request was received"),
    ],
)
def test_it_refuses_incomplete_or_impossible_corrections(case, revenues, caseworker, changes, field, message) -> None:
    with pytest.raises(FulfilmentError, match=message) as refused:
        _correct(case, revenues, caseworker, **changes)

    assert refused.value.field == field
    assert Correction.objects.count() == 0


def test_it_refuses_a_correction_without_a_system(case, caseworker) -> None:
    with pytest.raises(FulfilmentError, match="Select the system") as refused:
        _correct(case, None, caseworker)
    assert refused.value.field == "system"


def test_it_refuses_the_same_correction_twice(case, revenues, caseworker) -> None:
    _correct(case, revenues, caseworker)

    with pytest.raises(FulfilmentError, match="already recorded"):
        _correct(case, revenues, caseworker)

    assert Correction.objects.count() == 1


def test_it_refuses_corrections_on_other_kinds_of_request(today, register, revenues, caseworker) -> None:
    today(date(2026, 12, 10))
    erasure = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1))

    with pytest.raises(FulfilmentError, match="rectification requests only"):
        _correct(erasure, revenues, caseworker)


def test_it_refuses_corrections_on_a_withdrawn_case(case, revenues, caseworker) -> None:
    casework.withdraw(case=case, on=date(2026, 12, 9), actor=caseworker)

    with pytest.raises(FulfilmentError, match="closed or withdrawn"):
        _correct(case, revenues, caseworker)
