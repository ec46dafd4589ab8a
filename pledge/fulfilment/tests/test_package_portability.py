"""A portability request's file holds only what the person provided, from eligible activities only (Art 20)."""

import io
import json
import zipfile
from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.fulfilment import package_services
from pledge.fulfilment.package_models import PackageKind
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate, register_garden_system

pytestmark = pytest.mark.django_db
MINE = [("revenues", "accounts", "CT1"), ("revenues", "contacts", "N1"), ("garden", "subscriptions", "G1")]


@pytest.fixture
def archive(settings, tmp_path, today, register, caseworker):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    register_garden_system()
    case = make_case(kind=CaseKind.PORTABILITY, received_on=date(2026, 12, 1))
    confirm_records(case, caseworker, MINE)
    queued = package_services.request_package(case=case, actor=caseworker)
    package = package_services.build_package(package_id=queued.pk)
    assert package.kind == PackageKind.PORTABILITY
    return zipfile.ZipFile(io.BytesIO(package_services.assemble_zip(package=package)))


def test_it_leaves_out_systems_whose_activities_the_right_does_not_reach(archive) -> None:
    # Council tax billing is a legal obligation (Art 6(1)(c)): no portability; garden waste is a contract, automated.
    assert not any(name.startswith("data/revenues/") for name in archive.namelist())
    manifest = json.loads(archive.read("manifest.json"))
    assert [item["system"] for item in manifest["not_included"]] == ["Revenues (council tax)"]


def test_it_holds_json_and_csv_of_what_the_person_provided_only(archive) -> None:
    assert set(archive.namelist()) == {"data/garden/garden.json", "data/garden/subscriptions.csv", "manifest.json"}
    [row] = json.loads(archive.read("data/garden/garden.json"))["tables"]["subscriptions"]
    assert row["email"] == "zebedee@example.com" and row["bins"] == 2
    assert "crew_note" not in row  # the crew's free-text note is the council's record, not provided by the person
    assert "crew_note" not in archive.read("data/garden/subscriptions.csv").decode("utf-8-sig")
