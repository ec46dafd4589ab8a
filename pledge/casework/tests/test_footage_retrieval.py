"""Recording the footage retrieval: preserved on a day by someone, or not available with a reason; the system's
search task is completed to match."""

from datetime import date

import pytest

from pledge.casework import footage
from pledge.casework.footage_models import FootageScope, RetrievalOutcome
from pledge.casework.record_models import SearchState
from pledge.casework.tests.footage_factories import make_cctv_case, make_cctv_system, make_scope
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def scope(today, caseworker):
    today(date(2026, 11, 20))
    return make_scope(case=make_cctv_case(received_on=date(2026, 11, 10)), system=make_cctv_system(), actor=caseworker)


def retrieve(scope, actor, **changes):
    values = {
        "outcome": RetrievalOutcome.PRESERVED,
        "on": date(2026, 11, 12),
        "retrieved_by": "Control room",
        "reason": "",
    }
    return footage.record_retrieval(scope=scope, actor=actor, **{**values, **changes})


def test_preserved_footage_completes_the_search_as_found(scope, caseworker) -> None:
    retrieve(scope, caseworker)
    scope.refresh_from_db()
    assert (scope.retrieval, scope.retrieved_on, scope.retrieved_by) == (
        "preserved",
        date(2026, 11, 12),
        "Control room",
    )
    assert scope.retrieval_recorded_by == caseworker
    task = scope.search_task
    task.refresh_from_db()
    assert (task.state, task.note) == (SearchState.FOUND, "Footage retrieved and preserved on 12 November 2026")
    assert AuditEvent.objects.filter(summary="CCTV footage: retrieved and preserved").count() == 1


@pytest.mark.parametrize(
    "outcome", [RetrievalOutcome.OVERWRITTEN, RetrievalOutcome.CAMERA_NOT_WORKING, RetrievalOutcome.NOT_IN_VIEW]
)
def test_footage_not_available_completes_the_search_as_nothing_found(scope, caseworker, outcome) -> None:
    retrieve(scope, caseworker, outcome=outcome, retrieved_by="ignored", reason="Recorder log checked")
    scope.refresh_from_db()
    assert (scope.retrieval, scope.retrieval_reason, scope.retrieved_by) == (outcome, "Recorder log checked", "")
    assert not scope.needs_third_party_step
    scope.search_task.refresh_from_db()
    assert scope.search_task.state == SearchState.NOTHING_FOUND


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"retrieved_by": " "}, "retrieved_by", "Enter who retrieved the footage"),
        ({"outcome": RetrievalOutcome.OVERWRITTEN, "reason": ""}, "reason", "Give the reason"),
        ({"on": date(2026, 11, 21)}, "on", "cannot be in the future"),
        ({"on": date(2026, 11, 9)}, "on", "before the request was received"),
    ],
)
def test_it_refuses_an_incomplete_retrieval_and_saves_nothing(scope, caseworker, changes, field, message) -> None:
    events = AuditEvent.objects.count()
    with pytest.raises(footage.FootageError, match=message) as refused:
        retrieve(scope, caseworker, **changes)
    assert refused.value.field == field
    assert (FootageScope.objects.get().retrieval, AuditEvent.objects.count()) == ("", events)


def test_a_second_retrieval_is_refused_so_a_double_click_records_nothing_twice(scope, caseworker) -> None:
    retrieve(scope, caseworker)
    events = AuditEvent.objects.count()
    with pytest.raises(footage.FootageError, match="already recorded"):
        retrieve(FootageScope.objects.get(), caseworker, outcome=RetrievalOutcome.NOT_IN_VIEW, reason="Elsewhere")
    assert (FootageScope.objects.get().retrieval, AuditEvent.objects.count()) == ("preserved", events)
