"""One request the whole way through, in a real browser with JavaScript off and axe on every page.

A resident asks for their information on the public site; a caseworker finds it on the deadline dashboard with
the due date the statutory clock gives, checks the requester's identity, chooses the register activities and team,
searches every system, adds a note and an attachment, sends the response letter by email, records the response,
uploads and releases the copy; the resident gets a link from the portal and downloads it; and the case's audit
trail, on the page and in the database, shows every step.
"""

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page

from pledge.calendars.services import current_calendar
from pledge.casework.letter_email import email_issued_letter
from pledge.casework.models import Case, default_nation
from pledge.casework.record_models import CaseAttachment, SearchState, SearchTask
from pledge.casework.states import CaseState
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditAction, AuditEvent, User
from pledge.core.roles import Role
from pledge.law.calendar import Nation
from pledge.law.deadlines import statutory_deadline
from pledge.register.models import System
from pledge.rights.models import ReleaseDownload, ResponseFile
from pledge.rights.tasks import send_response_ready
from pledge.rights.tests.conftest import emailed_link_path
from pledge.rights.tests.factories import PDF
from tests.browser.conftest import follow
from tests.browser.journeys import PASSWORD, run_queued, sign_in

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
RECEIVED = date(2026, 9, 3)
NAME = "Zebedee Unusualname"
EMAIL = "zebedee.unusualname@example.com"
NOTE = "Council tax and support records found in both systems"
ATTACHMENT = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    """Noon in London on a day the shipped bank-holiday calendar covers; the live server shares this clock."""
    time_machine.move_to(datetime.combine(RECEIVED, time(12), tzinfo=LONDON), tick=True)


@pytest.fixture
def caseworker(transactional_db: None) -> User:
    register = build_register()
    register.billing.systems.set(
        [System.objects.create(slug="revenues", name="Revenues system"), System.objects.create(slug="docs", name="DMS")]
    )
    return User.objects.create_user(username="casey", password=PASSWORD, role=Role.CASEWORKER)


def due_date() -> date:
    """The reply-by date of an access request received on RECEIVED, from the statutory clock (spec §1.2)."""
    return statutory_deadline(received=RECEIVED, calendar=current_calendar(Nation(default_nation()))).due


def long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def checked(page: Page, assert_accessible) -> None:
    page.wait_for_load_state("load")
    assert_accessible(page)


def make_the_request(page: Page, live_server, assert_accessible) -> tuple[str, str]:
    """Answer every question of the public journey for oneself and send it; the reference and reply-by text."""
    page.goto(live_server.url + "/your-rights/")
    checked(page, assert_accessible)
    follow(page, page.get_by_role("button", name="Start now"))
    checked(page, assert_accessible)
    page.get_by_label("Get a copy of the information you hold about me").check()
    follow(page, page.get_by_role("button", name="Continue"))
    checked(page, assert_accessible)
    page.get_by_label("For myself").check()
    follow(page, page.get_by_role("button", name="Continue"))
    checked(page, assert_accessible)
    page.get_by_label("What is your name?").fill(NAME)
    follow(page, page.get_by_role("button", name="Continue"))
    checked(page, assert_accessible)
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Postal address").fill("1 High Street\nAnytown")
    follow(page, page.get_by_role("button", name="Continue"))
    checked(page, assert_accessible)
    page.get_by_label("Describe your request").fill("Everything about my council tax and council tax support")
    follow(page, page.get_by_role("button", name="Continue"))
    assert page.locator("h1").inner_text() == "Check your answers before sending your request"
    checked(page, assert_accessible)
    follow(page, page.get_by_role("button", name="Send request"))
    panel = page.locator(".govuk-panel--confirmation")
    assert panel.locator("h1").inner_text() == "Request sent"
    checked(page, assert_accessible)
    found = re.search(r"RR-[0-9A-Z-]+", panel.inner_text())
    assert found is not None, panel.inner_text()
    reply_by = re.search(r"We will reply by ([^.]+)\.", page.locator("main").inner_text())
    assert reply_by is not None
    return found.group(0), reply_by.group(1)


def find_it_on_the_dashboard(page: Page, live_server, reference: str, assert_accessible) -> None:
    sign_in(page, live_server)
    follow(page, page.get_by_role("link", name="Cases"))
    assert page.locator("h1").inner_text() == "Rights requests"
    row = page.locator("tbody tr", has=page.get_by_role("link", name=reference))
    cells = row.locator("td").all_inner_texts()
    assert cells[:2] == ["Access to personal data (subject access)", "Received"], cells
    assert cells[4] == f"{due_date():%-d %b %Y}", cells
    checked(page, assert_accessible)
    follow(page, row.get_by_role("link", name=reference))
    assert page.locator("h1").inner_text() == f"Case {reference}"
    checked(page, assert_accessible)


