"""The "CCTV footage" section of a CCTV request in a real browser with JavaScript off: a refused scope with its
error summary, the at-risk warning, the retrieval and the third-party step, and axe on each page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pledge.casework.footage_models import FootageScope
from pledge.casework.models import Case, CaseKind
from pledge.casework.record_models import SearchState
from pledge.casework.services import open_request
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import System
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"


@pytest.fixture
def case(transactional_db: None) -> Case:
    """A CCTV request received a fortnight ago, and the town-centre CCTV that keeps footage for 31 days."""
    staff = User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    System.objects.create(
        slug="town-cctv",
        name="Town centre CCTV",
        surveillance=True,
        sites=["Market Street", "Northgate bus station"],
        footage_retention_days=31,
    )
    return open_request(
        kind=CaseKind.ACCESS_CCTV,
        channel="email",
        received_on=timezone.localdate() - timedelta(days=14),
        requester_name="Ed Example",
        requester_email="ed@example.com",
        summary="Footage of me at the bus station",
        actor=staff,
    )


def test_a_caseworker_scopes_retrieves_and_clears_footage_with_javascript_off(
    live_server, page_without_js, assert_accessible, case
):
    page = page_without_js
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert page.locator("h2#footage").inner_text() == "CCTV footage"
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Save the footage scope"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select the CCTV or ANPR system" in summary and "Enter the date the window starts" in summary
    assert page.title().startswith("Error:")
    assert not FootageScope.objects.exists()
    assert_accessible(page)

    recorded = timezone.localdate() - timedelta(days=28)  # kept 31 days: overwritten in 3 days
    page.get_by_label("CCTV or ANPR system").select_option(label="Town centre CCTV")
    page.get_by_label("Site (optional)", exact=True).select_option(label="Northgate bus station (Town centre CCTV)")
    for legend in ("Date the window starts", "Date the window ends"):
        group = page.get_by_role("group", name=legend)
        group.get_by_label("Day").fill(str(recorded.day))
        group.get_by_label("Month").fill(str(recorded.month))
        group.get_by_label("Year").fill(str(recorded.year))
    page.get_by_label("Time the window starts").fill("10:00")
    page.get_by_label("Time the window ends").fill("11:30")
    follow(page, page.get_by_role("button", name="Save the footage scope"))
    warning = page.locator("[data-footage-warning]").inner_text()
    assert f"Footage from {recorded:%-d %B %Y} 10:00 is overwritten on" in warning
    assert "3 days left. Retrieve and preserve it now." in warning
    assert page.locator("[data-search-progress]").inner_text() == "0 of 1 system searched"
    assert_accessible(page)

    page.get_by_label("Retrieved and preserved", exact=True).check()
    page.get_by_label("Who retrieved it (optional)").fill("Control room supervisor")
    follow(page, page.get_by_role("button", name="Record the retrieval"))
    assert "Footage retrieval recorded." in page.content()
    assert page.locator("[data-footage-warning]").count() == 0
    assert page.locator("[data-search-progress]").inner_text() == "1 of 1 system searched"
    assert_accessible(page)

    page.get_by_label("Others are visible and were redacted (for example blurred)").check()
    follow(page, page.get_by_role("button", name="Record other people and vehicles"))
    assert "Say how the other people or vehicles were redacted" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Others are visible and were redacted (for example blurred)").check()
    page.get_by_label("If redacted: how (optional)").fill("Faces and number plates blurred")
    follow(page, page.get_by_role("button", name="Record other people and vehicles"))
    scope = FootageScope.objects.get()
    assert (scope.retrieved_by, scope.third_parties, scope.redaction_method) == (
        "Control room supervisor",
        "redacted",
        "Faces and number plates blurred",
    )
    assert scope.search_task.state == SearchState.FOUND
    assert_accessible(page)
