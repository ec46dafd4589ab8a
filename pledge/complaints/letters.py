"""Letters to a complainant: the acknowledgement (s.164A(3)), progress updates (s.164A(5)) and the outcome
(s.164A(4)(b)), each from a plain-text template a council can override (``complaints/letters/<kind>.txt``).

They are issued as the case's ``IssuedLetter`` rows, frozen as sent, and emailed by the case engine's task on
commit, so they sit in the same correspondence record as every other letter. The outcome states the right to
complain to the Information Commissioner with the ICO's details from central data (promise P124).
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.template import Context, Engine
from django.utils import timezone

from pledge.casework import letters as case_letters
from pledge.casework.letter_email import email_issued_letter
from pledge.casework.models import IssuedLetter, LetterDelivery
from pledge.casework.services import record_case_event
from pledge.complaints.models import Complaint, ComplaintLetterKind
from pledge.core.models import AuditAction
from pledge.law.complaints import ico_escalation_by, in_scope_of_section_164a
from pledge.notices.generation import load_ico_details


def letter_context(*, complaint: Complaint, today: date, **extra: Any) -> dict[str, Any]:
    """Everything a complaint letter may use: the council, the case, the complaint, the ICO."""
    case = complaint.case
    return {
        "today": today,
        "case": case,
        "complaint": complaint,
        "is_suggestion": case.kind == "suggestion",
        "council": case_letters.council_details(),
        "ico": load_ico_details(),
        "acknowledge_by": case.due_on,
        "statutory": in_scope_of_section_164a(case.received_on),
        "ico_by": ico_escalation_by(today),
        **extra,
    }


def letter_text(*, complaint: Complaint, kind: ComplaintLetterKind | str, today: date, **extra: Any) -> str:
    """The letter as sent: rendered, then normalised through blocks so the email, PDF and record agree."""
    chosen = ComplaintLetterKind(kind)
    template = Engine.get_default().get_template(f"complaints/letters/{chosen.value}.txt")
    rendered = template.render(Context(letter_context(complaint=complaint, today=today, **extra), autoescape=False))
    return case_letters.blocks_to_text(case_letters.text_to_blocks(rendered))


def issue_letter(
    *, complaint: Complaint, kind: ComplaintLetterKind, delivery: LetterDelivery, text: str, actor: Any
) -> IssuedLetter:
    """Keep the letter as sent, audit it by reference, and queue the email once committed (inside the caller's
    transaction)."""
    case = complaint.case
    letter = IssuedLetter.objects.create(
        case=case,
        kind=kind.value,
        delivery=delivery,
        dated=timezone.localdate(),
        subject=f"{kind.label}: our reference {case.reference}",
        body=text,
        sent_to=case.requester_email if delivery == LetterDelivery.EMAIL else "",
        issued_by=actor,
    )
    how = "emailed to" if delivery == LetterDelivery.EMAIL else "recorded as posted to"
    record_case_event(
        case,
        actor,
        AuditAction.CREATE,
        f"Letter {how} the complainant: {kind.label.lower()}",
        after={"letter": letter.pk, "kind": kind.value, "delivery": delivery.value},
    )
    if delivery == LetterDelivery.EMAIL:
        letter_id = letter.pk
        transaction.on_commit(lambda: email_issued_letter.enqueue(letter_id=letter_id))
    return letter