def check_identity_and_choose_scope(page: Page, assert_accessible) -> None:
    page.get_by_label("Details matching what the council already holds").check()
    follow(page, page.get_by_role("button", name="Record the identity check"))
    assert "Details matching what the council already holds" in page.locator("[data-identity-checks]").inner_text()
    assert "In progress" in page.locator("main").inner_text()  # the check starts the work; the due date stays
    checked(page, assert_accessible)
    follow(page, page.get_by_role("link", name="Choose activities and team"))
    assert page.locator("h1").inner_text() == "What the request concerns"
    checked(page, assert_accessible)
    page.get_by_label("Billing and collecting council tax").check()
    page.get_by_label("Council tax support").check()
    page.get_by_label("Team working the request").select_option(label="Council tax")
    follow(page, page.get_by_role("button", name="Save activities and team"))
    assert "Activities and team saved." in page.content()
    checked(page, assert_accessible)


def search_every_system(page: Page, assert_accessible) -> int:
    """Create the search tasks from the activities and record each one searched; how many there were."""
    follow(page, page.get_by_role("button", name="Create search tasks from the activities"))
    labels = page.locator("[data-search-tasks] a").all_inner_texts()
    assert labels, "no search tasks were created"
    assert len(labels) > 1, labels
    assert page.locator("[data-search-progress]").inner_text() == f"0 of {len(labels)} systems searched"
    checked(page, assert_accessible)
    for done, label in enumerate(labels, start=1):
        follow(page, page.locator("[data-search-tasks]").get_by_role("link", name=label, exact=True))
        assert page.locator("h1").inner_text() == f"Search of {label}"
        checked(page, assert_accessible)
        page.get_by_label("Searched and found data").check()
        page.get_by_label("Who is searching").select_option(label="casey")
        follow(page, page.get_by_role("button", name="Save the search"))
        assert page.locator("[data-search-progress]").inner_text() == f"{done} of {len(labels)} systems searched"
    checked(page, assert_accessible)
    return len(labels)


def add_a_note_and_an_attachment(page: Page, assert_accessible) -> None:
    page.get_by_label("Note", exact=True).fill(NOTE)
    follow(page, page.get_by_role("button", name="Add the note"))
    assert NOTE in page.locator("[data-notes]").inner_text()
    checked(page, assert_accessible)
    page.get_by_label("Correspondence", exact=True).check()
    page.get_by_label("Document to attach").set_input_files(
        {"name": "Request email.pdf", "mimeType": "application/pdf", "buffer": ATTACHMENT}
    )
    follow(page, page.get_by_role("button", name="Attach the document"))
    assert "Document attached." in page.content()
    assert "Request email.pdf" in page.locator("[data-attachments]").inner_text()
    checked(page, assert_accessible)


def send_the_response_letter(page: Page, reference: str, assert_accessible) -> None:
    follow(page, page.get_by_role("link", name="Response to the request"))
    letter = page.locator("[data-letter]").inner_text()
    for art_15_item in (
        "We confirm that we hold personal information about you",  # Art 15(1): confirmation and a copy
        "Why we use it: to bill and collect council tax",  # (a) purposes
        "The kinds of information: ",  # (b) categories
        "Who we share it with, including organisations that process it for us: ",  # (c) recipients
        "How long we keep it: ",  # (d) retention
        "you have the right to",  # (e) rectification, erasure, restriction, objection
        "Information Commissioner",  # (f) the right to complain to the ICO
        "Where it comes from (not all of it came from you): you; Department for Work and Pensions",  # (g)
        "recalculates your support from the published income bands",  # (h) automated decision logic
        "Sent outside the UK: ",  # Art 15(2) safeguards for the printer abroad
    ):
        assert art_15_item in letter, art_15_item
    checked(page, assert_accessible)
    responded_too = page.get_by_label("Also record the case as responded to today")
    assert responded_too.is_checked()  # the usual way; here the response is recorded from the case page instead
    responded_too.uncheck()
    follow(page, page.get_by_role("button", name="Send by email"))
    assert "Letter queued to be emailed to the requester" in page.content()
    assert Case.objects.get(reference=reference).state != CaseState.RESPONDED
    checked(page, assert_accessible)
    assert mail.outbox == []  # queued for the worker, not sent inline
    assert run_queued(email_issued_letter) == [1]
    (emailed,) = mail.outbox
    assert emailed.to == [EMAIL]
    assert reference in emailed.subject
    assert "Why we use it: to work out council tax support" in emailed.body
    mail.outbox.clear()


def record_the_response(page: Page, live_server, case: Case, assert_accessible) -> None:
    page.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    follow(page, page.get_by_role("button", name="Record the response"))
    assert "Response recorded." in page.content()
    assert Case.objects.get(pk=case.pk).state == CaseState.RESPONDED
    checked(page, assert_accessible)


def release_the_response(page: Page, case: Case, tmp_path, assert_accessible) -> None:
    follow(page, page.get_by_role("link", name="Upload and release response files"))
    assert page.locator("h1").inner_text() == "Response files"
    checked(page, assert_accessible)
    copy = tmp_path / "Your council tax records.pdf"
    copy.write_bytes(PDF)
    page.get_by_label("Upload a response file").set_input_files(str(copy))
    follow(page, page.get_by_role("button", name="Add file"))
    assert "File added." in page.content()
    checked(page, assert_accessible)
    page.get_by_label("Type the requester's email address to confirm").fill(EMAIL)
    follow(page, page.get_by_role("button", name="Release the response"))
    assert "Response released to the requester portal until" in page.content()
    checked(page, assert_accessible)
    assert run_queued(send_response_ready) == [1]
    (ready,) = mail.outbox
    assert ready.to == [EMAIL] and case.reference in ready.subject
    mail.outbox.clear()


