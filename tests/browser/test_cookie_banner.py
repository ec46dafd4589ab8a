"""The cookie banner in a browser, with and without JavaScript: Accept and Reject with equal weight, never sticky,
a confirmation with Hide, the choice kept for a year and changeable on the cookies page; axe on every state (P098)."""

import time

import pytest
from django.urls import get_resolver
from playwright.sync_api import Page

from pledge.cookies.demo import load_demo
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

YEAR = 365 * 24 * 3600


@pytest.fixture
def register(transactional_db) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    load_demo()


def banner(page: Page):
    return page.locator(".govuk-cookie-banner")


def consent_cookie(page: Page) -> dict:
    cookies = {c["name"]: c for c in page.context.cookies()}
    return cookies["pledge_cookie_consent"]


def test_the_first_visit_shows_the_banner_and_sets_no_cookie(live_server, page, register, assert_accessible) -> None:
    page.goto(live_server.url + "/")
    assert banner(page).is_visible()
    assert page.context.cookies() == []
    assert_accessible(page)


def test_accept_and_reject_have_equal_weight_and_the_banner_is_not_sticky(live_server, page, register) -> None:
    page.goto(live_server.url + "/")
    accept = banner(page).get_by_role("button", name="Accept analytics cookies")
    reject = banner(page).get_by_role("button", name="Reject analytics cookies")
    assert accept.get_attribute("class") == reject.get_attribute("class")
    accept_box, reject_box = accept.bounding_box(), reject.bounding_box()
    assert accept_box and reject_box and accept_box["height"] == reject_box["height"]
    assert abs(accept_box["y"] - reject_box["y"]) < 1
    assert banner(page).evaluate("el => getComputedStyle(el).position") == "static"
    page.mouse.wheel(0, 2000)
    page.wait_for_timeout(100)
    assert banner(page).evaluate("el => el.getBoundingClientRect().bottom") <= 0 or page.evaluate(
        "document.documentElement.scrollHeight <= window.innerHeight"
    )


def test_rejecting_without_javascript_confirms_keeps_the_choice_for_a_year_and_hides(
    live_server, page_without_js, register, assert_accessible
) -> None:
    page = page_without_js
    page.goto(live_server.url + "/accessibility/")
    follow(page, banner(page).get_by_role("button", name="Reject analytics cookies"))
    assert page.url.endswith("/accessibility/?cookies=rejected")
    assert "You’ve rejected analytics cookies" in banner(page).inner_text()
    assert_accessible(page)
    cookie = consent_cookie(page)
    assert abs(cookie["expires"] - time.time() - YEAR) < 120
    assert "|analytics:no" in cookie["value"]
    assert [c["name"] for c in page.context.cookies()] == ["pledge_cookie_consent"]
    follow(page, banner(page).get_by_role("button", name="Hide cookie message"))
    assert page.url.endswith("/accessibility/")
    assert banner(page).count() == 0
    page.goto(live_server.url + "/")
    assert banner(page).count() == 0


def test_accepting_with_javascript_confirms(live_server, page, register, assert_accessible) -> None:
    page.goto(live_server.url + "/")
    follow(page, banner(page).get_by_role("button", name="Accept analytics cookies"))
    assert "You’ve accepted analytics cookies" in banner(page).inner_text()
    assert "|analytics:yes" in consent_cookie(page)["value"]
    assert_accessible(page)


def test_the_choice_can_be_changed_on_the_cookies_page_without_javascript(
    live_server, page_without_js, register, assert_accessible
) -> None:
    page = page_without_js
    page.goto(live_server.url + "/cookies/")
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Save cookie settings"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.locator("#analytics").check()
    page.locator("#embedded-2").check()
    follow(page, page.get_by_role("button", name="Save cookie settings"))
    assert "You’ve set your cookie preferences" in page.locator(".govuk-notification-banner--success").inner_text()
    assert banner(page).count() == 0
    assert "|analytics:yes|embedded:no" in consent_cookie(page)["value"]
    assert page.locator("#analytics").is_checked() and page.locator("#embedded-2").is_checked()
    assert_accessible(page)
    page.locator("#analytics-2").check()
    follow(page, page.get_by_role("button", name="Save cookie settings"))
    assert "|analytics:no|embedded:no" in consent_cookie(page)["value"]


def test_the_cookies_page_shows_the_register_and_official_guidance(live_server, page, register) -> None:
    page.goto(live_server.url + "/cookies/")
    names = page.locator("tbody th").all_inner_texts()
    assert {"pledge_session", "pledge_csrftoken", "pledge_cookie_consent", "_ga", "YSC"} <= set(names)
    assert page.get_by_role("link", name="official guidance on cookies").get_attribute("href").startswith("https://")
