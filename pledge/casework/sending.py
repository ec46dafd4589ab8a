"""Sending a letter to the requester: by email (queued for the worker) or recorded as posted.

Each letter sent is kept as an ``IssuedLetter`` with its text frozen, and one audit row on the case's timeline
names the letter's kind and how it went, never the requester's address. The email carries the letter as its body
with the same letter as a PDF: never the copy of the requester's personal data, which goes only through the
requester portal. Pressing the button twice (the same letter, by the same route, within a minute) sends once.
"""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.casework import letters, response_letters, services
from pledge.casework.letter_email import email_issued_letter
from pledge.casework.models import Case, IssuedLetter, LetterDelivery
from pledge.casework.services import OBJECT_TYPE, CaseworkError
from pledge.core.audit import record
from pledge.core.models import AuditAction

DOUBLE_SUBMISSION_WINDOW = timedelta(minutes=1)

SENT_SUMMARY = {
    LetterDelivery.EMAIL: "Letter emailed to the requester",
    LetterDelivery.POST: "Letter recorded as posted to the requester",
}


@dataclass(frozen=True)
class Sent:
    letter: IssuedLetter
    repeated: bool  # True when this was a double submission and nothing new was sent


def send_letter_by_email(
    *, case: Case, kind: str, actor: Any, outcome: str = "", reasons: str = "", mark_responded: bool = False
) -> Sent:
    """Freeze the letter, audit it and queue the email to the requester once committed; CaseworkError if refused."""
    if not case.requester_email:
        raise CaseworkError("There is no email address for the requester: record the letter as posted instead")
    return _issue(case, kind, LetterDelivery.EMAIL, actor, outcome, reasons, mark_responded)


def record_letter_posted(
    *, case: Case, kind: str, actor: Any, outcome: str = "", reasons: str = "", mark_responded: bool = False
) -> Sent:
    """Freeze the letter as posted today and audit it; CaseworkError if the letter cannot be sent yet."""
    return _issue(case, kind, LetterDelivery.POST, actor, outcome, reasons, mark_responded)


def _issue(
    case: Case, kind: str, delivery: LetterDelivery, actor: Any, outcome: str, reasons: str, mark_responded: bool
) -> Sent:
    chosen = _sendable(case, kind, outcome, reasons)
    today = timezone.localdate()
    # The text is kept as its blocks write it (no template whitespace), so the email, the PDF and the record agree.
    rendered = letters.letter_text(case=case, kind=chosen, today=today, **_response_options(chosen, outcome, reasons))
    text = letters.blocks_to_text(letters.text_to_blocks(rendered))
    with transaction.atomic():
        # Lock the case so two submissions at once are decided one after the other.
        Case.objects.select_for_update().filter(pk=case.pk).first()
        recent = IssuedLetter.objects.filter(
            case=case,
            kind=chosen.value,
            delivery=delivery,
            body=text,
            issued_at__gte=timezone.now() - DOUBLE_SUBMISSION_WINDOW,
        ).last()
        if recent is not None:
            return Sent(letter=recent, repeated=True)
        letter = IssuedLetter.objects.create(
            case=case,
            kind=chosen.value,
            delivery=delivery,
            dated=today,
            subject=f"{chosen.label}: our reference {case.reference}",
            body=text,
            sent_to=case.requester_email if delivery == LetterDelivery.EMAIL else "",
            issued_by=actor,
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type=OBJECT_TYPE,
            object_ref=case.reference,
            summary=f"{SENT_SUMMARY[delivery]}: {chosen.label.lower()}",
            after={"letter": letter.pk, "kind": chosen.value, "delivery": delivery.value},
        )
        if mark_responded and chosen == letters.LetterKind.RESPONSE:
            services.mark_responded(case=case, on=today, actor=actor)
        if delivery == LetterDelivery.EMAIL:
            letter_id = letter.pk
            transaction.on_commit(lambda: email_issued_letter.enqueue(letter_id=letter_id))
    return Sent(letter=letter, repeated=False)


def _sendable(case: Case, kind: str, outcome: str, reasons: str) -> letters.LetterKind:
    try:
        chosen = letters.LetterKind(kind)
    except ValueError:
        raise CaseworkError("There is no such letter") from None
    blocked = response_letters.response_blocked(case) if chosen == letters.LetterKind.RESPONSE else ""
    if blocked:
        raise CaseworkError(blocked)
    if not letters.letter_applies(case, chosen):
        raise CaseworkError(f"This letter cannot be sent yet: {letters.NOT_YET_REASONS.get(chosen, '')}")
    if chosen == letters.LetterKind.RESPONSE:
        offered = [value for value, _ in response_letters.outcomes_for(case.kind)]
        if outcome and outcome not in offered:
            raise CaseworkError("Select what we did about the request")
        recorded = response_letters.recorded_outcome(case)[1]
        if response_letters.reasons_required(case, outcome) and not (reasons.strip() or recorded.strip()):
            raise CaseworkError("Give the reasons: the requester must be told them (UK GDPR Art 12(4))")
    return chosen


def _response_options(kind: letters.LetterKind, outcome: str, reasons: str) -> dict[str, str]:
    return {"outcome": outcome, "reasons": reasons} if kind == letters.LetterKind.RESPONSE else {}
