"""Downloading from the portal: an attachment from private storage, logged; never someone else's file, and a
clear page after expiry or withdrawal."""

from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client

from pledge.casework.tests.factories import EMAIL, make_case
from pledge.core.models import AuditAction, AuditEvent
from pledge.rights.models import ReleaseDownload
from pledge.rights.releases import withdraw_release
from pledge.rights.tests.conftest import LONDON, PORTAL, ask_for_link, emailed_link_path, html
from pledge.rights.tests.factories import PDF, add_file, release, release_officer

pytestmark = pytest.mark.django_db


def file_url(file_id: int) -> str:
    return f"{PORTAL}files/{file_id}/"


def test_it_streams_the_file_as_an_attachment(portal_client: Client, web_case) -> None:
    response_file = release(case=web_case, names=("Council tax records.pdf",)).files.get()
    response = portal_client.get(file_url(response_file.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Council tax records.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_each_download_is_logged_with_nothing_personal(portal_client: Client, web_case) -> None:
    response_file = release(case=web_case).files.get()
    portal_client.get(file_url(response_file.pk))
    portal_client.get(file_url(response_file.pk))
    downloads = list(ReleaseDownload.objects.all())
    assert len(downloads) == 2
    assert {d.file_id for d in downloads} == {response_file.pk}
    assert downloads[0].client_hash and "127.0.0.1" not in downloads[0].client_hash
    events = AuditEvent.objects.filter(object_ref=web_case.reference, action=AuditAction.EXPORT)
    assert [e.summary for e in events] == [f"Response file {response_file.pk} downloaded from the requester portal"] * 2


def test_someone_elses_file_is_not_found(portal_client: Client, web_case) -> None:
    other = make_case(received_on=date(2026, 9, 4))
    theirs = release(case=other).files.get()
    response = portal_client.get(file_url(theirs.pk))
    assert response.status_code == 404
    assert html(response).select_one("h1").get_text() == "File not found"
    assert not ReleaseDownload.objects.exists()


def test_a_file_that_does_not_exist_is_not_found(portal_client: Client) -> None:
    assert portal_client.get(file_url(999999)).status_code == 404


def test_an_unreleased_file_is_not_found(portal_client: Client, web_case) -> None:
    assert portal_client.get(file_url(add_file(case=web_case).pk)).status_code == 404


def test_after_the_release_expires_the_file_is_gone(portal_client: Client, web_case, time_machine) -> None:
    response_file = release(case=web_case).files.get()
    later = datetime.combine(date(2026, 10, 8), time(12), tzinfo=LONDON) + timedelta(seconds=1)
    time_machine.move_to(later, tick=False)
    # The portal session has long ended; sign in again with a new link.
    client = Client()
    ask_for_link(client, reference=web_case.reference, email=EMAIL)
    client.post(emailed_link_path(web_case))
    response = client.get(file_url(response_file.pk))
    assert response.status_code == 410
    assert html(response).select_one("h1").get_text() == "This file is no longer available"
    assert "no longer available to download" in html(client.get(f"{PORTAL}your-request/")).get_text()
    assert not ReleaseDownload.objects.exists()


def test_a_withdrawn_release_is_gone(portal_client: Client, web_case) -> None:
    done = release(case=web_case)
    withdraw_release(release=done, reason="Sent in error", actor=release_officer())
    response = portal_client.get(file_url(done.files.get().pk))
    assert response.status_code == 410
    assert not ReleaseDownload.objects.exists()


def test_downloads_need_a_portal_session(client: Client, web_case) -> None:
    response_file = release(case=web_case).files.get()
    response = client.get(file_url(response_file.pk))
    assert (response.status_code, response["Location"]) == (302, PORTAL)


def test_a_file_missing_from_storage_is_not_a_server_error(portal_client: Client, web_case, private_files) -> None:
    response_file = release(case=web_case).files.get()
    (private_files / response_file.storage_name).unlink()
    assert portal_client.get(file_url(response_file.pk)).status_code == 404
