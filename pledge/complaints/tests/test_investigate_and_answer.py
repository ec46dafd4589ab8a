"""Investigating and answering a complaint (s.164A(4), (5)): steps, progress updates, the outcome, closing."""

from datetime import date

import pytest

from pledge.casework.models import ComplaintKind, IssuedLetter, LetterDelivery
from pledge.casework.states import CaseState
from pledge.complaints.models import Finding, StepKind
from pledge.complaints.services import (
    ComplaintError,
    close_complaint,
    record_step,
    send_outcome,
    send_progress_update,
    withdraw_complaint,
)
from pledge.complaints.tests.factories import make_complaint
from pledge.notices.generation import load_ico_details

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(today):
    today(date(2026, 11, 26))
    return make_complaint(received_on=date(2026, 11, 26))


def test_the_first_step_starts_the_investigation(complaint, caseworker) -> None:
    record_step(
        complaint=complaint,
        kind=StepKind.ENQUIRY,
        taken_on=date(2026, 11, 26),
        description="Asked housing",
        actor=caseworker,
    )
    complaint.case.refresh_from_db()
    assert complaint.case.state == CaseState.IN_PROGRESS
    assert [s.description for s in complaint.steps.all()] == ["Asked housing"]


def test_a_step_needs_a_description_and_a_date_since_receipt(complaint, caseworker) -> None:
    with pytest.raises(ComplaintError, match="Describe"):
        record_step(
            complaint=complaint, kind=StepKind.OTHER, taken_on=date(2026, 11, 26), description=" ", actor=caseworker
        )
    with pytest.raises(ComplaintError, match="between"):
        record_step(
            complaint=complaint, kind=StepKind.OTHER, taken_on=date(2026, 11, 1), description="x", actor=caseworker
        )
    assert not complaint.steps.exists()


def test_a_progress_update_is_a_letter_kept_with_the_case(complaint, caseworker) -> None:
    send_progress_update(
        complaint=complaint,
        message="We are waiting for the housing team.",
        delivery=LetterDelivery.POST,
        actor=caseworker,
    )
    letter = IssuedLetter.objects.get(case=complaint.case, kind="complaint_progress")
    assert "We are waiting for the housing team." in letter.body


def test_the_outcome_letter_gives_findings_action_and_the_ico_route(complaint, caseworker) -> None:
    send_outcome(
        complaint=complaint,
        finding=Finding.UPHELD,
        findings="The letter went to an address we should have updated.",
        action_taken="We have corrected the address and retrained the team.",
        delivery=LetterDelivery.EMAIL,
        actor=caseworker,
    )
    complaint.refresh_from_db()
    assert complaint.outcome_sent_on == date(2026, 11, 26)
    assert complaint.case.state == CaseState.RESPONDED
    body = IssuedLetter.objects.get(case=complaint.case, kind="complaint_outcome").body
    ico = load_ico_details()
    for detail in (ico["name"], ico["address"], ico["phone"], ico["complaints_url"]):
        assert detail in body
    assert "Upheld: we got it wrong." in body
    assert "We have corrected the address" in body
    assert "by 26 February 2027" in body  # 3 months from the last contact (ICO "What to expect")
    close_complaint(complaint=complaint, actor=caseworker)
    complaint.case.refresh_from_db()
    assert complaint.case.state == CaseState.CLOSED


def test_the_outcome_needs_findings_for_a_complaint(complaint, caseworker) -> None:
    with pytest.raises(ComplaintError, match="Explain the findings"):
        send_outcome(
            complaint=complaint,
            finding=Finding.NOT_UPHELD,
            findings="",
            action_taken="None",
            delivery=LetterDelivery.POST,
            actor=caseworker,
        )
    complaint.refresh_from_db()
    assert complaint.outcome_sent_on is None
    assert not IssuedLetter.objects.exists()


def test_a_complaint_cannot_close_before_its_outcome(complaint, caseworker) -> None:
    with pytest.raises(ComplaintError, match="Send the outcome"):
        close_complaint(complaint=complaint, actor=caseworker)


def test_a_withdrawn_complaint_takes_no_more_steps(complaint, caseworker) -> None:
    withdraw_complaint(complaint=complaint, actor=caseworker)
    with pytest.raises(ComplaintError):
        record_step(
            complaint=complaint, kind=StepKind.OTHER, taken_on=date(2026, 11, 26), description="x", actor=caseworker
        )


def test_a_suggestion_reply_needs_no_finding(today, caseworker) -> None:
    today(date(2026, 11, 26))
    suggestion = make_complaint(received_on=date(2026, 11, 26), kind=ComplaintKind.SUGGESTION)
    send_outcome(
        complaint=suggestion,
        finding="",
        findings="",
        action_taken="We will add large-print letters.",
        delivery=LetterDelivery.POST,
        actor=caseworker,
    )
    suggestion.refresh_from_db()
    assert suggestion.finding == Finding.NOTED
    body = IssuedLetter.objects.get(case=suggestion.case).body
    assert "We will add large-print letters." in body
    assert "What we are doing about your suggestion" in body
