"""A request made on someone's behalf does not move to in progress until the proof of authority is recorded."""

from datetime import date

import pytest

from pledge.casework import identity, services
from pledge.casework.identity_rules import AUTHORITY_MISSING_MESSAGE
from pledge.casework.record_models import CheckMethod
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.record_factories import make_representative_case, record_passport_seen

pytestmark = pytest.mark.django_db


def test_identity_alone_keeps_a_representatives_case_waiting_for_authority(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_representative_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    record_passport_seen(case, on=date(2026, 6, 12), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.id_received_on) == (CaseState.AWAITING_ID, date(2026, 6, 12))


def test_the_proof_of_authority_then_starts_the_work_and_the_clock(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_representative_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    record_passport_seen(case, on=date(2026, 6, 12), actor=caseworker)
    services.record_identity_received(
        case=case,
        on=date(2026, 6, 16),
        method=CheckMethod.AUTHORITY_SEEN,
        authority_type="signed_authority",
        actor=caseworker,
    )
    case.refresh_from_db()
    assert (case.state, case.due_on) == (CaseState.IN_PROGRESS, date(2026, 7, 16))


def test_a_representatives_case_cannot_leave_clarification_for_work_without_authority(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_representative_case(received_on=date(2026, 6, 10))
    services.ask_for_clarification(case=case, on=date(2026, 6, 11), actor=caseworker)
    with pytest.raises(CaseworkError) as error:
        services.record_clarification(case=case, on=date(2026, 6, 15), actor=caseworker)
    assert str(error.value) == AUTHORITY_MISSING_MESSAGE
    case.refresh_from_db()
    assert case.state == CaseState.AWAITING_CLARIFICATION
    assert case.clarifications.get().answered_on is None


def test_authority_recorded_while_waiting_for_clarification_lets_the_work_start(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_representative_case(received_on=date(2026, 6, 10))
    services.ask_for_clarification(case=case, on=date(2026, 6, 11), actor=caseworker)
    identity.record_identity_check(
        case=case,
        on=date(2026, 6, 12),
        method=CheckMethod.AUTHORITY_SEEN,
        authority_type="court_order",
        actor=caseworker,
    )
    services.record_clarification(case=case, on=date(2026, 6, 15), actor=caseworker)
    assert case.state == CaseState.IN_PROGRESS
