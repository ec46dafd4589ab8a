"""Reporting a breach and working it, in a real browser: without JavaScript for the reporter, axe-checked (P121)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pledge.breaches import services
from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(transactional_db: None) -> dict[str, User]:
    return {
        "casey": User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER),
        "dee": User.objects.create_user(username="dee", password=PASSWORD, role=Role.DPO, email="dpo@anyshire.example"),
    }


def test_a_caseworker_reports_a_breach_without_javascript_and_sees_the_countdown(
    live_server, page_without_js, assert_accessible, staff
):
    page = page_without_js
    sign_in(page, live_server)
    follow(page, page.get_by_role("link", name="Report a breach"))
    assert page.locator("h1").inner_text() == "Report a breach"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Report the breach"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter what happened" in summary and "Enter what personal data was involved" in summary
    assert_accessible(page)
    page.get_by_label("What happened").fill("A council tax letter was sent to the neighbour.")
    page.get_by_label("What personal data was involved").fill("Name, address, amount owed")
    page.get_by_label("Roughly how many people").fill("1")
    follow(page, page.get_by_role("button", name="Report the breach"))
    assert "Breach reported" in page.locator("h1").inner_text()
    assert "BR-" in page.locator(".govuk-panel").inner_text()
    countdown = page.locator("[data-countdown]").inner_text()
    assert countdown.startswith("Decide by ") and "71 hours left" in countdown
    assert_accessible(page)


def test_the_dpo_sees_the_countdown_on_the_dashboard_and_assesses_the_breach(
    live_server, page, assert_accessible, staff
):
    breach = services.report_breach(
        actor=staff["casey"],
        description="A folder of case notes was left on a train.",
        aware_at=timezone.now() - timedelta(hours=30, minutes=10),
        data_categories="Names, addresses and health notes",
        people_affected=3,
    )
    sign_in(page, live_server, username="dee")
    block = page.locator("#breaches + ul").inner_text()
    assert breach.reference in block and "41 hours left" in block
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=breach.reference))
    assert page.locator("h1").inner_text() == f"Breach {breach.reference}"
    assert "41 hours left" in page.locator("[data-countdown]").inner_text()
    assert_accessible(page)
    page.get_by_label("Likely", exact=True).check()
    page.get_by_label("Significant: distress, cost or lost opportunity").check()
    page.get_by_label("It includes special category data", exact=False).check()
    page.get_by_label("Likely consequences for the people affected").fill("Distress; health details exposed.")
    page.get_by_label("Why you assessed the risk this way").fill("Health notes, found by a member of the public.")
    follow(page, page.get_by_role("button", name="Save the risk assessment"))
    assert (
        "High risk level: report it to the ICO; tell the people affected."
        in page.locator("[data-recommendation]").inner_text()
    )
    follow(page, page.get_by_role("button", name="Record the ICO decision"))
    assert "Select whether the breach has been reported to the ICO" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
