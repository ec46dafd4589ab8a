"""The GOV.UK cookie banner, server-side: Accept and Reject as plain forms, a confirmation with Hide, a year-long
preference cookie, and asking again when the register changes (PECR reg 6; P098)."""

import pytest
from bs4 import BeautifulSoup, Tag
from django.test import Client

from pledge.cookies import services
from pledge.cookies.models import ConsentRecord, CookieItem
from pledge.cookies.rules import parse_choice

pytestmark = pytest.mark.django_db


def banner(response) -> Tag | None:
    return BeautifulSoup(response.content, "html.parser").select_one(".govuk-cookie-banner")


def test_there_is_no_banner_when_nothing_needs_a_choice() -> None:
    assert banner(Client().get("/")) is None


def test_the_banner_asks_with_accept_and_reject_as_equal_buttons(demo_register) -> None:
    found = banner(Client().get("/"))
    assert found is not None
    buttons = found.select("form button")
    assert [b.get_text(strip=True) for b in buttons] == ["Accept analytics cookies", "Reject analytics cookies"]
    assert {" ".join(b["class"]) for b in buttons} == {"govuk-button"}
    assert found.select_one("form")["method"] == "post"


def test_the_banner_sets_no_cookie_before_a_choice(demo_register) -> None:
    assert not Client().get("/").cookies


def test_accepting_keeps_the_choice_for_a_year_and_logs_it(demo_register) -> None:
    client = Client()
    response = client.post("/cookies/choice/", {"cookies": "accept", "next": "/accessibility/"})
    assert response.status_code == 302
    assert response["Location"] == "/accessibility/?cookies=accepted"
    cookie = response.cookies["pledge_cookie_consent"]
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"
    choice = parse_choice(cookie.value)
    assert choice is not None and choice.answers == {"analytics": True}
    assert choice.version == services.current_version()
    logged = ConsentRecord.objects.get()
    assert (logged.consent_id, logged.answers, logged.source) == (choice.consent_id, {"analytics": True}, "banner")


def test_after_a_choice_the_confirmation_shows_then_hide_removes_it(demo_register) -> None:
    client = Client()
    client.post("/cookies/choice/", {"cookies": "reject", "next": "/"})
    confirmation = banner(client.get("/?cookies=rejected"))
    assert confirmation is not None
    assert "You’ve rejected analytics cookies" in confirmation.get_text()
    hide = client.post("/cookies/hide/", {"next": "/?cookies=rejected"})
    assert hide["Location"] == "/"
    assert banner(client.get("/")) is None


def test_a_choice_keeps_its_random_id_when_changed(demo_register) -> None:
    client = Client()
    first = parse_choice(
        client.post("/cookies/choice/", {"cookies": "reject", "next": "/"}).cookies["pledge_cookie_consent"].value
    )
    second = parse_choice(
        client.post("/cookies/choice/", {"cookies": "accept", "next": "/"}).cookies["pledge_cookie_consent"].value
    )
    assert first and second and first.consent_id == second.consent_id


def test_a_change_to_a_purpose_needing_consent_asks_again(demo_register) -> None:
    client = Client()
    client.post("/cookies/choice/", {"cookies": "accept", "next": "/"})
    assert banner(client.get("/")) is None
    item = CookieItem.objects.get(name="_ga")
    item.purpose = "Counts visits and also builds audiences"
    services.save_item(item=item, actor="test")
    assert banner(client.get("/")) is not None


def test_a_change_to_a_strictly_necessary_item_does_not_ask_again(demo_register) -> None:
    client = Client()
    client.post("/cookies/choice/", {"cookies": "accept", "next": "/"})
    item = CookieItem.objects.get(name="pledge_csrftoken")
    item.purpose = "Protects forms"
    services.save_item(item=item, actor="test")
    assert banner(client.get("/")) is None


def test_a_choice_posted_from_another_website_is_refused(demo_register) -> None:
    response = Client().post(
        "/cookies/choice/", {"cookies": "accept", "next": "/"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403
    assert not response.cookies
    assert not ConsentRecord.objects.exists()


def test_the_banner_never_sends_people_to_another_website(demo_register) -> None:
    response = Client().post("/cookies/choice/", {"cookies": "accept", "next": "https://evil.example/"})
    assert response["Location"] == "/?cookies=accepted"
