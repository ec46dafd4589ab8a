"""PUT /register/activities/{slug} replaces the record; a change sends an approved activity back to draft."""

import pytest
from django.test import Client

from pledge.api.tests.routes import changed_activity, send
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity, Status

pytestmark = pytest.mark.usefixtures("register")
URL = "/api/v1/register/activities/garden-waste-subscription"


@pytest.fixture
def officer(client: Client, make_user) -> Client:
    client.force_login(make_user(role=Role.IG_OFFICER))
    return client


def _audit_rows() -> int:
    return AuditEvent.objects.filter(object_ref="garden-waste-subscription").count()


def test_it_returns_a_changed_approved_activity_to_draft_and_audits_the_change(officer: Client) -> None:
    response = send(officer, "PUT", URL, body=changed_activity(data_categories=["name", "address"]))

    assert response.status_code == 200
    assert response.json()["status"] == "draft"
    assert response.json()["data_categories"] == ["name", "address"]
    event = AuditEvent.objects.get(object_ref="garden-waste-subscription", action=AuditAction.UPDATE)
    before, after = event.before or {}, event.after or {}
    assert (before["status"], after["status"]) == ("approved", "draft")
    assert after["name"] == "Garden waste collection subscriptions"


def test_it_leaves_an_unchanged_activity_approved_and_unaudited(officer: Client) -> None:
    rows = _audit_rows()
    unchanged = changed_activity(name="Garden waste subscriptions")

    response = send(officer, "PUT", URL, body=unchanged)

    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert _audit_rows() == rows


def test_it_accepts_what_get_returned(officer: Client) -> None:
    body = officer.get(URL).json()

    response = send(officer, "PUT", URL, body=body)

    assert response.status_code == 200, response.content


def test_it_refuses_a_legal_problem_and_keeps_the_old_record(officer: Client) -> None:
    rows = _audit_rows()

    response = send(officer, "PUT", URL, body=changed_activity(lawful_basis="a"))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["consent_withdrawal_route"]
    activity = ProcessingActivity.objects.get(slug="garden-waste-subscription")
    assert (activity.lawful_basis, activity.status) == ("b", Status.APPROVED)
    assert _audit_rows() == rows


def test_it_refuses_to_change_the_slug(officer: Client) -> None:
    response = send(officer, "PUT", URL, body=changed_activity(slug="garden-waste"))

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "slug"


def test_it_answers_404_for_an_unknown_activity(officer: Client) -> None:
    response = send(officer, "PUT", "/api/v1/register/activities/nothing-here", body=changed_activity())

    assert response.status_code == 404
    assert response.json()["detail"]
