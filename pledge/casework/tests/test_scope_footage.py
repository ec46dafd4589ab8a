"""Scoping a CCTV request's footage: a surveillance system, a camera or site and a window, with a search task."""

from datetime import date

import pytest

from pledge.casework import footage, search_tasks, services
from pledge.casework.footage_models import FootageScope, RetrievalOutcome
from pledge.casework.models import CaseKind
from pledge.casework.record_models import SearchState, SearchTask
from pledge.casework.tests.factories import NAME, make_case
from pledge.casework.tests.footage_factories import at, make_cctv_case, make_cctv_system, make_scope
from pledge.core.models import AuditEvent
from pledge.register.models import System

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today):
    today(date(2026, 11, 20))
    return make_cctv_case(received_on=date(2026, 11, 10))


def test_scoping_the_footage_puts_a_search_of_the_system_on_the_case(case, caseworker) -> None:
    system = make_cctv_system()
    scope = make_scope(case=case, system=system, actor=caseworker)
    assert (scope.system_label, scope.retention_days, scope.location) == (
        "Town centre CCTV",
        31,
        "Northgate bus station",
    )
    assert scope.search_task == SearchTask.objects.get(case=case, system=system)
    assert search_tasks.search_progress(case).text == "0 of 1 system searched"
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == "CCTV footage scoped: Town centre CCTV, window of 1 h 00 min"
    assert NAME not in event.summary


def test_an_existing_search_of_the_system_is_reused(case, caseworker) -> None:
    system = make_cctv_system()
    task = search_tasks.add_search_task(case=case, service=None, system=system, actor=caseworker)
    assert make_scope(case=case, system=system, actor=caseworker).search_task == task
    assert case.search_tasks.count() == 1


def test_scoping_again_changes_the_scope_and_a_search_of_the_old_system_no_longer_applies(case, caseworker) -> None:
    town = make_cctv_system()
    parks = make_cctv_system(slug="parks-anpr", name="Country parks ANPR", retention_days=30)
    make_scope(case=case, system=town, actor=caseworker)
    scope = make_scope(case=case, system=parks, actor=caseworker, location="Millpond car park")
    assert FootageScope.objects.get() == scope
    assert (scope.system_label, scope.retention_days, scope.location) == ("Country parks ANPR", 30, "Millpond car park")
    old = SearchTask.objects.get(system=town)
    assert (old.state, old.note) == (SearchState.NOT_APPLICABLE, "The footage asked for is on another system")
    assert SearchTask.objects.get(system=parks).state == SearchState.TO_DO


def test_the_scope_cannot_change_once_the_footage_is_retrieved(case, caseworker) -> None:
    system = make_cctv_system()
    scope = make_scope(case=case, system=system, actor=caseworker)
    footage.record_retrieval(
        scope=scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=date(2026, 11, 12),
        retrieved_by="Control room",
        reason="",
        actor=caseworker,
    )
    with pytest.raises(services.CaseworkError, match="can no longer change"):
        make_scope(case=case, system=system, actor=caseworker, location="Somewhere else")


def test_it_takes_only_surveillance_systems_with_a_retention_period(case, caseworker) -> None:
    crm = System.objects.create(slug="crm", name="CRM")
    with pytest.raises(footage.FootageError, match="Select a surveillance system") as refused:
        make_scope(case=case, system=crm, actor=caseworker)
    assert refused.value.field == "system"
    unknown = System.objects.create(slug="cam", name="Camera", surveillance=True)
    with pytest.raises(footage.FootageError, match="how long this system keeps footage"):
        make_scope(case=case, system=unknown, actor=caseworker)
    assert (FootageScope.objects.count(), SearchTask.objects.count()) == (0, 0)


@pytest.mark.parametrize(
    ("start", "end", "field", "message"),
    [
        (at(2026, 11, 20, 13), at(2026, 11, 20, 14), "start", "cannot be in the future"),
        (at(2026, 11, 20, 11), at(2026, 11, 20, 12, 30), "end", "cannot be in the future"),
        (at(2026, 11, 3, 11), at(2026, 11, 3, 10), "end", "must be after its start"),
        (at(2026, 11, 3, 10), at(2026, 11, 4, 10, 1), "long_window_reason", "longer than 24 hours"),
    ],
)
def test_it_refuses_a_bad_window_and_saves_nothing(case, caseworker, start, end, field, message) -> None:
    with pytest.raises(footage.FootageError, match=message) as refused:
        make_scope(case=case, system=make_cctv_system(), actor=caseworker, start=start, end=end)
    assert refused.value.field == field
    assert (FootageScope.objects.count(), SearchTask.objects.count()) == (0, 0)


def test_a_window_longer_than_a_day_is_fine_with_a_reason(case, caseworker) -> None:
    scope = footage.scope_footage(
        case=case,
        system=make_cctv_system(),
        location="Bus station",
        window_start=at(2026, 11, 6, 18),
        window_end=at(2026, 11, 8, 18),
        long_window_reason="The requester cannot say which evening",
        actor=caseworker,
    )
    assert scope.long_window_reason == "The requester cannot say which evening"


def test_it_needs_a_camera_or_site(case, caseworker) -> None:
    with pytest.raises(footage.FootageError, match="site or enter the camera"):
        make_scope(case=case, system=make_cctv_system(), actor=caseworker, location="  ")


def test_only_a_cctv_request_has_footage(today, caseworker) -> None:
    today(date(2026, 11, 20))
    access = make_case(received_on=date(2026, 11, 10), kind=CaseKind.ACCESS)
    with pytest.raises(footage.FootageError, match="Only a request for CCTV"):
        make_scope(case=access, system=make_cctv_system(), actor=caseworker)


def test_footage_cannot_be_scoped_once_the_request_is_closed(case, caseworker) -> None:
    services.withdraw(case=case, on=date(2026, 11, 15), actor=caseworker)
    with pytest.raises(footage.FootageError, match="while the request is open"):
        make_scope(case=case, system=make_cctv_system(), actor=caseworker)
