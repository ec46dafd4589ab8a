"""The response cannot be recorded while a search is still to do; a refusal answers the request regardless."""

from datetime import date

import pytest

from pledge.casework import search_tasks, services
from pledge.casework.record_models import SearchState
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import activities_with_systems

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today, caseworker):
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    case.activities.set(activities_with_systems())
    search_tasks.create_search_tasks_from_activities(case=case, actor=caseworker)
    return case


def test_it_refuses_the_response_while_searches_are_to_do(case, caseworker) -> None:
    first = case.search_tasks.first()
    search_tasks.record_search(task=first, state=SearchState.FOUND, note="", assignee=None, actor=caseworker)
    with pytest.raises(CaseworkError, match="2 search tasks are still to do"):
        services.mark_responded(case=case, on=date(2026, 6, 20), actor=caseworker)
    case.refresh_from_db()
    assert (case.state, case.responded_on) == (CaseState.RECEIVED, None)


def test_it_records_the_response_once_every_search_is_done(case, caseworker) -> None:
    for task in case.search_tasks.all():
        search_tasks.record_search(task=task, state=SearchState.NOTHING_FOUND, note="", assignee=None, actor=caseworker)
    services.mark_responded(case=case, on=date(2026, 6, 20), actor=caseworker)
    assert case.state == CaseState.RESPONDED


def test_a_refusal_answers_the_request_with_searches_to_do(case, caseworker) -> None:
    services.refuse_request(
        case=case, ground="manifestly_unfounded", reasons="Made only to disrupt", on=date(2026, 6, 20), actor=caseworker
    )
    assert case.state == CaseState.RESPONDED
