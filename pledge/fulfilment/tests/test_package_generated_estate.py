"""End to end on a generated Anyshire estate: a person's records (from the ground truth) confirmed, the package
built through the real connectors, the other people named in their care notes marked, the manifest true."""

import csv
import hashlib
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import pytest

from pledge.casework.models import CaseKind
from pledge.discovery.estate.generate import generate_estate
from pledge.fulfilment import package_services
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records

pytestmark = pytest.mark.django_db


def _someone_with_notes_naming_others(out: Path) -> tuple[str, list[tuple[str, str, str]], set[str]]:
    """A person who is the subject of care notes that mention someone else: their records and the others' ids."""
    mentions = list(csv.DictReader((out / "mentions.csv").open()))
    others = {m["key"]: m["person_id"] for m in mentions if m["role"] != "subject"}
    subject = next(m["person_id"] for m in mentions if m["role"] == "subject" and m["key"] in others)
    truth = [r for r in csv.DictReader((out / "ground_truth.csv").open()) if r["person_id"] == subject]
    notes = {m["key"] for m in mentions if m["person_id"] == subject and m["role"] == "subject"}
    named = {others[k] for k in notes if k in others}
    refs = [(r["system"], r["table"], r["key"]) for r in truth]
    refs += [("adult-social-care", "case_notes", key) for key in sorted(notes)]
    return subject, sorted(set(refs)), named


def test_a_package_from_a_generated_estate_marks_the_people_named_in_care_notes(
    settings, tmp_path, today, register, caseworker
) -> None:
    today(date(2026, 12, 10))
    summary = generate_estate(people=40, seed=1, out=tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = summary.systems_yaml
    subject, refs, named = _someone_with_notes_naming_others(tmp_path / "estate")
    people = {p["person_id"]: p for p in csv.DictReader((tmp_path / "estate" / "people.csv").open())}
    me = people[subject]
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    case.requester_name = f"{me['given_name']} {me['family_name']}"
    case.save(update_fields=["requester_name"])
    confirm_records(case, caseworker, refs)
    package = package_services.build_package(
        package_id=package_services.request_package(case=case, actor=caseworker).pk
    )
    assert package.state == "built", package.error
    flagged = " ".join(n for p in package.passages.all() for n in p.names)
    for person in named:
        assert people[person]["family_name"] in flagged
    assert all(case.requester_name not in p.names for p in package.passages.all())
    archive = zipfile.ZipFile(io.BytesIO(package_services.assemble_zip(package=package)))
    for item in json.loads(archive.read("manifest.json"))["files"]:
        assert hashlib.sha256(archive.read(item["name"])).hexdigest() == item["sha256"]
    assert any(name.startswith("data/adult-social-care/") for name in archive.namelist())
