"""Every complaint staff route: anonymous visitors go to sign-in, roles without the permission get 403."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from pledge.complaints.tests.factories import make_complaint
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db

GETS = [("complaints:index", False, Permission.VIEW_CASES), ("complaints:new", False, Permission.HANDLE_CASES)]
GETS += [("complaints:complaint", True, Permission.VIEW_CASES)]
ACTIONS = ["acknowledge", "step", "progress", "outcome", "close", "withdraw"]


@pytest.fixture
def complaint(today):
    today(date(2026, 11, 26))
    return make_complaint(received_on=date(2026, 11, 26))


def _url(name: str, needs_case: bool, complaint) -> str:
    return reverse(name, kwargs={"pk": complaint.case_id} if needs_case else {})


@pytest.mark.parametrize(("name", "needs_case", "permission"), GETS)
def test_an_anonymous_visitor_is_sent_to_sign_in(complaint, name, needs_case, permission) -> None:
    response = Client().get(_url(name, needs_case, complaint))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize(("name", "needs_case", "permission"), GETS)
@pytest.mark.parametrize("role", list(Role))
def test_each_role_gets_the_page_only_with_its_permission(
    complaint, client_as, name, needs_case, permission, role
) -> None:
    response = client_as(role).get(_url(name, needs_case, complaint))
    assert response.status_code == (200 if role in roles_with(permission) else 403)


@pytest.mark.parametrize("action", ACTIONS)
def test_an_anonymous_visitor_cannot_act(complaint, action) -> None:
    response = Client().post(reverse("complaints:action", kwargs={"pk": complaint.case_id, "action": action}))
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)])
def test_a_role_that_cannot_handle_cases_gets_403_and_changes_nothing(complaint, client_as, action, role) -> None:
    response = client_as(role).post(reverse("complaints:action", kwargs={"pk": complaint.case_id, "action": action}))
    assert response.status_code == 403
    complaint.refresh_from_db()
    assert complaint.acknowledged_on is None
    assert complaint.case.state == "received"


def test_the_public_form_needs_no_sign_in(db) -> None:
    assert Client().get(reverse("complaints:complain")).status_code == 200
