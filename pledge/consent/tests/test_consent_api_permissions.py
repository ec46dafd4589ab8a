"""The consent routes need the view_consent permission: nobody gets 401, a role without it 403."""

import pytest
from django.test import Client
from django.utils import timezone

from pledge.core.models import ServiceToken, User
from pledge.core.roles import Permission, Role, roles_with

from .api_calls import ROUTES, send

pytestmark = pytest.mark.usefixtures("ledger")
ALLOWED = roles_with(Permission.VIEW_CONSENT)
REFUSED = [role for role in Role if role not in ALLOWED]
IDS = [method for method, _, _ in ROUTES]


def _token(role: Role) -> str:
    return ServiceToken.issue(name=f"{role.value}-system", role=role)[1]


def _user_client(role: Role) -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username=f"{role.value}-user", password=None, role=role))
    return client


def test_the_permission_is_granted_as_agreed() -> None:
    assert REFUSED == [Role.SERVICE_LEAD]


@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=IDS)
def test_it_refuses_an_anonymous_call_with_a_json_401(client, method, path, body) -> None:
    response = send(client, method, path, body)
    assert response.status_code == 401
    assert "Authentication required" in response.json()["detail"]


@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=IDS)
def test_it_refuses_a_forged_or_revoked_token(client, method, path, body) -> None:
    raw = _token(Role.DPO)
    assert send(client, method, path, body, token="pledge_forged").status_code == 401
    ServiceToken.objects.update(revoked_at=timezone.now())
    assert send(client, method, path, body, token=raw).status_code == 401


@pytest.mark.parametrize("role", REFUSED)
@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=IDS)
def test_it_refuses_a_token_or_user_whose_role_lacks_the_permission(client, role, method, path, body) -> None:
    for response in (
        send(client, method, path, body, token=_token(role)),
        send(_user_client(role), method, path, body),
    ):
        assert response.status_code == 403
        assert "view_consent" in response.json()["detail"]


@pytest.mark.parametrize("role", ALLOWED)
def test_a_signed_in_member_of_staff_with_the_permission_may_ask(role) -> None:
    response = send(_user_client(role), *ROUTES[0][:2])
    assert response.status_code == 200
