"""Opening an emailed link: a Continue button (so mail scanners do not use it up), then the portal; a used,
expired or forged link gets one clear page offering a new link, never a server error."""

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client

from pledge.casework.tests.factories import EMAIL
from pledge.rights.tests.conftest import LONDON, PORTAL, PORTAL_REQUEST, ask_for_link, emailed_link_path, html

pytestmark = pytest.mark.django_db


@pytest.fixture
def link(web_case) -> str:
    ask_for_link(Client(), reference=web_case.reference, email=EMAIL)
    return emailed_link_path(web_case)


def assert_link_problem(response) -> None:
    assert response.status_code == 410
    page = html(response)
    assert page.select_one("h1").get_text(strip=True) == "This link does not work"
    assert page.select_one(f'a.govuk-button[href="{PORTAL}"]').get_text(strip=True) == "Send me a new link"


def test_opening_the_link_asks_to_continue_without_using_it(link: str, client: Client) -> None:
    for _ in range(3):
        page = html(client.get(link))
        assert page.select_one("h1").get_text(strip=True) == "Open your request"
    assert client.post(link)["Location"] == PORTAL_REQUEST


def test_continuing_opens_the_portal_for_that_case(link: str, client: Client, web_case) -> None:
    client.post(link)
    page = html(client.get(PORTAL_REQUEST))
    assert web_case.reference in page.select_one("main").get_text()


def test_a_used_link_gets_the_link_problem_page(link: str) -> None:
    Client().post(link)
    assert_link_problem(Client().get(link))
    assert_link_problem(Client().post(link))


def test_an_expired_link_gets_the_link_problem_page(link: str, time_machine) -> None:
    time_machine.move_to(datetime.combine(date(2026, 9, 10), time(12), tzinfo=LONDON) + timedelta(minutes=31))
    assert_link_problem(Client().get(link))
    assert_link_problem(Client().post(link))


@pytest.mark.parametrize(
    "token", ["nonsense", "abc:def", "x" * 300, "%00", "eyJhIjoxfQ:1vabcd:abcdefghijklmnop", "..", "a b"]
)
def test_a_forged_link_gets_the_same_page(client: Client, token: str, db) -> None:
    assert_link_problem(client.get(f"{PORTAL}open/{token}/"))
    assert_link_problem(client.post(f"{PORTAL}open/{token}/"))


def test_a_link_whose_secret_is_changed_gets_the_same_page(link: str, client: Client) -> None:
    secret, signature = link.rstrip("/").rsplit("/", 1)[1].split(":")
    tampered = link.replace(secret, secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    assert_link_problem(client.get(tampered))


def test_the_portal_without_a_session_goes_to_the_start_page(client: Client, db) -> None:
    response = client.get(PORTAL_REQUEST)
    assert (response.status_code, response["Location"]) == (302, PORTAL)
