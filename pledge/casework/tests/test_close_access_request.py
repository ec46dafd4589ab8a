"""An answered access request closes only once the response letter went to the requester, with the copy of their
data or saying we hold none (promise P040); refusals and requests never proved close as before."""

from datetime import date

import pytest

from pledge.casework import services
from pledge.casework.letters import LetterKind
from pledge.casework.models import CaseKind, IssuedLetter, LetterDelivery
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.law.exemptions import RefusalGround

pytestmark = pytest.mark.django_db


def _issue_response(case, caseworker) -> None:
    IssuedLetter.objects.create(
        case=case,
        kind=LetterKind.RESPONSE.value,
        delivery=LetterDelivery.POST,
        dated=date(2026, 9, 18),
        subject="Our response",
        body="...",
        issued_by=caseworker,
    )


@pytest.mark.parametrize("kind", [CaseKind.ACCESS, CaseKind.ACCESS_CCTV])
def test_an_answered_access_request_without_a_response_letter_stays_open(today, caseworker, kind) -> None:
    today(date(2026, 9, 20))
    case = make_case(kind=kind, received_on=date(2026, 9, 3))
    services.mark_responded(case=case, on=date(2026, 9, 18), actor=caseworker)
    with pytest.raises(CaseworkError, match="Send the response letter before closing"):
        services.close(case=case, on=date(2026, 9, 20), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.closed_on) == (CaseState.RESPONDED, None)


def test_it_closes_once_the_response_letter_was_sent(today, caseworker) -> None:
    today(date(2026, 9, 20))
    case = make_case(received_on=date(2026, 9, 3))
    services.mark_responded(case=case, on=date(2026, 9, 18), actor=caseworker)
    _issue_response(case, caseworker)
    assert services.close(case=case, on=date(2026, 9, 20), actor=caseworker).state == CaseState.CLOSED


def test_a_refused_access_request_closes_on_its_refusal(today, caseworker) -> None:
    today(date(2026, 9, 20))
    case = make_case(received_on=date(2026, 9, 3))
    services.refuse_request(
        case=case,
        ground=RefusalGround.MANIFESTLY_UNFOUNDED,
        reasons="A repeat of last week's request",
        on=date(2026, 9, 10),
        actor=caseworker,
    )
    assert services.close(case=case, on=date(2026, 9, 20), actor=caseworker).state == CaseState.CLOSED


def test_a_request_never_proved_closes_without_a_letter(today, caseworker) -> None:
    today(date(2026, 11, 20))
    case = make_case(received_on=date(2026, 9, 3))
    services.ask_for_identity(case=case, on=date(2026, 9, 3), actor=caseworker)
    assert services.close(case=case, on=date(2026, 11, 20), actor=caseworker).state == CaseState.CLOSED
