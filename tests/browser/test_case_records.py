"""The records on a case page in a real browser: an attachment, a note, a search task, and axe on each page.

With JavaScript on for the whole round, and the attachment and note forms again with JavaScript off.
"""

import pytest
from django.utils import timezone

from pledge.casework.models import Case, CaseKind
from pledge.casework.record_models import CaseAttachment, CaseNote, SearchState, SearchTask
from pledge.casework.services import open_request
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import System
from pledge.register.tests.factories import make_activity, make_controller, make_service
from tests.browser.conftest import follow

pytestmark = pytest.mark.browser

PASSWORD = "a-long-enough-password"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def case(transactional_db: None) -> Case:
    """An access request about council tax (two systems) and housing (no system), logged today."""
    staff = User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)
    controller = make_controller()
    tax = make_service(controller=controller)
    housing = make_service(controller=controller, slug="housing", name="Housing")
    billing = make_activity(service=tax, slug="billing")
    billing.systems.set(
        [System.objects.create(slug="revenues", name="Revenues system"), System.objects.create(slug="docs", name="DMS")]
    )
    allocations = make_activity(service=housing, slug="allocations")
    case = open_request(
        kind=CaseKind.ACCESS,
        channel="email",
        received_on=timezone.localdate(),
        requester_name="Ed Example",
        requester_email="ed@example.com",
        summary="My council tax and housing records",
        actor=staff,
    )
    case.activities.set([billing, allocations])
    return case


def sign_in_and_open(page, live_server, case: Case) -> None:
    page.goto(live_server.url + "/staff/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    follow(page, page.get_by_role("button", name="Sign in"))
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")


def test_a_caseworker_attaches_notes_and_searches_with_javascript_on(live_server, page, assert_accessible, case):
    sign_in_and_open(page, live_server, case)
    assert page.locator("h2#attachments").inner_text() == "Attachments"
    assert_accessible(page)

    page.get_by_label("Correspondence", exact=True).check()
    page.get_by_label("Document to attach").set_input_files(
        {"name": "Letter from Ed.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    follow(page, page.get_by_role("button", name="Attach the document"))
    assert "Document attached." in page.content()
    row = page.locator("[data-attachments] tbody tr").inner_text()
    assert "Letter from Ed.pdf" in row and "Correspondence" in row and "PDF" in row and "casey" in row
    assert CaseAttachment.objects.get().case_id == case.pk

    page.get_by_label("Note", exact=True).fill("Rang Ed to confirm the address")
    follow(page, page.get_by_role("button", name="Add the note"))
    assert "Rang Ed to confirm the address" in page.locator("[data-notes]").inner_text()
    assert "Note added: Rang Ed to confirm the address" in page.locator("main ol.govuk-list").last.inner_text()

    follow(page, page.get_by_role("button", name="Create search tasks from the activities"))
    assert page.locator("[data-search-progress]").inner_text() == "0 of 3 systems searched"
    assert_accessible(page)

    follow(page, page.locator("[data-search-tasks]").get_by_role("link", name="Housing"))
    assert page.locator("h1").inner_text() == "Search of Housing"
    assert_accessible(page)
    page.get_by_label("Searched and found nothing").check()
    page.get_by_label("Who is searching").select_option(label="casey")
    follow(page, page.get_by_role("button", name="Save the search"))
    assert page.locator("[data-search-progress]").inner_text() == "1 of 3 systems searched"
    task = SearchTask.objects.get(label="Housing")
    assert (task.state, task.completed_by.username) == (SearchState.NOTHING_FOUND, "casey")
    assert_accessible(page)


def test_the_attachment_and_note_forms_work_with_javascript_off(live_server, page_without_js, assert_accessible, case):
    page = page_without_js
    sign_in_and_open(page, live_server, case)
    page.get_by_label("Response document", exact=True).check()
    page.get_by_label("Document to attach").set_input_files(
        {"name": "setup.exe", "mimeType": "application/octet-stream", "buffer": b"MZ\x90\x00"}
    )
    follow(page, page.get_by_role("button", name="Attach the document"))
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "The selected file must be a PDF" in summary
    assert page.title().startswith("Error:")
    assert not CaseAttachment.objects.exists()
    assert_accessible(page)

    follow(page, page.get_by_role("button", name="Add the note"))
    assert "Enter the note" in page.locator(".govuk-error-summary").inner_text()
    page.get_by_label("Note", exact=True).fill("Posted the acknowledgement")
    follow(page, page.get_by_role("button", name="Add the note"))
    assert "Posted the acknowledgement" in page.locator("[data-notes]").inner_text()
    assert CaseNote.objects.get().text == "Posted the acknowledgement"
    assert_accessible(page)
