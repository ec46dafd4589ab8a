"""DPIAs in a real browser without JavaScript: screen an activity, assess it, sign it off, then approve it (P119)."""

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import ProcessingActivity, Status
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser
MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def register(transactional_db: None) -> None:
    call_command("register", "import", str(MINIMAL))
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(status=Status.SUBMITTED)
    User.objects.create_user(username="dpo", password=PASSWORD, role=Role.DPO)


def test_the_dpo_screens_assesses_signs_off_and_then_approves(
    live_server, page_without_js, assert_accessible, register
):
    page = page_without_js
    sign_in(page, live_server, username="dpo")
    page.goto(live_server.url + "/staff/register/activities/council-tax-billing/")
    follow(page, page.get_by_role("link", name="Screen this activity for a DPIA"))
    assert_accessible(page)
    page.get_by_label("Combining, comparing or matching personal data from several sources").check()
    follow(page, page.get_by_role("button", name="Record the screening"))
    assert "Screened: DPIA required." in page.content()

    follow(page, page.get_by_role("button", name="Approve"))
    assert "Not approved: Screening says a DPIA is required" in page.content()

    follow(page, page.get_by_role("link", name="Start a DPIA"))
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Start the DPIA"))
    assert "Describe the processing and its purposes" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Describe the processing and its purposes").fill("Matching council tax and benefits")
    follow(page, page.get_by_role("button", name="Start the DPIA"))
    assert_accessible(page)

    page.get_by_label("Why is the processing necessary and proportionate?").fill("The law requires it")
    page.locator("#id_review_on").fill("2027-12-01")
    follow(page, page.get_by_role("button", name="Save the assessment"))
    page.get_by_label("Risk to people").fill("A bill goes to the wrong person")
    page.get_by_role("group", name="Likelihood of harm").get_by_label("Possible").check()
    page.get_by_role("group", name="Severity of harm").get_by_label("Significant").check()
    page.get_by_label("Measures to reduce or remove the risk").fill("Address checks")
    page.get_by_role("group", name="Likelihood after the measures").get_by_label("Remote").check()
    page.get_by_role("group", name="Severity after the measures").get_by_label("Significant").check()
    follow(page, page.get_by_role("button", name="Add the risk"))
    page.get_by_label("The DPO's advice").fill("Proceed with the checks")
    follow(page, page.get_by_role("button", name="Record the advice"))
    follow(page, page.get_by_role("button", name="Sign off the DPIA"))
    assert "signed off" in page.content()
    assert_accessible(page)

    page.goto(live_server.url + "/staff/register/activities/council-tax-billing/")
    follow(page, page.get_by_role("button", name="Approve"))
    assert ProcessingActivity.objects.get(slug="council-tax-billing").status == Status.APPROVED
