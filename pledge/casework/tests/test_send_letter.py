"""Sending letters: emailed through the worker on commit or recorded as posted, frozen, audited, sent once."""

from datetime import date

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from pledge.casework import services
from pledge.casework.letter_email import email_issued_letter
from pledge.casework.letters import LetterKind
from pledge.casework.models import CaseKind, IssuedLetter, LetterDelivery
from pledge.casework.response_letters import NO_ACTIVITIES
from pledge.casework.scope import choose_scope
from pledge.casework.sending import record_letter_posted, send_letter_by_email
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import EMAIL, NAME, make_case
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditEvent

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 10)


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def case(today, caseworker, register):
    today(TODAY)
    case = make_case(received_on=date(2026, 11, 2), actor=caseworker)
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    return case


def test_emailing_freezes_the_letter_audits_it_and_queues_the_email_on_commit(
    case, caseworker, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sent = send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert len(callbacks) == 1
    letter = sent.letter
    assert letter.delivery == LetterDelivery.EMAIL
    assert letter.sent_to == EMAIL
    assert letter.dated == TODAY
    assert letter.subject == f"Response to the request: our reference {case.reference}"
    assert "Why we use it: to bill and collect council tax" in letter.body
    queued = DBTaskResult.objects.get(task_path="pledge.casework.letter_email.email_issued_letter")
    assert queued.args_kwargs["kwargs"] == {"letter_id": letter.pk}
    assert mail.outbox == []  # nothing is sent inline
    event = AuditEvent.objects.filter(object_ref=case.reference).latest("id")
    assert event.summary == "Letter emailed to the requester: response to the request"
    assert event.after == {"letter": letter.pk, "kind": "response", "delivery": "email"}
    assert NAME not in event.summary and EMAIL not in str(event.after)


def test_nothing_is_queued_when_the_transaction_does_not_commit(case, caseworker) -> None:
    # Without committing (the test's transaction is rolled back), the on-commit hook never runs.
    send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert not DBTaskResult.objects.exists()


def test_the_worker_emails_the_letter_text_with_only_the_letter_pdf_attached(case, caseworker) -> None:
    sent = send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert email_issued_letter.call(letter_id=sent.letter.pk) == 1
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    assert message.subject == sent.letter.subject
    assert message.body == sent.letter.body
    (attachment,) = message.attachments
    name, content, mimetype = attachment
    assert name == f"{case.reference}-response.pdf"
    assert mimetype == "application/pdf"
    assert content[:5] == b"%PDF-"


def test_the_worker_sends_nothing_for_a_posted_letter(case, caseworker) -> None:
    sent = record_letter_posted(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert email_issued_letter.call(letter_id=sent.letter.pk) == 0
    assert mail.outbox == []


def test_recording_a_posted_letter_keeps_it_without_an_email(
    case, caseworker, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        sent = record_letter_posted(case=case, kind=LetterKind.ACKNOWLEDGEMENT, actor=caseworker)
    assert callbacks == []
    assert sent.letter.delivery == LetterDelivery.POST
    assert sent.letter.sent_to == ""
    assert "We have received your request" in sent.letter.body
    event = AuditEvent.objects.filter(object_ref=case.reference).latest("id")
    assert event.summary == "Letter recorded as posted to the requester: acknowledgement"


def test_sending_the_same_letter_twice_within_a_minute_sends_once(case, caseworker, time_machine) -> None:
    first = send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    second = send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert not first.repeated and second.repeated
    assert second.letter == first.letter
    assert IssuedLetter.objects.count() == 1
    assert AuditEvent.objects.filter(summary__startswith="Letter emailed").count() == 1


def test_sending_it_again_after_a_minute_sends_again(case, caseworker, time_machine) -> None:
    send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    time_machine.shift(61)
    again = send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert not again.repeated
    assert IssuedLetter.objects.count() == 2


def test_the_response_can_mark_the_case_responded(case, caseworker) -> None:
    record_letter_posted(case=case, kind=LetterKind.RESPONSE, actor=caseworker, mark_responded=True)
    case.refresh_from_db()
    assert case.state == CaseState.RESPONDED
    assert case.responded_on == TODAY


def test_a_failed_mark_responded_saves_no_letter(case, caseworker) -> None:
    services.mark_responded(case=case, on=TODAY, actor=caseworker)  # a second "responded" is an illegal move
    with pytest.raises(CaseworkError):
        record_letter_posted(case=case, kind=LetterKind.RESPONSE, actor=caseworker, mark_responded=True)
    assert not IssuedLetter.objects.exists()


def test_it_refuses_to_email_without_an_address(today, caseworker, register) -> None:
    today(TODAY)
    case = services.open_request(
        kind=CaseKind.ACCESS,
        channel="letter",
        received_on=TODAY,
        requester_name="Ann Example",
        requester_address="1 High Street",
        summary="My records",
        actor=caseworker,
    )
    with pytest.raises(CaseworkError, match="no email address"):
        send_letter_by_email(case=case, kind=LetterKind.ACKNOWLEDGEMENT, actor=caseworker)
    assert not IssuedLetter.objects.exists()


def test_it_refuses_a_response_before_activities_are_chosen(today, caseworker) -> None:
    today(TODAY)
    bare = make_case(received_on=TODAY, actor=caseworker)
    with pytest.raises(CaseworkError) as error:
        send_letter_by_email(case=bare, kind=LetterKind.RESPONSE, actor=caseworker)
    assert str(error.value) == NO_ACTIVITIES


def test_it_refuses_a_letter_the_case_has_not_reached(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="this case has not been extended"):
        record_letter_posted(case=case, kind=LetterKind.EXTENSION, actor=caseworker)


def test_it_refuses_an_unknown_letter_and_an_outcome_the_kind_does_not_offer(case, caseworker) -> None:
    with pytest.raises(CaseworkError, match="no such letter"):
        record_letter_posted(case=case, kind="ransom-note", actor=caseworker)
    with pytest.raises(CaseworkError, match="Select what we did"):
        record_letter_posted(case=case, kind=LetterKind.RESPONSE, outcome="refused", actor=caseworker)


def test_a_refused_erasure_needs_reasons(today, caseworker, register) -> None:
    today(TODAY)
    case = make_case(received_on=TODAY, kind=CaseKind.ERASURE, actor=caseworker)
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    with pytest.raises(CaseworkError, match="Give the reasons"):
        record_letter_posted(case=case, kind=LetterKind.RESPONSE, outcome="refused", actor=caseworker)
    sent = record_letter_posted(
        case=case, kind=LetterKind.RESPONSE, outcome="refused", reasons="Required by law.", actor=caseworker
    )
    assert "Required by law." in sent.letter.body


def test_the_response_waits_for_proof_of_identity(case, caseworker) -> None:
    services.ask_for_identity(case=case, on=TODAY, actor=caseworker)
    with pytest.raises(CaseworkError, match="waiting for proof of identity"):
        send_letter_by_email(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert not IssuedLetter.objects.exists()


def test_the_letter_is_kept_as_clean_text_that_reads_back_as_the_same_blocks(case, caseworker) -> None:
    from pledge.casework.letters import letter_blocks, text_to_blocks

    sent = record_letter_posted(case=case, kind=LetterKind.RESPONSE, actor=caseworker)
    assert "\n\n\n" not in sent.letter.body
    assert text_to_blocks(sent.letter.body) == letter_blocks(case=case, kind=LetterKind.RESPONSE, today=TODAY)
