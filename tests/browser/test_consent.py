"""The consent ledger in a real browser without JavaScript, with axe: staff find a person, read their history and
record a phone opt-out and a representative's consent (P079, P081); a resident opts out on the website (P079)."""

import pytest

from pledge.consent import services
from pledge.consent.demo import load_demo
from pledge.consent.models import ConsentEvent, EventAction
from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser
AMIRA = "amira.okafor@example.org"


@pytest.fixture
def ledger(transactional_db: None) -> None:
    load_demo()
    User.objects.create_user(username="clerk", password=PASSWORD, role=Role.CASEWORKER)


def test_staff_find_a_person_read_their_history_and_record_what_they_said(
    live_server, page_without_js, assert_accessible, ledger
):
    page = page_without_js
    sign_in(page, live_server, username="clerk")
    page.goto(live_server.url + "/staff/consent/")
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Find"))
    assert "Enter the person's email address or subject id" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.get_by_label("Email address or subject id").fill(AMIRA)
    follow(page, page.get_by_role("button", name="Find"))
    assert "example.org" not in page.url
    assert page.locator("h1").inner_text() == "Consent history"
    assert "Council news and information" in page.content()
    assert_accessible(page)

    follow(page, page.get_by_role("link", name="Record an opt-out of promotional messages"))
    assert_accessible(page)
    page.get_by_label("Phone").check()
    page.get_by_label("Evidence").fill("Call reference CSC-30001")
    follow(page, page.get_by_role("button", name="Record the opt-out"))
    assert "Opt-out recorded" in page.content()
    assert "Call reference CSC-30001" in page.content()
    subject = services.subject_for_email(AMIRA)
    assert services.may_send(subject=subject, purpose="promotional").given is False

    follow(page, page.get_by_role("link", name="Record a consent given by a representative"))
    follow(page, page.get_by_role("button", name="Record the consent"))
    assert "Enter the representative's full name" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Representative's full name").fill("Samuel Okafor")
    page.get_by_label("Their relationship or role").fill("deputy appointed by the Court of Protection")
    page.get_by_label("Evidence of their authority").fill("Court order seen, reference demo-12345")
    page.get_by_label("What did the person agree to?").select_option(label="Bin collection reminders: wording v1")
    page.get_by_label("In person").check()
    assert page.locator("#id_occurred_on").input_value()  # today, filled in
    follow(page, page.get_by_role("button", name="Record the consent"))
    assert "Consent given by a representative recorded." in page.content()
    behalf = page.locator("table").last.inner_text()
    assert "Samuel Okafor" in behalf and "Court order seen" in behalf
    assert_accessible(page)


def test_a_resident_opts_out_in_one_step_without_an_account(live_server, page_without_js, assert_accessible, ledger):
    page = page_without_js
    page.goto(live_server.url + "/your-preferences/opt-out/")
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Stop these messages"))
    assert "Enter an email address" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    page.get_by_label("Email address").fill(AMIRA)
    follow(page, page.get_by_role("button", name="Stop these messages"))
    assert page.locator("h1").inner_text() == "You have opted out"
    assert "example.org" not in page.content() and "example.org" not in page.url
    assert_accessible(page)
    subject = services.subject_for_email(AMIRA)
    assert ConsentEvent.objects.filter(subject=subject, action=EventAction.OPTED_OUT, channel="web").count() == 1
    assert services.may_send(subject=subject, purpose="service:bin-reminders").given is True
