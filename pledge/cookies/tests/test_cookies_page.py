"""The cookies page: the whole register (name, provider and privacy link, purpose, lifetime), official guidance,
and radios to change the choice at any time with a success banner (P093, P097, P098)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pledge.cookies.models import ConsentRecord, CookieItem
from pledge.cookies.rules import parse_choice

pytestmark = pytest.mark.django_db


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_every_register_item_is_in_the_table(demo_register) -> None:
    page = soup(Client().get("/cookies/"))
    names = [th.get_text(strip=True) for th in page.select("tbody th")]
    assert len(names) == CookieItem.objects.count()
    assert "_ga" in names and "pledge_session" in names and "YSC" in names


def test_each_row_shows_provider_link_purpose_and_lifetime(demo_register) -> None:
    page = soup(Client().get("/cookies/"))
    row = next(r for r in page.select("tbody tr") if r.th.get_text(strip=True) == "_ga")
    cells = row.select("td")
    assert cells[0].a["href"] == "https://policies.google.com/privacy"
    assert "Counts visits" in cells[1].get_text()
    assert cells[2].get_text(strip=True) == "2 years"
    csrf = next(r for r in page.select("tbody tr") if r.th.get_text(strip=True) == "pledge_csrftoken")
    assert csrf.select("td")[2].get_text(strip=True) == "1 year"


def test_the_page_links_to_official_cookie_guidance(demo_register, settings) -> None:
    settings.PLEDGE_COOKIE_GUIDANCE_URL = "https://guidance.example/cookies"
    links = [a["href"] for a in soup(Client().get("/cookies/")).select("main a")]
    assert "https://guidance.example/cookies" in links


def test_the_radios_start_unanswered_and_save_with_a_success_banner(demo_register) -> None:
    client = Client()
    page = soup(client.get("/cookies/"))
    assert [i["name"] for i in page.select("input[type=radio]")] == ["analytics", "analytics", "embedded", "embedded"]
    assert not page.select("input[checked]")
    response = client.post("/cookies/", {"analytics": "no", "embedded": "yes"})
    assert response["Location"] == "/cookies/?saved=1"
    choice = parse_choice(response.cookies["pledge_cookie_consent"].value)
    assert choice is not None and choice.answers == {"analytics": False, "embedded": True}
    assert ConsentRecord.objects.get().source == "cookies_page"
    page = soup(client.get("/cookies/?saved=1"))
    assert "You’ve set your cookie preferences" in page.select_one(".govuk-notification-banner--success").get_text()
    assert [i["value"] for i in page.select("input[checked]")] == ["no", "yes"]


def test_a_missing_answer_shows_the_error_summary_and_saves_nothing(demo_register) -> None:
    response = Client().post("/cookies/", {"analytics": "yes"})
    assert response.status_code == 400
    page = soup(response)
    assert page.select_one(".govuk-error-summary a")["href"] == "#embedded"
    assert page.select_one("#analytics")["value"] == "yes" and page.select_one("#analytics").has_attr("checked")
    assert not response.cookies
    assert not ConsentRecord.objects.exists()


def test_rejecting_analytics_removes_analytics_cookies_already_set(demo_register) -> None:
    client = Client()
    client.cookies["_ga"] = "GA1.1.123.456"
    client.cookies["_ga_ABC"] = "GS1.1.1"
    response = client.post("/cookies/", {"analytics": "no", "embedded": "no"})
    assert response.cookies["_ga"]["max-age"] == 0
    assert response.cookies["_ga_ABC"]["max-age"] == 0


def test_reading_the_cookies_page_sets_no_cookie(demo_register) -> None:
    assert not Client().get("/cookies/").cookies
