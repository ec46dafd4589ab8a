"""POST /register/activities adds a draft, applying the linter's schema, reference and legal rules."""

import pytest
from django.test import Client

from pledge.api.tests.routes import new_activity, send
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity, Status

pytestmark = pytest.mark.usefixtures("register")
URL = "/api/v1/register/activities"


@pytest.fixture
def officer(client: Client, make_user) -> Client:
    client.force_login(make_user(role=Role.IG_OFFICER))
    return client


def _nothing_written() -> bool:
    return (
        not ProcessingActivity.objects.filter(slug="single-person-discount").exists()
        and not AuditEvent.objects.filter(object_ref="single-person-discount").exists()
    )


def test_it_creates_a_draft_and_audits_it(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(status="approved"))

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "draft"
    assert body["service"] == "council-tax"
    assert body["recipients"] == ["mailing-house"]
    activity = ProcessingActivity.objects.get(slug="single-person-discount")
    assert activity.status == Status.DRAFT
    event = AuditEvent.objects.get(object_ref="single-person-discount")
    assert event.action == AuditAction.CREATE
    assert event.actor_label == "ig_officer-user"
    assert (event.after or {})["service"] == "council-tax"


def test_it_records_a_token_by_its_name(client: Client, make_token) -> None:
    response = send(client, "POST", URL, body=new_activity(), token=make_token(role=Role.DPO, name="case-system"))

    assert response.status_code == 201
    event = AuditEvent.objects.get(object_ref="single-person-discount")
    assert (event.actor, event.actor_label) == (None, "case-system")


def test_it_names_missing_legislation_for_legal_obligation_and_writes_nothing(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(legislation=[]))

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["legislation"]
    assert "Art 6(3)" in response.json()["errors"][0]["message"]
    assert _nothing_written()


def test_it_names_a_missing_required_field(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(purposes=None))

    assert response.status_code == 422
    assert {"field": "purposes", "message": "Field required"} in response.json()["errors"]
    assert _nothing_written()


def test_it_refuses_an_unknown_field(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(colour="blue"))

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "colour"
    assert _nothing_written()


def test_it_refuses_an_unknown_lawful_basis(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(lawful_basis="z"))

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "lawful_basis"


def test_it_names_every_unknown_reference(officer: Client) -> None:
    body = new_activity(recipients=["mailing-house", "nobody"], systems=["mainframe"], retention_rule="forever")

    response = send(officer, "POST", URL, body=body)

    assert response.status_code == 422
    assert {(e["field"], e["message"]) for e in response.json()["errors"]} == {
        ("recipients", "no recipient with slug 'nobody'"),
        ("systems", "no system with slug 'mainframe'"),
        ("retention_rule", "no retention rule with slug 'forever'"),
    }
    assert _nothing_written()


def test_it_refuses_an_unknown_service(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(service="parking"))

    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "service", "message": "no service with slug 'parking'"}]


def test_it_refuses_a_slug_already_in_use(officer: Client) -> None:
    response = send(officer, "POST", URL, body=new_activity(slug="council-tax-billing"))

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "slug"
    assert ProcessingActivity.objects.get(slug="council-tax-billing").name == "Billing and collecting council tax"


def test_it_applies_the_public_authority_rule_with_the_service_controller_kind(officer: Client) -> None:
    body = new_activity(lawful_basis="f", legislation=[], legitimate_interests="to recover debts")

    response = send(officer, "POST", URL, body=body)

    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["lawful_basis"]
    assert _nothing_written()
