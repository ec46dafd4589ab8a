"""Proof of identity or authority: the clock starts from the latest proof (R1.2), not from the request."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.models import Proof
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case

pytestmark = pytest.mark.django_db


def test_identity_received_later_moves_the_start_and_the_due_date(today, caseworker) -> None:
    today(date(2026, 6, 10))
    case = make_case(received_on=date(2026, 6, 10))  # spec §1.3 vector 18
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    assert case.state == CaseState.AWAITING_ID
    today(date(2026, 6, 15))
    services.record_identity_received(case=case, on=date(2026, 6, 15), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.id_received_on, case.due_on) == (
        CaseState.IN_PROGRESS,
        date(2026, 6, 15),
        date(2026, 7, 15),
    )


def test_proof_of_authority_also_moves_the_start(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    services.record_identity_received(case=case, on=date(2026, 6, 17), proof=Proof.AUTHORITY, actor=caseworker)
    assert (case.authority_received_on, case.due_on) == (date(2026, 6, 17), date(2026, 7, 17))


def test_it_refuses_proof_when_none_was_asked_for(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(CaseworkError, match="not waiting for proof"):
        services.record_identity_received(case=case, on=date(2026, 6, 15), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.id_received_on, case.due_on) == (CaseState.RECEIVED, None, date(2026, 7, 10))


def test_it_refuses_proof_dated_before_the_request(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="before the request was received"):
        services.record_identity_received(case=case, on=date(2026, 6, 9), actor=caseworker)
