"""The request metrics page and the paginated deadline dashboard in a real browser, JavaScript off, with axe."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pledge.casework.models import CaseKind
from pledge.casework.services import mark_responded, open_request
from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(transactional_db: None) -> User:
    """A caseworker and 80 requests, one received each day up to today (the live server runs on the real clock);
    a quarter answered, so 60 are open: 48 access requests and 12 erasure requests."""
    user = User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    today = timezone.localdate()
    for n in range(80):
        case = open_request(
            kind=CaseKind.ERASURE if n % 5 == 0 else CaseKind.ACCESS,
            channel="web" if n % 2 else "letter",
            received_on=today - timedelta(days=n),
            requester_name="Ann Example",
            requester_address="1 High Street",
            summary="My records",
            actor=user,
        )
        if n % 4 == 0:
            mark_responded(case=case, on=today, actor=user)
    return user


def test_the_metrics_page_shows_charts_with_tables_and_passes_axe(
    live_server, page_without_js, assert_accessible, staff
):
    page = page_without_js
    sign_in(page, live_server)
    follow(page, page.get_by_role("link", name="Request metrics"))
    assert page.locator("h1").inner_text() == "Request metrics"
    assert page.locator("svg[role=img]").count() == 4
    assert page.locator("table.govuk-table").count() == 4
    received = page.locator(".govuk-summary-list__row", has_text="Requests received").locator("dd").inner_text()
    assert received.strip().isdigit() and int(received) > 0
    assert_accessible(page)


def test_bad_dates_on_the_metrics_page_show_an_error_summary_that_passes_axe(
    live_server, page_without_js, assert_accessible, staff
):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/cases/metrics/")
    page.get_by_label("Between two dates").check()
    page.get_by_label("Start date", exact=True).fill("31/12/2025")
    page.get_by_label("End date", exact=True).fill("1/1/2025")
    follow(page, page.get_by_role("button", name="Show figures"))
    summary = page.locator(".govuk-error-summary")
    assert "The end date must be the same as or after the start date" in summary.inner_text()
    assert page.title().startswith("Error: ")
    assert_accessible(page)
    page.get_by_label("A calendar year (January to December)").check()
    page.get_by_label("Year", exact=True).fill(str(timezone.localdate().year - 6))
    follow(page, page.get_by_role("button", name="Show figures"))
    assert "No requests were received in this period" in page.locator(".govuk-inset-text").inner_text()
    assert_accessible(page)


def test_the_dashboard_pages_through_its_cases_and_passes_axe(live_server, page_without_js, assert_accessible, staff):
    page = page_without_js
    sign_in(page, live_server)
    follow(page, page.get_by_role("link", name="Cases", exact=True))
    assert page.locator("caption").inner_text().endswith("1 to 50 of 60")
    assert page.locator("tbody tr").count() == 50
    pagination = page.get_by_role("navigation", name="Pages of open requests")
    assert pagination.locator("[aria-current=page]").inner_text().strip() == "1"
    assert_accessible(page)
    follow(page, pagination.get_by_role("link", name="Next page"))
    assert page.locator("caption").inner_text().endswith("51 to 60 of 60")
    assert "page=2" in page.url
    assert_accessible(page)


def test_the_dashboard_filters_by_kind_and_team_without_javascript(live_server, page_without_js, staff):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/cases/?page=2")
    page.get_by_label("Kind of request").select_option("erasure")
    follow(page, page.get_by_role("button", name="Apply filters"))
    assert page.locator("caption").inner_text().endswith("1 to 12 of 12")  # filtering starts again at page 1
    assert page.get_by_role("navigation", name="Pages of open requests").count() == 0
    page.get_by_label("Kind of request").select_option("")
    page.get_by_label("Team").select_option("none")
    follow(page, page.get_by_role("button", name="Apply filters"))
    assert page.locator("caption").inner_text().endswith("1 to 50 of 60")
