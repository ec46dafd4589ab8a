"""Editing an activity in the staff form applies the linter's legal rules and keeps a before/after audit."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity, Status

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def dpo_client(db: None) -> Client:
    call_command("register", "import", str(MINIMAL))
    client = Client()
    client.force_login(User.objects.create_user(username="dpo", password=None, role=Role.DPO))
    return client


def form_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Billing and collecting council tax",
        "purposes": "to bill and collect council tax",
        "lawful_basis": "c",
        "legislation": "Local Government Finance Act 1992",
        "data_subjects": "council tax payers",
        "data_categories": "name\naddress",
        "sources": "you",
        "provision_requirement": "statutory",
        "retention_rule": "",
    }
    data.update(overrides)
    return data


def retention_id() -> int:
    return ProcessingActivity.objects.get(slug="council-tax-billing").retention_rule_id or 0


def test_it_refuses_a_legal_obligation_without_legislation_and_saves_nothing(dpo_client: Client) -> None:
    before = ProcessingActivity.objects.get(slug="council-tax-billing").legislation
    response = dpo_client.post(
        "/staff/register/activities/council-tax-billing/edit/", form_data(legislation="", retention_rule=retention_id())
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "govuk-error-summary" in page
    assert "needs the legislation it rests on" in page
    assert ProcessingActivity.objects.get(slug="council-tax-billing").legislation == before


def test_it_refuses_an_activity_without_a_retention_rule(dpo_client: Client) -> None:
    response = dpo_client.post("/staff/register/activities/council-tax-billing/edit/", form_data())
    assert "activity without a retention rule" in response.content.decode().lower()


def test_a_valid_edit_becomes_a_draft_with_an_audited_before_and_after(dpo_client: Client) -> None:
    response = dpo_client.post(
        "/staff/register/activities/council-tax-billing/edit/",
        form_data(purposes="to bill council tax\nto recover arrears", retention_rule=retention_id()),
    )
    assert response.status_code == 302
    activity = ProcessingActivity.objects.get(slug="council-tax-billing")
    assert activity.status == Status.DRAFT
    assert activity.purposes == ["to bill council tax", "to recover arrears"]
    event = AuditEvent.objects.filter(object_ref="council-tax-billing", action="update").latest("at")
    assert event.before is not None and event.after is not None
    assert event.before["purposes"] == ["to bill and collect council tax"]
    assert event.after["purposes"] == ["to bill council tax", "to recover arrears"]


def test_the_dpo_approves_a_submitted_activity(dpo_client: Client) -> None:
    dpo_client.post("/staff/register/activities/council-tax-billing/edit/", form_data(retention_rule=retention_id()))
    dpo_client.post("/staff/register/activities/council-tax-billing/submit/")
    assert ProcessingActivity.objects.get(slug="council-tax-billing").status == Status.SUBMITTED
    dpo_client.post("/staff/register/activities/council-tax-billing/approve/", {"decision": "approve"})
    assert ProcessingActivity.objects.get(slug="council-tax-billing").status == Status.APPROVED
