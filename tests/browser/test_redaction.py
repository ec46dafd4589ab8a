"""Redaction review in a real browser without JavaScript: a caseworker redacts a neighbour's details, releases the
requester's own, adds a redaction, approves, and the download has the redacted text removed (P042)."""

import io
from datetime import date

import pytest
from pypdf import PdfReader

from pledge.casework.tests.factories import make_case
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.redaction import services
from pledge.redaction.models import DocumentKind
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, sign_in

pytestmark = pytest.mark.browser
NOTE = "Zebedee Unusualname said his neighbour Kevin Walsh took the keys."


@pytest.fixture
def document(transactional_db: None):
    caseworker = User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    case = make_case(received_on=date(2026, 3, 2), actor=caseworker)
    return services.add_document(
        case=case, title="Visit note", text=NOTE, kind=DocumentKind.CASE_NOTE, actor=caseworker
    )


def test_a_caseworker_reviews_approves_and_downloads_a_redacted_pdf(
    live_server, page_without_js, assert_accessible, document
):
    page = page_without_js
    sign_in(page, live_server, username="casey")
    page.goto(live_server.url + "/staff/redaction/")
    assert_accessible(page)
    follow(page, page.get_by_role("link", name="Visit note"))
    assert_accessible(page)

    spans = [NOTE[r.start : r.end] for r in document.redactions.all()]
    card = f"#item-{spans.index('Kevin Walsh') + 1}"
    kevin = page.locator(card)
    kevin.get_by_label("Reason").fill("")
    follow(page, kevin.get_by_role("button", name="Save decision"))
    assert "Give the reason for the redaction" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)

    kevin = page.locator(card)
    kevin.get_by_label("Exemption").select_option("THIRD_PARTY")
    kevin.get_by_label("Reason").fill("Neighbour's name; no consent; not reasonable to disclose")
    follow(page, kevin.get_by_role("button", name="Save decision"))
    for card in page.locator(".govuk-summary-card").all():
        if "Proposed" in card.inner_text():
            card.get_by_label("Release (do not redact)").check()
            follow(page, card.get_by_role("button", name="Save decision"))

    page.get_by_label("Text to redact").fill("took the keys")
    page.get_by_label("Exemption").last.select_option("THIRD_PARTY")
    page.get_by_label("Reason").last.fill("Describes the neighbour's conduct")
    follow(page, page.get_by_role("button", name="Add redaction"))
    follow(page, page.get_by_role("button", name="Approve redactions"))
    assert "Redactions approved" in page.content()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the redacted PDF").click()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(open(download.value.path(), "rb").read())).pages)
    assert "Zebedee Unusualname" in text
    assert "Kevin" not in text and "Walsh" not in text and "took the keys" not in text
