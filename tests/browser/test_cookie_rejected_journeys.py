"""With every optional cookie rejected, the website still works (P096): every notice page reads, the contact form
sends, and a subject access request goes through. Reuses the notice and request-journey helpers read-only."""

import pytest
from django.urls import get_resolver
from playwright.sync_api import Page

from pledge.casework.models import Case
from pledge.cookies.demo import load_demo
from pledge.site.models import DpoEnquiry
from tests.browser.conftest import follow
from tests.browser.test_contact_the_dpo import fill_in
from tests.browser.test_notice_pages import PAGES as NOTICE_PAGES
from tests.browser.test_notice_pages import published  # noqa: F401 - a fixture used below
from tests.browser.test_rights_intake import (
    answer_every_question,
    frozen_clock,  # noqa: F401 - a fixture used below
)

pytestmark = pytest.mark.browser


@pytest.fixture
def rejected(transactional_db) -> None:
    assert get_resolver().url_patterns  # import every URL module now, not inside the first page load's timeout
    load_demo()


def reject_everything(page: Page, url: str) -> None:
    page.goto(url + "/cookies/")
    page.locator("#analytics-2").check()
    page.locator("#embedded-2").check()
    follow(page, page.get_by_role("button", name="Save cookie settings"))
    value = next(c["value"] for c in page.context.cookies() if c["name"] == "pledge_cookie_consent")
    assert value.endswith("|analytics:no|embedded:no")


def test_every_notice_page_reads_with_optional_cookies_rejected(
    live_server,
    page_without_js,
    rejected,
    published,  # noqa: F811
) -> None:
    page = page_without_js
    reject_everything(page, live_server.url)
    for path, heading in NOTICE_PAGES.items():
        response = page.goto(live_server.url + path)
        assert response is not None and response.status == 200, path
        assert page.locator("h1").inner_text() == heading
        assert page.locator(".govuk-cookie-banner").count() == 0


def test_the_contact_form_sends_with_optional_cookies_rejected(live_server, page_without_js, rejected) -> None:
    page = page_without_js
    reject_everything(page, live_server.url)
    page.goto(live_server.url + "/contact-the-dpo/")
    fill_in(page)
    follow(page, page.get_by_role("button", name="Send message"))
    assert page.locator(".govuk-panel--confirmation h1").inner_text() == "Message sent"
    assert DpoEnquiry.objects.count() == 1


def test_a_subject_access_request_goes_through_with_optional_cookies_rejected(
    live_server,
    page_without_js,
    rejected,
    assert_accessible,
    frozen_clock,  # noqa: F811
) -> None:
    page = page_without_js
    reject_everything(page, live_server.url)
    page.goto(live_server.url + "/your-rights/")
    answer_every_question(page, assert_accessible)
    follow(page, page.get_by_role("button", name="Send request"))
    assert page.locator(".govuk-panel--confirmation h1").inner_text() == "Request sent"
    assert Case.objects.count() == 1
