"""No request leaves the browser for analytics or embedded content before consent, proven by network capture
(P092, P094, P098, P099). Third-party hosts are routed to a local stub, so the tests never need the internet."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import get_resolver
from playwright.sync_api import Page, Route

from pledge.cookies.demo import load_demo
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

THIRD_PARTY = (
    "www.googletagmanager.com",
    "www.google-analytics.com",
    "www.youtube-nocookie.com",
    "www.openstreetmap.org",
)
PAGES = ["/", "/accessibility/", "/cookies/", "/cookies/embedded-content/", "/contact-the-dpo/"]


@pytest.fixture
def register(transactional_db, settings) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    settings.PLEDGE_ANALYTICS_MEASUREMENT_ID = "G-ANYSHIRE00"
    load_demo()


def capture(page: Page) -> list[str]:
    """Record every request, and answer any other website's with a local stub."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))

    def stub(route: Route) -> None:
        kind = "text/javascript" if "gtag" in route.request.url else "text/html"
        route.fulfill(
            status=200, content_type=kind, body="<!doctype html><title>stub</title>" if kind == "text/html" else ""
        )

    for host in THIRD_PARTY:
        page.context.route(f"https://{host}/**", stub)
    return seen


def third_party(seen: list[str]) -> list[str]:
    return [url for url in seen if urlsplit(url).hostname in THIRD_PARTY]


@pytest.mark.parametrize("javascript", [True, False])
def test_nothing_is_requested_from_other_websites_before_a_choice(
    live_server, page, page_without_js, register, javascript
) -> None:
    browser_page = page if javascript else page_without_js
    seen = capture(browser_page)
    for path in PAGES:
        browser_page.goto(live_server.url + path)
    assert len(seen) > len(PAGES)
    assert third_party(seen) == []


def test_nothing_is_requested_after_rejecting(live_server, page, register) -> None:
    seen = capture(page)
    page.goto(live_server.url + "/")
    follow(page, page.get_by_role("button", name="Reject analytics cookies"))
    for path in PAGES:
        page.goto(live_server.url + path)
    assert third_party(seen) == []


def test_analytics_loads_only_after_accepting_and_carries_nothing_personal(live_server, page, register) -> None:
    seen = capture(page)
    page.goto(live_server.url + "/")
    assert third_party(seen) == []
    follow(page, page.get_by_role("button", name="Accept analytics cookies"))
    page.wait_for_load_state("networkidle")
    requests = third_party(seen)
    assert [urlsplit(url).hostname for url in requests] == ["www.googletagmanager.com"]
    assert parse_qs(urlsplit(requests[0]).query) == {"id": ["G-ANYSHIRE00"]}
    # The page configures GA with IP truncation and no user id (P094).
    config = page.evaluate("JSON.stringify(window.dataLayer.map(a => Array.from(a)))")
    assert '"anonymize_ip":true' in config and "user_id" not in config
    assert 'allow_google_signals":false' in config


@pytest.mark.parametrize("javascript", [True, False])
def test_embedded_content_waits_for_the_load_button(
    live_server, page, page_without_js, register, assert_accessible, javascript
) -> None:
    browser_page = page if javascript else page_without_js
    seen = capture(browser_page)
    browser_page.goto(live_server.url + "/cookies/embedded-content/")
    assert browser_page.locator("iframe").count() == 0
    assert_accessible(browser_page)
    assert third_party(seen) == []
    follow(browser_page, browser_page.get_by_role("button", name="Load content and accept its cookies").first)
    browser_page.wait_for_load_state("load")
    assert browser_page.locator("iframe").count() == 2
    hosts = {urlsplit(url).hostname for url in third_party(seen)}
    assert hosts == {"www.youtube-nocookie.com", "www.openstreetmap.org"}
    assert "|embedded:yes" in next(
        c["value"] for c in browser_page.context.cookies() if c["name"] == "pledge_cookie_consent"
    )
