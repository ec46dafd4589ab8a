"""A discovery run searches every connected system for the requester and leaves a search record."""

from datetime import date

import pytest

from pledge.casework import services as case_services
from pledge.core.models import AuditEvent
from pledge.discovery import services
from pledge.discovery.models import RunState, SystemSearchState
from pledge.discovery.services import DiscoveryError
from pledge.discovery.tasks import run_discovery
from pledge.discovery.tests.discovery_factories import (
    REQUESTER,
    freeze,
    make_case,
    make_caseworker,
    run_now,
    set_up_estate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def estate(settings, tmp_path, db):
    return set_up_estate(settings, tmp_path)


@pytest.fixture
def caseworker(db):
    return make_caseworker()


@pytest.fixture
def case(estate, time_machine):
    freeze(time_machine, date(2026, 6, 20))
    return make_case(received_on=date(2026, 6, 10))


def test_it_records_each_system_searched_excluded_or_unreachable_with_the_reason(case, caseworker) -> None:
    run = run_now(case, caseworker)
    assert (run.state, run.systems_done, run.systems_total) == (RunState.FINISHED, 4, 4)
    searches = {s.system: s for s in run.system_searches.all()}
    assert {slug: (s.state, s.hits) for slug, s in searches.items()} == {
        "council-tax": (SystemSearchState.SEARCHED, 1),
        "newsletters": (SystemSearchState.SEARCHED, 1),
        "electoral-register": (SystemSearchState.EXCLUDED, 0),
        "old-housing": (SystemSearchState.FAILED, 0),
    }
    assert "separate controller, The ERO" in searches["electoral-register"].reason
    assert "Table 'accounts' is missing" in searches["old-housing"].reason


def test_its_candidates_carry_the_probability_and_why_they_matched(case, caseworker) -> None:
    run = run_now(case, caseworker)
    candidates = {str(c.ref): c for c in run.candidates.all()}
    # The household member at the same address with the same email is not offered as the requester.
    assert sorted(candidates) == ["council-tax/accounts/CT1", "newsletters/subscribers/N1"]
    bob = candidates["newsletters/subscribers/N1"]
    assert bob.probability >= services.MIN_PROBABILITY
    assert bob.summary["full_name"] == "Bob Smith"
    assert any("Bob and Robert" in item["detail"] for item in bob.explanation)


def test_it_keeps_the_identifiers_it_searched_with_and_audits_without_them(case, caseworker) -> None:
    run = run_now(case, caseworker, previous_names="Bobby Smith\n\n", phone=" 01234 567890 ")
    assert run.identifiers["previous_names"] == ["Bobby Smith"]
    assert run.identifiers["phone"] == "01234 567890"
    summaries = list(AuditEvent.objects.filter(object_ref=case.reference).values_list("summary", flat=True))
    assert f"Discovery run {run.pk} started, searching by name, date of birth, email address, phone number, " in (
        next(s for s in summaries if "started" in s)
    )
    assert not any(REQUESTER["email"] in s or "1980" in s for s in summaries)
    assert any(
        s.startswith(f"Discovery run {run.pk} finished: 2 systems searched, 1 excluded, 1 could not") for s in summaries
    )


def test_a_caseworker_can_leave_a_system_out_with_a_reason(case, caseworker) -> None:
    with pytest.raises(DiscoveryError, match="Give the reason"):
        services.start_discovery(case=case, identifiers=REQUESTER, exclusions={"newsletters": " "}, actor=caseworker)
    run = services.start_discovery(
        case=case, identifiers=REQUESTER, exclusions={"newsletters": "Asked only about council tax"}, actor=caseworker
    )
    run_discovery.call(run_id=run.pk)
    search = run.system_searches.get(system="newsletters")
    assert (search.state, search.reason) == (
        SystemSearchState.EXCLUDED,
        "Left out of this search: Asked only about council tax",
    )
    assert not run.candidates.filter(system="newsletters").exists()


def test_starting_twice_while_one_waits_queues_one_search(case, caseworker) -> None:
    first = services.start_discovery(case=case, identifiers=REQUESTER, actor=caseworker)
    assert services.start_discovery(case=case, identifiers=REQUESTER, actor=caseworker) == first


def test_the_worker_running_a_run_twice_searches_once(case, caseworker) -> None:
    run = run_now(case, caseworker)
    run_discovery.call(run_id=run.pk)
    assert run.candidates.count() == 2


def test_it_refuses_to_search_without_a_name_or_for_a_closed_request(case, caseworker) -> None:
    with pytest.raises(DiscoveryError, match="Enter the name"):
        services.start_discovery(case=case, identifiers={"email": REQUESTER["email"]}, actor=caseworker)
    case_services.withdraw(case=case, on=date(2026, 6, 20), actor=caseworker)
    with pytest.raises(DiscoveryError, match="while the request is open"):
        services.start_discovery(case=case, identifiers=REQUESTER, actor=caseworker)


def test_a_missing_index_fails_the_run_with_what_to_do(case, caseworker, settings, tmp_path) -> None:
    settings.PLEDGE_IDENTITY_INDEX = tmp_path / "never-built"
    run = run_now(case, caseworker)
    assert (run.state, run.error) == (
        RunState.FAILED,
        "The identity index has not been built yet: run `pledge identity index`",
    )


def test_a_broken_systems_file_fails_the_run_naming_the_problem(case, caseworker, estate) -> None:
    estate.write_text("systems: 3\n")
    run = run_now(case, caseworker)
    assert run.state == RunState.FAILED
    assert run.error.startswith("The connected systems file has problems: ")


def test_a_run_that_lost_its_worker_is_replaced_by_a_new_search(case, caseworker, time_machine) -> None:
    stuck = services.start_discovery(case=case, identifiers=REQUESTER, actor=caseworker)
    stuck.state, stuck.started_at = RunState.RUNNING, stuck.created_at
    stuck.save()
    freeze(time_machine, date(2026, 6, 21))
    fresh = services.start_discovery(case=case, identifiers=REQUESTER, actor=caseworker)
    stuck.refresh_from_db()
    assert fresh != stuck and stuck.state == RunState.FAILED
