"""Only the DPO approves; approval takes effect from a date and writes an audit row."""

import pytest
from django.test import Client
from django.utils import timezone

from pledge.api.tests.routes import new_activity, send
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.roles import Permission, Role, roles_with
from pledge.register.models import ProcessingActivity, Status

pytestmark = pytest.mark.usefixtures("register")


@pytest.fixture
def submitted(client: Client, make_user) -> str:
    client.force_login(make_user(role=Role.IG_OFFICER, username="officer"))
    send(client, "POST", "/api/v1/register/activities", body=new_activity())
    send(client, "POST", "/api/v1/register/activities/single-person-discount/submit")
    client.logout()
    return "/api/v1/register/activities/single-person-discount/approve"


def test_only_the_dpo_may_approve() -> None:
    assert roles_with(Permission.APPROVE_REGISTER) == [Role.DPO]


def test_approving_writes_an_audit_row(client: Client, make_user, submitted: str) -> None:
    client.force_login(make_user(role=Role.DPO, username="dpo"))

    response = send(client, "POST", submitted, body={"effective_from": "2026-04-01"})

    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert response.json()["effective_from"] == "2026-04-01"
    event = AuditEvent.objects.get(object_ref="single-person-discount", action=AuditAction.APPROVE)
    assert event.actor_label == "dpo"
    before, after = event.before or {}, event.after or {}
    assert (before["status"], after["status"]) == ("submitted", "approved")


def test_approval_without_a_date_takes_effect_today(client: Client, make_token, submitted: str) -> None:
    response = send(client, "POST", submitted, token=make_token(role=Role.DPO, name="dpo-console"))

    assert response.status_code == 200
    activity = ProcessingActivity.objects.get(slug="single-person-discount")
    assert activity.effective_from == timezone.localdate()
    assert AuditEvent.objects.get(action=AuditAction.APPROVE).actor_label == "dpo-console"


def test_it_refuses_to_approve_twice(client: Client, make_user) -> None:
    client.force_login(make_user(role=Role.DPO))

    response = send(client, "POST", "/api/v1/register/activities/council-tax-billing/approve")

    assert response.status_code == 409
    assert not AuditEvent.objects.filter(action=AuditAction.APPROVE).exists()


def test_submitting_moves_a_draft_to_awaiting_approval(client: Client, make_user) -> None:
    client.force_login(make_user(role=Role.IG_OFFICER))
    send(client, "POST", "/api/v1/register/activities", body=new_activity())

    response = send(client, "POST", "/api/v1/register/activities/single-person-discount/submit")

    assert response.status_code == 200
    assert ProcessingActivity.objects.get(slug="single-person-discount").status == Status.SUBMITTED
    assert AuditEvent.objects.filter(object_ref="single-person-discount", action=AuditAction.SUBMIT).count() == 1


def test_it_refuses_to_submit_an_approved_activity(client: Client, make_user) -> None:
    client.force_login(make_user(role=Role.IG_OFFICER))

    response = send(client, "POST", "/api/v1/register/activities/council-tax-billing/submit")

    assert response.status_code == 409
    assert "only a draft" in response.json()["detail"]
