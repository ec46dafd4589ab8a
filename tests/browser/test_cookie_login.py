"""Login cookies in the browser (P089-P091): a browser-session cookie without "remember me", 14 days with it,
and signing out removes it so replaying the old cookie in another browser gets the sign-in page."""

import time

import pytest
from django.urls import get_resolver
from playwright.sync_api import Browser, Page

from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"
TWO_WEEKS = 14 * 24 * 3600


@pytest.fixture
def officer(transactional_db) -> User:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    return User.objects.create_user(username="officer", password=PASSWORD, role=Role.IG_OFFICER)


def sign_in(page: Page, url: str, *, remember: bool) -> dict:
    page.goto(url + "/staff/sign-in/?next=/staff/cookies/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    if remember:
        page.get_by_label("Keep me signed in on this device for 2 weeks").check()
    follow(page, page.get_by_role("button", name="Sign in"))
    assert page.url.endswith("/staff/cookies/")
    return next(c for c in page.context.cookies() if c["name"] == "pledge_session")


def test_without_remember_me_the_login_cookie_ends_with_the_browser(live_server, page, officer) -> None:
    cookie = sign_in(page, live_server.url, remember=False)
    assert cookie["expires"] == -1
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    assert "officer" not in cookie["value"]


def test_with_remember_me_the_login_cookie_lasts_two_weeks(live_server, page, officer) -> None:
    cookie = sign_in(page, live_server.url, remember=True)
    assert abs(cookie["expires"] - time.time() - TWO_WEEKS) < 120


@pytest.mark.parametrize("remember", [False, True])
def test_signing_out_removes_the_login_cookie_and_a_replay_fails(
    live_server, page, browser: Browser, officer, remember
) -> None:
    old = sign_in(page, live_server.url, remember=remember)
    follow(page, page.get_by_role("button", name="Sign out"))
    assert "pledge_session" not in [c["name"] for c in page.context.cookies()]
    replay = browser.new_context(locale="en-GB")
    try:
        replay.add_cookies([{k: old[k] for k in ("name", "value", "domain", "path")}])
        other = replay.new_page()
        other.goto(live_server.url + "/staff/cookies/")
        assert "/staff/sign-in/" in other.url
    finally:
        replay.close()
