"""A resident signs up, confirms from the emailed link, receives an issue staff send, unsubscribes in one click from
the email and receives no more: with JavaScript off, axe on every page, email over real SMTP (issue 6 "Done when";
P084, P086)."""

import re

import pytest
from django.urls import reverse

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.newsletters import lists
from pledge.newsletters.demo import load_demo
from pledge.newsletters.models import NewsletterList
from pledge.newsletters.tasks import deliver_send, send_confirmation
from pledge.newsletters.testing import smtp_server, text_of  # noqa: F401 (a fixture)
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, run_queued, sign_in

pytestmark = pytest.mark.browser
RESIDENT = "rosa.quint@example.org"


@pytest.fixture
def demo(transactional_db: None, settings, live_server) -> None:
    settings.PLEDGE_SITE_URL = live_server.url
    settings.PLEDGE_NEWSLETTER_RATE_PER_SECOND = 0
    load_demo()
    User.objects.create_user(username="iggy", password=PASSWORD, role=Role.IG_OFFICER)


def _link(text: str, kind: str) -> str:
    match = re.search(rf"https?://\S+/newsletters/{kind}/[^/\s]+/", text)
    assert match, f"no {kind} link in the email"
    return match.group(0)


def _sign_up_and_confirm(page, live_server, assert_accessible, mailbox) -> None:
    page.goto(live_server.url + reverse("newsletters:signup"))
    assert page.locator("h1").inner_text() == "Sign up for email newsletters"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Sign up"))
    assert "Select at least one newsletter" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Bins and recycling").check()
    page.get_by_label("Email address").fill(RESIDENT)
    follow(page, page.get_by_role("button", name="Sign up"))
    assert page.locator("h1").inner_text() == "Check your email"
    assert RESIDENT not in page.url
    assert_accessible(page)

    run_queued(send_confirmation)
    [confirmation] = mailbox.wait_for(RESIDENT)
    page.goto(_link(text_of(confirmation), "confirm"))
    assert page.locator("h1").inner_text() == "Confirm your subscription"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Confirm my subscription"))
    assert "Subscription confirmed" in page.locator("h1").inner_text()
    assert_accessible(page)


def _staff_send_an_issue(page, live_server, assert_accessible, subject: str) -> None:
    sign_in(page, live_server, username="iggy")
    page.goto(live_server.url + reverse("newsletters:staff_index"))
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Write an issue"))
    assert_accessible(page)
    page.get_by_label("Newsletter").select_option(label="Bins and recycling")
    page.get_by_label("Subject line").fill(subject)
    page.get_by_label("Text").fill("## Garden waste\n\nCollections restart on 2 March.")
    page.get_by_label("Service message").check()
    follow(page, page.get_by_role("button", name="Preview the issue"))
    assert page.locator("h1").inner_text() == f"Preview: {subject}"
    assert "3 confirmed subscribers" in page.locator(".govuk-summary-list").inner_text()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Send to subscribers"))
    assert "Waiting for the background worker" in page.locator("[data-progress]").inner_text()
    assert_accessible(page)
    run_queued(deliver_send)
    follow(page, page.get_by_role("link", name="Refresh to see progress"))
    assert "3 of 3 handled (100%)" in page.locator("[data-progress]").inner_text()
    assert_accessible(page)


def test_a_resident_signs_up_confirms_gets_an_issue_and_unsubscribes_in_one_click_without_javascript(
    demo,
    live_server,
    new_page_without_js,
    assert_accessible,
    smtp_server,  # noqa: F811
):
    resident, officer = new_page_without_js(), new_page_without_js()
    _sign_up_and_confirm(resident, live_server, assert_accessible, smtp_server)
    _staff_send_an_issue(officer, live_server, assert_accessible, "Garden waste is back")

    [_, issue] = smtp_server.wait_for(RESIDENT, count=2)
    assert issue["Subject"] == "Garden waste is back"
    assert issue["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    footer_link = _link(text_of(issue), "unsubscribe")
    assert issue["List-Unsubscribe"].strip() == f"<{footer_link}>"

    resident.goto(_link(text_of(issue), "preferences"))
    assert resident.locator("h1").inner_text() == "Your newsletters"
    assert "Consent given" in resident.locator("table").inner_text()
    assert_accessible(resident)

    resident.goto(footer_link)
    assert resident.locator("h1").inner_text() == "Unsubscribe from Bins and recycling"
    assert_accessible(resident)
    follow(resident, resident.get_by_role("button", name="Unsubscribe"))
    assert "You have unsubscribed" in resident.locator("h1").inner_text()
    assert "Bins and recycling" in resident.locator("main").inner_text()
    assert_accessible(resident)

    second = lists.write_issue(
        newsletter=NewsletterList.objects.get(slug="bin-news"),
        subject_line="Bank holiday collections",
        body="No change this time.",
        message_class="service",
        actor=User.objects.get(username="iggy"),
    )
    lists.start_send(issue=second, actor=None)
    run_queued(deliver_send)
    assert [m["Subject"] for m in smtp_server.to(RESIDENT)][1:] == ["Garden waste is back"]
    assert len(smtp_server.to("tom.lindqvist@example.org")) == 2  # the demo subscriber still gets it


def test_a_forged_link_shows_a_clear_message_without_javascript(demo, live_server, page_without_js, assert_accessible):
    page_without_js.goto(live_server.url + "/newsletters/unsubscribe/1:forged:1:abc:def/")
    assert page_without_js.locator("h1").inner_text() == "There is a problem with this link"
    assert "This link is not valid" in page_without_js.locator("main").inner_text()
    assert_accessible(page_without_js)


def test_a_resident_who_rejected_every_optional_cookie_can_still_sign_up(live_server, page_without_js, demo) -> None:
    """P096: rejecting analytics and embedded content does not stop the newsletter sign-up."""
    from pledge.cookies.demo import load_demo as load_cookie_register
    from tests.browser.test_cookie_rejected_journeys import reject_everything

    load_cookie_register()  # analytics and embedded content on the register, so there is something to reject
    page = page_without_js
    reject_everything(page, live_server.url)
    page.goto(live_server.url + reverse("newsletters:signup"))
    page.get_by_label("What's on in Anyshire").check()
    page.get_by_label("Email address").fill(RESIDENT)
    follow(page, page.get_by_role("button", name="Sign up"))
    assert page.locator("h1").inner_text() == "Check your email"
