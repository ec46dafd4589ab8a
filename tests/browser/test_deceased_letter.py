"""The reply to a request about someone who has died, in a real browser without JavaScript (P048)."""

import pytest
from pypdf import PdfReader

from pledge.core.models import User
from pledge.core.roles import Role
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def caseworker(transactional_db: None) -> None:
    User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)


def test_a_caseworker_goes_from_log_a_request_to_the_letter_and_downloads_it(
    live_server, page_without_js, assert_accessible, caseworker, tmp_path
):
    page = page_without_js
    sign_in(page, live_server)
    page.goto(live_server.url + "/staff/cases/new/")
    follow(page, page.get_by_role("link", name="send the reply about someone who has died"))
    assert page.locator("h1").inner_text() == "Reply to a request about someone who has died"
    assert_accessible(page)
    follow(page, page.get_by_role("button", name="Show the letter"))
    assert "Enter the name of the person who has died" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Name of the person who made the request").fill("Wendy Example")
    page.get_by_label("Name of the person who has died").fill("Walter Example")
    follow(page, page.get_by_role("button", name="Show the letter"))
    assert "Your request about Walter Example" in page.locator(".govuk-inset-text").inner_text()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the letter as a PDF").click()
    saved = tmp_path / "letter.pdf"
    download.value.save_as(saved)
    assert "Walter Example" in "".join(p.extract_text() for p in PdfReader(saved).pages)
