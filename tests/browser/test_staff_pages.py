"""Staff pages in a real browser: sign in without JavaScript, browse and edit the register, publish, audit."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.notices.generation import ensure_notices
from pledge.register.models import ProcessingActivity, Status
from pledge.site.models import DpoEnquiry
from pledge.site.services import receive_enquiry
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"
PASSWORD = "a-long-enough-password"


@pytest.fixture
def register(transactional_db: None) -> None:
    call_command("register", "import", str(MINIMAL))
    ensure_notices()
    User.objects.create_user(username="dpo", password=PASSWORD, role=Role.DPO)
    User.objects.create_user(username="auditor", password=PASSWORD, role=Role.AUDITOR)
    receive_enquiry(name="Ann Example", email="ann@example.com", about="", message="What do you keep about me?")


def sign_in(page, live_server, username: str = "dpo") -> None:
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
    assert page.locator("h1").inner_text() == "Dashboard"


STAFF_PAGES = {
    "/staff/": "Dashboard",
    "/staff/register/": "Register of processing",
    "/staff/register/activities/council-tax-billing/": "Billing and collecting council tax",
    "/staff/register/activities/council-tax-billing/edit/": "Edit Billing and collecting council tax",
    "/staff/register/transfers/": "Personal data outside the UK",
    "/staff/notices/": "Privacy notices",
    "/staff/notices/council-tax/": "Privacy notice: Council tax",
    "/staff/notices/audit/": "Audit a privacy notice",
    "/staff/audit/": "Audit log",
    "/staff/governance/": "Governance",
    "/staff/register/controllers/": "Controllers",
    "/staff/register/controllers/testshire-council/edit/": "Change Testshire Council",
    "/staff/enquiries/": "Enquiries to the Data Protection Officer",
    "/staff/register/services/council-tax/add-activity/": "Add a processing activity",
}


def test_the_sign_in_page_passes_axe(live_server, page_without_js, assert_accessible, register):
    page_without_js.goto(live_server.url + "/staff/sign-in/")
    assert_accessible(page_without_js)


def test_a_wrong_password_shows_an_error_summary_without_javascript(live_server, page_without_js, register):
    page = page_without_js
    page.goto(live_server.url + "/staff/sign-in/")
    page.get_by_label("Username").fill("dpo")
    page.get_by_label("Password").fill("wrong")
    follow(page, page.get_by_role("button", name="Sign in"))
    assert "Enter a correct username and password" in page.locator(".govuk-error-summary").inner_text()


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_each_staff_page_has_one_heading_and_passes_axe(
    live_server, page_without_js, assert_accessible, register, path
):
    sign_in(page_without_js, live_server)
    assert page_without_js.goto(live_server.url + path).status == 200
    assert page_without_js.locator("h1").inner_text() == STAFF_PAGES[path]
    assert_accessible(page_without_js)


def test_an_auditor_is_refused_the_edit_page(live_server, page_without_js, register):
    sign_in(page_without_js, live_server, username="auditor")
    response = page_without_js.goto(live_server.url + "/staff/register/activities/council-tax-billing/edit/")
    assert response.status == 403
    assert page_without_js.locator("h1").inner_text() == "You cannot see this page"


def test_the_dpo_edits_submits_and_approves_without_javascript(live_server, page_without_js, register):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/register/activities/council-tax-billing/edit/")
    page.get_by_label("Legislation").fill("")
    follow(page, page.get_by_role("button", name="Save as draft"))
    assert "needs the legislation it rests on" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Legislation").fill(
        "Local Government Finance Act 1992\nCouncil Tax (Administration and Enforcement) Regulations 1992"
    )
    follow(page, page.get_by_role("button", name="Save as draft"))
    assert "Saved as a draft" in page.content()
    follow(page, page.get_by_role("button", name="Submit for approval"))
    follow(page, page.get_by_role("button", name="Approve"))
    activity = ProcessingActivity.objects.get(slug="council-tax-billing")
    assert activity.status == Status.APPROVED
    assert len(activity.legislation) == 2


def test_the_dpo_publishes_a_notice_without_javascript(live_server, page_without_js, register):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/notices/council-tax/")
    follow(page, page.get_by_role("button", name="Publish a new version"))
    assert "Enter what has changed" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("What has changed").fill("First published version.")
    follow(page, page.get_by_role("button", name="Publish a new version"))
    assert "Published version 1" in page.content()
    page.goto(live_server.url + "/privacy/council-tax/")
    assert page.locator("h1").inner_text() == "Privacy notice: Council tax"


def test_the_dpo_audits_an_uploaded_notice(live_server, page_without_js, register, tmp_path: Path):
    notice = tmp_path / "old-notice.txt"
    notice.write_text(
        "Privacy notice\n\nBy using this website you agree to this policy.\n"
        "We comply with the Data Protection Act 1998.\n"
    )
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/notices/audit/")
    page.get_by_label("Upload a privacy notice").set_input_files(str(notice))
    follow(page, page.get_by_role("button", name="Audit the notice"))
    assert "Results for old-notice.txt" in page.content()
    assert page.locator("table.govuk-table tbody tr").count() == 16


def test_the_audit_upload_refuses_other_file_types(live_server, page_without_js, register, tmp_path: Path):
    bad = tmp_path / "notice.exe"
    bad.write_bytes(b"MZ")
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/notices/audit/")
    page.get_by_label("Upload a privacy notice").set_input_files(str(bad))
    follow(page, page.get_by_role("button", name="Audit the notice"))
    assert "must be a .txt, .md, .html or .pdf file" in page.locator(".govuk-error-summary").inner_text()


def test_the_dpo_reads_and_closes_an_enquiry_without_javascript(
    live_server, page_without_js, assert_accessible, register
):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/enquiries/")
    follow(page, page.get_by_role("link", name="ENQ-").first)
    assert page.locator("h1").inner_text().startswith("Enquiry ENQ-")
    assert_accessible(page)
    page.get_by_label("Closed").check()
    follow(page, page.get_by_role("button", name="Save"))
    assert DpoEnquiry.objects.get().status == "closed"
