"""Every staff page refuses anonymous visitors and the roles that lack its permission (promise P129)."""

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from pledge.core.roles import Permission, Role, roles_with
from pledge.notices.generation import ensure_notices

PAGES = [
    ("register:index", {}, Permission.VIEW_REGISTER),
    ("register:activity", {"slug": "council-tax-billing"}, Permission.VIEW_REGISTER),
    ("register:activity_edit", {"slug": "council-tax-billing"}, Permission.EDIT_REGISTER),
    ("register:activity_add", {"service_slug": "council-tax"}, Permission.EDIT_REGISTER),
    ("register:ico_record", {"fmt": "csv"}, Permission.VIEW_REGISTER),
    ("register:transfers", {}, Permission.VIEW_REGISTER),
    ("register:controllers", {}, Permission.VIEW_REGISTER),
    ("register:controller_edit", {"slug": "testshire-council"}, Permission.APPROVE_REGISTER),
    ("core:audit_log", {}, Permission.VIEW_AUDIT_LOG),
    ("notices:staff_index", {}, Permission.PUBLISH_NOTICES),
    ("notices:staff_publish", {"slug": "council-tax"}, Permission.PUBLISH_NOTICES),
    ("notices:staff_audit", {}, Permission.AUDIT_NOTICES),
]
CASES = [(name, kwargs, permission, role) for name, kwargs, permission in PAGES for role in Role]


@pytest.fixture
def notices(register: None) -> None:
    ensure_notices()


@pytest.mark.parametrize(("name", "kwargs", "permission"), PAGES)
def test_it_sends_an_anonymous_visitor_to_sign_in(
    notices: None, name: str, kwargs: dict, permission: Permission
) -> None:
    response = Client().get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize(("name", "kwargs", "permission", "role"), CASES)
def test_each_role_gets_the_page_only_with_its_permission(
    notices: None, client_as: Callable[[Role], Client], name: str, kwargs: dict, permission: Permission, role: Role
) -> None:
    response = client_as(role).get(reverse(name, kwargs=kwargs))
    leads_nothing = role == Role.SERVICE_LEAD and name in ("register:activity_edit", "register:activity_add")
    if role in roles_with(permission) and not leads_nothing:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_a_service_lead_cannot_edit_a_service_they_do_not_lead(
    notices: None, client_as: Callable[[Role], Client]
) -> None:
    response = client_as(Role.SERVICE_LEAD).get(
        reverse("register:activity_edit", kwargs={"slug": "council-tax-billing"})
    )
    assert response.status_code == 403


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.APPROVE_REGISTER)])
def test_only_the_dpo_can_approve(notices: None, client_as: Callable[[Role], Client], role: Role) -> None:
    response = client_as(role).post(reverse("register:activity_approve", kwargs={"slug": "council-tax-billing"}))
    assert response.status_code == 403


def test_the_dashboard_needs_a_signed_in_member_of_staff(notices: None, client_as: Callable[[Role], Client]) -> None:
    assert Client().get("/staff/").status_code == 302
    for role in Role:
        assert client_as(role).get("/staff/").status_code == 200
