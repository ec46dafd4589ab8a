"""The case page's identity, evidence, attachment, note and search sections, worked through their forms."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from pledge.casework import identity, search_tasks, services
from pledge.casework.models import Proof
from pledge.casework.record_models import CaseAttachment, CaseNote, IdentityCheck, IdentityEvidence, SearchState
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import PDF, activities_with_systems, make_representative_case, pdf, png
from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.register.models import System

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today):
    today(date(2026, 9, 10))
    return make_case(received_on=date(2026, 9, 3))


@pytest.fixture
def staff(client_as):
    return client_as(Role.CASEWORKER)


def _url(name: str, case, **more) -> str:
    return reverse(f"cases:{name}", kwargs={"pk": case.pk, **more})


def _errors(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html and "<title>Error:" in html
    return html


def test_the_case_page_shows_every_section_and_its_forms_to_caseworkers(case, staff) -> None:
    html = staff.get(_url("case", case)).content.decode()
    for heading in ("Identity verification", "ID and authority evidence", "Attachments", "Notes", "Searches"):
        assert heading in html
    for button in ("Record the identity check", "Upload the evidence", "Attach the document", "Add the note"):
        assert button in html
    assert 'enctype="multipart/form-data"' in html


def test_an_auditor_sees_the_sections_without_forms(case, client_as) -> None:
    html = client_as(Role.AUDITOR).get(_url("case", case)).content.decode()
    assert "Attachments" in html and "Attach the document" not in html and "Add the note" not in html


def test_a_caseworker_attaches_a_document_and_it_is_listed(case, staff) -> None:
    response = staff.post(
        _url("add_attachment", case), {"attachment-kind": "correspondence", "attachment-file": pdf("Reply.pdf")}
    )
    assert response.status_code == 302 and response["Location"].endswith("#attachments")
    attachment = CaseAttachment.objects.get()
    html = staff.get(_url("case", case)).content.decode()
    assert "Document attached." in html
    assert "Reply.pdf" in html and "Correspondence" in html and "1 KB" in html and "caseworker-person" in html
    assert _url("attachment", case, attachment_pk=attachment.pk) in html


def test_a_download_is_an_attachment_under_the_cleaned_name_and_is_audited(case, staff) -> None:
    staff.post(
        _url("add_attachment", case),
        {"attachment-kind": "response", "attachment-file": pdf('..\\evil"name<>.pdf')},
    )
    attachment = CaseAttachment.objects.get()
    response = staff.get(_url("attachment", case, attachment_pk=attachment.pk))
    assert response.content == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="evilname.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEvent.objects.filter(object_ref=case.reference, summary__endswith="downloaded").count() == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "The selected file must be a PDF"),
        (SimpleUploadedFile("letter.pdf", b"<html></html>"), "The selected file is not a real PDF"),
        (None, "Select a file"),
    ],
)
def test_a_refused_upload_shows_the_error_summary_and_saves_nothing(case, staff, private_files, upload, message):
    data = {"attachment-kind": "correspondence"} | ({"attachment-file": upload} if upload else {})
    html = _errors(staff.post(_url("add_attachment", case), data))
    assert message in html
    assert 'href="#id_attachment-file"' in html
    assert not CaseAttachment.objects.exists()
    assert not [p for p in private_files.rglob("*") if p.is_file()]


def test_an_oversized_upload_is_refused(case, staff, settings) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    data = {"attachment-kind": "correspondence", "attachment-file": pdf(body=PDF + b"0" * 4000)}
    assert "The selected file must be smaller than 1 KB" in _errors(staff.post(_url("add_attachment", case), data))
    assert not CaseAttachment.objects.exists()


def test_a_note_is_added_and_shown_in_the_notes_and_the_timeline(case, staff) -> None:
    response = staff.post(_url("add_note", case), {"note-text": "Requester rang to chase"})
    assert response.status_code == 302
    html = staff.get(_url("case", case)).content.decode()
    assert html.count("Requester rang to chase") == 2  # the notes section and the timeline
    assert "Note added: Requester rang to chase" in html


def test_an_empty_note_or_a_double_submission_shows_an_error(case, staff) -> None:
    assert "Enter the note" in _errors(staff.post(_url("add_note", case), {"note-text": " "}))
    staff.post(_url("add_note", case), {"note-text": "Chased"})
    assert "This note has already been added" in _errors(staff.post(_url("add_note", case), {"note-text": "Chased"}))
    assert CaseNote.objects.count() == 1


def test_the_proof_received_action_asks_how_identity_was_checked(case, staff) -> None:
    services.ask_for_identity(case=case, on=date(2026, 9, 3), actor=None)
    url = reverse("cases:action", kwargs={"pk": case.pk, "action": "proof-received"})
    html = _errors(staff.post(url, {"proof-received-method": "document_seen", "proof-received-on": "8/9/2026"}))
    assert "Select the type of document seen" in html
    assert "How was identity or authority checked?" in html
    response = staff.post(
        url,
        {
            "proof-received-method": "document_seen",
            "proof-received-document_type": "utility_bill",
            "proof-received-on": "8/9/2026",
        },
    )
    assert response.status_code == 302
    check = IdentityCheck.objects.get()
    assert (check.document_type, check.checked_by.username, check.checked_on) == (
        "utility_bill",
        "caseworker-person",
        date(2026, 9, 8),
    )
    html = staff.get(_url("case", case)).content.decode()
    assert "Utility bill" in html and "(the clock started again)" in html


def test_a_representatives_case_shows_why_work_cannot_start(today, staff) -> None:
    today(date(2026, 9, 10))
    case = make_representative_case(received_on=date(2026, 9, 3))
    services.ask_for_clarification(case=case, on=date(2026, 9, 4), actor=None)
    assert (
        "Work cannot start until the proof of authority is recorded" in staff.get(_url("case", case)).content.decode()
    )
    url = reverse("cases:action", kwargs={"pk": case.pk, "action": "clarification-received"})
    html = _errors(staff.post(url, {"clarification-received-on": "8/9/2026"}))
    assert "record the proof of authority seen" in html


def test_an_identity_check_without_asking_is_recorded_from_the_case_page(case, staff) -> None:
    data = {"identity-check-method": "existing_account", "identity-check-on": "4/9/2026"}
    assert staff.post(_url("record_identity_check", case), data).status_code == 302
    assert IdentityCheck.objects.get().method == "existing_account"
    future = {"identity-check-method": "existing_account", "identity-check-on": "11/9/2026"}
    assert "The date cannot be in the future" in _errors(staff.post(_url("record_identity_check", case), future))


def test_evidence_is_uploaded_then_deleted_once_verified(case, staff, private_files) -> None:
    data = {"evidence-proof": "identity", "evidence-file": png()}
    assert staff.post(_url("add_evidence", case), data).status_code == 302
    evidence = IdentityEvidence.objects.get()
    assert "Record how identity or authority was checked before deleting" in _errors(
        staff.post(_url("delete_evidence", case, evidence_pk=evidence.pk))
    )
    checker = User.objects.get(username="caseworker-person")
    identity.record_identity_check(
        case=case, on=date(2026, 9, 4), method="document_seen", document_type="passport", actor=checker
    )
    assert staff.post(_url("delete_evidence", case, evidence_pk=evidence.pk)).status_code == 302
    evidence.refresh_from_db()
    assert evidence.is_deleted and not [p for p in private_files.rglob("*") if p.is_file()]
    html = staff.get(_url("case", case)).content.decode()
    assert "Deleted by staff once verified" in html
    assert staff.get(_url("evidence", case, evidence_pk=evidence.pk)).status_code == 404


def test_evidence_must_be_an_image_or_a_pdf(case, staff) -> None:
    data = {"evidence-proof": "authority", "evidence-file": SimpleUploadedFile("lpa.docx", b"PK\x03\x04")}
    assert "must be a PDF, PNG image or JPEG image" in _errors(staff.post(_url("add_evidence", case), data))
    assert not IdentityEvidence.objects.exists()


def test_evidence_downloads_as_an_attachment(case, staff) -> None:
    uploader = User.objects.create_user(username="uploader", role=Role.CASEWORKER)
    evidence = identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=pdf("licence.pdf"), actor=uploader)
    response = staff.get(_url("evidence", case, evidence_pk=evidence.pk))
    assert response["Content-Disposition"] == 'attachment; filename="licence.pdf"'
    assert response.content == PDF


def test_search_tasks_are_created_from_the_activities_and_worked(case, staff) -> None:
    case.activities.set(activities_with_systems())
    assert "Create search tasks from the activities" in staff.get(_url("case", case)).content.decode()
    assert staff.post(_url("create_search_tasks", case)).status_code == 302
    html = staff.get(_url("case", case)).content.decode()
    assert "3 search tasks created." in html and "0 of 3 systems searched" in html
    task = case.search_tasks.get(label="Housing")
    page = staff.get(_url("search_task", case, task_pk=task.pk)).content.decode()
    assert "Search of Housing" in page
    refused = staff.post(_url("search_task", case, task_pk=task.pk), {"state": "not_applicable", "note": ""})
    assert "Give the reason the search does not apply" in refused.content.decode()
    done = staff.post(_url("search_task", case, task_pk=task.pk), {"state": "not_applicable", "note": "No tenancy"})
    assert done.status_code == 302
    assert "1 of 3 systems searched" in staff.get(_url("case", case)).content.decode()


def test_the_response_is_refused_while_searches_are_to_do(case, staff) -> None:
    search_tasks.add_search_task(case=case, service=None, system=_system(), actor=None)
    url = reverse("cases:action", kwargs={"pk": case.pk, "action": "respond"})
    assert "1 search task is still to do" in _errors(staff.post(url, {"respond-on": "10/9/2026"}))
    task = case.search_tasks.get()
    search_tasks.record_search(task=task, state=SearchState.NOTHING_FOUND, note="", assignee=None, actor=None)
    assert staff.post(url, {"respond-on": "10/9/2026"}).status_code == 302


def test_a_search_is_added_one_at_a_time(case, staff) -> None:
    system = _system()
    assert "Select the service or the system" in _errors(staff.post(_url("add_search_task", case), {}))
    assert staff.post(_url("add_search_task", case), {"search-task-system": system.pk}).status_code == 302
    assert "That search is already on the case" in _errors(
        staff.post(_url("add_search_task", case), {"search-task-system": system.pk})
    )


def test_create_from_activities_without_activities_explains_itself(case, staff) -> None:
    assert "Add the processing activities" in _errors(staff.post(_url("create_search_tasks", case)))


def _system() -> System:
    return System.objects.create(slug="crm", name="CRM")


def test_a_name_outside_ascii_is_kept_in_the_download_header(case, staff) -> None:
    staff.post(_url("add_attachment", case), {"attachment-kind": "correspondence", "attachment-file": pdf("Reçu.pdf")})
    attachment = CaseAttachment.objects.get()
    response = staff.get(_url("attachment", case, attachment_pk=attachment.pk))
    assert response["Content-Disposition"] == "attachment; filename*=utf-8''Re%C3%A7u.pdf"
