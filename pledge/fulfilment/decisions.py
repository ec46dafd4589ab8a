"""Objection decisions (Art 21) and reviews of automated decisions (Arts 22-22D), one per activity of the case.

Keyword-only; each change is one transaction with one audit row naming row numbers and activities, never the
person's details. Errors are ``FulfilmentError``; when one is raised nothing was saved.
"""

from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from pledge.casework.models import Case, CaseKind
from pledge.casework.scope import activity_facts
from pledge.core.models import AuditAction
from pledge.core.roles import Permission
from pledge.fulfilment.checks import FulfilmentError, audit, check_day, check_open, lock_case
from pledge.fulfilment.models import DecisionReview, ObjectionDecision
from pledge.law.automated_decisions import (
    Art22Exception,
    ReviewResult,
    review_decision_problem,
    review_setup_problem,
)
from pledge.law.objection import CarryOnGround, ObjectionOutcome, objection_problem
from pledge.law.request_rights import ActivityVerdict, verdict_for_request
from pledge.register.models import ProcessingActivity


def objection_verdict(activity: ProcessingActivity) -> ActivityVerdict:
    """Whether the right to object applies to ``activity``, and whether it is absolute (direct marketing)."""
    return verdict_for_request(kind=CaseKind.OBJECTION, activities=[activity_facts(activity)]).activities[0]


def _case_activity(case: Case, activity: ProcessingActivity | None) -> ProcessingActivity:
    if activity is None:
        raise FulfilmentError("Select the activity", field="activity")
    if not case.activities.filter(pk=activity.pk).exists():
        raise FulfilmentError("Select one of the activities this request concerns", field="activity")
    return activity


def record_objection_decision(
    *,
    case: Case,
    activity: ProcessingActivity | None,
    outcome: ObjectionOutcome | str,
    carry_on_ground: CarryOnGround | str = "",
    reasons: str = "",
    how_stopped: str = "",
    decided_on: date,
    actor: Any,
) -> ObjectionDecision:
    """Record that processing for ``activity`` stopped (and how), or carries on under Art 21(1) with reasons.

    Direct marketing (Art 21(2)-(3)) can only stop; an activity the right does not apply to takes no decision.
    """
    if case.kind != CaseKind.OBJECTION:
        raise FulfilmentError("Objection decisions are recorded on objection requests only")
    check_open(case, "An objection decision")
    chosen = _case_activity(case, activity)
    verdict = objection_verdict(chosen)
    problem = objection_problem(
        applies=verdict.applies,
        absolute=verdict.absolute,
        outcome=str(outcome),
        carry_on_ground=str(carry_on_ground),
        reasons=reasons,
        how_stopped=how_stopped,
    )
    if problem:
        message = f"{problem[1]} ({verdict.reason})" if problem[0] == "activity" else problem[1]
        raise FulfilmentError(message, field=problem[0])
    decision = ObjectionDecision(
        case=case,
        activity=chosen,
        outcome=ObjectionOutcome(outcome).value,
        carry_on_ground=str(carry_on_ground),
        reasons=reasons.strip(),
        how_stopped=how_stopped.strip(),
        decided_on=check_day(case, decided_on, field="decided_on", what="date of the decision"),
        decided_by=actor,
    )
    try:
        with transaction.atomic():
            lock_case(case)
            decision.save()
            audit(
                case,
                actor,
                AuditAction.CREATE,
                f"Objection decision {decision.pk} on {chosen.slug}: {decision.outcome}",
            )
    except IntegrityError:
        raise FulfilmentError(f"A decision is already recorded for {chosen.name}", field="activity") from None
    return decision


def open_decision_review(
    *,
    case: Case,
    activity: ProcessingActivity | None,
    original_decided_on: date | None,
    original_outcome: str,
    original_inputs: str,
    exception: Art22Exception | str,
    exception_law: str = "",
    persons_view: str = "",
    reviewer: Any,
    actor: Any,
) -> DecisionReview:
    """Set up the review of one automated decision: what the system decided, from what, under which exception, and
    the member of staff who will look at it again."""
    if case.kind != CaseKind.AUTOMATED_DECISION_REVIEW:
        raise FulfilmentError("Decision reviews are recorded on requests to review an automated decision only")
    check_open(case, "A decision review")
    chosen = _case_activity(case, activity)
    if not chosen.automated_decision:
        raise FulfilmentError(f"The register says {chosen.name} makes no automated decisions", field="activity")
    if original_decided_on is None:
        raise FulfilmentError("Enter the date of the automated decision", field="original_decided_on")
    if original_decided_on > timezone.localdate():
        raise FulfilmentError("The date of the automated decision cannot be in the future", field="original_decided_on")
    problem = review_setup_problem(
        exception=str(exception), law=exception_law, inputs=original_inputs, outcome=original_outcome
    )
    if problem:
        raise FulfilmentError(problem[1], field=problem[0])
    if reviewer is None or not reviewer.has_pledge_permission(Permission.HANDLE_CASES):
        raise FulfilmentError("Select a member of staff who handles requests to review the decision", field="reviewer")
    review = DecisionReview(
        case=case,
        activity=chosen,
        original_decided_on=original_decided_on,
        original_outcome=original_outcome.strip(),
        original_inputs=original_inputs.strip(),
        exception=Art22Exception(exception).value,
        exception_law=exception_law.strip(),
        persons_view=persons_view.strip(),
        reviewer=reviewer,
        set_up_by=actor,
    )
    try:
        with transaction.atomic():
            lock_case(case)
            review.save()
            summary = f"Decision review {review.pk} on {chosen.slug} set up (Art 22(2)({review.exception}))"
            audit(case, actor, AuditAction.CREATE, summary)
    except IntegrityError:
        raise FulfilmentError(f"A review is already set up for {chosen.name}", field="activity") from None
    return review


def record_review_decision(
    *, review: DecisionReview, result: ReviewResult | str, new_decision: str, reasons: str, decided_on: date, actor: Any
) -> DecisionReview:
    """The named reviewer's new human decision, with reasons; once recorded it is not changed."""
    case = review.case
    check_open(case, "A review decision")
    if getattr(actor, "pk", None) != review.reviewer_id:
        raise FulfilmentError(f"Only the named reviewer ({review.reviewer.get_username()}) can record the decision")
    problem = review_decision_problem(result=str(result), new_decision=new_decision, reasons=reasons)
    if problem:
        raise FulfilmentError(problem[1], field=problem[0])
    day = check_day(case, decided_on, field="decided_on", what="date of the decision")
    with transaction.atomic():
        lock_case(case)
        review.refresh_from_db()
        if review.decided:
            raise FulfilmentError("The reviewer's decision is already recorded")
        review.result = ReviewResult(result).value
        review.new_decision = new_decision.strip()
        review.reasons = reasons.strip()
        review.decided_on = day
        review.save(update_fields=["result", "new_decision", "reasons", "decided_on"])
        audit(
            case, actor, AuditAction.UPDATE, f"Decision review {review.pk}: human decision recorded ({review.result})"
        )
    return review
