"""Logging a disclosure: it is checked against the rules before anything is saved (P105-P118)."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.models import Disclosure, SharingRestriction, Status
from pledge.disclosures.telling import keep_to_legal_requirement
from pledge.disclosures.tests.conftest import police_details
from pledge.register.tests.factories import make_activity, make_controller, make_service

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_it_logs_a_police_request_awaiting_approval_with_a_reference(logged) -> None:
    assert logged.reference == "DIS-2026-0001"
    assert logged.status == Status.AWAITING_APPROVAL
    assert logged.data_items == ["Current address", "Council tax account start date"]
    event = AuditEvent.objects.get(object_type="disclosure", object_ref=logged.reference)
    assert "Current address" not in event.summary and "@" not in event.summary


def test_it_saves_nothing_when_the_recipient_is_missing(staff) -> None:
    details = services.DisclosureDetails(kind="police", purpose="x", data_items=["Address"], route="exemption")
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    assert "recipient" in refused.value.problems
    assert not Disclosure.objects.exists()


def test_it_refuses_a_gateway_without_a_justification(police, staff) -> None:
    details = police_details(police, route="legal_gateway", gateway_statute="Police Act 1996", justification="")
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    assert set(refused.value.problems) == {"gateway_section", "justification"}


def test_it_blocks_a_recipient_whose_checks_are_missing(unchecked, staff) -> None:
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=police_details(unchecked))
    assert "due-diligence" in refused.value.problems["recipient"]


def test_it_blocks_a_recipient_whose_checks_have_expired(police, staff, frozen_clock) -> None:
    frozen_clock.move_to("2027-06-02 10:00+01:00")
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=police_details(police))
    assert "expired" in refused.value.problems["recipient"]


def test_a_recipient_outside_the_register_is_logged_by_name(staff) -> None:
    entry = services.log_disclosure(
        actor=staff(Role.CASEWORKER), details=police_details(None, recipient_name="British Transport Police")
    )
    assert entry.recipient_label == "British Transport Police"


def test_a_court_order_cannot_be_saved_without_the_order(staff) -> None:
    details = services.DisclosureDetails(
        kind="court_order",
        purpose="Family proceedings",
        data_items=["Housing file"],
        route="court_order",
        recipient_name="Anyshire Family Court",
        court_name="Anyshire Family Court",
        court_order_reference="AN26P00317",
        justification="Ordered by the court",
    )
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    assert set(refused.value.problems) == {"order_document"}
    entry = services.log_disclosure(
        actor=staff(Role.CASEWORKER),
        details=details,
        order_document=SimpleUploadedFile("order.pdf", PDF, content_type="application/pdf"),
    )
    assert entry.order_file.startswith("disclosures/") and entry.order_file_name == "order.pdf"
    assert "order" not in entry.order_file.removeprefix("disclosures/")


def test_a_court_order_that_is_not_a_real_pdf_is_refused(staff) -> None:
    details = services.DisclosureDetails(
        kind="court_order",
        purpose="Family proceedings",
        data_items=["Housing file"],
        route="court_order",
        recipient_name="Anyshire Family Court",
        court_order_reference="AN26P00317",
        justification="Ordered",
    )
    fake = SimpleUploadedFile("order.pdf", b"<html>not a pdf</html>")
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details, order_document=fake)
    assert "not a real PDF" in refused.value.problems["order_document"]
    assert not Disclosure.objects.exists()


def test_an_activity_kept_to_legal_requirement_refuses_the_exemption_route(police, staff) -> None:
    service = make_service(controller=make_controller())
    activity = make_activity(service=service, slug="council-tax-billing")
    keep_to_legal_requirement(activity=activity, actor=staff(Role.DPO), source="P118")
    assert SharingRestriction.objects.get(activity=activity).legal_requirement_only
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=police_details(police, activity=activity))
    assert "legal gateway" in refused.value.problems["route"]
    gateway = police_details(
        police,
        activity=activity,
        route="legal_gateway",
        gateway_statute="Police and Criminal Evidence Act 1984",
        gateway_section="s.19",
    )
    assert services.log_disclosure(actor=staff(Role.CASEWORKER), details=gateway).route == "legal_gateway"


def test_an_nfi_upload_is_a_bulk_disclosure_with_dataset_count_and_date(staff) -> None:
    details = services.DisclosureDetails(
        kind="data_matching",
        purpose="National Fraud Initiative 2026/27 data matching",
        data_items=["Name", "Address", "Date of birth"],
        route="legal_gateway",
        recipient_name="Cabinet Office (National Fraud Initiative)",
        gateway_statute="Local Audit and Accountability Act 2014",
        gateway_section="Sch 9",
        justification="Mandatory participation",
        dataset="Council tax single person discount",
        record_count=48211,
        bulk_on=date(2026, 10, 1),
    )
    entry = services.log_disclosure(actor=staff(Role.IG_OFFICER), details=details)
    assert (entry.dataset, entry.record_count) == ("Council tax single person discount", 48211)


def test_a_referral_must_go_to_a_responsible_authority_in_the_register(staff) -> None:
    details = services.DisclosureDetails(
        kind="referral",
        purpose="Missed bin collection reported to us",
        data_items=["Name", "Address"],
        route="legal_gateway",
        recipient_name="Anyshire District Council",
    )
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    assert "responsible authority" in refused.value.problems["recipient"]


def test_an_urgent_disclosure_needs_when_it_was_made(police, staff) -> None:
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=police_details(police, urgent=True))
    assert "disclosed_on" in refused.value.problems
