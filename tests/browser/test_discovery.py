"""The discovery section of an access request in a real browser with JavaScript off: a refused search with its error
summary, the progress while the worker searches, candidates reviewed and decided, a condition on use, the search
record downloaded as a PDF, and axe on each page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.discovery.models import CandidateDecision, DiscoveryRun
from pledge.discovery.tasks import run_discovery
from pledge.discovery.tests.discovery_factories import make_case, set_up_estate
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, run_queued, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def case(transactional_db: None, settings, tmp_path):
    set_up_estate(settings, tmp_path)
    User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    return make_case(received_on=timezone.localdate() - timedelta(days=3))


def test_a_caseworker_finds_reviews_and_records_the_search_with_javascript_off(
    live_server, page_without_js, assert_accessible, case
):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert page.locator("h2#discovery").inner_text() == "Finding the requester's records"
    assert page.get_by_label("Full name").input_value() == "Robert Smith"
    assert_accessible(page)

    page.get_by_label("Email address").fill("not an email")
    page.get_by_label("Electoral Register").check()
    follow(page, page.get_by_role("button", name="Search the systems"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter an email address in the correct format" in summary
    assert "Give the reason the systems are left out" in summary
    assert_accessible(page)

    page.get_by_label("Email address").fill("bob.smith@example.com")
    page.get_by_label("Electoral Register").uncheck()
    page.get_by_label("Date of birth").fill("3/2/1980")
    follow(page, page.get_by_role("button", name="Search the systems"))
    assert "0 of the systems searched" in page.locator("[data-discovery-progress]").inner_text()
    assert_accessible(page)

    run_queued(run_discovery)
    follow(page, page.get_by_role("button", name="Check progress"))
    record = page.locator("[data-search-record]").inner_text()
    assert "Electoral Register" in record and "separate controller" in record
    tax = page.locator("[data-candidate]", has_text="CT1")
    assert "Date of birth agrees" in tax.inner_text()
    assert_accessible(page)

    tax.get_by_label("Yes, confirm it").check()
    follow(page, tax.get_by_role("button", name="Save the decision"))
    news = page.locator("[data-candidate]", has_text="N1")
    news.get_by_label("No, it is someone else's").check()
    follow(page, news.get_by_role("button", name="Save the decision"))
    assert "Say why this record is not the requester" in page.locator(".govuk-error-summary").inner_text()
    news = page.locator("[data-candidate]", has_text="N1")
    news.get_by_label("No, it is someone else's").check()
    news.get_by_label("Note").fill("Different Bob: another household")
    follow(page, news.get_by_role("button", name="Save the decision"))
    decisions = {c.key: c.decision for c in DiscoveryRun.objects.get(case=case).candidates.all()}
    assert decisions == {"CT1": CandidateDecision.CONFIRMED, "N1": CandidateDecision.REJECTED}
    assert "1 record confirmed" in page.locator("[data-discovery-summary]").inner_text()

    page.get_by_label("Who must the information not go to?").fill("Sam Doe")
    page.get_by_label("The condition").fill("Never give my address to my former partner")
    follow(page, page.get_by_role("button", name="Record the condition"))
    assert "Do not share with Sam Doe" in page.locator("[data-condition]").inner_text()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the search record (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
