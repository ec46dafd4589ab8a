"""Every release route: anonymous visitors go to sign-in; VIEW_CASES sees, only HANDLE_CASES changes."""

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from pledge.casework.tests.factories import make_case
from pledge.core.models import User
from pledge.core.roles import Permission, Role, roles_with
from pledge.rights.tests.factories import add_file, release

pytestmark = pytest.mark.django_db


def client_as(role: Role) -> Client:
    user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def routes(web_case) -> dict[str, tuple[str, str, Permission]]:
    done = release(case=web_case)
    waiting = add_file(case=web_case, name="waiting.pdf")
    add_file(case=web_case, name="another.pdf")
    pk = web_case.pk
    return {
        "page": ("get", reverse("rights_staff:release", kwargs={"pk": pk}), Permission.VIEW_CASES),
        "file": (
            "get",
            reverse("rights_staff:file", kwargs={"pk": pk, "file_id": done.files.get().pk}),
            Permission.VIEW_CASES,
        ),
        "upload": ("post", reverse("rights_staff:upload", kwargs={"pk": pk}), Permission.HANDLE_CASES),
        "remove": (
            "post",
            reverse("rights_staff:remove", kwargs={"pk": pk, "file_id": waiting.pk}),
            Permission.HANDLE_CASES,
        ),
        "send": ("post", reverse("rights_staff:send", kwargs={"pk": pk}), Permission.HANDLE_CASES),
        "withdraw": (
            "post",
            reverse("rights_staff:withdraw", kwargs={"pk": pk, "release_id": done.pk}),
            Permission.HANDLE_CASES,
        ),
    }


ROUTES = ["page", "file", "upload", "remove", "send", "withdraw"]


@pytest.mark.parametrize("route", ROUTES)
def test_an_anonymous_visitor_is_sent_to_sign_in(routes, route: str) -> None:
    method, url, _ = routes[route]
    response = getattr(Client(), method)(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.VIEW_CASES)])
def test_a_role_that_cannot_see_cases_is_refused_everything(routes, route: str, role: Role) -> None:
    method, url, _ = routes[route]
    assert getattr(client_as(role), method)(url).status_code == 403


@pytest.mark.parametrize("route", ["upload", "remove", "send", "withdraw"])
@pytest.mark.parametrize(
    "role", [r for r in roles_with(Permission.VIEW_CASES) if r not in roles_with(Permission.HANDLE_CASES)]
)
def test_a_read_only_role_cannot_change_anything(routes, route: str, role: Role, web_case) -> None:
    method, url, _ = routes[route]
    before = (web_case.response_files.count(), web_case.releases.filter(withdrawn_at__isnull=True).count())
    assert getattr(client_as(role), method)(url).status_code == 403
    assert (web_case.response_files.count(), web_case.releases.filter(withdrawn_at__isnull=True).count()) == before


@pytest.mark.parametrize("role", roles_with(Permission.VIEW_CASES))
def test_every_role_that_sees_cases_sees_the_page_and_can_open_files(routes, role: Role) -> None:
    client = client_as(role)
    assert client.get(routes["page"][1]).status_code == 200
    assert client.get(routes["file"][1]).status_code == 200


def test_a_read_only_role_sees_no_upload_or_release_forms(routes) -> None:
    content = client_as(Role.AUDITOR).get(routes["page"][1]).content.decode()
    assert "Release the response" not in content and 'type="file"' not in content


def test_the_routes_are_only_for_their_methods(routes) -> None:
    client = client_as(Role.DPO)
    assert client.post(routes["page"][1]).status_code == 405
    assert client.get(routes["send"][1]).status_code == 405
    assert client.get(routes["withdraw"][1]).status_code == 405


def test_a_file_or_release_of_another_case_is_not_found(routes, web_case) -> None:
    other = make_case(received_on=date(2026, 9, 4))
    client = client_as(Role.DPO)
    theirs = add_file(case=other)
    assert client.get(reverse("rights_staff:file", kwargs={"pk": web_case.pk, "file_id": theirs.pk})).status_code == 404
    done = web_case.releases.get()
    assert (
        client.post(reverse("rights_staff:withdraw", kwargs={"pk": other.pk, "release_id": done.pk})).status_code == 404
    )
