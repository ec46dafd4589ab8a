"""Complaints in a real browser with JavaScript off: the public form (errors, then a reference) and the staff
complaint page (log, acknowledge, outcome), each checked with axe."""

import pytest

from pledge.casework.models import Case, IssuedLetter
from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


def test_a_resident_complains_online_with_javascript_off(live_server, page_without_js, assert_accessible):
    page = page_without_js
    page.goto(live_server.url + "/how-to-complain/")
    follow(page, page.get_by_role("button", name="Complain online"))
    assert_accessible(page)
    page.get_by_role("button", name="Send").click()
    summary = page.locator(".govuk-error-summary")
    assert summary.locator("a").all_inner_texts() == [
        "Select whether you want to make a complaint or a suggestion",
        "Tell us what happened",
        "Enter your name",
        "Enter your email address or your postal address so we can reply",
    ]
    for href in [a.get_attribute("href") for a in summary.locator("a").all()]:
        assert page.locator(href).count() == 1, f"{href} points at nothing"
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("Make a complaint", exact=False).check()
    page.get_by_label("Tell us what happened").fill("My council tax bill was sent to my neighbour.")
    page.get_by_label("Your name").fill("Peregrine Fandango")
    page.get_by_label("Your email address (optional)").fill("peregrine@example.com")
    page.get_by_role("button", name="Send").click()
    case = Case.objects.get()
    assert page.locator("h1").inner_text() == "Complaint sent"
    assert case.reference in page.locator(".govuk-panel").inner_text()
    assert_accessible(page)


def test_staff_log_acknowledge_and_answer_a_complaint_with_javascript_off(
    live_server, page_without_js, assert_accessible, transactional_db
):
    User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/complaints/")
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Log a complaint or suggestion"))
    page.get_by_label("Data protection complaint").check()
    page.get_by_label("Phone").check()
    page.get_by_label("Complainant's full name").fill("Hortensia Plume")
    page.get_by_label("Complainant's email address").fill("hortensia@example.com")
    page.get_by_label("What the complaint is about").fill("My address was shown on a planning notice.")
    page.get_by_role("button", name="Log it").click()
    assert page.locator(".govuk-error-summary a").all_inner_texts() == ["Enter the date it was received"]
    assert page.get_by_label("Complainant's full name").input_value() == "Hortensia Plume"
    assert_accessible(page)
    page.get_by_label("Date it was received").fill("1/12/2026")
    follow(page, page.get_by_role("button", name="Log it"))
    assert "Logged with reference DPC-" in page.content()
    assert_accessible(page)
    acknowledgement = page.locator("form", has=page.get_by_role("button", name="Send the acknowledgement"))
    acknowledgement.get_by_label("By email").check()
    follow(page, page.get_by_role("button", name="Send the acknowledgement"))
    assert "Acknowledgement sent." in page.content()
    follow(page, page.get_by_role("button", name="Send the outcome"))
    assert page.locator(".govuk-error-summary a").all_inner_texts()[0] == "Select what the investigation found"
    assert_accessible(page)
    assert IssuedLetter.objects.count() == 1
