"""The banner for the council's other websites, on the copy-paste example page: it shows the same banner, writes the
same preference cookie Pledge reads (and reads Pledge's), and switches on tags marked data-pledge-consent only after
consent. Third-party hosts are routed to a local stub."""

from urllib.parse import urlsplit

import pytest
from django.urls import get_resolver
from playwright.sync_api import Page, Route

from pledge.cookies.demo import load_demo
from pledge.cookies.models import ConsentRecord
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

THIRD_PARTY = ("www.googletagmanager.com", "www.youtube-nocookie.com")


@pytest.fixture
def register(transactional_db) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    load_demo()


def capture(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))

    def stub(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>stub</title>")

    for host in THIRD_PARTY:
        page.context.route(f"https://{host}/**", stub)
    return seen


def hosts(seen: list[str]) -> set[str]:
    return {urlsplit(url).hostname or "" for url in seen} & set(THIRD_PARTY)


def consent_value(page: Page) -> str:
    return next(c["value"] for c in page.context.cookies() if c["name"] == "pledge_cookie_consent")


def test_the_example_page_shows_the_banner_and_loads_nothing_before_a_choice(
    live_server, page, register, assert_accessible
) -> None:
    seen = capture(page)
    page.goto(live_server.url + "/cookies/example/")
    banner = page.locator(".pledge-cookie-banner")
    banner.wait_for()
    assert banner.get_attribute("role") == "region"
    assert banner.evaluate("el => getComputedStyle(el).position") == "static"
    assert page.get_by_role("button", name="Load content and accept its cookies").is_visible()
    assert page.context.cookies() == []
    assert hosts(seen) == set()
    assert_accessible(page)


def test_accepting_on_the_example_page_is_the_same_choice_on_pledge(live_server, page, register) -> None:
    seen = capture(page)
    page.goto(live_server.url + "/cookies/example/")
    with page.expect_request("**/cookies/log/"):
        page.get_by_role("button", name="Accept analytics cookies").click()
    assert "You’ve accepted analytics cookies" in page.locator(".pledge-cookie-banner").inner_text()
    page.wait_for_load_state("networkidle")
    assert hosts(seen) == {"www.googletagmanager.com"}
    assert "|analytics:yes" in consent_value(page)
    assert ConsentRecord.objects.get().source == "other_website"
    page.get_by_role("button", name="Hide cookie message").click()
    assert page.locator(".pledge-cookie-banner").count() == 0
    page.goto(live_server.url + "/")
    assert page.locator(".govuk-cookie-banner").count() == 0


def test_a_choice_made_on_pledge_is_honoured_on_the_example_page(live_server, page, register) -> None:
    seen = capture(page)
    page.goto(live_server.url + "/")
    follow(page, page.get_by_role("button", name="Reject analytics cookies"))
    page.goto(live_server.url + "/cookies/example/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".pledge-cookie-banner").count() == 0
    assert hosts(seen) == set()


def test_the_video_loads_only_after_its_button(live_server, page, register) -> None:
    seen = capture(page)
    page.goto(live_server.url + "/cookies/example/")
    page.get_by_role("button", name="Reject analytics cookies").click()
    assert hosts(seen) == set()
    with page.expect_request("https://www.youtube-nocookie.com/**"):
        page.get_by_role("button", name="Load content and accept its cookies").click()
    assert page.locator("iframe[data-pledge-consent=embedded]").is_visible()
    assert hosts(seen) == {"www.youtube-nocookie.com"}
    assert "|analytics:no|embedded:yes" in consent_value(page)
