"""A CCTV request with footage scoped cannot be answered until the footage retrieval and the third-party step are
recorded; a refusal still can be."""

from datetime import date

import pytest

from pledge.casework import footage, services
from pledge.casework.footage_models import RetrievalOutcome
from pledge.casework.states import CaseState
from pledge.casework.tests.footage_factories import make_cctv_case, make_cctv_system, make_scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def scope(today, caseworker):
    today(date(2026, 11, 20))
    case = make_cctv_case(received_on=date(2026, 11, 10))
    return make_scope(case=case, system=make_cctv_system(), actor=caseworker)


def retrieve(scope, actor, outcome=RetrievalOutcome.PRESERVED):
    footage.record_retrieval(
        scope=scope, outcome=outcome, on=date(2026, 11, 12), retrieved_by="Control room", reason="Gone", actor=actor
    )


def test_it_refuses_to_respond_before_the_retrieval_is_recorded(scope, caseworker) -> None:
    scope.search_task.state = "nothing_found"  # even with the search marked done by hand
    scope.search_task.save()
    with pytest.raises(services.CaseworkError, match="Record whether the CCTV footage was retrieved"):
        services.mark_responded(case=scope.case, on=date(2026, 11, 20), actor=caseworker)
    scope.case.refresh_from_db()
    assert scope.case.state != CaseState.RESPONDED


def test_it_refuses_to_respond_before_others_in_the_footage_are_dealt_with(scope, caseworker) -> None:
    retrieve(scope, caseworker)
    with pytest.raises(services.CaseworkError, match="other people or vehicles are visible"):
        services.mark_responded(case=scope.case, on=date(2026, 11, 20), actor=caseworker)
    footage.record_third_parties(scope=scope, outcome="none_visible", how="", exemption=None, actor=caseworker)
    assert (
        services.mark_responded(case=scope.case, on=date(2026, 11, 20), actor=caseworker).state == CaseState.RESPONDED
    )


def test_footage_that_is_not_available_needs_no_third_party_step(scope, caseworker) -> None:
    retrieve(scope, caseworker, outcome=RetrievalOutcome.OVERWRITTEN)
    assert (
        services.mark_responded(case=scope.case, on=date(2026, 11, 20), actor=caseworker).state == CaseState.RESPONDED
    )


def test_a_refusal_is_still_allowed(scope, caseworker) -> None:
    case = services.refuse_request(
        case=scope.case, ground="manifestly_unfounded", reasons="A campaign of repeated requests", actor=caseworker
    )
    assert case.state == CaseState.RESPONDED


def test_a_cctv_request_with_no_footage_scoped_is_answered_as_before(today, caseworker) -> None:
    today(date(2026, 11, 20))
    case = make_cctv_case(received_on=date(2026, 11, 10))
    assert services.mark_responded(case=case, on=date(2026, 11, 20), actor=caseworker).state == CaseState.RESPONDED
