"""Acknowledging a complaint (s.164A(3)): once, by email or post, late ones marked, the email queued on commit."""

from datetime import date

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from pledge.casework.models import IssuedLetter, LetterDelivery
from pledge.complaints.services import ComplaintError, acknowledge
from pledge.complaints.tests.factories import EMAIL, NAME, make_complaint
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_it_emails_the_acknowledgement_on_commit_and_records_the_date(
    today, caseworker, django_capture_on_commit_callbacks
) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26))
    today(date(2026, 12, 1))
    with django_capture_on_commit_callbacks(execute=True):
        acknowledge(complaint=complaint, delivery=LetterDelivery.EMAIL, actor=caseworker)
    complaint.refresh_from_db()
    assert complaint.acknowledged_on == date(2026, 12, 1)
    letter = IssuedLetter.objects.get(case=complaint.case)
    assert letter.kind == "complaint_acknowledgement"
    assert letter.sent_to == EMAIL
    assert (
        "We received your complaint about how we have handled personal information on 26 November 2026" in letter.body
    )
    assert DBTaskResult.objects.get(task_path="pledge.casework.letter_email.email_issued_letter")
    assert mail.outbox == []
    summaries = list(AuditEvent.objects.filter(object_ref=complaint.case.reference).values_list("summary", flat=True))
    assert "Complaint acknowledged" in summaries
    assert not any(NAME in s for s in summaries)


def test_a_late_acknowledgement_is_marked_late(today, caseworker) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26))
    today(date(2026, 12, 30))
    acknowledge(complaint=complaint, delivery=LetterDelivery.POST, actor=caseworker)
    assert AuditEvent.objects.filter(object_ref=complaint.case.reference, summary="Complaint acknowledged (late)")


def test_it_acknowledges_only_once(today, caseworker) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26))
    acknowledge(complaint=complaint, delivery=LetterDelivery.POST, actor=caseworker)
    with pytest.raises(ComplaintError, match="acknowledged on 26 November 2026"):
        acknowledge(complaint=complaint, delivery=LetterDelivery.POST, actor=caseworker)
    assert IssuedLetter.objects.count() == 1


def test_it_will_not_email_someone_without_an_address(today, caseworker) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26), email="")
    with pytest.raises(ComplaintError, match="record the letter as posted"):
        acknowledge(complaint=complaint, delivery=LetterDelivery.EMAIL, actor=caseworker)
    complaint.refresh_from_db()
    assert complaint.acknowledged_on is None
    assert not IssuedLetter.objects.exists()
