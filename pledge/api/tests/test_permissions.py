"""Each route needs one permission from pledge.core.roles: roles without it get 403, roles with it are served."""

import pytest
from django.test import Client

from pledge.api.tests.routes import ROUTES, Route, call
from pledge.core.roles import Role, roles_with

pytestmark = pytest.mark.usefixtures("register")

REFUSED = [(route, role) for route in ROUTES for role in Role if role not in roles_with(route.permission)]
ALLOWED = [(route, role) for route in ROUTES for role in roles_with(route.permission)]


def _ids(case: tuple[Route, Role]) -> str:
    return f"{case[0]} as {case[1].value}"


@pytest.mark.parametrize("case", REFUSED, ids=_ids)
def test_it_refuses_a_token_whose_role_lacks_the_permission(client: Client, make_token, case) -> None:
    route, role = case

    response = call(client, route, token=make_token(role=role))

    assert response.status_code == 403
    assert route.permission.value in response.json()["detail"]


@pytest.mark.parametrize("case", REFUSED, ids=_ids)
def test_it_refuses_a_user_whose_role_lacks_the_permission(client: Client, make_user, case) -> None:
    route, role = case
    client.force_login(make_user(role=role))

    response = call(client, route)

    assert response.status_code == 403
    assert route.permission.value in response.json()["detail"]


@pytest.mark.parametrize("case", ALLOWED, ids=_ids)
def test_it_serves_a_user_whose_role_has_the_permission(client: Client, make_user, case) -> None:
    route, role = case
    # A service lead edits only the services they lead; the fixture's activities are all in council tax.
    client.force_login(make_user(role=role, leads=("council-tax",) if role is Role.SERVICE_LEAD else ()))

    response = call(client, route)

    assert response.status_code == route.success, response.content


@pytest.mark.parametrize(
    "case", [(route, role) for route, role in ALLOWED if role is not Role.SERVICE_LEAD or not route.writes], ids=_ids
)
def test_it_serves_a_token_whose_role_has_the_permission(client: Client, make_token, case) -> None:
    route, role = case

    response = call(client, route, token=make_token(role=role))

    assert response.status_code == route.success, response.content