def download_it_from_the_portal(page: Page, live_server, case: Case, assert_accessible) -> None:
    page.goto(live_server.url + "/your-rights/")
    follow(page, page.get_by_role("link", name="Check your request"))
    checked(page, assert_accessible)
    page.get_by_label("Reference number").fill(case.reference)
    page.get_by_label("Email address").fill(EMAIL)
    follow(page, page.get_by_role("button", name="Send me a link"))
    assert page.locator("h1").inner_text() == "Check your email"
    checked(page, assert_accessible)
    page.goto(live_server.url + emailed_link_path(case))
    assert page.locator("h1").inner_text() == "Open your request"
    checked(page, assert_accessible)
    follow(page, page.get_by_role("button", name="Continue"))
    main = page.locator("main").inner_text()
    assert page.locator("h1").inner_text() == "Your request"
    assert case.reference in main
    assert "Replied" in main and "We have replied to your request." in main
    assert long_date(RECEIVED) in main
    checked(page, assert_accessible)
    with page.expect_download() as downloading:
        page.get_by_role("link", name="Download Your council tax records.pdf").click()
    with open(downloading.value.path(), "rb") as saved:
        assert saved.read() == PDF
    assert ReleaseDownload.objects.filter(file__case=case).count() == 1


def expected_trail(case: Case) -> list[tuple[str, str]]:
    """Each step's audit row on the case, (who, summary), in the order the steps were taken; numbers, never names."""
    tasks = list(SearchTask.objects.filter(case=case).values_list("pk", flat=True))  # in the order they were searched
    attachment = CaseAttachment.objects.get(case=case)
    response_file = ResponseFile.objects.get(case=case)
    until = long_date(timezone.localtime(response_file.release.expires_at).date())
    return [
        ("system", "Request logged (website)"),
        ("casey", "Proof of identity checked: Details matching what the council already holds"),
        ("casey", "Work started"),
        ("casey", "Scope set: 2 activities, team council-tax"),
        ("casey", f"{len(tasks)} search tasks created from the activities"),
        *[("casey", f"Search task {pk}: searched and found data") for pk in tasks],
        ("casey", "Note added"),
        ("casey", f"Attachment {attachment.pk} added (correspondence)"),
        ("casey", "Letter emailed to the requester: response to the request"),
        ("casey", "Response sent"),
        ("casey", f"Response file {response_file.pk} added (PDF, 1 KB)"),
        ("casey", f"Response released to the requester portal (1 file, until {until})"),
        ("system", "Link to the requester portal emailed to the requester"),
        ("system", "Requester opened the requester portal with an emailed link"),
        ("system", f"Response file {response_file.pk} downloaded from the requester portal"),
    ]


def test_a_request_made_online_is_worked_through_to_a_portal_download_with_every_step_audited(
    live_server, page_without_js, new_page_without_js, assert_accessible, caseworker, tmp_path
):
    reference, reply_by = make_the_request(page_without_js, live_server, assert_accessible)
    assert reply_by == long_date(due_date())
    case = Case.objects.get(reference=reference)
    assert (case.channel, case.kind, case.received_on, case.due_on) == ("web", "access", RECEIVED, due_date())

    staff = new_page_without_js()
    find_it_on_the_dashboard(staff, live_server, reference, assert_accessible)
    check_identity_and_choose_scope(staff, assert_accessible)
    search_every_system(staff, assert_accessible)
    assert set(SearchTask.objects.filter(case=case).values_list("state", flat=True)) == {SearchState.FOUND}
    add_a_note_and_an_attachment(staff, assert_accessible)
    send_the_response_letter(staff, reference, assert_accessible)
    record_the_response(staff, live_server, case, assert_accessible)
    release_the_response(staff, case, tmp_path, assert_accessible)

    download_it_from_the_portal(new_page_without_js(), live_server, case, assert_accessible)

    staff.goto(f"{live_server.url}/staff/cases/{case.pk}/")
    events = AuditEvent.objects.filter(object_type="case", object_ref=reference).exclude(action=AuditAction.VIEW)
    trail = list(events.order_by("at", "id").values_list("actor_label", "summary"))
    assert trail == expected_trail(case)
    for event in events:
        assert NAME not in str((event.summary, event.before, event.after))
        assert EMAIL not in str((event.summary, event.before, event.after))
    timeline = staff.locator("main ol.govuk-list").last.locator("li").all_inner_texts()
    assert len(timeline) == len(trail), timeline
    for shown, (who, summary) in zip(timeline, trail, strict=True):
        assert f", {who}: {summary}" in shown, (shown, summary)
    assert timeline[trail.index(("casey", "Note added"))].endswith("Note added: " + NOTE)
    checked(staff, assert_accessible)
