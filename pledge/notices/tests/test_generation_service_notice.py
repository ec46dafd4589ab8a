"""A service's notice is built from exactly that service's approved activities (promise P025)."""

import pytest

from pledge.notices.generation import build_notice_document, load_ico_details
from pledge.notices.models import NoticeScope
from pledge.register.models import Controller, ProcessingActivity, RetentionRule, Service, Status
from pledge.register.tests.factories import (
    NOW,
    import_minimal,
    make_activity,
    make_general_notice,
    make_service,
    make_service_notice,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def register(time_machine):
    time_machine.move_to(NOW, tick=False)
    import_minimal()
    council_tax = Service.objects.get(slug="council-tax")
    rule = RetentionRule.objects.get()
    make_activity(service=council_tax, slug="discount-review", status=Status.DRAFT, retention_rule=rule)
    make_activity(service=council_tax, slug="debt-recovery", status=Status.SUBMITTED, retention_rule=rule)
    parking = make_service(controller=Controller.objects.get(), slug="parking", name="Parking")
    make_activity(service=parking, slug="permits", name="Parking permits", retention_rule=rule)


def test_it_lists_exactly_the_services_approved_activities() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    assert [a["slug"] for a in document["activities"]] == ["council-tax-billing", "garden-waste-subscription"]
    assert {a["service"] for a in document["activities"]} == {"Council tax"}


def test_it_leaves_out_drafts_and_activities_awaiting_approval() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    slugs = {a["slug"] for a in document["activities"]}
    assert "discount-review" not in slugs
    assert "debt-recovery" not in slugs


def test_it_includes_an_activity_once_it_is_approved() -> None:
    notice = make_service_notice(service=Service.objects.get(slug="council-tax"))
    ProcessingActivity.objects.filter(slug="discount-review").update(status=Status.APPROVED)

    document = build_notice_document(notice)

    assert "discount-review" in [a["slug"] for a in document["activities"]]


def test_it_says_what_the_notice_covers() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    assert document["scope"] == NoticeScope.SERVICE
    assert document["scope_text"] == "This notice covers the Council tax service: 2 ways we use personal information."
    assert document["services"] == []


def test_the_general_notice_covers_every_service_of_the_controller_and_links_their_notices() -> None:
    make_service_notice(service=Service.objects.get(slug="parking"))
    notice = make_general_notice(controller=Controller.objects.get())

    document = build_notice_document(notice)

    assert [a["slug"] for a in document["activities"]] == [
        "council-tax-billing",
        "garden-waste-subscription",
        "permits",
    ]
    assert document["services"] == [{"name": "Parking", "summary": "We run parking.", "notice_slug": "parking"}]


def test_it_carries_the_controller_dpo_and_ico_details() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    assert document["controller"]["name"] == "Testshire Council"
    assert document["controller"]["ico_registration"] == "ZX999001"
    assert document["dpo"]["email"] == "dpo@testshire.example"
    assert document["complaints"]["ico"] == load_ico_details()
    assert document["complaints"]["council_url"] == "/how-to-complain/"


def test_it_states_each_activitys_retention_basis_and_provision() -> None:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))

    billing = document["activities"][0]
    assert billing["basis_label"] == "Art 6(1)(c) legal obligation"
    assert billing["legislation"] == ["Local Government Finance Act 1992"]
    assert billing["retention"] == "6 years after the account is closed, then destroy"
    assert billing["retention_source"] == "Limitation Act 1980 s.5"
    assert billing["provision"] == "required by law"
    assert billing["indirect_sources"] is True
    assert billing["automated_decision"] is None
