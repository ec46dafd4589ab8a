"""Each activity in a notice lists the rights the matrix gives its basis (spec §2, PN11)."""

import pytest

from pledge.notices.generation import build_notice_document
from pledge.register.models import ProcessingActivity, Service
from pledge.register.tests.factories import NOW, import_minimal, make_service_notice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


def rights_by_activity() -> dict[str, list[str]]:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))
    return {a["slug"]: [r["right"] for r in a["rights"]] for a in document["activities"]}


def test_garden_waste_on_contract_and_automated_gets_portability() -> None:
    assert rights_by_activity()["garden-waste-subscription"] == [
        "informed",
        "access",
        "rectification",
        "erasure",
        "restriction",
        "portability",
    ]


def test_council_tax_on_legal_obligation_gets_no_erasure_portability_or_objection() -> None:
    assert rights_by_activity()["council-tax-billing"] == ["informed", "access", "rectification", "restriction"]


def test_garden_waste_loses_portability_when_processed_by_hand() -> None:
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(automated_processing=False)

    assert "portability" not in rights_by_activity()["garden-waste-subscription"]


def test_a_public_task_gets_the_objection_right() -> None:
    ProcessingActivity.objects.filter(slug="council-tax-billing").update(lawful_basis="e")

    assert "objection" in rights_by_activity()["council-tax-billing"]


def test_law_enforcement_processing_loses_portability() -> None:
    ProcessingActivity.objects.filter(slug="garden-waste-subscription").update(law_enforcement=True)

    assert "portability" not in rights_by_activity()["garden-waste-subscription"]


def test_each_right_carries_its_title_plain_english_and_reason() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    portability = next(r for r in document["activities"][1]["rights"] if r["right"] == "portability")
    assert portability["title"] == "Right to data portability"
    assert portability["plain"].startswith("to get the information you gave us")
    assert portability["reason"].startswith("Art 20(1)")


def test_the_notice_summary_says_which_activities_each_right_applies_to() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    summary = {entry["right"]: entry["activities"] for entry in document["rights"]}
    assert list(summary) == ["informed", "access", "rectification", "erasure", "restriction", "portability"]
    assert summary["erasure"] == ["Garden waste subscriptions"]
    assert summary["portability"] == ["Garden waste subscriptions"]
    assert summary["access"] == ["Billing and collecting council tax", "Garden waste subscriptions"]
