"""The governance hub lists every register a role may open, and only those; each link opens for that role."""

from collections.abc import Callable

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pledge.core.governance import SECTIONS, sections_for
from pledge.core.roles import Role, role_grants


def links(client: Client) -> list[str]:
    page = BeautifulSoup(client.get("/staff/governance/").content, "html.parser")
    return [str(a["href"]) for a in page.select("main .govuk-summary-list a")]


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    response = Client().get("/staff/governance/")
    assert response.status_code == 302 and response["Location"].startswith("/staff/sign-in/")


@pytest.mark.parametrize("role", list(Role))
def test_each_role_sees_the_sections_its_permissions_open_and_each_opens(
    register: None, client_as: Callable[[Role], Client], role: Role
) -> None:
    client = client_as(role)
    shown = links(client)
    assert shown == [s.path for s in SECTIONS if role_grants(role, s.permission)]
    for path in shown:
        assert client.get(path).status_code == 200, path


@pytest.mark.parametrize("role", list(Role))
def test_a_section_a_role_cannot_see_is_refused_to_it(
    register: None, client_as: Callable[[Role], Client], role: Role
) -> None:
    client = client_as(role)
    for section in SECTIONS:
        if section not in sections_for(role):
            assert client.get(section.path).status_code == 403, section.path


def test_the_navigation_links_to_the_hub(register: None, client_as: Callable[[Role], Client]) -> None:
    page = BeautifulSoup(client_as(Role.CASEWORKER).get("/staff/").content, "html.parser")
    assert "/staff/governance/" in [a["href"] for a in page.select(".govuk-service-navigation__link[href]")]
