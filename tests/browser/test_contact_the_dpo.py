import re

import pytest

from pledge.site.models import DpoEnquiry

pytestmark = pytest.mark.browser


def fill_in(page, *, name="Ann Example", email="ann@example.com", message="What do you keep about me?"):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email address").fill(email)
    page.get_by_label("Your message").fill(message)


def test_it_shows_an_error_summary_with_links_when_sent_empty_with_javascript_off(
    live_server, page_without_js, assert_accessible
):
    page = page_without_js
    page.goto(live_server.url + "/contact-the-dpo/")
    page.get_by_role("button", name="Send message").click()

    summary = page.locator(".govuk-error-summary")
    assert summary.locator("h2").inner_text() == "There is a problem"
    links = summary.locator("a")
    assert links.all_inner_texts() == ["Enter your name", "Enter your email address", "Enter your message"]
    for href in [a.get_attribute("href") for a in links.all()]:
        assert page.locator(href).count() == 1, f"{href} points at nothing"
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_the_error_summary_links_take_you_to_the_field_with_javascript_off(live_server, page_without_js):
    page = page_without_js
    page.goto(live_server.url + "/contact-the-dpo/")
    page.get_by_role("button", name="Send message").click()
    page.get_by_role("link", name="Enter your email address").click()
    assert page.url.endswith("#id_email")


def test_it_keeps_what_you_typed_when_one_field_is_wrong(live_server, page_without_js):
    page = page_without_js
    page.goto(live_server.url + "/contact-the-dpo/")
    fill_in(page, email="not-an-email")
    page.get_by_role("button", name="Send message").click()
    assert page.locator(".govuk-error-summary a").all_inner_texts() == [
        "Enter an email address in the correct format, like name@example.com"
    ]
    assert page.get_by_label("Your name").input_value() == "Ann Example"
    assert page.get_by_label("Your message").input_value() == "What do you keep about me?"


def test_it_sends_the_message_and_shows_a_confirmation_with_javascript_off(
    live_server, page_without_js, assert_accessible
):
    page = page_without_js
    page.goto(live_server.url + "/contact-the-dpo/?about=council-tax-collection")
    assert page.get_by_label(re.compile("Reference of the privacy notice")).input_value() == "council-tax-collection"
    fill_in(page)
    page.get_by_role("button", name="Send message").click()

    panel = page.locator(".govuk-panel--confirmation")
    assert panel.locator("h1").inner_text() == "Message sent"
    enquiry = DpoEnquiry.objects.get()
    assert enquiry.reference in panel.inner_text()
    assert enquiry.about == "council-tax-collection"
    assert enquiry.email == "ann@example.com"
    assert_accessible(page)


def test_the_error_summary_takes_focus_with_javascript_on(live_server, page):
    page.goto(live_server.url + "/contact-the-dpo/")
    page.get_by_role("button", name="Send message").click()
    page.wait_for_function("document.activeElement.classList.contains('govuk-error-summary')")
