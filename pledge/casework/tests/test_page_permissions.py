"""Every casework route: anonymous visitors go to sign-in, roles without the permission get 403."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from pledge.casework.tests.factories import make_case
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db

GETS = [("cases:dashboard", False, Permission.VIEW_CASES), ("cases:new", False, Permission.HANDLE_CASES)]
GETS += [("cases:case", True, Permission.VIEW_CASES)]
ACTION_KEYS = ["assign", "ask-for-identity", "ask-for-clarification", "extend", "respond", "withdraw"]


@pytest.fixture
def case(today):
    today(date(2026, 9, 10))
    return make_case(received_on=date(2026, 9, 3))


def _url(name: str, needs_case: bool, case) -> str:
    return reverse(name, kwargs={"pk": case.pk} if needs_case else {})


def test_the_permissions_are_granted_as_agreed() -> None:
    assert roles_with(Permission.VIEW_CASES) == [Role.DPO, Role.IG_OFFICER, Role.CASEWORKER, Role.AUDITOR]
    assert roles_with(Permission.HANDLE_CASES) == [Role.DPO, Role.IG_OFFICER, Role.CASEWORKER]


@pytest.mark.parametrize(("name", "needs_case", "permission"), GETS)
def test_an_anonymous_visitor_is_sent_to_sign_in(case, name, needs_case, permission) -> None:
    response = Client().get(_url(name, needs_case, case))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize(("name", "needs_case", "permission"), GETS)
@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_the_page_only_with_its_permission(case, client_as, name, needs_case, permission, role) -> None:
    response = client_as(role).get(_url(name, needs_case, case))
    assert response.status_code == (200 if role in roles_with(permission) else 403)


@pytest.mark.parametrize("key", ACTION_KEYS)
def test_an_anonymous_visitor_cannot_act(case, key) -> None:
    response = Client().post(reverse("cases:action", kwargs={"pk": case.pk, "action": key}))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize("key", ACTION_KEYS)
@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)])
def test_roles_without_the_handling_permission_cannot_act(case, client_as, key, role) -> None:
    response = client_as(role).post(reverse("cases:action", kwargs={"pk": case.pk, "action": key}))
    assert response.status_code == 403


def test_roles_without_the_handling_permission_cannot_log_a_request(case, client_as) -> None:
    assert client_as(Role.AUDITOR).post(reverse("cases:new"), {}).status_code == 403


def test_actions_are_posts_only(case, client_as) -> None:
    assert (
        client_as(Role.DPO).get(reverse("cases:action", kwargs={"pk": case.pk, "action": "respond"})).status_code == 405
    )


def test_an_unknown_action_is_not_found(case, client_as) -> None:
    assert (
        client_as(Role.DPO).post(reverse("cases:action", kwargs={"pk": case.pk, "action": "explode"})).status_code
        == 404
    )
