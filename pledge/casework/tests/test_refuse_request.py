"""Refusing to act (R1.11): a ground and reasons, the case moves to responded, and nothing is saved on bad input."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import Case
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db
REASONS = "The same request was answered in full on 1 November"


@pytest.fixture
def case(today):
    today(date(2026, 12, 10))
    return make_case(received_on=date(2026, 11, 30))


def test_it_refuses_a_request_and_records_the_ground_and_reasons(case, caseworker) -> None:
    services.refuse_request(case=case, ground="manifestly_excessive", reasons=REASONS, actor=caseworker)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.refusal_ground, stored.refusal_reasons) == (
        CaseState.RESPONDED,
        "manifestly_excessive",
        REASONS,
    )
    assert stored.refused_on == stored.responded_on == date(2026, 12, 10)


def test_a_case_awaiting_proof_can_be_refused_because_the_requester_cannot_be_identified(case, caseworker) -> None:
    services.ask_for_identity(case=case, on=date(2026, 12, 1), actor=caseworker)
    services.refuse_request(case=case, ground="cannot_identify", reasons="No match in any record", actor=caseworker)
    assert Case.objects.get(pk=case.pk).state == CaseState.RESPONDED


def test_a_case_awaiting_proof_cannot_simply_be_marked_responded(case, caseworker) -> None:
    services.ask_for_identity(case=case, on=date(2026, 12, 1), actor=caseworker)
    with pytest.raises(CaseworkError, match="record the proof, or refuse the request"):
        services.mark_responded(case=case, on=date(2026, 12, 10), actor=caseworker)


def test_it_refuses_without_reasons_and_saves_nothing(case, caseworker) -> None:
    events = AuditEvent.objects.count()
    with pytest.raises(CaseworkError, match=r"Art 12\(4\)"):
        services.refuse_request(case=case, ground="manifestly_unfounded", reasons="  ", actor=caseworker)
    stored = Case.objects.get(pk=case.pk)
    assert (stored.state, stored.refusal_ground) == (CaseState.RECEIVED, "")
    assert AuditEvent.objects.count() == events


def test_it_refuses_an_unknown_ground(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="Select the ground"):
        services.refuse_request(case=case, ground="vexatious", reasons=REASONS, actor=caseworker)


def test_a_finished_case_cannot_be_refused_and_keeps_its_record(case, caseworker) -> None:
    services.mark_responded(case=case, on=date(2026, 12, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="cannot become responded"):
        services.refuse_request(case=case, ground="manifestly_excessive", reasons=REASONS, actor=caseworker)
    assert Case.objects.get(pk=case.pk).refusal_ground == ""


def test_the_audit_row_names_the_ground_but_not_the_reasons(case, caseworker) -> None:
    services.refuse_request(case=case, ground="manifestly_excessive", reasons=REASONS, actor=caseworker)
    event = AuditEvent.objects.filter(object_ref=case.reference).order_by("-id").first()
    assert event.summary == "Request refused: manifestly excessive (UK GDPR Art 12(5)(b))"
    assert REASONS not in str(event.__dict__)
