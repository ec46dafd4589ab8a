"""Sending a portability file to the organisation the requester named: a one-time, expiring link (Art 20(2))."""

import io
import re
import zipfile
from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.fulfilment import package_services, package_transfers
from pledge.fulfilment.package_models import PortabilityTransfer
from pledge.fulfilment.package_tasks import send_transfer_link
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate, register_garden_system

pytestmark = pytest.mark.django_db
MINE = [("revenues", "accounts", "CT1"), ("garden", "subscriptions", "G1")]


@pytest.fixture
def portable(settings, tmp_path, today, register, caseworker):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    register_garden_system()
    case = make_case(kind=CaseKind.PORTABILITY, received_on=date(2026, 12, 1))
    confirm_records(case, caseworker, MINE)
    queued = package_services.request_package(case=case, actor=caseworker)
    return package_services.build_package(package_id=queued.pk)


def _send(portable, client, django_capture_on_commit_callbacks) -> str:
    url = reverse("fulfilment:package_transfer", kwargs={"pk": portable.case_id, "item": portable.pk})
    form = {"organisation": "Greenbin Ltd", "email": "data@greenbin.example", "named_on": "9/12/2026"}
    with django_capture_on_commit_callbacks(execute=False) as queued:
        assert client.post(url, form).status_code == 302
    transfer = PortabilityTransfer.objects.get()
    assert transfer.sent_at is None and len(queued) == 1  # the email is queued on commit, never sent inline
    assert send_transfer_link.call(transfer_id=transfer.pk) is True
    [email] = mail.outbox
    assert email.to == ["data@greenbin.example"] and "Zebedee" not in email.body and not email.attachments
    found = re.search(r"https?://\S+/portability/\S+/", str(email.body))
    assert found is not None
    return found.group(0)


def test_the_organisation_downloads_the_file_once_through_the_emailed_link(
    portable, client_as, client, django_capture_on_commit_callbacks
) -> None:
    link = _send(portable, client_as(Role.CASEWORKER), django_capture_on_commit_callbacks)
    path = "/" + link.split("/", 3)[3]
    assert "Download the file" in client.get(path).content.decode()  # a GET (a mail scanner) uses nothing
    response = client.post(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "manifest.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert client.post(path).status_code == 404  # it works once
    transfer = PortabilityTransfer.objects.get()
    assert transfer.downloaded_at is not None and transfer.organisation == "Greenbin Ltd"
    assert AuditEvent.objects.filter(summary=f"Portability transfer {transfer.pk} downloaded").exists()


def test_an_expired_or_made_up_link_does_not_work(
    portable, client_as, client, django_capture_on_commit_callbacks, time_machine
) -> None:
    link = _send(portable, client_as(Role.CASEWORKER), django_capture_on_commit_callbacks)
    path = "/" + link.split("/", 3)[3]
    assert client.get(reverse("portability:download", kwargs={"token": "made-up"})).status_code == 404
    time_machine.move_to(timezone.now() + timedelta(days=8), tick=False)
    assert client.post(path).status_code == 404
    assert package_transfers.find_transfer(path.rstrip("/").rsplit("/", 1)[1]) is None


def test_it_refuses_to_send_an_access_package_as_a_portability_file(settings, tmp_path, today, register, caseworker):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    confirm_records(case, caseworker, MINE)
    package = package_services.build_package(
        package_id=package_services.request_package(case=case, actor=caseworker).pk
    )
    with pytest.raises(package_services.PackageError, match="portability"):
        package_transfers.record_transfer(
            package=package, organisation="X", email="x@example.com", named_on=date(2026, 12, 9), actor=caseworker
        )
