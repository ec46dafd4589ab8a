"""With cookies blocked in the browser (P097), pages still render, the banner still answers (it just asks again),
and a form that needs a cookie shows a clear message rather than a 500 or a silent failure. The browser is made to
refuse cookies by clearing its cookie store after every page, so nothing it was sent is kept for the next request."""

import pytest
from django.urls import get_resolver
from playwright.sync_api import Page

from pledge.cookies.demo import load_demo
from tests.browser.conftest import follow
from tests.browser.test_contact_the_dpo import fill_in

pytestmark = pytest.mark.browser


@pytest.fixture
def register(transactional_db) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    load_demo()


def forget_cookies(page: Page) -> None:
    page.context.clear_cookies()


def test_pages_render_and_the_banner_asks_again_with_cookies_blocked(
    live_server, page_without_js, register, assert_accessible
) -> None:
    page = page_without_js
    for path in ["/", "/cookies/", "/accessibility/"]:
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200
    follow(page, page.get_by_role("button", name="Reject analytics cookies"))
    forget_cookies(page)
    page.reload()
    assert page.locator(".govuk-cookie-banner").count() == 1
    assert "Accept analytics cookies" in page.locator(".govuk-cookie-banner").inner_text()
    assert_accessible(page)


def test_a_form_needing_a_cookie_says_so_with_cookies_blocked(live_server, page_without_js, register) -> None:
    page = page_without_js
    page.goto(live_server.url + "/contact-the-dpo/")
    forget_cookies(page)
    fill_in(page)
    follow(page, page.get_by_role("button", name="Send message"))
    assert page.locator("h1").inner_text() == "Sorry, your form has expired"
    assert "need cookies to be allowed" in page.locator("main").inner_text()
