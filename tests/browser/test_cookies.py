"""Before a choice, public pages set no cookie and a form page sets only the CSRF cookie (PECR reg 6; P098).

Still true with the cookie banner showing: its forms carry no CSRF token (they are checked by Origin instead), so
showing the banner sets nothing, and the preference cookie appears only once the visitor chooses."""

import pytest
from django.urls import get_resolver

from pledge.cookies.demo import load_demo

pytestmark = pytest.mark.browser

PUBLIC = ["/", "/accessibility/", "/how-to-complain/", "/cookies/", "/cookies/embedded-content/"]


@pytest.fixture
def register(transactional_db, settings) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    settings.PLEDGE_ANALYTICS_MEASUREMENT_ID = "G-ANYSHIRE00"
    load_demo()


def test_a_get_of_the_contact_form_sets_only_the_csrf_cookie(live_server, page):
    page.goto(live_server.url + "/contact-the-dpo/")
    assert [cookie["name"] for cookie in page.context.cookies()] == ["pledge_csrftoken"]


def test_reading_the_public_pages_sets_no_cookies(live_server, page):
    for path in ["/", "/accessibility/", "/how-to-complain/", "/cookies/"]:
        page.goto(live_server.url + path)
    assert page.context.cookies() == []


def test_with_the_banner_showing_the_public_pages_still_set_no_cookies(live_server, page, register):
    for path in PUBLIC:
        page.goto(live_server.url + path)
        assert page.locator(".govuk-cookie-banner").is_visible(), path
    assert page.context.cookies() == []
    page.goto(live_server.url + "/contact-the-dpo/")
    assert [cookie["name"] for cookie in page.context.cookies()] == ["pledge_csrftoken"]
