"""Nobody is served without a principal: no credentials, an unknown token or a revoked token get 401."""

import pytest
from django.test import Client
from django.utils import timezone

from pledge.api.tests.routes import ROUTES, Route, call, send
from pledge.core.models import ServiceToken
from pledge.core.roles import Role

pytestmark = pytest.mark.usefixtures("register")


@pytest.mark.parametrize("route", ROUTES, ids=str)
def test_it_refuses_an_anonymous_call_with_a_json_401(client: Client, route: Route) -> None:
    response = call(client, route)

    assert response.status_code == 401
    assert "Authentication required" in response.json()["detail"]
    assert response["WWW-Authenticate"].startswith("Bearer")


def test_it_refuses_a_token_it_never_issued(client: Client) -> None:
    response = send(client, "GET", "/api/v1/register/controllers", token="pledge_not-a-real-token")

    assert response.status_code == 401


def test_it_refuses_a_revoked_token(client: Client, make_token) -> None:
    raw = make_token(role=Role.DPO)
    ServiceToken.objects.update(revoked_at=timezone.now())

    response = send(client, "GET", "/api/v1/register/controllers", token=raw)

    assert response.status_code == 401


def test_it_serves_a_live_token(client: Client, make_token) -> None:
    response = send(client, "GET", "/api/v1/register/controllers", token=make_token(role=Role.AUDITOR))

    assert response.status_code == 200
    assert [c["slug"] for c in response.json()] == ["testshire-council"]


def test_it_ignores_an_authorization_header_of_another_scheme(client: Client) -> None:
    response = client.get("/api/v1/register/controllers", headers={"Authorization": "Basic dXNlcjpwYXNz"})

    assert response.status_code == 401
