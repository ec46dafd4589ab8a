"""Proof sent through the portal (P134): checked for type and size, scanned by a real scanner command, kept
encrypted as the case's ID evidence until its deletion date, throttled, audited without names, never emailed."""

import stat
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from pledge.casework import services
from pledge.casework.models import Proof
from pledge.casework.record_models import IdentityEvidence
from pledge.casework.states import CaseState
from pledge.core.models import AuditAction, AuditEvent, User
from pledge.core.roles import Role
from pledge.core.uploads import private_storage
from pledge.rights.evidence import DAILY_LIMIT, receive_portal_evidence
from pledge.rights.tests.conftest import PORTAL, PORTAL_REQUEST, error_links, html
from pledge.rights.tests.factories import PDF

pytestmark = pytest.mark.django_db

UPLOAD = "/your-rights/check-your-request/send-proof/"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def scanner(tmp_path: Path, settings) -> None:
    """A real scanner command: files containing "EICAR" are infected, "BROKEN" make it fail."""
    script = tmp_path / "scan.py"
    script.write_text(
        f"#!{sys.executable}\nimport sys\ndata = open(sys.argv[-1], 'rb').read()\n"
        "sys.exit(1 if b'EICAR' in data else 2 if b'BROKEN' in data else 0)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    settings.PLEDGE_MALWARE_SCAN_COMMAND = f"{script} {{path}}"


@pytest.fixture
def awaiting_id(web_case):
    services.ask_for_identity(case=web_case, on=date(2026, 9, 10), actor=None)
    web_case.refresh_from_db()
    assert web_case.state == CaseState.AWAITING_ID
    return web_case


def send(client: Client, *, name: str = "passport.pdf", content: bytes = PDF, proof: str = "identity"):
    return client.post(UPLOAD, {"proof": proof, "file": SimpleUploadedFile(name, content)})


def test_the_portal_page_offers_the_upload_form_while_waiting_for_proof(awaiting_id, portal_client: Client) -> None:
    page = html(portal_client.get(PORTAL_REQUEST))
    form = page.select_one(f'form[action="{UPLOAD}"]')
    assert form is not None and form["enctype"] == "multipart/form-data"
    assert "PDF, PNG image or JPEG image" in form.get_text()
    assert "You can send it using the form below" in page.get_text()


def test_the_page_promises_a_virus_check_only_when_a_scanner_is_configured(
    settings, awaiting_id, portal_client: Client
) -> None:
    settings.PLEDGE_MALWARE_SCAN_COMMAND = ""
    assert "checked for viruses" not in html(portal_client.get(PORTAL_REQUEST)).get_text()
    settings.PLEDGE_MALWARE_SCAN_COMMAND = "clamdscan --no-summary {path}"
    assert "checked for viruses" in html(portal_client.get(PORTAL_REQUEST)).get_text()


def test_a_clean_upload_is_kept_encrypted_as_id_evidence(scanner, awaiting_id, portal_client: Client) -> None:
    mail.outbox.clear()
    response = send(portal_client, name="Zebedee passport.pdf")
    assert (response.status_code, response["Location"]) == (302, PORTAL_REQUEST)
    evidence = IdentityEvidence.objects.get(case=awaiting_id)
    assert (evidence.proof, evidence.uploaded_by, evidence.original_name) == (
        Proof.IDENTITY,
        None,
        "Zebedee passport.pdf",
    )
    assert evidence.delete_after > date(2026, 9, 10)
    with open(Path(private_storage().path(evidence.stored_name)), "rb") as raw:
        assert PDF not in raw.read()  # encrypted at rest
    with private_storage().open(evidence.stored_name, "rb") as opened:
        assert opened.read() == PDF
    assert "We have received your file" in portal_client.get(PORTAL_REQUEST).content.decode()
    summaries = list(AuditEvent.objects.filter(object_ref=awaiting_id.reference).values_list("summary", flat=True))
    assert (
        f"Proof of identity evidence {evidence.pk} sent through the requester portal (malware scan: clean)" in summaries
    )
    assert not any("Zebedee" in s or "passport" in s for s in summaries)
    assert mail.outbox == []  # never emailed to anyone


def test_staff_see_the_upload_on_the_case_page(scanner, awaiting_id, portal_client: Client) -> None:
    send(portal_client, name="Council tax bill.png", content=PNG, proof="authority")
    staff = Client()
    staff.force_login(User.objects.create_user(username="casey", password=None, role=Role.CASEWORKER))
    text = html(staff.get(reverse("cases:case", kwargs={"pk": awaiting_id.pk}))).get_text(" ", strip=True)
    assert "Council tax bill.png" in text
    assert "the requester, through the requester portal" in text


def test_it_refuses_an_infected_file_and_keeps_nothing(scanner, awaiting_id, portal_client: Client) -> None:
    response = send(portal_client, name="Zebedee passport.pdf", content=PDF + b"EICAR")
    assert error_links(response) == [
        ("#id_file", "The selected file contains a virus or other malware. We have not kept it")
    ]
    assert not IdentityEvidence.objects.exists()
    assert list(Path(private_storage().location).rglob("*.pdf")) == []
    refused = AuditEvent.objects.get(object_ref=awaiting_id.reference, action=AuditAction.REFUSE)
    assert "refused" in refused.summary and "Zebedee" not in refused.summary and "passport" not in refused.summary


def test_it_refuses_a_file_the_scanner_could_not_check(scanner, awaiting_id, portal_client: Client) -> None:
    response = send(portal_client, content=PDF + b"BROKEN")
    assert error_links(response) == [
        ("#id_file", "The selected file could not be checked for viruses. Try again later")
    ]
    assert not IdentityEvidence.objects.exists()


def test_without_a_scanner_the_upload_is_kept_as_not_scanned(settings, awaiting_id, portal_client: Client) -> None:
    settings.PLEDGE_MALWARE_SCAN_COMMAND = ""
    assert send(portal_client).status_code == 302
    evidence = IdentityEvidence.objects.get()
    assert AuditEvent.objects.filter(
        object_ref=awaiting_id.reference,
        summary__endswith=f"evidence {evidence.pk} sent through the requester portal (malware scan: not scanned)",
    ).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("passport.docx", PDF, "The selected file must be a PDF, PNG image or JPEG image"),
        ("passport.pdf", b"MZ\x90\x00 an executable", "The selected file is not a real PDF"),
        ("passport.pdf", PDF + b"0" * 4096, "The selected file must be smaller than 1 KB"),
    ],
)
def test_it_refuses_wrong_or_oversized_files(
    settings, scanner, awaiting_id, portal_client: Client, name, content, message
) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 1024
    assert error_links(send(portal_client, name=name, content=content)) == [("#id_file", message)]
    assert not IdentityEvidence.objects.exists()


