"""Erasure outcomes (Art 17): erased or anonymised on an Art 17(1) ground, or kept under an Art 17(3) ground with
reasons, once per record."""

from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.fulfilment.models import ErasureOutcome
from pledge.fulfilment.services import FulfilmentError, record_erasure_outcome
from pledge.fulfilment.tests.factories import make_case

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today, register):
    today(date(2026, 12, 10))
    return make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1))


def _outcome(case, system, actor, **changes):
    values = {
        "record_reference": "CT-1001",
        "result": "erased",
        "erase_ground": "no_longer_needed",
        "done_on": date(2026, 12, 10),
    }
    values.update(changes)
    return record_erasure_outcome(case=case, system=system, actor=actor, **values)


@pytest.mark.parametrize("result", ["erased", "anonymised"])
def test_it_records_an_erased_or_anonymised_record(case, revenues, caseworker, result) -> None:
    outcome = _outcome(case, revenues, caseworker, result=result)

    assert (outcome.result, outcome.erase_ground, outcome.keep_ground) == (result, "no_longer_needed", "")
    assert outcome.get_erase_ground_display() == "No longer needed (Art 17(1)(a))"
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == f"Erasure outcome {outcome.pk} in Revenues system: {result} (Art 17(1)(a))"


@pytest.mark.parametrize("result", ["erased", "anonymised"])
def test_with_no_art_17_1_ground_it_refuses_to_record_an_erasure(case, revenues, caseworker, result) -> None:
    with pytest.raises(FulfilmentError, match="can only be kept with reasons") as refused:
        _outcome(case, revenues, caseworker, result=result, erase_ground="")

    assert refused.value.field == "erase_ground"
    assert ErasureOutcome.objects.count() == 0
    assert not AuditEvent.objects.filter(summary__startswith="Erasure outcome").exists()


def test_a_kept_record_records_its_ground_and_reasons(case, revenues, caseworker) -> None:
    outcome = _outcome(
        case,
        revenues,
        caseworker,
        result="kept",
        erase_ground="",
        keep_ground="legal_obligation",
        reasons="Council tax records kept six years (Local Government Finance Act 1992)",
    )

    assert outcome.get_keep_ground_display() == "Legal obligation (Art 17(3)(b))"
    assert AuditEvent.objects.filter(object_ref=case.reference).first().summary.endswith("kept (Art 17(3)(b))")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"result": "kept", "erase_ground": ""}, "keep_ground", r"Select the Art 17\(3\) ground"),
        ({"erase_ground": "felt-like-it"}, "erase_ground", r"Select the Art 17\(1\) ground from the list"),
        ({"result": "kept", "keep_ground": "because"}, "keep_ground", r"Select the Art 17\(3\) ground"),
        ({"result": "kept", "keep_ground": "legal_claims", "reasons": " "}, "reasons", "Enter why the record was kept"),
        ({"result": "erased", "keep_ground": "legal_claims"}, "keep_ground", "Only a record that was kept"),
        ({"result": "shredded"}, "result", "Select what was done"),
        ({"done_on": date(2026, 12, 11)}, "done_on", "cannot be in the future"),
    ],
)
def test_it_refuses_an_incomplete_outcome(case, revenues, caseworker, changes, field, message) -> None:
    with pytest.raises(FulfilmentError, match=message) as refused:
        _outcome(case, revenues, caseworker, **changes)

    assert refused.value.field == field
    assert ErasureOutcome.objects.count() == 0


def test_it_records_one_outcome_per_record(case, revenues, housing, caseworker) -> None:
    _outcome(case, revenues, caseworker)

    with pytest.raises(FulfilmentError, match="already recorded for that record in Revenues system"):
        _outcome(case, revenues, caseworker, result="anonymised")
    _outcome(case, housing, caseworker)

    assert ErasureOutcome.objects.count() == 2


def test_it_refuses_outcomes_on_other_kinds_of_request(today, register, revenues, caseworker) -> None:
    today(date(2026, 12, 10))
    access = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    with pytest.raises(FulfilmentError, match="erasure requests only"):
        _outcome(access, revenues, caseworker)
