"""Casework pages in a real browser with JavaScript off: the deadline dashboard, logging a request, a case page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pledge.casework.models import Case, CaseKind, ExemptionDecision
from pledge.casework.services import open_request
from pledge.casework.states import CaseState
from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(transactional_db: None) -> User:
    user = User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    # Dates relative to the real today: the live server runs on the real clock.
    open_request(
        kind=CaseKind.ERASURE,
        channel="letter",
        received_on=timezone.localdate() - timedelta(days=40),
        requester_name="Ann Example",
        requester_address="1 High Street",
        summary="Delete my old account",
        actor=user,
    )
    return user


def an_access_request(staff, *, name: str, summary: str):
    """An access request received by email today, logged by ``staff``."""
    return open_request(
        kind=CaseKind.ACCESS,
        channel="email",
        received_on=timezone.localdate(),
        requester_name=name,
        requester_email=f"{name.split()[0].lower()}@example.com",
        summary=summary,
        actor=staff,
    )


def test_the_dashboard_shows_an_overdue_request_and_passes_axe(live_server, page_without_js, assert_accessible, staff):
    page = page_without_js
    sign_in(page, live_server)
    follow(page, page.get_by_role("link", name="Cases"))
    assert page.locator("h1").inner_text() == "Rights requests"
    assert page.locator('[data-bucket="overdue"]').inner_text() == "1"
    assert page.locator("td .govuk-tag").inner_text() == "Red: overdue"
    assert_accessible(page)
    page.get_by_label("State").select_option("awaiting_id")
    follow(page, page.get_by_role("button", name="Apply filters"))
    assert "No open requests match." in page.content()


def test_logging_a_request_shows_errors_then_opens_the_case(live_server, page_without_js, assert_accessible, staff):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/cases/")
    follow(page, page.get_by_role("button", name="Log a request"))
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Log the request"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select what the person is asking for" in summary
    assert "Enter the requester's full name" in summary
    assert_accessible(page)
    assert Case.objects.count() == 1
    page.get_by_label("Access to personal data (subject access)").check()
    page.get_by_label("Phone").check()
    page.get_by_label("Date the request was received").fill(f"{timezone.localdate():%d/%m/%Y}")
    page.get_by_label("Requester's full name").fill("Bea Example")
    page.get_by_label("Requester's email address").fill("bea@example.com")
    page.get_by_label("What the request is about").fill("My housing file")
    follow(page, page.get_by_role("button", name="Log the request"))
    assert "Request logged with reference RR-" in page.content()
    assert page.locator("h1").inner_text().startswith("Case RR-")
    assert "Bea" not in page.url
    assert_accessible(page)


def test_the_case_page_extends_a_request_and_passes_axe(live_server, page_without_js, assert_accessible, staff):
    case = an_access_request(staff, name="Cy Example", summary="Everything about me")
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert_accessible(page)
    page.get_by_label("Why the request needs more time").fill("Records in six systems")
    follow(page, page.get_by_role("button", name="Extend the deadline by two months"))
    assert "Deadline extended." in page.content()
    assert Case.objects.get(pk=case.pk).state == CaseState.EXTENDED
    follow(page, page.get_by_role("button", name="Record the response"))
    assert Case.objects.get(pk=case.pk).state == CaseState.RESPONDED
    assert "Response sent" in page.locator("ol.govuk-list").inner_text()
    assert_accessible(page)


def test_the_case_page_records_an_exemption_and_passes_axe(live_server, page_without_js, assert_accessible, staff):
    case = an_access_request(staff, name="Di Example", summary="My council tax file")
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert page.locator("h2#exemptions").inner_text() == "Exemptions and refusals"
    assert "complain to the Information Commissioner's Office" in page.locator("[data-refusal-must-state]").inner_text()
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Record an exemption"))
    assert "Select the exemption that applies" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Crime and taxation").check()
    page.get_by_label("What information the exemption covers").fill("Fraud team notes")
    page.get_by_label("Why the exemption applies").fill("Live council tax fraud inquiry")
    follow(page, page.get_by_role("button", name="Record an exemption"))
    assert "Exemption recorded." in page.content()
    assert "Crime and taxation (CRIME_TAX)" in page.locator("main").inner_text()
    assert ExemptionDecision.objects.get(case=case).code == "CRIME_TAX"
    assert "Exemption recorded: CRIME_TAX" in page.locator("ol.govuk-list").inner_text()
    assert_accessible(page)


def test_a_letter_page_shows_the_letter_and_passes_axe(live_server, page_without_js, assert_accessible, staff):
    case = Case.objects.get()
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    follow(page, page.get_by_role("link", name="Refusal to act on the request"))
    assert page.locator("h1").inner_text() == "Refusal to act on the request"
    assert "Not sent yet" in page.content()
    assert "Dear Ann Example," in page.locator(".govuk-inset-text").inner_text()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Back to case"))
    follow(page, page.get_by_role("link", name="Acknowledgement"))
    assert "Not sent yet" not in page.content()
    assert_accessible(page)
