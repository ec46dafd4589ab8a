"""Search tasks: one per service and system, from the case's activities or one at a time, each change audited."""

from datetime import date

import pytest

from pledge.casework import search_tasks, services
from pledge.casework.record_models import SearchState, SearchTask
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import activities_with_systems
from pledge.core.models import AuditEvent
from pledge.register.models import Service, System

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today):
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    case.activities.set(activities_with_systems())
    return case


def test_it_creates_one_task_per_service_and_system_of_the_activities(case, caseworker) -> None:
    created = search_tasks.create_search_tasks_from_activities(case=case, actor=caseworker)
    assert sorted(task.label for task in created) == [
        "Council tax: Document store",
        "Council tax: Revenues system",
        "Housing",
    ]
    assert search_tasks.search_progress(case).text == "0 of 3 systems searched"
    assert AuditEvent.objects.filter(object_ref=case.reference).first().summary == (
        "3 search tasks created from the activities"
    )


def test_creating_them_twice_adds_nothing(case, caseworker) -> None:
    search_tasks.create_search_tasks_from_activities(case=case, actor=caseworker)
    events = AuditEvent.objects.count()
    assert search_tasks.create_search_tasks_from_activities(case=case, actor=caseworker) == []
    assert (SearchTask.objects.count(), AuditEvent.objects.count()) == (3, events)


def test_it_needs_activities_to_create_tasks_from(today, caseworker) -> None:
    today(date(2026, 6, 20))
    bare = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(CaseworkError, match="Add the processing activities"):
        search_tasks.create_search_tasks_from_activities(case=bare, actor=caseworker)


def test_a_task_can_be_added_one_at_a_time_but_not_twice(case, caseworker) -> None:
    system = System.objects.create(slug="cctv", name="CCTV recorder")
    task = search_tasks.add_search_task(case=case, service=None, system=system, assignee=caseworker, actor=caseworker)
    assert (task.label, task.assignee, task.state) == ("CCTV recorder", caseworker, SearchState.TO_DO)
    with pytest.raises(CaseworkError, match="already on the case"):
        search_tasks.add_search_task(case=case, service=None, system=system, actor=caseworker)
    with pytest.raises(CaseworkError, match="Select the service or the system"):
        search_tasks.add_search_task(case=case, service=None, system=None, actor=caseworker)


def test_recording_a_search_says_who_finished_it_and_when(case, caseworker) -> None:
    task = search_tasks.add_search_task(
        case=case, service=Service.objects.get(slug="housing"), system=None, actor=caseworker
    )
    search_tasks.record_search(
        task=task, state=SearchState.FOUND, note="Two letters", assignee=caseworker, actor=caseworker
    )
    assert (task.state, task.completed_by, task.completed_at.date()) == (
        SearchState.FOUND,
        caseworker,
        date(2026, 6, 20),
    )
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert (event.summary, event.before, event.after) == (
        f"Search task {task.pk}: searched and found data",
        {"state": "to_do", "assignee": None},
        {"state": "found", "assignee": caseworker.pk},
    )
    search_tasks.record_search(task=task, state=SearchState.TO_DO, note="", assignee=None, actor=caseworker)
    assert (task.completed_by, task.completed_at) == (None, None)


def test_not_applicable_needs_a_reason(case, caseworker) -> None:
    task = search_tasks.add_search_task(
        case=case, service=Service.objects.get(slug="housing"), system=None, actor=caseworker
    )
    with pytest.raises(CaseworkError, match="Give the reason"):
        search_tasks.record_search(
            task=task, state=SearchState.NOT_APPLICABLE, note=" ", assignee=None, actor=caseworker
        )
    task.refresh_from_db()
    assert task.state == SearchState.TO_DO


def test_searches_cannot_change_once_the_request_is_answered(case, caseworker) -> None:
    task = search_tasks.add_search_task(
        case=case, service=Service.objects.get(slug="housing"), system=None, actor=caseworker
    )
    search_tasks.record_search(task=task, state=SearchState.NOTHING_FOUND, note="", assignee=None, actor=caseworker)
    services.mark_responded(case=case, on=date(2026, 6, 20), actor=caseworker)
    with pytest.raises(CaseworkError, match="while the request is open"):
        search_tasks.record_search(task=task, state=SearchState.TO_DO, note="", assignee=None, actor=caseworker)
