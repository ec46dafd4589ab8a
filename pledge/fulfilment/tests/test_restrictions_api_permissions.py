"""The restriction routes need the view_restrictions permission: nobody gets 401, a role without it 403."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django.utils.crypto import get_random_string

from pledge.core.models import ServiceToken, User
from pledge.core.roles import Permission, Role, roles_with
from pledge.fulfilment.tests.api_calls import LOOKUP, ROUTES, send

pytestmark = pytest.mark.usefixtures("register")
ALLOWED = roles_with(Permission.VIEW_RESTRICTIONS)
REFUSED = [role for role in Role if role not in ALLOWED]
IDS = [method for method, _, _ in ROUTES]


def _token(role: Role) -> str:
    return ServiceToken.issue(name=f"{role.value}-system", role=role)[1]


def _user_client(role: Role) -> Client:
    client = Client()
    client.force_login(User.objects.create_user(username=f"{role.value}-user", password=None, role=role))
    return client


def test_the_permission_is_granted_as_agreed() -> None:
    assert ALLOWED == [Role.DPO, Role.IG_OFFICER, Role.CASEWORKER, Role.AUDITOR]
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
    by_token = send(client, method, path, body, token=_token(role))
    by_session = send(_user_client(role), method, path, body)

    for response in (by_token, by_session):
        assert response.status_code == 403
        assert "view_restrictions" in response.json()["detail"]


@pytest.mark.parametrize("role", ALLOWED)
@pytest.mark.parametrize(("method", "path", "body"), ROUTES, ids=IDS)
def test_it_serves_a_token_or_user_whose_role_has_the_permission(client, role, method, path, body) -> None:
    assert send(client, method, path, body, token=_token(role)).status_code == 200
    assert send(_user_client(role), method, path, body).status_code == 200


def test_a_session_lookup_must_carry_the_csrf_token() -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(User.objects.create_user(username="cw", password=None, role=Role.CASEWORKER))
    body = {"system": "revenues-system", "records": ["CT-1001"]}

    assert send(client, "POST", LOOKUP, body).status_code == 403
    token = get_random_string(32)
    client.cookies[settings.CSRF_COOKIE_NAME] = token
    response = client.post(LOOKUP, data=body, content_type="application/json", headers={"X-CSRFToken": token})
    assert response.status_code == 200
