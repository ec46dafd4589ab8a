"""Blanking a register field names the Art 13/14 checklist item the notice can no longer state (P028, spec §4)."""

import json

import pytest

from pledge.notices.completeness import MissingItem, missing_items
from pledge.notices.generation import build_notice_document
from pledge.notices.models import Notice
from pledge.register.models import Controller, ProcessingActivity, Recipient
from pledge.register.tests.factories import NOW, import_minimal, make_service_notice

pytestmark = pytest.mark.django_db

BILLING = "council-tax-billing"
GARDEN = "garden-waste-subscription"


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


@pytest.fixture
def notice():
    return make_service_notice(service=ProcessingActivity.objects.get(slug=BILLING).service)


def missing(notice) -> list[MissingItem]:
    return missing_items(build_notice_document(Notice.objects.get(pk=notice.pk)))


def blank(slug: str, **fields) -> None:
    ProcessingActivity.objects.filter(slug=slug).update(**fields)


def test_a_complete_register_leaves_nothing_missing(notice) -> None:
    assert missing(notice) == []


@pytest.mark.parametrize(
    ("slug", "fields", "expected"),
    [
        (BILLING, {"purposes": []}, MissingItem("PN04", "Billing and collecting council tax: no purpose")),
        (
            BILLING,
            {"legislation": []},
            MissingItem("PN05", "Billing and collecting council tax: no legislation for the lawful basis"),
        ),
        (
            BILLING,
            {"special_categories": ["health"], "art9_condition": ""},
            MissingItem("PN05", "Billing and collecting council tax: special category data without an Art 9 condition"),
        ),
        (
            GARDEN,
            {"lawful_basis": "f", "legitimate_interests": ""},
            MissingItem("PN06", "Garden waste subscriptions: legitimate interests not stated"),
        ),
        (
            BILLING,
            {"data_categories": []},
            MissingItem("PN07", "Billing and collecting council tax: no categories of personal data"),
        ),
        (
            BILLING,
            {"retention_rule": None},
            MissingItem("PN10", "Billing and collecting council tax: no retention period"),
        ),
        (
            GARDEN,
            {"lawful_basis": "a", "consent_withdrawal_route": ""},
            MissingItem("PN12", "Garden waste subscriptions: consent without a way to withdraw it"),
        ),
        (BILLING, {"sources": []}, MissingItem("PN14", "Billing and collecting council tax: no source recorded")),
        (
            BILLING,
            {"provision_requirement": ""},
            MissingItem(
                "PN15", "Billing and collecting council tax: whether providing the data is required is not recorded"
            ),
        ),
        (
            GARDEN,
            {
                "automated_decision": True,
                "automated_decision_logic": "",
                "automated_decision_safeguards": "An officer reviews any refusal.",
            },
            MissingItem("PN16", "Garden waste subscriptions: automated decision without its logic and safeguards"),
        ),
        (
            GARDEN,
            {
                "automated_decision": True,
                "automated_decision_logic": "We check the address is in our collection area.",
                "automated_decision_safeguards": "",
            },
            MissingItem("PN16", "Garden waste subscriptions: automated decision without its logic and safeguards"),
        ),
    ],
    ids=[
        "purpose",
        "legislation",
        "art9-condition",
        "legitimate-interests",
        "categories",
        "retention",
        "consent-withdrawal",
        "source",
        "provision",
        "adm-logic",
        "adm-safeguards",
    ],
)
def test_it_names_the_item_a_blanked_activity_field_breaks(
    notice, slug: str, fields: dict, expected: MissingItem
) -> None:
    blank(slug, **fields)

    assert missing(notice) == [expected]


def test_it_names_pn05_and_pn11_when_the_lawful_basis_is_blanked(notice) -> None:
    blank(BILLING, lawful_basis="")

    assert missing(notice) == [
        MissingItem("PN05", "Billing and collecting council tax: no lawful basis"),
        MissingItem("PN11", "Billing and collecting council tax: no rights worked out"),
    ]


def test_it_names_pn03_when_the_dpo_has_no_contact_details(notice) -> None:
    Controller.objects.update(dpo_email="", dpo_address="")

    assert missing(notice) == [MissingItem("PN03", "the Data Protection Officer has no contact details")]


def test_one_dpo_contact_route_is_enough(notice) -> None:
    Controller.objects.update(dpo_email="")

    assert missing(notice) == []


@pytest.mark.parametrize("field", ["name", "address", "email"])
def test_it_names_pn01_when_the_controller_lacks_a_contact_detail(notice, field: str) -> None:
    Controller.objects.update(**{field: ""})

    assert missing(notice) == [MissingItem("PN01", f"the controller has no {field}")]


@pytest.mark.parametrize("dropped", ["website", "phone"])
def test_it_names_pn13_when_the_icos_details_are_not_configured(notice, settings, tmp_path, dropped: str) -> None:
    ico = json.loads((settings.PLEDGE_LAW_DIR / "ico.json").read_text(encoding="utf-8"))
    del ico[dropped]
    (tmp_path / "ico.json").write_text(json.dumps(ico), encoding="utf-8")
    settings.PLEDGE_LAW_DIR = tmp_path

    assert missing(notice) == [MissingItem("PN13", "the ICO's contact details are not configured")]


def test_it_names_pn09_for_a_transfer_abroad_without_a_safeguard(notice) -> None:
    Recipient.objects.filter(slug="dwp").update(country="IN", transfer_mechanism="none")

    assert missing(notice) == [
        MissingItem("PN09", "Billing and collecting council tax: transfer to IN without a safeguard")
    ]


def test_it_accepts_a_transfer_abroad_with_a_safeguard(notice) -> None:
    Recipient.objects.filter(slug="dwp").update(country="IN", transfer_mechanism="idta")

    assert missing(notice) == []


def test_it_names_pn04_when_no_activity_is_approved(notice) -> None:
    ProcessingActivity.objects.update(status="draft")

    assert missing(notice) == [MissingItem("PN04", "the notice covers no approved processing activity")]


def test_it_lists_every_missing_item_at_once(notice) -> None:
    blank(BILLING, purposes=[], retention_rule=None)
    blank(GARDEN, data_categories=[])

    assert [str(item) for item in missing(notice)] == [
        "PN04: Billing and collecting council tax: no purpose",
        "PN10: Billing and collecting council tax: no retention period",
        "PN07: Garden waste subscriptions: no categories of personal data",
    ]
