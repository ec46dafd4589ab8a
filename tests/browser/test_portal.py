"""The requester portal in a browser: ask for a link, open it, see the status, download the response, sign out;
staff upload and release the response. JavaScript off for every form, and axe on every page."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page

from pledge.casework.record_models import IdentityEvidence
from pledge.casework.services import ask_for_identity, extend_deadline
from pledge.casework.tests.factories import EMAIL, make_case
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.rights.models import ReleaseDownload
from pledge.rights.tests.conftest import emailed_link_path
from pledge.rights.tests.factories import PDF, identity_checked, release
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
PASSWORD = "a-long-enough-password"


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    """10 September 2026, a week after the request arrived (its reply-by date is spec §1.3 vector 3)."""
    time_machine.move_to(datetime.combine(date(2026, 9, 10), time(12), tzinfo=LONDON), tick=True)


@pytest.fixture
def case(transactional_db):
    return make_case(received_on=date(2026, 9, 3))


def ask_for_a_link(page: Page, live_server, case, assert_accessible) -> None:
    page.goto(live_server.url + "/your-rights/")
    follow(page, page.get_by_role("link", name="Check your request"))
    assert page.locator("h1").inner_text() == "Check your request"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Send me a link"))
    assert "Enter your reference number" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    page.get_by_label("Reference number").fill(case.reference.lower())
    page.get_by_label("Email address").fill(EMAIL)
    follow(page, page.get_by_role("button", name="Send me a link"))
    assert page.locator("h1").inner_text() == "Check your email"
    assert "If these details match a request, we have sent a link" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_whole_portal_path_works_with_javascript_off(live_server, page_without_js, assert_accessible, case):
    extend_deadline(case=case, reason="Your records are in four services", actor=None, on=date(2026, 9, 10))
    released = release(case=case, names=("Council tax records.pdf",)).files.get()
    page = page_without_js
    ask_for_a_link(page, live_server, case, assert_accessible)

    link = emailed_link_path(case)
    page.goto(live_server.url + link)
    assert page.locator("h1").inner_text() == "Open your request"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Continue"))

    main = page.locator("main").inner_text()
    assert page.locator("h1").inner_text() == "Your request"
    assert case.reference in main
    assert "Get a copy of the information you hold about me" in main
    assert "3 September 2026" in main
    assert "In progress: we need more time" in main
    assert "Your records are in four services" in main
    assert link not in page.url and "@" not in page.url
    assert_accessible(page)

    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download Council tax records.pdf").click()
    download = downloading.value
    assert download.suggested_filename == "Council tax records.pdf"
    with open(download.path(), "rb") as saved:
        assert saved.read() == PDF
    assert ReleaseDownload.objects.get().file == released

    follow(page, page.get_by_role("button", name="Sign out"))
    assert page.locator("h1").inner_text() == "You have signed out"
    assert_accessible(page)
    page.goto(live_server.url + "/your-rights/check-your-request/your-request/")
    assert page.locator("h1").inner_text() == "Check your request"

    page.goto(live_server.url + link)  # the link was used
    assert page.locator("h1").inner_text() == "This link does not work"
    assert_accessible(page)


def test_the_portal_pages_pass_axe_with_javascript_on(live_server, page, assert_accessible, case):
    page.goto(live_server.url + "/your-rights/check-your-request/")
    assert_accessible(page)
    page.get_by_label("Reference number").fill(case.reference)
    page.get_by_label("Email address").fill(EMAIL)
    follow(page, page.get_by_role("button", name="Send me a link"))
    assert_accessible(page)
    page.goto(live_server.url + emailed_link_path(case))
    follow(page, page.get_by_role("button", name="Continue"))
    assert page.locator("h1").inner_text() == "Your request"
    assert "When our response is ready we will email you" in page.locator("main").inner_text()
    assert_accessible(page)
    page.goto(live_server.url + "/your-rights/check-your-request/files/999/")
    assert page.locator("h1").inner_text() == "File not found"
    assert_accessible(page)


def test_a_gone_file_page_passes_axe(live_server, page_without_js, assert_accessible, case):
    from pledge.rights.releases import withdraw_release

    done = release(case=case)
    withdraw_release(release=done, reason="Wrong file", actor=done.released_by)
    page = page_without_js
    page.goto(live_server.url + "/your-rights/check-your-request/")
    page.get_by_label("Reference number").fill(case.reference)
    page.get_by_label("Email address").fill(EMAIL)
    follow(page, page.get_by_role("button", name="Send me a link"))
    page.goto(live_server.url + emailed_link_path(case))
    follow(page, page.get_by_role("button", name="Continue"))
    page.goto(f"{live_server.url}/your-rights/check-your-request/files/{done.files.get().pk}/")
    assert page.locator("h1").inner_text() == "This file is no longer available"
    assert_accessible(page)


def test_staff_upload_and_release_the_response_with_javascript_off(
    live_server, page_without_js, assert_accessible, case, tmp_path
):
    User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    identity_checked(case)
    page = page_without_js
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    assert "Nothing has been released to the requester yet." in page.locator("main").inner_text()
    follow(page, page.get_by_role("link", name="Upload and release response files"))
    assert page.locator("h1").inner_text() == "Response files"
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Add file"))
    assert "Select a file to upload" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    wrong = tmp_path / "records.pdf"
    wrong.write_bytes(b"<html>not a pdf</html>")
    page.get_by_label("Upload a response file").set_input_files(str(wrong))
    follow(page, page.get_by_role("button", name="Add file"))
    assert "The selected file is not a real PDF" in page.locator(".govuk-error-summary").inner_text()

    good = tmp_path / "Council tax records.pdf"
    good.write_bytes(PDF)
    page.get_by_label("Upload a response file").set_input_files(str(good))
    follow(page, page.get_by_role("button", name="Add file"))
    assert "File added." in page.content()
    confirm = page.get_by_label("Type the requester's email address to confirm")
    confirm.fill("someone.else@example.com")
    follow(page, page.get_by_role("button", name="Release the response"))
    assert "does not match the one on the case" in page.locator(".govuk-error-summary").inner_text()
    assert not case.releases.exists()
    assert_accessible(page)
    page.get_by_label("Type the requester's email address to confirm").fill(EMAIL.upper())
    follow(page, page.get_by_role("button", name="Release the response"))
    assert "Response released to the requester portal until 8 October 2026" in page.content()
    assert_accessible(page)

    page.get_by_label("Why are you withdrawing these files?").fill("Sent the wrong year")
    follow(page, page.get_by_role("button", name="Withdraw these files"))
    assert "Release withdrawn." in page.content()
    assert "Withdrawn" in page.locator("main").inner_text()
    assert_accessible(page)
    follow(page, page.get_by_role("link", name=f"Back to case {case.reference}"))
    assert "Nothing is available to the requester now" in page.locator("main").inner_text()
    assert_accessible(page)


def test_the_requester_sends_proof_of_identity_with_javascript_off(
    live_server, page_without_js, assert_accessible, case, tmp_path
):
    ask_for_identity(case=case, on=date(2026, 9, 10), actor=None)
    page = page_without_js
    page.goto(live_server.url + "/your-rights/check-your-request/")
    page.get_by_label("Reference number").fill(case.reference)
    page.get_by_label("Email address").fill(EMAIL)
    follow(page, page.get_by_role("button", name="Send me a link"))
    page.goto(live_server.url + emailed_link_path(case))
    follow(page, page.get_by_role("button", name="Continue"))
    assert "Send us proof of identity or authority" in page.locator("main").inner_text()
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Send file"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Select what you are sending" in summary and "Select a file to upload" in summary
    assert_accessible(page)

    wrong = tmp_path / "passport.pdf"
    wrong.write_bytes(b"<html>not a pdf</html>")
    page.get_by_label("Proof of your identity").check()
    page.get_by_label("Upload a file").set_input_files(str(wrong))
    follow(page, page.get_by_role("button", name="Send file"))
    assert "The selected file is not a real PDF" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    good = tmp_path / "driving licence.pdf"
    good.write_bytes(PDF)
    page.get_by_label("Proof of your identity").check()
    page.get_by_label("Upload a file").set_input_files(str(good))
    follow(page, page.get_by_role("button", name="Send file"))
    assert "We have received your file" in page.locator("main").inner_text()
    assert_accessible(page)
    assert IdentityEvidence.objects.get(case=case).original_name == "driving licence.pdf"