def test_it_asks_for_a_file_and_what_it_is(awaiting_id, portal_client: Client) -> None:
    response = portal_client.post(UPLOAD, {})
    assert error_links(response) == [
        ("#id_proof", "Select what you are sending"),
        ("#id_file", "Select a file to upload"),
    ]
    assert html(response).select_one("title").get_text().strip().startswith("Error:")


def test_sending_the_same_file_twice_keeps_one_copy(scanner, awaiting_id, portal_client: Client) -> None:
    assert send(portal_client).status_code == 302
    assert error_links(send(portal_client)) == [("#id_file", "This file is already kept as evidence on the case")]
    assert IdentityEvidence.objects.count() == 1


def test_it_takes_at_most_ten_files_a_day(settings, scanner, awaiting_id, portal_client: Client, time_machine) -> None:
    settings.PLEDGE_MAX_UPLOAD_BYTES = 5000
    for number in range(DAILY_LIMIT):
        assert send(portal_client, content=PDF + str(number).encode()).status_code == 302
    refused = send(portal_client, content=PDF + b"one more")
    assert error_links(refused)[0][1].startswith("You have sent 10 files today")
    assert IdentityEvidence.objects.count() == DAILY_LIMIT
    time_machine.shift(timedelta(days=1, minutes=1))  # the next day's files are taken again
    upload = SimpleUploadedFile("passport.pdf", PDF + b"next day")
    assert receive_portal_evidence(case=awaiting_id, proof=Proof.IDENTITY, upload=upload).pk


def test_a_closed_request_takes_no_more_files(scanner, web_case, portal_client: Client) -> None:
    web_case.state = CaseState.CLOSED
    web_case.save()
    assert html(portal_client.get(PORTAL_REQUEST)).select_one(f'form[action="{UPLOAD}"]') is None
    response = send(portal_client)
    assert error_links(response) == [
        ("#id_file", "This request is closed, so we cannot take more documents for it here")
    ]
    assert not IdentityEvidence.objects.exists()


def test_without_a_portal_session_nothing_is_taken(scanner, awaiting_id) -> None:
    response = send(Client())
    assert (response.status_code, response["Location"]) == (302, PORTAL)
    assert not IdentityEvidence.objects.exists()
