"""The rights engine and response letters in a real browser with JavaScript off: choose a request's activities
and team, read the rights panel, view the response letter and send it, with axe on every page."""

import pytest
from django.utils import timezone

from pledge.casework.models import Case, CaseKind, IssuedLetter
from pledge.casework.services import open_request
from pledge.casework.states import CaseState
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(transactional_db: None) -> User:
    build_register()
    return User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)


def a_request(staff: User, kind: CaseKind) -> Case:
    # Dates relative to the real today: the live server runs on the real clock.
    return open_request(
        kind=kind,
        channel="email",
        received_on=timezone.localdate(),
        requester_name="Fay Example",
        requester_email="fay@example.com",
        summary="Everything about my council tax",
        actor=staff,
    )


def test_choosing_activities_shows_the_rights_panel(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.ERASURE)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert "Choose the activities this request concerns" in page.locator("main").inner_text()
    follow(page, page.get_by_role("link", name="Choose activities and team"))
    assert page.locator("h1").inner_text() == "What the request concerns"
    assert_accessible(page)
    page.get_by_label("Show the activities of").select_option(label="Council tax")
    follow(page, page.get_by_role("button", name="Show activities"))
    assert page.locator("form[method=post] legend").all_inner_texts() == ["Council tax"]
    assert_accessible(page)
    page.get_by_label("Billing and collecting council tax").check()
    page.get_by_label("Team working the request").select_option(label="Council tax")
    follow(page, page.get_by_role("button", name="Save activities and team"))
    assert "Activities and team saved." in page.content()
    table = page.locator("[data-rights-table]").inner_text()
    assert "Billing and collecting council tax" in table
    assert "Art 17(3)(b): the processing is needed to comply with a legal obligation." in table
    warning = page.locator(".govuk-warning-text").first.inner_text()
    assert "The right to erasure does not apply to any of the activities this request concerns" in warning
    assert "Scope set: 1 activity, team council-tax" in page.locator("ol.govuk-list").last.inner_text()
    assert_accessible(page)


def test_a_forged_choice_shows_an_error_summary(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.ACCESS)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/scope/")
    page.locator("#id_activities").evaluate("box => { box.value = '999999'; box.checked = true; }")
    follow(page, page.get_by_role("button", name="Save activities and team"))
    assert "Select activities from the approved register" in page.locator(".govuk-error-summary").inner_text()
    assert page.title().startswith("Error: ")
    assert_accessible(page)


def test_the_response_letter_is_viewed_and_sent(live_server, page_without_js, assert_accessible, staff) -> None:
    case = a_request(staff, CaseKind.ACCESS)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    follow(page, page.get_by_role("link", name="Response to the request"))
    assert "The response cannot be produced yet" in page.locator("main").inner_text()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Choose the activities this request concerns"))
    page.get_by_label("Council tax support").check()
    page.get_by_label("Care needs assessments").check()
    follow(page, page.get_by_role("button", name="Save activities and team"))
    follow(page, page.get_by_role("link", name="Response to the request"))
    letter = page.locator("[data-letter]").inner_text()
    assert "Why we use it: to work out council tax support" in letter
    assert "Where it comes from (not all of it came from you): you; Department for Work and Pensions" in letter
    assert "recalculates your support from the published income bands" in letter
    assert_accessible(page)
    page.get_by_label("Also record the case as responded to today").check()
    follow(page, page.get_by_role("button", name="Send by email"))
    assert "Letter queued to be emailed to the requester" in page.content()
    assert "Letter emailed to the requester: response to the request" in page.locator("ol.govuk-list").last.inner_text()
    assert Case.objects.get(pk=case.pk).state == CaseState.RESPONDED
    assert IssuedLetter.objects.get(case=case).sent_to == "fay@example.com"
    assert "fay" not in page.url
    assert_accessible(page)
    follow(page, page.locator("[data-issued-letters] a").first)
    assert "This is the text as it was sent." in page.locator("main").inner_text()
    assert_accessible(page)


def test_an_erasure_refusal_is_previewed_then_needs_reasons(live_server, page_without_js, assert_accessible, staff):
    case = a_request(staff, CaseKind.ERASURE)
    case.activities.set(ProcessingActivity.objects.filter(slug__in=["council-tax-billing", "recycling-newsletter"]))
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/letters/response/")
    assert "We have deleted the information, as you asked" in page.locator("[data-letter]").inner_text()
    assert_accessible(page)
    page.get_by_label("Not erased: an Art 17(3) exception applies").check()
    follow(page, page.get_by_role("button", name="Show the letter for this outcome"))
    assert "We have not deleted the information." in page.locator("[data-letter]").inner_text()
    follow(page, page.get_by_role("button", name="Record as posted"))
    assert "Give the reasons" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Reasons to give the requester").fill("We must keep council tax records for six years.")
    follow(page, page.get_by_role("button", name="Record as posted"))
    assert "Letter recorded as posted." in page.content()
    body = IssuedLetter.objects.get(case=case).body
    assert "We have not deleted the information." in body
    assert "We must keep council tax records for six years." in body


def test_the_acknowledgement_is_recorded_as_posted_from_its_page(
    live_server, page_without_js, assert_accessible, staff
):
    case = a_request(staff, CaseKind.ACCESS)
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    follow(page, page.get_by_role("link", name="Acknowledgement"))
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Record as posted"))
    assert "Letter recorded as posted." in page.content()
    assert (
        "Letter recorded as posted to the requester: acknowledgement" in page.locator("ol.govuk-list").last.inner_text()
    )
    assert IssuedLetter.objects.get(case=case).kind == "acknowledgement"
