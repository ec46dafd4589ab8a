"""An identity check recorded without asking for proof (matching details, an existing account): it says how, by
whom and when, and leaves the clock alone (R1.2, R1.8)."""

from datetime import date

import pytest

from pledge.casework import identity, services
from pledge.casework.record_models import CheckMethod, IdentityCheck
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_it_records_matching_details_without_moving_the_due_date(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    check = identity.record_identity_check(
        case=case, on=date(2026, 6, 11), method=CheckMethod.MATCHING_DETAILS, actor=caseworker
    )
    case.refresh_from_db()
    assert (case.due_on, case.id_received_on) == (date(2026, 7, 10), None)
    assert (check.proof, check.checked_by, check.started_clock) == ("identity", caseworker, False)
    summaries = list(AuditEvent.objects.filter(object_ref=case.reference).values_list("summary", flat=True))
    assert "Proof of identity checked: Details matching what the council already holds" in summaries


def test_a_new_request_whose_requester_is_checked_is_in_progress(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    identity.record_identity_check(
        case=case, on=date(2026, 6, 11), method=CheckMethod.EXISTING_ACCOUNT, actor=caseworker
    )
    case.refresh_from_db()
    assert (case.state, case.due_on) == ("in_progress", date(2026, 7, 10))
    latest = AuditEvent.objects.filter(object_ref=case.reference).order_by("-id").first()
    assert (latest.summary, latest.actor) == ("Work started", caseworker)


def test_a_representatives_request_waits_for_their_authority_before_work_starts(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    case.on_behalf_of = "solicitor"
    case.save()
    identity.record_identity_check(
        case=case, on=date(2026, 6, 11), method=CheckMethod.MATCHING_DETAILS, actor=caseworker
    )
    case.refresh_from_db()
    assert case.state == "received"
    identity.record_identity_check(
        case=case,
        on=date(2026, 6, 12),
        method=CheckMethod.AUTHORITY_SEEN,
        authority_type="signed_authority",
        actor=caseworker,
    )
    case.refresh_from_db()
    assert case.state == "in_progress"


def test_it_sends_proof_that_was_asked_for_to_the_proof_received_action(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    with pytest.raises(CaseworkError, match="Record proof received"):
        identity.record_identity_check(
            case=case, on=date(2026, 6, 11), method=CheckMethod.EXISTING_ACCOUNT, actor=caseworker
        )


def test_it_refuses_a_check_on_a_finished_case(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.withdraw(case=case, on=date(2026, 6, 12), actor=caseworker)
    with pytest.raises(CaseworkError, match="while the request is open"):
        identity.record_identity_check(
            case=case, on=date(2026, 6, 13), method=CheckMethod.MATCHING_DETAILS, actor=caseworker
        )


@pytest.mark.parametrize(
    ("on", "message"), [(date(2026, 6, 21), "cannot be in the future"), (date(2026, 6, 9), "before the request")]
)
def test_it_refuses_a_check_dated_outside_the_case(today, caseworker, on, message) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(CaseworkError, match=message):
        identity.record_identity_check(case=case, on=on, method=CheckMethod.MATCHING_DETAILS, actor=caseworker)
    assert not IdentityCheck.objects.exists()


def test_it_refuses_a_document_check_without_the_document_type(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(CaseworkError, match="Select the type of document seen"):
        identity.record_identity_check(
            case=case, on=date(2026, 6, 11), method=CheckMethod.DOCUMENT_SEEN, actor=caseworker
        )
