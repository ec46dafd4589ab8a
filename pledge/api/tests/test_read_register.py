"""The register reads back in the YAML shape: every field, references as slugs, activities with their service."""

import pytest
from django.test import Client

from pledge.core.roles import Role

pytestmark = pytest.mark.usefixtures("register")


@pytest.fixture
def auditor(client: Client, make_user) -> Client:
    client.force_login(make_user(role=Role.AUDITOR))
    return client


def test_an_activity_reads_as_its_yaml_record_plus_its_service(auditor: Client) -> None:
    body = auditor.get("/api/v1/register/activities/council-tax-billing").json()

    assert body["service"] == "council-tax"
    assert body["lawful_basis"] == "c"
    assert body["legislation"] == ["Local Government Finance Act 1992"]
    assert body["recipients"] == ["dwp", "mailing-house"]
    assert body["retention_rule"] == "six-years-after-closure"
    assert body["special_categories"] == []


def test_it_filters_activities_by_service_basis_and_words(auditor: Client) -> None:
    def slugs(query: str) -> list[str]:
        return [a["slug"] for a in auditor.get(f"/api/v1/register/activities?{query}").json()["items"]]

    assert slugs("service=council-tax") == ["council-tax-billing", "garden-waste-subscription"]
    assert slugs("basis=b") == ["garden-waste-subscription"]
    assert slugs("q=GARDEN") == ["garden-waste-subscription"]
    assert slugs("service=parking") == []


def test_it_pages_activities(auditor: Client) -> None:
    body = auditor.get("/api/v1/register/activities?page=2&page_size=1").json()

    assert (body["count"], body["page"], body["page_size"]) == (2, 2, 1)
    assert [a["slug"] for a in body["items"]] == ["garden-waste-subscription"]


def test_it_refuses_an_unknown_basis_filter(auditor: Client) -> None:
    response = auditor.get("/api/v1/register/activities?basis=z")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "basis"


def test_a_service_lists_its_activities(auditor: Client) -> None:
    body = auditor.get("/api/v1/register/services/council-tax").json()

    assert body["controller"] == "testshire-council"
    assert body["activities"] == ["council-tax-billing", "garden-waste-subscription"]


def test_an_unknown_slug_is_a_json_404(auditor: Client) -> None:
    for path in ("/api/v1/register/services/parking", "/api/v1/register/activities/parking-permits"):
        response = auditor.get(path)
        assert response.status_code == 404
        assert response.json()["detail"]


def test_the_shared_entities_read_in_full(auditor: Client) -> None:
    recipients = auditor.get("/api/v1/register/recipients").json()
    systems = auditor.get("/api/v1/register/systems").json()
    rules = auditor.get("/api/v1/register/retention-rules").json()

    assert {r["slug"]: r["contract_end"] for r in recipients} == {"dwp": None, "mailing-house": "2028-01-01"}
    assert systems[0]["slug"] == "revenues-system"
    assert systems[0]["country"] == "GB"
    assert (rules[0]["trigger"], rules[0]["years"], rules[0]["action"]) == ("account_closed", 6, "destroy")
