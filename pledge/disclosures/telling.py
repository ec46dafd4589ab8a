"""Telling the person about a non-consensual disclosure (P112; UK GDPR Art 14(1)-(4), limited by DPA 2018 Sch 2
para 2 where telling would prejudice the purpose): a letter sent, or a dated decision that telling them is not safe
with a date to reconsider; reminders when that date comes. Also the recipients' due-diligence checks (P116) and the
activities kept to 'legal requirement only' (P118), which staff record here.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.disclosures.models import (
    CheckAnswer,
    Disclosure,
    DueDiligence,
    SharingRestriction,
    Status,
    TellDecision,
    TellOutcome,
)
from pledge.disclosures.services import DisclosureInvalid
from pledge.law.disclosure import needs_tell_step, not_safe_problem, review_due
from pledge.register.models import ProcessingActivity, Recipient


def latest_tell_decision(entry: Disclosure) -> TellDecision | None:
    """The decision that stands (the most recent), or None while nothing is recorded."""
    return entry.tell_decisions.order_by("-created_at", "-id").first()


def _check_tellable(entry: Disclosure) -> None:
    if entry.status != Status.APPROVED:
        raise DisclosureInvalid({"outcome": "Approve the disclosure before recording whether the person was told"})
    if not needs_tell_step(kind=entry.kind, route=entry.route):
        raise DisclosureInvalid({"outcome": "This disclosure has no 'tell the person' step"})


def record_person_told(*, disclosure: Disclosure, actor: Any, told_on: date) -> TellDecision:
    """Record that the letter telling the person what was disclosed and why was sent on ``told_on``."""
    _check_tellable(disclosure)
    today = timezone.localdate()
    if told_on > today:
        raise DisclosureInvalid({"told_on": "The date the letter was sent cannot be in the future"})
    if disclosure.approved_at and told_on < timezone.localdate(disclosure.approved_at):
        raise DisclosureInvalid({"told_on": "The letter cannot have been sent before the disclosure was approved"})
    with transaction.atomic():
        step = TellDecision.objects.create(
            disclosure=disclosure, outcome=TellOutcome.LETTER_SENT, decided_on=told_on, decided_by=actor
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="disclosure",
            object_ref=disclosure.reference,
            summary="The person was told by letter",
        )
    return step


def decide_not_to_tell(*, disclosure: Disclosure, actor: Any, reasons: str, review_on: date | None) -> TellDecision:
    """Record a dated decision that telling the person now is not safe, with the date to reconsider (P112)."""
    _check_tellable(disclosure)
    today = timezone.localdate()
    problem = not_safe_problem(reasons=reasons, review_on=review_on, today=today)
    if problem:
        raise DisclosureInvalid({problem[0]: problem[1]})
    with transaction.atomic():
        step = TellDecision.objects.create(
            disclosure=disclosure,
            outcome=TellOutcome.NOT_SAFE,
            decided_on=today,
            reasons=reasons.strip(),
            review_on=review_on,
            decided_by=actor,
        )
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="disclosure",
            object_ref=disclosure.reference,
            summary=f"Not safe to tell the person yet; reconsider on {review_on:%Y-%m-%d}",
        )
    return step


@dataclass(frozen=True)
class TellReview:
    disclosure: Disclosure
    decision: TellDecision


def reviews_due(*, today: date) -> list[TellReview]:
    """Standing 'not safe to tell' decisions whose review date has come, oldest date first."""
    found = []
    candidates = TellDecision.objects.filter(outcome=TellOutcome.NOT_SAFE, review_on__lte=today)
    for decision in candidates.select_related("disclosure").order_by("review_on", "id"):
        standing = latest_tell_decision(decision.disclosure)
        if (
            standing is not None
            and standing.pk == decision.pk
            and review_due(review_on=decision.review_on, today=today)
        ):
            found.append(TellReview(decision.disclosure, decision))
    return found


def tell_steps_missing() -> list[Disclosure]:
    """Approved non-consensual disclosures with no 'tell the person' step recorded yet."""
    approved = Disclosure.objects.filter(status=Status.APPROVED, tell_decisions__isnull=True)
    return [d for d in approved.order_by("approved_at") if needs_tell_step(kind=d.kind, route=d.route)]


def letter_text(entry: Disclosure, *, today: date) -> str:
    """The generated letter telling the person what was disclosed, to whom, why and on what basis (P112). Addressed
    by the caseworker from the case, so the log holds no address."""
    items = "\n".join(f"- {item}" for item in entry.data_items)
    when = timezone.localdate(entry.disclosed_on_or_approved) if entry.disclosed_on_or_approved else today
    return (
        f"Our reference: {entry.reference}\n{today:%-d %B %Y}\n\n"
        "Dear resident,\n\n"
        f"We are writing to tell you that on {when:%-d %B %Y} we shared information about you with "
        f"{entry.recipient_label}.\n\n"
        f"Why: {entry.purpose.rstrip('.')}.\n\nWhat we shared:\n{items}\n\n"
        f"The law that allowed it: {basis_sentence(entry)}.\n\n"
        + ("You agreed to this. " if entry.consensual else "The law allows us to share it without your consent. ")
        + "You can ask us for a copy of the "
        "information we hold about you, and you can complain to the Information Commissioner's Office if you are "
        "unhappy with how we have used it.\n\nYours sincerely,\n\nData Protection Officer\n"
        + f"{settings.PLEDGE_COUNCIL['name']}\n"
    )


def basis_sentence(entry: Disclosure) -> str:
    """The legal route in words: the gateway's statute and section, the exemption, or the court order."""
    if entry.route == "legal_gateway":
        return f"{entry.gateway_statute}, {entry.gateway_section}"
    if entry.route == "exemption":
        return entry.get_exemption_display()
    if entry.route == "court_order":
        return f"an order of {entry.court_name or 'the court'} (reference {entry.court_order_reference})"
    return "your consent"


def record_due_diligence(
    *,
    recipient: Recipient,
    actor: Any,
    agreement: str,
    security_assurance: str,
    contract: str,
    review_on: date | None,
    notes: str = "",
) -> DueDiligence:
    """Record a recipient's due-diligence checklist (P116): each item yes, no or not needed, and a review date."""
    answers = {"agreement": agreement, "security_assurance": security_assurance, "contract": contract}
    problems = {k: "Select yes, no or not needed" for k, v in answers.items() if v not in CheckAnswer.values}
    if review_on is None:
        problems["review_on"] = "Enter the date the checks are next reviewed"
    if problems:
        raise DisclosureInvalid(problems)
    with transaction.atomic():
        checks, _ = DueDiligence.objects.update_or_create(
            recipient=recipient,
            defaults={
                **answers,
                "review_on": review_on,
                "notes": notes.strip(),
                "checked_by": actor,
                "checked_on": timezone.localdate(),
            },
        )
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="recipient_due_diligence",
            object_ref=recipient.slug,
            summary="Due-diligence checks recorded",
            after={**answers, "review_on": f"{review_on:%Y-%m-%d}"},
        )
    return checks


def keep_to_legal_requirement(
    *, activity: ProcessingActivity, actor: Any, source: str = "", only: bool = True
) -> SharingRestriction:
    """Mark an activity 'no external sharing except legal requirement' (P118), or lift the mark (``only=False``)."""
    with transaction.atomic():
        restriction, _ = SharingRestriction.objects.update_or_create(
            activity=activity, defaults={"legal_requirement_only": only, "source": source.strip()}
        )
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="processing_activity",
            object_ref=activity.slug,
            summary="Kept to external sharing only where the law requires it"
            if only
            else "No longer kept to external sharing only where the law requires it",
        )
    return restriction
