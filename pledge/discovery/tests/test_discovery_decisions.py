"""Caseworkers confirm or reject each candidate; decisions are kept across runs and only confirmed records count."""

from datetime import date

import pytest

from pledge.casework import services as case_services
from pledge.casework.record_models import SearchState
from pledge.casework.search_tasks import record_search
from pledge.casework.services import CaseworkError
from pledge.discovery import services
from pledge.discovery.models import CandidateDecision
from pledge.discovery.services import DiscoveryError
from pledge.discovery.sources import RecordKey
from pledge.discovery.tests.discovery_factories import (
    freeze,
    make_case,
    make_caseworker,
    run_now,
    set_up_estate,
)

pytestmark = pytest.mark.django_db

TAX = RecordKey(system="council-tax", table="accounts", key="CT1")
NEWS = RecordKey(system="newsletters", table="subscribers", key="N1")


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


def _candidate(run, ref):
    return run.candidates.get(system=ref.system, table=ref.table, key=ref.key)


def test_nothing_is_confirmed_until_a_person_confirms_it(case, caseworker) -> None:
    run = run_now(case, caseworker)
    assert services.confirmed_records(case=case) == []
    services.confirm_candidate(candidate=_candidate(run, TAX), actor=caseworker)
    assert services.confirmed_records(case=case) == [TAX]


def test_a_rejection_needs_a_reason(case, caseworker) -> None:
    run = run_now(case, caseworker)
    with pytest.raises(DiscoveryError, match="Say why"):
        services.reject_candidate(candidate=_candidate(run, NEWS), note="  ", actor=caseworker)
    rejected = services.reject_candidate(candidate=_candidate(run, NEWS), note="Different person", actor=caseworker)
    assert (rejected.decision, rejected.decided_by, rejected.decision_note) == (
        CandidateDecision.REJECTED,
        caseworker,
        "Different person",
    )


def test_decisions_carry_over_to_the_next_run_and_rejected_records_stay_rejected(case, caseworker) -> None:
    first = run_now(case, caseworker)
    services.confirm_candidate(candidate=_candidate(first, TAX), actor=caseworker)
    services.reject_candidate(candidate=_candidate(first, NEWS), note="Not him", actor=caseworker)
    second = run_now(case, caseworker)
    tax, news = _candidate(second, TAX), _candidate(second, NEWS)
    assert (tax.decision, tax.carried_from_id) == (CandidateDecision.CONFIRMED, _candidate(first, TAX).pk)
    assert (news.decision, news.decision_note) == (CandidateDecision.REJECTED, "Not him")
    assert services.confirmed_records(case=case) == [TAX]


def test_only_the_latest_finished_run_counts_and_older_runs_cannot_be_decided(case, caseworker) -> None:
    first = run_now(case, caseworker)
    services.confirm_candidate(candidate=_candidate(first, TAX), actor=caseworker)
    second = run_now(case, caseworker, date_of_birth="")
    services.reject_candidate(candidate=_candidate(second, TAX), note="Wrong after all", actor=caseworker)
    assert services.confirmed_records(case=case) == []
    with pytest.raises(DiscoveryError, match="replaced by a newer one"):
        services.confirm_candidate(candidate=_candidate(first, NEWS), actor=caseworker)


def test_search_tasks_wait_for_every_decision_then_say_who_confirmed(case, caseworker) -> None:
    run = run_now(case, caseworker)
    tax = case.search_tasks.get(connector="council-tax")
    assert (tax.state, tax.hits) == (SearchState.TO_DO, 1)
    services.confirm_candidate(candidate=_candidate(run, TAX), actor=caseworker)
    services.reject_candidate(candidate=_candidate(run, NEWS), note="Not him", actor=caseworker)
    tax.refresh_from_db()
    news = case.search_tasks.get(connector="newsletters")
    assert (tax.state, tax.completed_by, tax.note) == (
        SearchState.FOUND,
        caseworker,
        "Discovery found 1 possible record: 1 confirmed by casey, 0 rejected as someone else's",
    )
    assert news.state == SearchState.NOTHING_FOUND
    assert case.search_tasks.get(connector="electoral-register").state == SearchState.NOT_APPLICABLE


def test_unconnected_stores_get_a_manual_task_with_owner_and_due_date(case, caseworker) -> None:
    run_now(case, caseworker)
    paper = case.search_tasks.get(system__slug="paper-files")
    assert (paper.label, paper.owner, paper.due_on, paper.state) == (
        "Paper files (not connected: search by hand)",
        "Records manager",
        date(2026, 7, 5),
        SearchState.TO_DO,
    )
    run_now(case, caseworker)
    assert case.search_tasks.filter(system__slug="paper-files").count() == 1


def test_the_response_waits_for_every_candidate_and_manual_search(case, caseworker) -> None:
    run = run_now(case, caseworker)
    with pytest.raises(CaseworkError, match="4 search tasks are still to do"):
        case_services.mark_responded(case=case, on=date(2026, 6, 20), actor=caseworker)
    services.confirm_candidate(candidate=_candidate(run, TAX), actor=caseworker)
    services.confirm_candidate(candidate=_candidate(run, NEWS), actor=caseworker)
    for task in case.search_tasks.filter(state=SearchState.TO_DO):
        record_search(task=task, state=SearchState.NOTHING_FOUND, note="Searched", assignee=None, actor=caseworker)
    case_services.mark_responded(case=case, on=date(2026, 6, 20), actor=caseworker)
