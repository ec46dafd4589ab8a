"""The staff release page: upload with GOV.UK errors, release, withdraw; the case page panel and download log."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pledge.casework.tests.factories import EMAIL
from pledge.core.models import AuditAction, AuditEvent, User
from pledge.core.roles import Role
from pledge.rights.models import ReleaseDownload
from pledge.rights.tests.conftest import error_links, html
from pledge.rights.tests.factories import PDF, add_file, identity_checked, release

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    user = User.objects.create_user(username="casey", password=None, role=Role.CASEWORKER)
    client = Client()
    client.force_login(user)
    return client


def page_url(case) -> str:
    return reverse("rights_staff:release", kwargs={"pk": case.pk})


def send(staff: Client, case, *, email: str = EMAIL):
    """Press "Release the response" having typed ``email`` as the requester's address."""
    return staff.post(reverse("rights_staff:send", kwargs={"pk": case.pk}), {"confirm_email": email})


def test_uploading_a_file_keeps_it_unreleased(staff: Client, web_case) -> None:
    response = staff.post(
        reverse("rights_staff:upload", kwargs={"pk": web_case.pk}), {"file": SimpleUploadedFile("records.pdf", PDF)}
    )
    assert response["Location"] == page_url(web_case)
    assert web_case.response_files.get().release is None
    assert "File added" in staff.get(page_url(web_case)).content.decode()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (None, "Select a file to upload"),
        (SimpleUploadedFile("page.html", b"<html></html>"), "The selected file must be a"),
        (SimpleUploadedFile("records.pdf", b"MZ\x90\x00"), "The selected file is not a real PDF"),
        (SimpleUploadedFile("empty.pdf", b""), "The selected file is empty"),
    ],
)
def test_a_bad_upload_shows_an_error_summary_and_saves_nothing(staff: Client, web_case, upload, message) -> None:
    data = {"file": upload} if upload is not None else {}
    response = staff.post(reverse("rights_staff:upload", kwargs={"pk": web_case.pk}), data)
    assert response.status_code == 200
    assert error_links(response)[0][0] == "#id_file"
    assert error_links(response)[0][1].startswith(message)
    assert html(response).select_one("title").get_text().startswith("Error: ")
    assert not web_case.response_files.exists()


def test_an_oversized_upload_is_refused(staff: Client, web_case, settings) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    response = staff.post(
        reverse("rights_staff:upload", kwargs={"pk": web_case.pk}),
        {"file": SimpleUploadedFile("big.pdf", PDF + b"0" * 4096)},
    )
    assert error_links(response) == [("#id_file", "The selected file must be smaller than 1 KB")]


def test_releasing_from_the_page(staff: Client, web_case) -> None:
    identity_checked(web_case)
    add_file(case=web_case)
    response = send(staff, web_case)
    assert response["Location"] == page_url(web_case)
    assert web_case.releases.count() == 1
    assert (
        "Response released to the requester portal until 8 October 2026"
        in staff.get(page_url(web_case)).content.decode()
    )


def test_releasing_nothing_shows_an_error_summary(staff: Client, web_case) -> None:
    response = send(staff, web_case)
    assert response.status_code == 200
    assert error_links(response) == [("#id_confirm_email", "Upload at least one file before releasing the response")]
    assert not web_case.releases.exists()


def test_withdrawing_needs_a_reason(staff: Client, web_case) -> None:
    done = release(case=web_case)
    url = reverse("rights_staff:withdraw", kwargs={"pk": web_case.pk, "release_id": done.pk})
    response = staff.post(url, {f"withdraw-{done.pk}-reason": ""})
    assert error_links(response) == [(f"#id_withdraw-{done.pk}-reason", "Enter why you are withdrawing the files")]
    done.refresh_from_db()
    assert done.withdrawn_at is None
    assert staff.post(url, {f"withdraw-{done.pk}-reason": "Wrong file"})["Location"] == page_url(web_case)
    done.refresh_from_db()
    assert done.withdrawal_reason == "Wrong file"


def test_staff_can_open_a_file_and_it_is_audited(staff: Client, web_case) -> None:
    response_file = add_file(case=web_case)
    response = staff.get(reverse("rights_staff:file", kwargs={"pk": web_case.pk, "file_id": response_file.pk}))
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert AuditEvent.objects.filter(object_ref=web_case.reference, action=AuditAction.VIEW).exists()
    assert not ReleaseDownload.objects.exists()  # staff looking is not the requester downloading


def test_removing_a_waiting_file(staff: Client, web_case) -> None:
    response_file = add_file(case=web_case)
    url = reverse("rights_staff:remove", kwargs={"pk": web_case.pk, "file_id": response_file.pk})
    assert staff.post(url)["Location"] == page_url(web_case)
    assert not web_case.response_files.exists()


def test_the_case_page_shows_the_release_and_the_download_log(staff: Client, web_case, portal_client: Client) -> None:
    response_file = release(case=web_case, names=("Council tax records.pdf",)).files.get()
    portal_client.get(f"/your-rights/check-your-request/files/{response_file.pk}/")
    page = html(staff.get(reverse("cases:case", kwargs={"pk": web_case.pk})))
    panel = page.select_one("#portal-release").find_parent()
    text = panel.get_text(" ", strip=True)
    assert "1 file available to the requester until 8 October 2026" in text
    rows = page.select("table caption")
    assert any("Downloads from the requester portal" in caption.get_text() for caption in rows)
    assert "Council tax records.pdf" in text
    assert page.select_one(f'a[href="{page_url(web_case)}"]').get_text() == "Upload and release response files"


def test_the_page_warns_when_the_requester_gave_no_email_address(staff: Client, web_case) -> None:
    web_case.requester_email = ""
    web_case.save()
    warning = html(staff.get(page_url(web_case))).select_one(".govuk-warning-text")
    assert "cannot use the requester portal" in warning.get_text()
    add_file(case=web_case)
    response = send(staff, web_case)
    assert error_links(response)[0][1].startswith("The requester gave no email address")
    assert not web_case.releases.exists()


def test_releasing_before_identity_is_checked_shows_an_error_summary(staff: Client, web_case) -> None:
    add_file(case=web_case)
    response = send(staff, web_case)
    assert error_links(response) == [
        ("#id_confirm_email", "Record how the requester's identity was checked before releasing anything")
    ]
    assert not web_case.releases.exists()


def test_releasing_needs_the_requester_email_address_typed(staff: Client, web_case) -> None:
    identity_checked(web_case)
    add_file(case=web_case)
    response = send(staff, web_case, email="")
    assert error_links(response) == [
        ("#id_confirm_email", "Enter the requester's email address to confirm where the response goes")
    ]
    assert not web_case.releases.exists()


def test_it_refuses_a_release_when_the_typed_address_does_not_match(staff: Client, web_case) -> None:
    identity_checked(web_case)
    add_file(case=web_case)
    response = send(staff, web_case, email="someone.else@example.com")
    assert response.status_code == 200
    (link,) = error_links(response)
    assert link[0] == "#id_confirm_email"
    assert link[1].startswith("The email address you typed does not match the one on the case")
    assert html(response).select_one("title").get_text().strip().startswith("Error:")
    assert not web_case.releases.exists()
    assert not AuditEvent.objects.filter(object_ref=web_case.reference, action=AuditAction.PUBLISH).exists()


def test_the_typed_address_may_differ_in_capitals_and_spaces(staff: Client, web_case) -> None:
    identity_checked(web_case)
    add_file(case=web_case)
    assert send(staff, web_case, email=f"  {EMAIL.upper()} ")["Location"] == page_url(web_case)
    assert web_case.releases.count() == 1
