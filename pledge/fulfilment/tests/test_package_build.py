"""Building an access package from the confirmed records: the zip, its manifest, the report and its progress."""

import hashlib
import io
import json
import zipfile
from datetime import date

import pytest
from pypdf import PdfReader

from pledge.casework.models import CaseKind
from pledge.fulfilment import package_services
from pledge.fulfilment.package_models import PackageKind, PackageState
from pledge.fulfilment.package_tasks import build_access_package
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate, register_garden_system

pytestmark = pytest.mark.django_db
MINE = [("revenues", "accounts", "CT1"), ("revenues", "contacts", "N1"), ("garden", "subscriptions", "G1")]


@pytest.fixture
def built(settings, tmp_path, today, register, caseworker):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    register_garden_system()
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    confirm_records(case, caseworker, MINE)
    package = package_services.request_package(case=case, actor=caseworker)
    assert build_access_package.call(package_id=package.pk) == PackageState.BUILT
    package.refresh_from_db()
    return package


def _zip(package) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(package_services.assemble_zip(package=package)))


def test_it_builds_the_package_in_the_worker_with_its_progress_complete(built) -> None:
    assert built.kind == PackageKind.ACCESS
    assert (built.records_done, built.records_total) == (3, 3)
    assert built.finished_at is not None


def test_the_manifest_holds_the_sha256_of_every_other_file(built) -> None:
    archive = _zip(built)
    manifest = json.loads(archive.read("manifest.json"))
    listed = {f["name"]: f["sha256"] for f in manifest["files"]}
    assert set(listed) == set(archive.namelist()) - {"manifest.json"}
    for name, digest in listed.items():
        assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    assert manifest["reference"] == built.case.reference


def test_it_holds_json_and_csv_for_each_system(built) -> None:
    names = set(_zip(built).namelist())
    assert {"data/revenues/revenues.json", "data/revenues/accounts.csv", "data/revenues/contacts.csv"} <= names
    assert {"data/garden/garden.json", "data/garden/subscriptions.csv", "report.html", "report.pdf"} <= names


def test_it_holds_only_the_confirmed_records(built) -> None:
    revenues = json.loads(_zip(built).read("data/revenues/revenues.json"))
    assert [row["key"] for row in revenues["tables"]["accounts"]] == ["CT1"]
    assert "Amy Brown" not in _zip(built).read("data/revenues/accounts.csv").decode("utf-8-sig")


def test_the_report_pdf_has_the_art_15_headings_and_the_search_statement(built) -> None:
    reader = PdfReader(io.BytesIO(_zip(built).read("report.pdf")))
    text = " ".join(page.extract_text() for page in reader.pages)
    text = " ".join(text.split())
    for heading in [
        "What we searched (Art 15(1A))",
        "(Art 15(1)(a), purposes)",
        "(Art 15(1)(b), categories)",
        "(Art 15(1)(c), recipients)",
        "(Art 15(1)(d), retention)",
        "Your rights (Art 15(1)(e))",
        "Your right to complain (Art 15(1)(f))",
        "(Art 15(1)(g), source)",
        "Automated decision-making (Art 15(1)(h))",
        "Transfers outside the UK (Art 15(2))",
    ]:
        assert heading in text
    assert "Electoral register: excluded" in text
    assert "searched our connected systems using: Name, Email address" in text
    assert "the Valuation Office Agency" in text  # the Art 14 source of council-tax billing


def test_the_html_report_names_each_system_and_its_activities(built) -> None:
    html = _zip(built).read("report.html").decode()
    assert "Revenues (council tax)" in html and "Billing and collecting council tax" in html
    assert "Garden waste subscriptions" in html


def test_it_refuses_a_second_build_while_one_is_queued(settings, tmp_path, today, register, caseworker) -> None:
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    confirm_records(case, caseworker, MINE)
    package_services.request_package(case=case, actor=caseworker)
    with pytest.raises(package_services.PackageError, match="already being built"):
        package_services.request_package(case=case, actor=caseworker)


def test_it_refuses_to_build_before_any_record_is_confirmed(today, register, caseworker) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    with pytest.raises(package_services.PackageError, match="Confirm at least one record"):
        package_services.request_package(case=case, actor=caseworker)
