"""The public request journey in a browser: the whole journey with JavaScript off, and axe on every page."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page

from pledge.casework.models import Case

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    """A day the shipped bank-holiday calendar covers, with a known due date (spec §1.3 vector 3)."""
    time_machine.move_to(datetime.combine(date(2026, 9, 3), time(12), tzinfo=LONDON), tick=True)


def answer_every_question(page: Page, assert_accessible) -> None:
    """Go from the start page to check your answers as a parent asking for CCTV of their child, checking each page."""

    def check(page: Page) -> None:
        page.wait_for_load_state("load")  # a click only waits for the next page to start loading
        assert_accessible(page)

    check(page)
    page.get_by_role("button", name="Start now").click()
    page.get_by_role("button", name="Continue").click()  # nothing chosen: the error summary
    check(page)
    page.get_by_label("Get a copy of CCTV or number plate camera footage of me").check()
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("For someone else").check()
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("Parent or guardian").check()
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("What is the name of the person the request is about?").fill("Little Unusualname")
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("What is your name?").fill("Zebedee Unusualname")
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("Email address").fill("zebedee.unusualname@example.com")
    page.get_by_role("button", name="Continue").click()
    check(page)
    page.get_by_label("Describe your request").fill("Footage of my child at the park gate, 1 September, 3pm")
    page.get_by_role("button", name="Continue").click()
    check(page)


def test_the_whole_journey_works_with_javascript_off_and_every_page_passes_axe(
    live_server, page_without_js, assert_accessible
):
    page = page_without_js
    page.goto(live_server.url + "/your-rights/")
    answer_every_question(page, assert_accessible)

    assert page.locator("h1").inner_text() == "Check your answers before sending your request"
    page.get_by_role("link", name="Change your name").click()
    assert page.get_by_label("What is your name?").input_value() == "Zebedee Unusualname"
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith("/your-rights/check-your-answers/")

    page.get_by_role("button", name="Send request").click()
    panel = page.locator(".govuk-panel--confirmation")
    assert panel.locator("h1").inner_text() == "Request sent"
    case = Case.objects.get()
    assert case.reference in panel.inner_text()
    assert (case.channel, case.kind, case.on_behalf_of) == ("web", "access_cctv", "parent")
    assert "We will reply by 5 October 2026." in page.locator("main").inner_text()
    assert "Unusualname" not in page.url
    assert_accessible(page)


def test_every_page_passes_axe_with_javascript_on(live_server, page, assert_accessible):
    page.goto(live_server.url + "/your-rights/")
    answer_every_question(page, assert_accessible)
    page.get_by_role("button", name="Send request").click()
    page.locator(".govuk-panel--confirmation").wait_for()
    assert_accessible(page)


def test_the_error_summary_links_to_the_first_radio_with_javascript_off(live_server, page_without_js):
    page = page_without_js
    page.goto(live_server.url + "/your-rights/what-do-you-want-to-do/")
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Select what you want to do").click()
    assert page.url.endswith("#id_kind")


def test_the_back_link_works_with_javascript_off(live_server, page_without_js):
    page = page_without_js
    page.goto(live_server.url + "/your-rights/what-do-you-want-to-do/")
    page.get_by_label("Delete information about me").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("link", name="Back").click()
    assert page.url.endswith("/your-rights/what-do-you-want-to-do/")
    assert page.get_by_label("Delete information about me").is_checked()


def test_a_request_about_someone_who_has_died_points_elsewhere_and_sends_nothing(
    live_server, page_without_js, assert_accessible
):
    page = page_without_js
    page.goto(live_server.url + "/your-rights/what-do-you-want-to-do/")
    page.get_by_label("Get a copy of the information you hold about me").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("For someone else").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Lasting power of attorney").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("What is the name of the person the request is about?").fill("Late Unusualname")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("No, they have died").check()
    page.get_by_role("button", name="Continue").click()
    assert page.locator("h1").inner_text() == "Asking about someone who has died"
    assert "Access to Health Records Act 1990" in page.locator("main").inner_text()
    assert_accessible(page)
    assert not Case.objects.exists()
