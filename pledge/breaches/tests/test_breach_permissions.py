"""Every breach route: anonymous visitors go to sign-in; roles without the permission get 403 (or 404 for another's
confirmation page). Every staff role may report; only the DPO and IG officers may work the register."""

import pytest
from django.test import Client
from django.urls import reverse

from pledge.breaches.models import BreachAction
from pledge.casework.tests.factories import make_case
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db

MANAGERS = [Role.DPO, Role.IG_OFFICER]
OTHERS = [role for role in Role if role not in MANAGERS]
GETS = ["register", "breach", "ico-report", "letter", "ico-report.pdf", "letter.txt"]
POSTS = ["assess", "decide_ico", "decide_people", "record_response", "add_action", "complete_action", "close"]


@pytest.fixture
def action(breach, staff) -> BreachAction:
    return BreachAction.objects.create(
        breach=breach, kind="containment", description="Recall", owner=staff(Role.DPO), created_by=staff(Role.DPO)
    )


def _get_url(name: str, breach) -> str:
    if name == "register":
        return reverse("breaches:register")
    if name == "breach":
        return reverse("breaches:breach", kwargs={"pk": breach.pk})
    if "." in name:
        doc, fmt = name.split(".")
        return reverse("breaches:document", kwargs={"pk": breach.pk, "name": doc, "fmt": fmt})
    return reverse("breaches:preview", kwargs={"pk": breach.pk, "name": name})


def _post_url(name: str, breach, action) -> str:
    kwargs = {"pk": breach.pk} | ({"action_pk": action.pk} if name == "complete_action" else {})
    return reverse(f"breaches:{name}", kwargs=kwargs)


def test_the_permissions_are_granted_as_agreed() -> None:
    assert roles_with(Permission.REPORT_BREACH) == list(Role)
    assert roles_with(Permission.MANAGE_BREACHES) == MANAGERS


@pytest.mark.parametrize("name", GETS)
def test_an_anonymous_visitor_is_sent_to_sign_in(breach, name) -> None:
    response = Client().get(_get_url(name, breach))
    assert response.status_code == 302 and response["Location"].startswith("/staff/sign-in/")


def test_an_anonymous_visitor_cannot_report(breach) -> None:
    for url in [reverse("breaches:report"), reverse("breaches:reported", kwargs={"pk": breach.pk})]:
        assert Client().post(url).status_code == 302


@pytest.mark.parametrize("name", GETS)
@pytest.mark.parametrize("role", list(Role))
def test_only_the_breach_team_opens_the_register_pages(client_as, breach, name, role) -> None:
    response = client_as(role).get(_get_url(name, breach))
    assert response.status_code == (200 if role in MANAGERS else 403)


@pytest.mark.parametrize("name", POSTS)
@pytest.mark.parametrize("role", OTHERS)
def test_roles_outside_the_breach_team_cannot_change_a_breach(client_as, breach, action, name, role) -> None:
    before = breach.__class__.objects.values().get(pk=breach.pk)
    assert client_as(role).post(_post_url(name, breach, action), {}).status_code == 403
    assert breach.__class__.objects.values().get(pk=breach.pk) == before


@pytest.mark.parametrize("name", POSTS)
def test_the_change_routes_refuse_a_get(client_as, breach, action, name) -> None:
    assert client_as(Role.DPO).get(_post_url(name, breach, action)).status_code == 405


@pytest.mark.parametrize("role", list(Role))
def test_every_role_may_open_the_report_form(client_as, role) -> None:
    assert client_as(role).get(reverse("breaches:report")).status_code == 200


@pytest.mark.parametrize("role", list(Role))
def test_report_as_misdirected_needs_sight_of_cases(client_as, at, role) -> None:
    from datetime import date

    case = make_case(received_on=date(2026, 12, 1))
    response = client_as(role).get(reverse("breaches:report_misdirected", kwargs={"case_pk": case.pk}))
    assert response.status_code == (200 if role in roles_with(Permission.VIEW_CASES) else 403)


def test_an_inactive_account_cannot_report(staff) -> None:
    user = staff(Role.CASEWORKER)
    user.is_active = False
    user.save()
    client = Client()
    client.force_login(user)
    assert client.get(reverse("breaches:report")).status_code in (302, 403)
