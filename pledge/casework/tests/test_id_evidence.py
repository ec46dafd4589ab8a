"""ID evidence: an optional copy, checked by its bytes, dated for deletion from the check it supports, and deleted
by staff at once once that check is recorded."""

from datetime import date

import pytest

from pledge.casework import identity, services
from pledge.casework.models import Proof
from pledge.casework.record_models import CheckMethod, EvidenceDeletion, IdentityEvidence
from pledge.casework.services import CaseworkError
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.record_factories import PDF, pdf, png, record_passport_seen
from pledge.core.models import AuditEvent
from pledge.core.uploads import UploadRejectedError, private_storage

pytestmark = pytest.mark.django_db


def test_evidence_before_the_check_is_kept_thirty_days_from_the_check(today, caseworker, private_files) -> None:
    today(date(2026, 6, 11))
    case = make_case(received_on=date(2026, 6, 10))
    services.ask_for_identity(case=case, on=date(2026, 6, 10), actor=caseworker)
    evidence = identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)
    assert (evidence.identity_check, evidence.delete_after) == (None, date(2026, 7, 11))
    today(date(2026, 6, 15))
    record_passport_seen(case, on=date(2026, 6, 15), actor=caseworker)
    evidence.refresh_from_db()
    assert evidence.identity_check is not None
    assert evidence.delete_after == date(2026, 7, 15)


def test_evidence_after_the_check_takes_the_checks_date(today, caseworker, settings) -> None:
    settings.PLEDGE_ID_EVIDENCE_DAYS = 7
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    identity.record_identity_check(
        case=case, on=date(2026, 6, 12), method=CheckMethod.AUTHORITY_SEEN, authority_type="lpa", actor=caseworker
    )
    evidence = identity.add_evidence(case=case, proof=Proof.AUTHORITY, upload=pdf("lpa.pdf"), actor=caseworker)
    assert evidence.delete_after == date(2026, 6, 19)


def test_the_file_is_stored_encrypted_under_a_random_name(today, caseworker, private_files) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    evidence = identity.add_evidence(
        case=case, proof=Proof.IDENTITY, upload=pdf("Zebedee passport.pdf"), actor=caseworker
    )
    assert evidence.original_name == "Zebedee passport.pdf"
    assert "Zebedee" not in evidence.stored_name and evidence.stored_name.startswith("evidence/")
    on_disk = (private_files / evidence.stored_name).read_bytes()
    assert PDF not in on_disk
    with private_storage().open(evidence.stored_name) as stored:
        assert stored.read() == PDF


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (pdf("passport.docx"), "must be a PDF, PNG image or JPEG image"),
        (pdf("passport.pdf", body=b"<html>not a pdf</html>"), "is not a real PDF"),
        (pdf("passport.pdf", body=b""), "is empty"),
    ],
)
def test_it_refuses_a_file_of_the_wrong_type_and_saves_nothing(
    today, caseworker, private_files, upload, message
) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(UploadRejectedError, match=message):
        identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=upload, actor=caseworker)
    assert not IdentityEvidence.objects.exists()
    assert not list(private_files.rglob("*.*"))


def test_it_refuses_an_oversized_file(today, caseworker, settings) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(UploadRejectedError, match="smaller than 1 KB"):
        identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=pdf(body=PDF + b"0" * 2000), actor=caseworker)


def test_staff_delete_verified_evidence_at_once_and_the_record_stays(today, caseworker, private_files) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    identity.record_identity_check(
        case=case, on=date(2026, 6, 12), method=CheckMethod.DOCUMENT_SEEN, document_type="passport", actor=caseworker
    )
    evidence = identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)
    stored = private_files / evidence.stored_name
    identity.delete_evidence_now(evidence=evidence, actor=caseworker)
    assert not stored.exists()
    assert (evidence.deletion, evidence.deleted_by, evidence.stored_name, evidence.original_name) == (
        EvidenceDeletion.STAFF,
        caseworker,
        "",
        "",
    )
    assert (evidence.identity_check.checked_by, evidence.file_type, evidence.size) == (
        caseworker,
        "png",
        len(png().read()),
    )
    assert AuditEvent.objects.filter(object_ref=case.reference).first().summary == (
        f"Proof of identity evidence {evidence.pk}: Deleted by staff once verified"
    )
    with pytest.raises(CaseworkError, match="already been deleted"):
        identity.delete_evidence_now(evidence=evidence, actor=caseworker)


def test_it_keeps_evidence_until_the_check_is_recorded(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    evidence = identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)
    with pytest.raises(CaseworkError, match="before deleting the evidence"):
        identity.delete_evidence_now(evidence=evidence, actor=caseworker)
    evidence.refresh_from_db()
    assert not evidence.is_deleted


def test_a_download_is_audited_and_deleted_evidence_cannot_be_read(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    identity.record_identity_check(
        case=case, on=date(2026, 6, 12), method=CheckMethod.MATCHING_DETAILS, actor=caseworker
    )
    evidence = identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=pdf(), actor=caseworker)
    with identity.open_evidence(evidence=evidence, actor=caseworker) as stream:
        assert stream.read() == PDF
    assert AuditEvent.objects.filter(object_ref=case.reference, action="view").count() == 1
    identity.delete_evidence_now(evidence=evidence, actor=caseworker)
    with pytest.raises(CaseworkError, match="has been deleted"):
        identity.open_evidence(evidence=evidence, actor=caseworker)


def test_it_refuses_evidence_on_a_finished_case(today, caseworker) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    services.withdraw(case=case, on=date(2026, 6, 12), actor=caseworker)
    with pytest.raises(CaseworkError, match="while the request is open"):
        identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)


def test_the_same_evidence_sent_twice_is_kept_once(today, caseworker, private_files) -> None:
    today(date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)
    with pytest.raises(CaseworkError, match="already kept as evidence"):
        identity.add_evidence(case=case, proof=Proof.IDENTITY, upload=png(), actor=caseworker)
    assert IdentityEvidence.objects.count() == 1
    assert len([p for p in private_files.rglob("*") if p.is_file()]) == 1
