"""An access package also holds the requester's statements of disagreement (P051) and their emails (P074)."""

import io
import json
import zipfile
from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.fulfilment import package_services
from pledge.fulfilment.services import record_disagreement
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate

pytestmark = pytest.mark.django_db
MINE = [("revenues", "accounts", "CT1")]


@pytest.fixture
def estate(settings, tmp_path, today, register):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")


def _built(case, actor) -> zipfile.ZipFile:
    confirm_records(case, actor, MINE)
    package = package_services.build_package(package_id=package_services.request_package(case=case, actor=actor).pk)
    return zipfile.ZipFile(io.BytesIO(package_services.assemble_zip(package=package)))


def test_a_statement_attached_to_a_record_on_an_earlier_request_is_in_the_report(estate, revenues, caseworker):
    earlier = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 11, 2))
    record_disagreement(
        case=earlier,
        reasons="The balance is right: the payment arrived after the bill",
        statement="I paid on time and the council lost my payment",
        system=revenues,
        record_reference="CT1",
        decided_on=date(2026, 11, 20),
        actor=caseworker,
    )
    archive = _built(make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1)), caseworker)
    html = archive.read("report.html").decode()
    assert "Your statements kept with your records (Art 16)" in html
    assert "I paid on time and the council lost my payment" in html


def test_emails_to_and_from_the_requesters_address_are_in_the_package(estate, caseworker):
    archive = _built(make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1)), caseworker)
    mailbox = json.loads(archive.read("data/contact-mailbox/contact-mailbox.json"))
    [message] = mailbox["tables"]["messages"]
    assert message["subject"] == "My council tax bill"
    assert "bins were missed" not in archive.read("report.html").decode()
