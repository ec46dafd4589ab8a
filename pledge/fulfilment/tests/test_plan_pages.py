"""The plan page: a dry run listing every step with its reason, approved and carried out; refused to other roles."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.test import Client
from django.urls import reverse

from pledge.casework.models import Case, CaseKind
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.fulfilment.plan_models import Plan, PlanState, StepState
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.plan_estate import Estate, build_estate, confirm_records, register_estate_systems

DAY = date(2026, 12, 1)


@pytest.fixture
def estate(register: None, settings: LazySettings, tmp_path: Path) -> Estate:
    built = build_estate(tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = built.yaml
    register_estate_systems()
    return built


@pytest.fixture
def case(estate: Estate, caseworker: User, today: Callable[[date], date]) -> Case:
    today(DAY)
    opened = make_case(kind=CaseKind.ERASURE, received_on=DAY - timedelta(days=2), actor=caseworker)
    confirm_records(case=opened, actor=caseworker)
    return opened


def url(name: str, case: Case, **extra: int) -> str:
    return reverse(f"plans:{name}", kwargs={"pk": case.pk, **extra})


def test_a_caseworker_makes_a_dry_run_and_sees_every_step_with_its_reason(
    case: Case, client_as: Callable[[Role], Client]
) -> None:
    client = client_as(Role.CASEWORKER)
    response = client.post(url("dry_run", case), follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dry run made: nothing has changed yet" in page
    assert "Six years after the account closes (Limitation Act 1980 s.5) until 31 March 2030" in page
    assert 'data-step="newsletters/subscribers/N1"' in page
    assert "Department for Work and Pensions" in page  # Art 19 recipients of the case's activity
    assert "Approve and carry out the plan" in page


def test_approving_carries_the_plan_out(case: Case, client_as: Callable[[Role], Client], estate: Estate) -> None:
    client = client_as(Role.CASEWORKER)
    client.post(url("dry_run", case))
    plan = Plan.objects.get(case=case)
    response = client.post(url("execute", case, plan=plan.pk), {"erase_ground": "consent_withdrawn"}, follow=True)
    assert response.status_code == 200
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N2"]
    plan.refresh_from_db()
    assert plan.state == PlanState.EXECUTING  # the library's owner still has a task
    assert "Library systems manager" in response.content.decode()

    task = plan.owner_tasks.get()
    done = client.post(url("task_done", case, task=task.pk), {"note": "Deleted on 1 December"}, follow=True)
    assert done.status_code == 200
    plan.refresh_from_db()
    assert plan.state == PlanState.EXECUTED


def test_approving_without_the_ground_shows_the_error_and_changes_nothing(
    case: Case, client_as: Callable[[Role], Client], estate: Estate
) -> None:
    client = client_as(Role.CASEWORKER)
    client.post(url("dry_run", case))
    plan = Plan.objects.get(case=case)
    response = client.post(url("execute", case, plan=plan.pk), {})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert "Select the Art 17(1) ground" in response.content.decode()
    assert set(plan.steps.values_list("state", flat=True)) == {StepState.PLANNED}


def test_a_dry_run_without_confirmed_records_says_what_to_do(
    estate: Estate, caseworker: User, client_as: Callable[[Role], Client], today: Callable[[date], date]
) -> None:
    today(DAY)
    bare = make_case(kind=CaseKind.ERASURE, received_on=DAY, actor=caseworker)
    response = client_as(Role.CASEWORKER).post(url("dry_run", bare))
    assert response.status_code == 400
    assert "Confirm the requester&#x27;s records in discovery" in response.content.decode()


def test_the_case_page_links_to_the_plan(case: Case, client_as: Callable[[Role], Client]) -> None:
    client = client_as(Role.CASEWORKER)
    client.post(url("dry_run", case))
    page = client.get(reverse("cases:case", kwargs={"pk": case.pk})).content.decode()
    assert "Plan for each system" in page and url("plan", case) in page


def test_an_auditor_may_read_the_plan_but_not_change_it(case: Case, client_as: Callable[[Role], Client]) -> None:
    client_as(Role.CASEWORKER).post(url("dry_run", case))
    plan = Plan.objects.get(case=case)
    auditor = client_as(Role.AUDITOR)
    page = auditor.get(url("plan", case))
    assert page.status_code == 200 and "Approve and carry out" not in page.content.decode()
    assert auditor.post(url("dry_run", case)).status_code == 403
    assert auditor.post(url("execute", case, plan=plan.pk), {"erase_ground": "consent_withdrawn"}).status_code == 403
    plan.refresh_from_db()
    assert plan.state == PlanState.DRY_RUN


def test_a_service_lead_cannot_open_the_plan(case: Case, client_as: Callable[[Role], Client]) -> None:
    assert client_as(Role.SERVICE_LEAD).get(url("plan", case)).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(case: Case) -> None:
    response = Client().get(url("plan", case))
    assert response.status_code == 302 and "sign-in" in response["Location"]
