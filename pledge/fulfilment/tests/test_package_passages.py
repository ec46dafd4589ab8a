"""Passages of free text that name other people are marked, and block the package until each is reviewed."""

import io
import zipfile
from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent
from pledge.fulfilment import package_services
from pledge.fulfilment.package_models import PassageDecision
from pledge.fulfilment.package_report import WITHHELD
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.package_estate import confirm_records, make_estate, register_garden_system
from pledge.rights.models import ResponseFile

pytestmark = pytest.mark.django_db
MINE = [("revenues", "accounts", "CT1"), ("revenues", "contacts", "N1"), ("garden", "subscriptions", "G1")]


@pytest.fixture
def package(settings, tmp_path, today, register, caseworker):
    today(date(2026, 12, 10))
    settings.PLEDGE_SYSTEMS = make_estate(tmp_path / "estate")
    register_garden_system()
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 1))
    confirm_records(case, caseworker, MINE)
    queued = package_services.request_package(case=case, actor=caseworker)
    return package_services.build_package(package_id=queued.pk)


def test_it_marks_the_sentence_naming_another_person_and_not_the_requester(package) -> None:
    [passage] = package.passages.all()
    assert (passage.system, passage.table, passage.key, passage.column) == ("revenues", "contacts", "N1", "note")
    assert passage.passage == "His neighbour Amy Brown has been paying it."
    assert passage.names == ["Amy Brown"]
    assert passage.decision == PassageDecision.PENDING


def test_an_unreviewed_passage_blocks_adding_the_package_to_the_response(package, caseworker) -> None:
    with pytest.raises(package_services.PackageError, match="Review every passage"):
        package_services.add_package_to_response(package=package, actor=caseworker)
    assert not ResponseFile.objects.exists()


def test_once_every_passage_is_kept_the_package_joins_the_response(package, caseworker) -> None:
    [passage] = package.passages.all()
    package_services.review_passage(passage=passage, decision=PassageDecision.KEEP, reason="", actor=caseworker)
    added = package_services.add_package_to_response(package=package, actor=caseworker)
    assert added and all(f.release_id is None for f in added)
    assert set(ResponseFile.objects.filter(case=package.case)) == set(added)
    package.refresh_from_db()
    assert package.added_at is not None
    assert AuditEvent.objects.filter(object_ref=package.case.reference, summary__contains="added").exists()


def test_a_withheld_passage_is_replaced_by_the_marker_in_every_file(package, caseworker) -> None:
    [passage] = package.passages.all()
    package_services.review_passage(
        passage=passage, decision=PassageDecision.WITHHOLD, reason="About a neighbour", actor=caseworker
    )
    archive = zipfile.ZipFile(io.BytesIO(package_services.assemble_zip(package=package)))
    for name in ["report.html", "data/revenues/revenues.json", "data/revenues/contacts.csv"]:
        text = archive.read(name).decode("utf-8-sig")
        assert "Amy Brown" not in text
        assert "Zebedee phoned about his bill." in text
    assert WITHHELD in archive.read("data/revenues/contacts.csv").decode("utf-8-sig")
    assert "left out 1 passage" in archive.read("report.html").decode()


def test_it_refuses_to_withhold_a_passage_without_a_reason(package, caseworker) -> None:
    [passage] = package.passages.all()
    with pytest.raises(package_services.PackageError, match="reason"):
        package_services.review_passage(
            passage=passage, decision=PassageDecision.WITHHOLD, reason=" ", actor=caseworker
        )
    passage.refresh_from_db()
    assert passage.decision == PassageDecision.PENDING
