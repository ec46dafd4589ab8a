"""Proof of identity or authority asked for: the clock starts from the latest proof (R1.2), and the case records how
it was checked and by whom."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.record_models import CheckMethod, IdentityCheck
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import record_passport_seen
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_identity_received_later_moves_the_start_and_the_due_date(today, caseworker) -> None:
    today(date(2026, 6, 10))
    case = make_case(received_on=date(2026, 6, 10))  # spec §1.3 vector 18
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    assert case.state == CaseState.AWAITING_ID
    today(date(2026, 6, 15))
    record_passport_seen(case, on=date(2026, 6, 15), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.id_received_on, case.due_on) == (
        CaseState.IN_PROGRESS,
        date(2026, 6, 15),
        date(2026, 7, 15),
    )


def test_it_records_how_by_whom_and_when_identity_was_checked(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    record_passport_seen(case, on=date(2026, 6, 15), actor=caseworker)
    check = IdentityCheck.objects.get(case=case)
    assert (
        check.proof,
        check.method,
        check.document_type,
        check.checked_by,
        check.checked_on,
        check.started_clock,
    ) == (
        "identity",
        CheckMethod.DOCUMENT_SEEN,
        "passport",
        caseworker,
        date(2026, 6, 15),
        True,
    )
    latest = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert latest.summary == "Proof of identity received (a document seen by staff)"


def test_proof_of_authority_also_moves_the_start(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    services.record_identity_received(
        case=case, on=date(2026, 6, 17), method=CheckMethod.AUTHORITY_SEEN, authority_type="lpa", actor=caseworker
    )
    assert (case.authority_received_on, case.due_on) == (date(2026, 6, 17), date(2026, 7, 17))
    assert IdentityCheck.objects.get(case=case).get_authority_type_display() == "Lasting power of attorney"


def test_it_refuses_proof_when_none_was_asked_for(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(CaseworkError, match="not waiting for proof"):
        record_passport_seen(case, on=date(2026, 6, 15), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.id_received_on, case.due_on) == (CaseState.RECEIVED, None, date(2026, 7, 10))


def test_it_refuses_proof_dated_before_the_request(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="before the request was received"):
        record_passport_seen(case, on=date(2026, 6, 9), actor=caseworker)


def test_it_refuses_proof_dated_in_the_future(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="cannot be in the future"):
        record_passport_seen(case, on=date(2026, 6, 21), actor=caseworker)
    assert not IdentityCheck.objects.exists()


@pytest.mark.parametrize(
    ("method", "document_type", "authority_type", "message"),
    [
        ("telepathy", "", "", "Select how identity or authority was checked"),
        (CheckMethod.DOCUMENT_SEEN, "", "", "Select the type of document seen"),
        (CheckMethod.AUTHORITY_SEEN, "", "", "Select the proof of authority seen"),
        (CheckMethod.MATCHING_DETAILS, "passport", "", "Leave the document type empty"),
        (CheckMethod.EXISTING_ACCOUNT, "", "lpa", "Leave the proof of authority empty"),
    ],
)
def test_it_refuses_a_check_whose_facts_do_not_fit(
    today, caseworker, method, document_type, authority_type, message
) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match=message):
        services.record_identity_received(
            case=case,
            on=date(2026, 6, 15),
            method=method,
            document_type=document_type,
            authority_type=authority_type,
            actor=caseworker,
        )
    case.refresh_from_db()
    assert (case.state, case.id_received_on, IdentityCheck.objects.count()) == (CaseState.AWAITING_ID, None, 0)
