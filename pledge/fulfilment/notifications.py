"""Telling recipients of a rectification, erasure or restriction (Art 19), from the register.

The recipients are those of the case's processing activities and those of the disclosure log's approved
disclosures about the person (P054), each once. ``recipients_to_tell`` and
``recipients_line`` are what letters need: who the recipients are and the sentence naming them.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q

from pledge.casework.models import Case
from pledge.core.models import AuditAction
from pledge.disclosures.people import case_identifiers, recipients_for_notification
from pledge.fulfilment.checks import FulfilmentError, audit, check_day
from pledge.fulfilment.models import ContactMethod, Correction, ErasureOutcome, RecipientNotice, Restriction
from pledge.law.erasure import ErasureResult
from pledge.law.recipients import NoticeOutcome, notice_problem, recipients_sentence
from pledge.register.models import Recipient


@dataclass(frozen=True)
class RecipientToTell:
    """One recipient of the case's data, with what was recorded about telling them (None while untold)."""

    recipient: Recipient
    notice: RecipientNotice | None

    @property
    def kind(self) -> str:
        return self.recipient.get_kind_display()

    @property
    def untold(self) -> bool:
        return self.notice is None


def has_outcome_to_tell(case: Case) -> bool:
    """True once the case has a correction, an erasure (erased or anonymised) or a restriction: Art 19 applies."""
    erased = [ErasureResult.ERASED.value, ErasureResult.ANONYMISED.value]
    return (
        Correction.objects.filter(case=case).exists()
        or ErasureOutcome.objects.filter(case=case, result__in=erased).exists()
        or Restriction.objects.filter(case=case).exists()
    )


def recipients_to_tell(*, case: Case) -> list[RecipientToTell]:
    """The recipients of the case's activities in the register, and the register recipients of disclosures about the
    person (P054), each once, by name, with any notice recorded."""
    disclosed = [
        row.recipient_id
        for row in recipients_for_notification(case=case, identifiers=case_identifiers(case))
        if row.recipient_id is not None
    ]
    recipients = (
        Recipient.objects.filter(Q(activities__cases=case) | Q(pk__in=disclosed)).distinct().order_by("name", "id")
    )
    notices = {notice.recipient_id: notice for notice in case.recipient_notices.select_related("recorded_by")}
    return [RecipientToTell(recipient=r, notice=notices.get(r.pk)) for r in recipients]


def recipients_line(*, case: Case) -> str:
    """The sentence for the response letter naming the recipients (Art 19): told or being told, then excused."""
    rows = recipients_to_tell(case=case)
    told = [r.recipient.name for r in rows if r.notice is not None and r.notice.outcome == NoticeOutcome.TOLD]
    excused = [r.recipient.name for r in rows if r.notice is not None and r.notice.outcome != NoticeOutcome.TOLD]
    telling = [r.recipient.name for r in rows if r.notice is None]
    return recipients_sentence(told=told, excused=excused, telling=telling)


def record_recipient_notice(
    *,
    case: Case,
    recipient: Recipient | None,
    outcome: NoticeOutcome | str,
    told_on: date | None = None,
    method: ContactMethod | str = "",
    reasons: str = "",
    actor: Any,
) -> RecipientNotice:
    """Record that ``recipient`` was told (date, how), or why telling them was impossible or disproportionate."""
    if not has_outcome_to_tell(case):
        raise FulfilmentError("Record a correction, erasure or restriction before telling recipients")
    if recipient is None or recipient.pk not in {r.recipient.pk for r in recipients_to_tell(case=case)}:
        raise FulfilmentError("Select a recipient of this case's activities", field="recipient")
    problem = notice_problem(outcome=str(outcome), told=told_on is not None, method=str(method), reasons=reasons)
    if problem:
        raise FulfilmentError(problem[1], field=problem[0])
    chosen = NoticeOutcome(outcome)
    told = chosen == NoticeOutcome.TOLD
    if told:
        check_day(case, told_on, field="told_on", what="date the recipient was told")
        try:
            ContactMethod(method)
        except ValueError:
            raise FulfilmentError("Select how the recipient was told", field="method") from None
    notice = RecipientNotice(
        case=case,
        recipient=recipient,
        outcome=chosen.value,
        told_on=told_on if told else None,
        method=str(method) if told else "",
        reasons=reasons.strip(),
        recorded_by=actor,
    )
    try:
        with transaction.atomic():
            notice.save()
            audit(case, actor, AuditAction.CREATE, f"Art 19: {recipient.name} {_done(chosen)}")
    except IntegrityError:
        raise FulfilmentError(f"{recipient.name} is already recorded for this request", field="recipient") from None
    return notice


def _done(outcome: NoticeOutcome) -> str:
    return {
        NoticeOutcome.TOLD: "told",
        NoticeOutcome.IMPOSSIBLE: "not told (impossible)",
        NoticeOutcome.DISPROPORTIONATE: "not told (disproportionate effort)",
    }[outcome]
