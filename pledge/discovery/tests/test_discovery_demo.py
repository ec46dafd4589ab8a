"""The demo's requests from people of the estate: an access, an erasure and a rectification request, made once."""

from datetime import date

import pytest

from pledge.casework.demo_cases import remove_demo_cases
from pledge.casework.models import Case, CaseKind
from pledge.casework.states import CaseState
from pledge.discovery.demo_cases import choose_requesters, load_discovery_demo
from pledge.discovery.estate import generate_estate
from pledge.discovery.models import RunState
from pledge.discovery.tests.discovery_factories import freeze, make_caseworker

pytestmark = pytest.mark.django_db


@pytest.fixture
def estate(settings, tmp_path, time_machine):
    freeze(time_machine, date(2026, 6, 20))
    summary = generate_estate(people=60, seed=1, out=tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = summary.systems_yaml
    settings.PLEDGE_IDENTITY_INDEX = tmp_path / "index"
    make_caseworker()
    return tmp_path / "estate"


def test_it_builds_the_index_and_logs_three_open_requests_from_estate_people(estate) -> None:
    assert load_discovery_demo().startswith("Discovery demo: identity index built; 3 requests")
    cases = {case.kind: case for case in Case.objects.all()}
    assert set(cases) == {CaseKind.ACCESS, CaseKind.ERASURE, CaseKind.RECTIFICATION}
    assert all(case.state == CaseState.IN_PROGRESS for case in cases.values())
    people = {f"{p['given_name']} {p['family_name']}" for p in choose_requesters(estate).values()}
    assert {case.requester_name for case in cases.values()} == people
    run = cases[CaseKind.ERASURE].discovery_runs.get()
    assert run.state == RunState.FINISHED
    assert {"council-tax", "newsletters"} <= set(run.candidates.values_list("system", flat=True))


def test_loading_again_adds_nothing_and_reset_removes_them(estate) -> None:
    load_discovery_demo()
    assert load_discovery_demo().endswith("its requests are already there")
    assert remove_demo_cases() == 3
    assert load_discovery_demo().startswith("Discovery demo: identity index already built; 3 requests")
