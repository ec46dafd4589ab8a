"""The public privacy notice pages in a real browser: readable, accessible, working without JavaScript."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.notices.generation import ensure_notices
from pledge.notices.models import Notice
from pledge.notices.services import publish_notice
from pledge.register.models import ProcessingActivity
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def published(transactional_db: None) -> None:
    call_command("register", "import", str(MINIMAL))
    for notice in ensure_notices():
        publish_notice(notice=notice, actor=None, change_summary="First version.", effective_from=date(2026, 4, 1))
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(name="Garden waste collection")
    publish_notice(
        notice=Notice.objects.get(slug="council-tax"),
        actor=None,
        change_summary="Renamed garden waste.",
        effective_from=date(2026, 5, 1),
    )


PAGES = {
    "/privacy/": "Privacy notices",
    "/privacy/general/": "Privacy notice",
    "/privacy/council-tax/": "Privacy notice: Council tax",
    "/privacy/council-tax/version/1/": "Privacy notice: Council tax",
    "/privacy/council-tax/changes/": "Changes to this notice",
    "/privacy/retention-schedule/": "How long we keep your information",
}


@pytest.mark.parametrize("path", PAGES)
def test_each_notice_page_has_one_heading_and_passes_axe(live_server, page, assert_accessible, published, path):
    response = page.goto(live_server.url + path)
    assert response.status == 200
    assert page.locator("h1").inner_text() == PAGES[path]
    assert_accessible(page)


@pytest.mark.parametrize("path", PAGES)
def test_each_notice_page_passes_axe_without_javascript(
    live_server, page_without_js, assert_accessible, published, path
):
    assert page_without_js.goto(live_server.url + path).status == 200
    assert_accessible(page_without_js)


def test_a_resident_compares_two_versions_without_javascript(live_server, page_without_js, published):
    page = page_without_js
    page.goto(live_server.url + "/privacy/council-tax/")
    follow(page, page.get_by_role("link", name="See what has changed"))
    page.get_by_label("From").select_option("1")
    page.get_by_label("To").select_option("2")
    follow(page, page.get_by_role("button", name="Compare"))
    assert "Differences between version 1 and version 2" in page.content()
    assert page.locator("ins").filter(has_text="Garden waste collection").count() >= 1
    assert page.locator("del").filter(has_text="Garden waste subscriptions").count() >= 1


def test_an_old_version_says_it_is_old_and_links_to_the_current_one(live_server, page, published):
    page.goto(live_server.url + "/privacy/council-tax/version/1/")
    assert "This is an old version" in page.locator(".govuk-warning-text").inner_text()
    follow(page, page.get_by_role("link", name="Read the current notice"))
    assert page.url.endswith("/privacy/council-tax/")


def test_the_pdf_download_is_a_pdf(live_server, page, published):
    with page.expect_download() as download_info:
        page.goto(live_server.url + "/privacy/council-tax/")
        page.get_by_role("link", name="PDF").click()
    download = download_info.value
    assert download.suggested_filename == "council-tax-privacy-notice-v2.pdf"
    with open(download.path(), "rb") as handle:
        assert handle.read(4) == b"%PDF"


def test_external_links_say_they_leave_the_site(live_server, page, published):
    page.goto(live_server.url + "/privacy/council-tax/")
    link = page.get_by_role("link", name="Make a complaint to the ICO (leaves this site)")
    assert link.get_attribute("rel") == "external noreferrer noopener"
