"""GET /rights?activity= says which rights apply to an activity and why."""

import pytest
from django.test import Client

from pledge.core.roles import Role

pytestmark = pytest.mark.usefixtures("register")


@pytest.fixture
def caseworker(client: Client, make_user) -> Client:
    client.force_login(make_user(role=Role.CASEWORKER))
    return client


def test_legal_obligation_has_no_right_to_erasure(caseworker: Client) -> None:
    body = caseworker.get("/api/v1/rights?activity=council-tax-billing").json()

    rights = {r["right"]: r for r in body["rights"]}
    assert body["lawful_basis"] == "c"
    assert rights["erasure"]["applies"] is False
    assert "Art 17(3)(b)" in rights["erasure"]["reason"]
    assert rights["access"]["applies"] is True
    assert rights["access"]["title"] == "Right of access"


def test_automated_contract_processing_carries_portability(caseworker: Client) -> None:
    body = caseworker.get("/api/v1/rights?activity=garden-waste-subscription").json()

    portability = next(r for r in body["rights"] if r["right"] == "portability")
    assert portability["applies"] is True


def test_an_unknown_activity_is_a_404(caseworker: Client) -> None:
    assert caseworker.get("/api/v1/rights?activity=nothing").status_code == 404


def test_the_activity_is_required(caseworker: Client) -> None:
    response = caseworker.get("/api/v1/rights")

    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "activity"
