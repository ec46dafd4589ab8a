"""Releasing the response: checked uploads, a release with the council's expiry, the email queued, withdrawal."""

import io
import zipfile
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from pledge.casework import services
from pledge.casework.identity import record_identity_check
from pledge.casework.models import Relationship
from pledge.casework.record_models import AuthorityType, CheckMethod
from pledge.casework.tests.factories import EMAIL
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.uploads import UploadRejectedError, private_storage
from pledge.rights.releases import (
    AddressMismatchError,
    ReleaseError,
    add_response_file,
    addresses_match,
    release_response,
    remove_response_file,
    withdraw_release,
)
from pledge.rights.tests.factories import PDF, add_file, identity_checked, release, release_officer

pytestmark = pytest.mark.django_db

MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("records.pdf", PDF),
        ("letter.docx", _docx()),
        ("list.csv", b"a,b\n1,2\n"),
        ("notes.txt", b"Hello"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 16),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16),
        ("footage.mp4", MP4),
    ],
)
def test_it_accepts_the_response_file_types(web_case, private_files, name: str, content: bytes) -> None:
    response_file = add_file(case=web_case, name=name, content=content)
    assert response_file.release is None
    assert private_storage().open(response_file.storage_name).read() == content
    assert (private_files / response_file.storage_name).read_bytes() != content  # encrypted at rest
    assert name not in response_file.storage_name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("page.html", b"<html></html>", "The selected file must be a"),
        ("records.pdf", b"<html><script>alert(1)</script>", "The selected file is not a real PDF"),
        ("archive.zip", b"PK\x03\x04", "The selected file is not a real zip file"),
        ("program.exe", b"MZ\x90\x00", "The selected file must be a"),
        ("empty.pdf", b"", "The selected file is empty"),
    ],
)
def test_it_refuses_other_types_and_fakes_saving_nothing(
    web_case, private_files, name: str, content: bytes, message: str
) -> None:
    with pytest.raises(UploadRejectedError, match=message):
        add_file(case=web_case, name=name, content=content)
    assert not web_case.response_files.exists()
    assert not (private_files / "responses").exists() or not any((private_files / "responses").iterdir())


def test_documents_are_limited_to_the_upload_size_but_video_to_the_larger_one(web_case, settings) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    settings.PLEDGE_MAX_VIDEO_UPLOAD_BYTES = 10 * 1024
    with pytest.raises(UploadRejectedError, match="smaller than 1 KB"):
        add_file(case=web_case, name="big.pdf", content=PDF + b"0" * 2048)
    assert add_file(case=web_case, name="cctv.mp4", content=MP4 + b"0" * 2048).file_type == "mp4"
    with pytest.raises(UploadRejectedError, match="smaller than 10 KB"):
        add_file(case=web_case, name="cctv.mp4", content=MP4 + b"0" * 11 * 1024)


def test_a_release_lasts_the_councils_twenty_eight_days_and_takes_every_waiting_file(web_case) -> None:
    done = release(case=web_case, names=("one.pdf", "two.pdf"))
    assert done.expires_at - done.released_at == timedelta(days=28)
    assert done.files.count() == 2
    assert not web_case.response_files.filter(release__isnull=True).exists()


def test_the_release_length_follows_the_setting(web_case, settings) -> None:
    settings.PLEDGE_PORTAL_RELEASE_DAYS = 7
    done = release(case=web_case)
    assert done.expires_at - done.released_at == timedelta(days=7)


