"""Attachments: checked by type and size, stored encrypted under random names, each download audited."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.casework import attachments
from pledge.casework.record_models import AttachmentKind, CaseAttachment
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import PDF, docx, pdf
from pledge.core.models import AuditEvent
from pledge.core.uploads import UploadRejectedError

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today):
    today(date(2026, 6, 20))
    return make_case(received_on=date(2026, 6, 10))


def test_it_attaches_a_document_with_its_type_size_and_uploader(case, caseworker, private_files) -> None:
    attachment = attachments.add_attachment(
        case=case, kind=AttachmentKind.SEARCH_RESULT, upload=docx("../../Revenues search.docx"), actor=caseworker
    )
    assert (attachment.original_name, attachment.type_label, attachment.uploaded_by) == (
        "Revenues search.docx",
        "Word document",
        caseworker,
    )
    assert attachment.stored_name.startswith("attachments/") and "Revenues" not in attachment.stored_name
    assert (private_files / attachment.stored_name).exists()
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == f"Attachment {attachment.pk} added (document found in a search)"


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("message.eml", b"From: someone@example.com\nSubject: my request\n\nHello"),
        SimpleUploadedFile("figures.csv", b"system,records\nrevenues,3\n"),
        SimpleUploadedFile("note.txt", "Caf\u00e9 notes".encode()),
    ],
)
def test_it_accepts_each_text_type(case, caseworker, upload) -> None:
    attachments.add_attachment(case=case, kind=AttachmentKind.CORRESPONDENCE, upload=upload, actor=caseworker)
    assert CaseAttachment.objects.count() == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("tool.exe", b"MZ\x90\x00"), "must be a PDF, PNG image, JPEG image, Word document"),
        (SimpleUploadedFile("page.pdf", b"<html><script>alert(1)</script></html>"), "is not a real PDF"),
        (SimpleUploadedFile("sheet.xlsx", docx().read()), "is not a real Excel spreadsheet"),
    ],
)
def test_it_refuses_the_wrong_type_and_keeps_no_file(case, caseworker, private_files, upload, message) -> None:
    with pytest.raises(UploadRejectedError, match=message):
        attachments.add_attachment(case=case, kind=AttachmentKind.CORRESPONDENCE, upload=upload, actor=caseworker)
    assert not CaseAttachment.objects.exists()
    assert not [p for p in private_files.rglob("*") if p.is_file()]


def test_it_refuses_an_oversized_file(case, caseworker, settings) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(UploadRejectedError, match="smaller than 1 KB"):
        attachments.add_attachment(
            case=case, kind=AttachmentKind.RESPONSE, upload=pdf(body=PDF + b"0" * 2000), actor=caseworker
        )


def test_the_same_file_sent_twice_is_attached_once(case, caseworker, private_files) -> None:
    attachments.add_attachment(case=case, kind=AttachmentKind.CORRESPONDENCE, upload=pdf(), actor=caseworker)
    with pytest.raises(CaseworkError, match="already attached"):
        attachments.add_attachment(case=case, kind=AttachmentKind.CORRESPONDENCE, upload=pdf(), actor=caseworker)
    assert CaseAttachment.objects.count() == 1
    assert len([p for p in private_files.rglob("*") if p.is_file()]) == 1


def test_opening_an_attachment_writes_an_audit_row(case, caseworker) -> None:
    attachment = attachments.add_attachment(case=case, kind=AttachmentKind.RESPONSE, upload=pdf(), actor=caseworker)
    with attachments.open_attachment(attachment=attachment, actor=caseworker) as stream:
        assert stream.read() == PDF
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert (event.action, event.summary) == ("view", f"Attachment {attachment.pk} downloaded")
