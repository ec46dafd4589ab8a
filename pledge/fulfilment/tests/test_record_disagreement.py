"""Where the council disagrees (Art 16): the decision, reasons and the person's statement go on the record."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.casework.models import CaseKind
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.uploads import private_storage
from pledge.fulfilment.models import Disagreement, StatementAttachment
from pledge.fulfilment.services import FulfilmentError, attach_statement, open_statement_file, record_disagreement
from pledge.fulfilment.tests.factories import make_case

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"


@pytest.fixture
def case(today, register):
    today(date(2026, 12, 10))
    return make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))


def _disagree(case, system, actor, **changes):
    values = {
        "reasons": "The assessment records the officer's professional opinion at the time",
        "statement": "I do not accept that I was rude to the officer",
        "record_reference": "HSG-77",
        "decided_on": date(2026, 12, 9),
    }
    values.update(changes)
    return record_disagreement(case=case, system=system, actor=actor, **values)


def test_it_records_the_decision_and_attaches_the_statement_to_the_record(case, housing, caseworker) -> None:
    disagreement = _disagree(case, housing, caseworker)

    assert disagreement.decided_by == caseworker
    assert disagreement.statement == "I do not accept that I was rude to the officer"
    attachment = StatementAttachment.objects.get()
    assert (attachment.disagreement, attachment.system, attachment.record_reference) == (
        disagreement,
        housing,
        "HSG-77",
    )
    event = AuditEvent.objects.filter(object_ref=case.reference).first()
    assert event.summary == f"Disagreement {disagreement.pk} recorded: statement attached in Housing system"


def test_it_keeps_an_uploaded_copy_encrypted_in_private_storage(case, housing, caseworker, private_files) -> None:
    upload = SimpleUploadedFile("My statement.pdf", PDF, content_type="application/pdf")

    disagreement = _disagree(case, housing, caseworker, statement_file=upload)

    assert disagreement.statement_file.startswith("statements/")
    assert "statement" not in disagreement.statement_file.removeprefix("statements/").lower()
    assert (disagreement.statement_file_name, disagreement.statement_file_size) == ("My statement.pdf", len(PDF))
    assert (private_files / disagreement.statement_file).read_bytes() != PDF
    with open_statement_file(disagreement=disagreement, actor=caseworker) as opened:
        assert opened.read() == PDF
    assert AuditEvent.objects.filter(action=AuditAction.VIEW, summary__contains="statement file opened").count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("statement.exe", b"MZ\x90\x00", "must be a PDF, PNG image, JPEG image, Word document or text file"),
        ("statement.pdf", b"<html>not a pdf</html>", "is not a real PDF"),
        ("statement.pdf", b"", "is empty"),
    ],
)
def test_it_refuses_a_wrong_type_of_file_and_saves_nothing(
    case, housing, caseworker, private_files, name, content, message
) -> None:
    with pytest.raises(FulfilmentError, match=message) as refused:
        _disagree(case, housing, caseworker, statement_file=SimpleUploadedFile(name, content))

    assert refused.value.field == "statement_file"
    assert Disagreement.objects.count() == 0
    assert not private_files.exists() or not any(private_files.rglob("*.*"))


def test_it_refuses_an_oversized_file(case, housing, caseworker, settings) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    big = SimpleUploadedFile("statement.txt", b"a" * 2048)

    with pytest.raises(FulfilmentError, match="must be smaller than 1 KB"):
        _disagree(case, housing, caseworker, statement_file=big)
    assert Disagreement.objects.count() == 0


def test_it_removes_the_stored_file_when_the_save_fails(case, housing, caseworker, private_files, monkeypatch) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(StatementAttachment.objects, "create", broken)

    with pytest.raises(RuntimeError):
        _disagree(case, housing, caseworker, statement_file=SimpleUploadedFile("s.pdf", PDF))

    assert Disagreement.objects.count() == 0
    assert not any(path.is_file() for path in private_files.rglob("*"))


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"reasons": " "}, "reasons"),
        ({"statement": ""}, "statement"),
        ({"decided_on": date(2026, 12, 25)}, "decided_on"),
    ],
)
def test_it_refuses_an_incomplete_decision(case, housing, caseworker, changes, field) -> None:
    with pytest.raises(FulfilmentError) as refused:
        _disagree(case, housing, caseworker, **changes)
    assert refused.value.field == field
    assert Disagreement.objects.count() == 0


def test_it_refuses_the_same_statement_twice(case, housing, caseworker) -> None:
    _disagree(case, housing, caseworker)
    with pytest.raises(FulfilmentError, match="already recorded"):
        _disagree(case, housing, caseworker)


def test_the_statement_can_be_attached_in_more_systems_once_each(case, housing, revenues, caseworker) -> None:
    disagreement = _disagree(case, housing, caseworker)

    attach_statement(
        disagreement=disagreement,
        system=revenues,
        record_reference="CT-1",
        attached_on=date(2026, 12, 10),
        actor=caseworker,
    )
    with pytest.raises(FulfilmentError, match="already attached"):
        attach_statement(
            disagreement=disagreement,
            system=revenues,
            record_reference="CT-1",
            attached_on=date(2026, 12, 10),
            actor=caseworker,
        )

    assert [a.system.slug for a in disagreement.attachments.all()] == ["housing-system", "revenues-system"]


def test_a_statement_cannot_be_attached_before_the_decision(case, housing, revenues, caseworker) -> None:
    disagreement = _disagree(case, housing, caseworker)
    with pytest.raises(FulfilmentError, match="before the decision"):
        attach_statement(
            disagreement=disagreement,
            system=revenues,
            record_reference="CT-1",
            attached_on=date(2026, 12, 8),
            actor=caseworker,
        )


def test_opening_a_statement_that_has_no_file_is_refused(case, housing, caseworker) -> None:
    disagreement = _disagree(case, housing, caseworker)
    with pytest.raises(FulfilmentError, match="No copy"):
        open_statement_file(disagreement=disagreement, actor=caseworker)
    assert not private_storage().exists("statements")


def test_a_repeated_statement_with_a_file_keeps_only_the_first_file(case, housing, caseworker, private_files) -> None:
    _disagree(case, housing, caseworker, statement_file=SimpleUploadedFile("s.pdf", PDF))

    with pytest.raises(FulfilmentError, match="already recorded"):
        _disagree(case, housing, caseworker, statement_file=SimpleUploadedFile("s.pdf", PDF))

    assert len([p for p in private_files.rglob("*") if p.is_file()]) == 1
