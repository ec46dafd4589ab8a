"""Service leads change only the activities of services they lead; other editors change every service."""

import pytest
from django.test import Client

from pledge.api.tests.routes import changed_activity, new_activity, send
from pledge.core.roles import Role
from pledge.register.models import Controller, ProcessingActivity, Service, Status

pytestmark = pytest.mark.usefixtures("register")


@pytest.fixture
def parking(db: None) -> Service:
    return Service.objects.create(
        slug="parking",
        name="Parking",
        controller=Controller.objects.get(),
        summary="Permits and penalty charges.",
        owner_role="Head of Parking",
    )


def test_a_lead_can_add_an_activity_to_their_service(client: Client, make_user, parking: Service) -> None:
    client.force_login(make_user(role=Role.SERVICE_LEAD, leads=("parking",)))

    response = send(client, "POST", "/api/v1/register/activities", body=new_activity(service="parking"))

    assert response.status_code == 201
    assert ProcessingActivity.objects.get(slug="single-person-discount").service == parking


def test_a_lead_cannot_add_an_activity_to_another_service(client: Client, make_user, parking: Service) -> None:
    client.force_login(make_user(role=Role.SERVICE_LEAD, leads=("parking",)))

    response = send(client, "POST", "/api/v1/register/activities", body=new_activity(service="council-tax"))

    assert response.status_code == 403
    assert "council-tax" in response.json()["detail"]
    assert not ProcessingActivity.objects.filter(slug="single-person-discount").exists()


def test_a_lead_cannot_change_or_submit_another_services_activity(client: Client, make_user, parking: Service) -> None:
    client.force_login(make_user(role=Role.SERVICE_LEAD, leads=("parking",)))
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(status=Status.DRAFT)
    url = "/api/v1/register/activities/garden-waste-subscription"

    assert send(client, "PUT", url, body=changed_activity()).status_code == 403
    assert send(client, "POST", f"{url}/submit").status_code == 403
    assert ProcessingActivity.objects.get(slug="garden-waste-subscription").status == Status.DRAFT


def test_a_lead_cannot_move_their_activity_into_another_service(client: Client, make_user, parking: Service) -> None:
    client.force_login(make_user(role=Role.SERVICE_LEAD, leads=("council-tax",)))

    response = send(
        client,
        "PUT",
        "/api/v1/register/activities/garden-waste-subscription",
        body=changed_activity(service="parking"),
    )

    assert response.status_code == 403
    assert ProcessingActivity.objects.get(slug="garden-waste-subscription").service.slug == "council-tax"


def test_a_service_lead_token_leads_no_service(client: Client, make_token) -> None:
    response = send(
        client, "POST", "/api/v1/register/activities", body=new_activity(), token=make_token(role=Role.SERVICE_LEAD)
    )

    assert response.status_code == 403


def test_an_information_governance_officer_edits_every_service(client: Client, make_user, parking: Service) -> None:
    client.force_login(make_user(role=Role.IG_OFFICER))

    response = send(client, "POST", "/api/v1/register/activities", body=new_activity(service="parking"))

    assert response.status_code == 201
