"""A notice lists each transfer outside the UK with its safeguard (Art 13(1)(f), PN09)."""

import pytest

from pledge.notices.generation import build_notice_document
from pledge.register.models import ProcessingActivity, Service
from pledge.register.tests.factories import NOW, import_minimal, make_recipient, make_service_notice

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()


def activity(slug: str) -> dict:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))
    return next(a for a in document["activities"] if a["slug"] == slug)


def test_it_lists_no_transfer_when_every_recipient_is_in_the_uk() -> None:
    assert activity("council-tax-billing")["transfers"] == []


def test_it_lists_each_recipient_abroad_with_its_country_and_mechanism() -> None:
    payments = make_recipient(
        slug="payments-platform", name="Payments Platform Inc", country="US", transfer_mechanism="adequacy"
    )
    support = make_recipient(
        slug="support-desk", name="Support Desk Pvt", country="IN", transfer_mechanism="idta", kind="processor"
    )
    ProcessingActivity.objects.get(slug="garden-waste-subscription").recipients.set([payments, support])

    assert activity("garden-waste-subscription")["transfers"] == [
        {"recipient": "Payments Platform Inc", "country": "US", "mechanism": "adequacy"},
        {"recipient": "Support Desk Pvt", "country": "IN", "mechanism": "idta"},
    ]


def test_it_names_every_recipient_whether_or_not_abroad() -> None:
    assert activity("council-tax-billing")["recipients"] == [
        {
            "name": "Department for Work and Pensions",
            "kind": "Other public body",
            "description": "",
            "opt_out_contact": "",
        },
        {"name": "Example Mailing Ltd", "kind": "Processor acting for us", "description": "", "opt_out_contact": ""},
    ]
