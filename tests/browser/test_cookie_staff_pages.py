"""The staff cookie pages in a browser: the register, changing an item without JavaScript (which asks visitors
again) and the consent log, each passing axe."""

import pytest
from django.urls import get_resolver
from playwright.sync_api import Page

from pledge.cookies import services
from pledge.cookies.demo import load_demo
from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"


@pytest.fixture
def dpo(transactional_db) -> User:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    load_demo()
    return User.objects.create_user(username="dpo", password=PASSWORD, role=Role.DPO)


def sign_in(page: Page, url: str) -> None:
    page.goto(url + "/staff/sign-in/?next=/staff/cookies/")
    page.get_by_label("Username").fill("dpo")
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))


def test_the_register_and_consent_log_pass_axe(live_server, page, dpo, assert_accessible) -> None:
    sign_in(page, live_server.url)
    assert page.locator("h1").inner_text() == "Cookie register"
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Consent log"))
    assert page.locator("h1").inner_text() == "Cookie consent log"
    assert_accessible(page)


def test_changing_an_analytics_purpose_without_javascript_starts_a_new_version(
    live_server, page_without_js, dpo, assert_accessible
) -> None:
    page = page_without_js
    version = services.current_version()
    sign_in(page, live_server.url)
    follow(page, page.get_by_role("link", name="_ga", exact=True))
    assert_accessible(page)
    page.get_by_label("Purpose", exact=True).fill("")
    follow(page, page.get_by_role("button", name="Save the item"))
    assert page.locator(".govuk-error-summary").is_visible()
    assert_accessible(page)
    page.get_by_label("Purpose", exact=True).fill("Counts visits, and now also measures scrolling")
    follow(page, page.get_by_role("button", name="Save the item"))
    assert f"The register is now version {version + 1}" in page.locator(".govuk-notification-banner").inner_text()
    assert services.current_version() == version + 1
