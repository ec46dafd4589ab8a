"""The 'tell the person' step of a non-consensual disclosure: a letter, or a dated decision that telling them is not
safe with a date to reconsider, and reminders when that date comes (P112)."""

from datetime import date

import pytest
from django.core import mail
from django.core.management import call_command

from pledge.core.roles import Role
from pledge.disclosures import telling
from pledge.disclosures.models import TellDecision, TellOutcome
from pledge.disclosures.services import DisclosureInvalid
from pledge.disclosures.tasks import send_tell_reminders

pytestmark = pytest.mark.django_db


def test_an_approved_police_disclosure_is_waiting_for_its_tell_step(approved) -> None:
    assert telling.tell_steps_missing() == [approved]


def test_it_records_the_letter_sent(approved, staff) -> None:
    step = telling.record_person_told(disclosure=approved, actor=staff(Role.CASEWORKER), told_on=date(2026, 12, 2))
    assert step.outcome == TellOutcome.LETTER_SENT
    assert telling.tell_steps_missing() == []


def test_the_letter_cannot_be_dated_in_the_future(approved, staff) -> None:
    with pytest.raises(DisclosureInvalid) as refused:
        telling.record_person_told(disclosure=approved, actor=staff(Role.CASEWORKER), told_on=date(2026, 12, 3))
    assert "future" in refused.value.problems["told_on"]


def test_a_disclosure_awaiting_approval_has_no_tell_step_yet(logged, staff) -> None:
    with pytest.raises(DisclosureInvalid):
        telling.record_person_told(disclosure=logged, actor=staff(Role.CASEWORKER), told_on=date(2026, 12, 2))


def test_not_safe_to_tell_needs_reasons_and_a_future_review_date(approved, staff) -> None:
    with pytest.raises(DisclosureInvalid) as refused:
        telling.decide_not_to_tell(disclosure=approved, actor=staff(Role.DPO), reasons="", review_on=date(2027, 3, 1))
    assert "reasons" in refused.value.problems
    with pytest.raises(DisclosureInvalid) as refused:
        telling.decide_not_to_tell(disclosure=approved, actor=staff(Role.DPO), reasons="Live", review_on=None)
    assert "review_on" in refused.value.problems
    step = telling.decide_not_to_tell(
        disclosure=approved, actor=staff(Role.DPO), reasons="The investigation is live", review_on=date(2027, 3, 1)
    )
    assert (step.outcome, step.decided_on, step.review_on) == (
        TellOutcome.NOT_SAFE,
        date(2026, 12, 2),
        date(2027, 3, 1),
    )


def test_a_review_falls_due_on_its_date_and_a_reminder_goes_once(approved, staff, frozen_clock) -> None:
    telling.decide_not_to_tell(
        disclosure=approved, actor=staff(Role.DPO), reasons="The investigation is live", review_on=date(2027, 3, 1)
    )
    assert telling.reviews_due(today=date(2027, 2, 28)) == []
    frozen_clock.move_to("2027-03-01 09:00+00:00")
    assert [r.disclosure for r in telling.reviews_due(today=date(2027, 3, 1))] == [approved]
    assert send_tell_reminders.call() == 1
    assert approved.reference in mail.outbox[0].subject
    assert "investigation" not in mail.outbox[0].body  # no reasons or personal data in the email
    assert send_tell_reminders.call() == 0
    assert TellDecision.objects.get().reminded_on == date(2027, 3, 1)


def test_a_later_letter_ends_the_review(approved, staff, frozen_clock) -> None:
    telling.decide_not_to_tell(
        disclosure=approved, actor=staff(Role.DPO), reasons="The investigation is live", review_on=date(2027, 3, 1)
    )
    frozen_clock.move_to("2027-03-02 09:00+00:00")
    telling.record_person_told(disclosure=approved, actor=staff(Role.CASEWORKER), told_on=date(2027, 3, 2))
    assert telling.reviews_due(today=date(2027, 3, 2)) == []


def test_the_command_sends_the_reminders_now(approved, staff, frozen_clock) -> None:
    telling.decide_not_to_tell(disclosure=approved, actor=staff(Role.DPO), reasons="Live", review_on=date(2027, 1, 5))
    frozen_clock.move_to("2027-01-05 09:00+00:00")
    call_command("disclosures", "remind", "--now")
    assert len(mail.outbox) == 1


def test_the_generated_letter_says_what_was_shared_with_whom_and_why(approved) -> None:
    text = telling.letter_text(approved, today=date(2026, 12, 2))
    assert "Anyshire Constabulary" in text and "- Current address" in text
    assert "DPA 2018 Sch 2 para 2" in text and approved.reference in text


def test_a_referral_to_the_responsible_authority_tells_the_person(staff) -> None:
    from pledge.disclosures import services
    from pledge.register.models import RecipientKind
    from pledge.register.tests.factories import make_recipient

    district = make_recipient(
        slug="anyshire-district", kind=RecipientKind.PUBLIC_BODY, name="Anyshire District Council"
    )
    telling.record_due_diligence(
        recipient=district,
        actor=staff(Role.DPO),
        agreement="yes",
        security_assurance="yes",
        contract="not_needed",
        review_on=date(2027, 12, 1),
    )
    details = services.DisclosureDetails(
        kind="referral",
        purpose="A missed bin collection, which the district council runs",
        data_items=["Name", "Address", "What was reported"],
        route="legal_gateway",
        recipient=district,
        gateway_statute="Environmental Protection Act 1990",
        gateway_section="s.45",
        justification="The district council is the waste collection authority",
        consent_sought=True,
    )
    entry = services.approve_disclosure(
        disclosure=services.log_disclosure(actor=staff(Role.CASEWORKER), details=details), actor=staff(Role.DPO)
    )
    assert telling.tell_steps_missing() == [entry]
    assert "Anyshire District Council" in telling.letter_text(entry, today=date(2026, 12, 2))