def test_releasing_is_audited_by_reference_and_queues_the_ready_email(
    web_case, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        done = release(case=web_case, names=("Zebedee's records.pdf",))
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "pledge.rights.tasks.send_response_ready"
    assert queued.args_kwargs["kwargs"] == {"release_id": done.pk}
    event = AuditEvent.objects.get(object_ref=web_case.reference, action=AuditAction.PUBLISH)
    assert event.summary == "Response released to the requester portal (1 file, until 8 October 2026)"
    assert "Zebedee" not in " ".join(AuditEvent.objects.values_list("summary", flat=True))


def test_nothing_to_release_is_refused(web_case) -> None:
    with pytest.raises(ReleaseError, match="Upload at least one file"):
        release_response(case=web_case, confirm_email=EMAIL, actor=release_officer())


def test_a_requester_without_an_email_address_cannot_be_sent_to_the_portal(web_case) -> None:
    web_case.requester_email = ""
    web_case.save()
    add_file(case=web_case)
    with pytest.raises(ReleaseError, match="no email address"):
        release_response(case=web_case, confirm_email=EMAIL, actor=release_officer())


def test_nothing_is_released_while_waiting_for_proof_of_identity(web_case) -> None:
    services.ask_for_identity(case=web_case, on=date(2026, 9, 10), actor=None)
    add_file(case=web_case)
    with pytest.raises(ReleaseError, match="proof of identity"):
        release_response(case=web_case, confirm_email=EMAIL, actor=release_officer())
    assert not web_case.releases.exists()


def test_a_withdrawn_request_takes_no_files(web_case) -> None:
    services.withdraw(case=web_case, on=date(2026, 9, 10), actor=None)
    with pytest.raises(ReleaseError, match="withdrawn"):
        add_response_file(case=web_case, upload=SimpleUploadedFile("a.pdf", PDF), actor=release_officer())


def test_withdrawing_needs_a_reason_and_happens_once(web_case) -> None:
    done = release(case=web_case)
    with pytest.raises(ReleaseError, match="Give the reason"):
        withdraw_release(release=done, reason="  ", actor=release_officer())
    withdraw_release(release=done, reason="Wrong file", actor=release_officer())
    assert done.status == "withdrawn"
    with pytest.raises(ReleaseError, match="already been withdrawn"):
        withdraw_release(release=done, reason="Again", actor=release_officer())
    event = AuditEvent.objects.filter(object_ref=web_case.reference).latest("id")
    assert event.summary == f"Release {done.pk} withdrawn from the requester portal"


def test_a_released_file_cannot_be_removed_but_a_waiting_one_can(web_case, private_files) -> None:
    released = release(case=web_case).files.get()
    with pytest.raises(ReleaseError, match="withdraw the release"):
        remove_response_file(response_file=released, actor=release_officer())
    waiting = add_file(case=web_case, name="draft.pdf")
    remove_response_file(response_file=waiting, actor=release_officer())
    assert list(web_case.response_files.all()) == [released]


def test_nothing_is_released_before_the_requesters_identity_is_checked(web_case) -> None:
    add_file(case=web_case)
    with pytest.raises(ReleaseError, match="identity was checked"):
        release_response(case=web_case, confirm_email=EMAIL, actor=release_officer())
    assert not web_case.releases.exists()


def test_nothing_is_released_to_a_representative_before_their_authority_is_checked(web_case) -> None:
    web_case.on_behalf_of = Relationship.SOLICITOR
    web_case.save()
    identity_checked(web_case)
    add_file(case=web_case)
    with pytest.raises(ReleaseError, match="proof of authority"):
        release_response(case=web_case, confirm_email=EMAIL, actor=release_officer())
    record_identity_check(
        case=web_case,
        on=date(2026, 9, 10),
        method=CheckMethod.AUTHORITY_SEEN,
        authority_type=AuthorityType.SIGNED_AUTHORITY,
        actor=release_officer(),
    )
    assert release_response(case=web_case, confirm_email=EMAIL, actor=release_officer()).files.count() == 1


def test_it_refuses_a_release_to_an_address_that_is_not_the_case_one(web_case) -> None:
    identity_checked(web_case)
    add_file(case=web_case)
    with pytest.raises(AddressMismatchError, match="does not match the one on the case"):
        release_response(case=web_case, confirm_email="zebedee@example.org", actor=release_officer())
    assert not web_case.releases.exists()
    assert web_case.response_files.get().release is None


def test_the_confirmed_address_ignores_capitals_and_surrounding_spaces() -> None:
    assert addresses_match(typed="  Jo.Bloggs@Example.COM ", on_case="jo.bloggs@example.com")
    assert not addresses_match(typed="jo.bloggs@example.co", on_case="jo.bloggs@example.com")
    assert not addresses_match(typed="", on_case="")
