"""Approving and refusing: a senior role other than the requester decides, the rules are checked again, and a
decided entry is never changed (P105, P109, P111, P114)."""

from datetime import date

import pytest

from pledge.consent.models import Channel
from pledge.consent.services import withdraw_consent
from pledge.core.models import AuditEvent
from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.models import Disclosure, DisclosureLocked, Status
from pledge.disclosures.telling import record_due_diligence
from pledge.disclosures.tests.conftest import NOW, police_details

pytestmark = pytest.mark.django_db


def _check(recipient, staff) -> None:
    record_due_diligence(
        recipient=recipient,
        actor=staff(Role.DPO),
        agreement="yes",
        security_assurance="yes",
        contract="yes",
        review_on=date(2027, 12, 1),
    )


def test_a_service_lead_approves_a_caseworkers_request(approved, staff) -> None:
    assert approved.status == Status.APPROVED
    assert approved.approved_by == staff(Role.SERVICE_LEAD)
    assert approved.approved_at == NOW
    assert AuditEvent.objects.filter(object_ref=approved.reference, action="approve").exists()


def test_the_requester_cannot_approve_their_own_request(police, staff) -> None:
    dpo = staff(Role.DPO)
    entry = services.log_disclosure(actor=dpo, details=police_details(police))
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.approve_disclosure(disclosure=entry, actor=dpo)
    assert "Someone other than" in refused.value.problems["decision"]
    assert Disclosure.objects.get(pk=entry.pk).status == Status.AWAITING_APPROVAL


def test_a_role_without_approval_cannot_approve(logged, staff) -> None:
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.approve_disclosure(disclosure=logged, actor=staff(Role.CASEWORKER, "another-caseworker"))
    assert "senior officer" in refused.value.problems["decision"]


def test_an_approved_entry_cannot_be_approved_again_or_refused(approved, staff) -> None:
    for decide in (
        lambda: services.approve_disclosure(disclosure=approved, actor=staff(Role.DPO)),
        lambda: services.refuse_disclosure(disclosure=approved, actor=staff(Role.DPO), reason="Changed my mind"),
    ):
        with pytest.raises(services.DisclosureInvalid):
            decide()


def test_an_approved_entry_cannot_be_edited_or_deleted(approved) -> None:
    approved.purpose = "Something else"
    with pytest.raises(DisclosureLocked):
        approved.save()
    with pytest.raises(DisclosureLocked):
        approved.delete()
    assert Disclosure.objects.get(pk=approved.pk).purpose.startswith("Tracing")


def test_a_refusal_is_logged_with_its_reason(logged, staff) -> None:
    with pytest.raises(services.DisclosureInvalid):
        services.refuse_disclosure(disclosure=logged, actor=staff(Role.IG_OFFICER), reason=" ")
    refused = services.refuse_disclosure(
        disclosure=logged, actor=staff(Role.IG_OFFICER), reason="The request form was not signed by an inspector"
    )
    assert refused.status == Status.REFUSED and refused.refusal_reason.startswith("The request form")
    assert AuditEvent.objects.filter(object_ref=logged.reference, action="refuse").exists()


def test_approval_checks_the_recipients_checks_again(logged, staff, frozen_clock) -> None:
    frozen_clock.move_to("2027-07-01 10:00+01:00")
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.approve_disclosure(disclosure=logged, actor=staff(Role.DPO))
    assert "expired" in refused.value.problems["recipient"]


def test_the_consent_route_keeps_the_ledgers_answer(unchecked, sharing_consent, person, staff) -> None:
    _check(unchecked, staff)
    details = services.DisclosureDetails(
        kind="other_agency",
        purpose="Referral to the exercise on prescription scheme",
        data_items=["Name", "Phone number", "Health condition"],
        route="consent",
        recipient=unchecked,
        special_category=True,
        subject_ids=[person],
        consent_purpose=sharing_consent,
    )
    entry = services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    done = services.approve_disclosure(disclosure=entry, actor=staff(Role.DPO))
    assert done.consent_event_id is not None and "consent given" in done.consent_basis


def test_a_consent_withdrawn_before_approval_blocks_it(unchecked, sharing_consent, person, staff) -> None:
    _check(unchecked, staff)
    details = services.DisclosureDetails(
        kind="other_agency",
        purpose="Referral",
        data_items=["Name"],
        route="consent",
        recipient=unchecked,
        subject_ids=[person],
        consent_purpose=sharing_consent,
    )
    entry = services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    withdraw_consent(subject=person, purpose=sharing_consent, channel=Channel.PHONE, actor=staff(Role.CASEWORKER))
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.approve_disclosure(disclosure=entry, actor=staff(Role.DPO))
    assert "No consent" in refused.value.problems["route"]


def test_the_consent_route_without_explicit_consent_refuses_special_category(unchecked, person, staff) -> None:
    from pledge.consent.models import PurposeKind
    from pledge.consent.services import ensure_purpose, ensure_wording, record_consent

    ensure_purpose(slug="sharing:gp", name="GP", kind=PurposeKind.SHARING, recipient="Anyshire Leisure Trust")
    ensure_wording(purpose="sharing:gp", version="v1", text="Share with the trust")
    record_consent(
        subject=person, purpose="sharing:gp", wording_version="v1", channel=Channel.PHONE, actor=staff(Role.DPO)
    )
    details = services.DisclosureDetails(
        kind="other_agency",
        purpose="Referral",
        data_items=["Health condition"],
        route="consent",
        recipient_name="Anyshire Leisure Trust",
        special_category=True,
        subject_ids=[person],
        consent_purpose="sharing:gp",
    )
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    assert "No consent" in refused.value.problems["route"]


def test_an_unknown_consent_purpose_is_a_clear_error(person, staff) -> None:
    details = services.DisclosureDetails(
        kind="other_agency",
        purpose="Referral",
        data_items=["Name"],
        route="consent",
        recipient_name="Anyshire Leisure Trust",
        subject_ids=[person],
        consent_purpose="sharing:nothing",
    )
    with pytest.raises(services.DisclosureInvalid) as refused:
        services.log_disclosure(actor=staff(Role.CASEWORKER), details=details)
    assert "no consent purpose" in refused.value.problems["consent_purpose"]
