"""What the response letter says about objection decisions and automated-decision reviews, activity by activity.

Read by ``pledge.casework.response_letters``; this module imports models and the law only, so casework can import
it at module level without a cycle.
"""

from typing import Any

from pledge.casework.models import Case, CaseKind
from pledge.fulfilment.models import DecisionReview, ObjectionDecision
from pledge.law.automated_decisions import ART22_EXCEPTIONS, Art22Exception, ReviewResult
from pledge.law.objection import CARRY_ON_GROUNDS, CarryOnGround, ObjectionOutcome


def objection_lines(case: Case) -> list[dict[str, Any]]:
    """Each objection decision: the activity, whether it stopped (and when), or the Art 21(1) ground and reasons."""
    if case.kind != CaseKind.OBJECTION:
        return []
    found = ObjectionDecision.objects.filter(case=case).select_related("activity").order_by("activity__name")
    return [
        {
            "name": d.activity.name,
            "stopped": d.outcome == ObjectionOutcome.STOPPED,
            "direct_marketing": d.activity.direct_marketing,
            "on": d.decided_on,
            "legal_claims": d.carry_on_ground == CarryOnGround.LEGAL_CLAIMS,
            "ground": CARRY_ON_GROUNDS[CarryOnGround(d.carry_on_ground)] if d.carry_on_ground else None,
            "reasons": d.reasons,
        }
        for d in found
    ]


def review_lines(case: Case) -> list[dict[str, Any]]:
    """Each decided review: the logic, the inputs used for the person, the original and the new decision (P063-4)."""
    if case.kind != CaseKind.AUTOMATED_DECISION_REVIEW:
        return []
    found = (
        DecisionReview.objects.filter(case=case, decided_on__isnull=False)
        .select_related("activity")
        .order_by("activity__name")
    )
    return [
        {
            "name": r.activity.name,
            "logic": r.activity.automated_decision_logic,
            "safeguards": r.activity.automated_decision_safeguards,
            "inputs": r.original_inputs,
            "original_on": r.original_decided_on,
            "original": r.original_outcome,
            "exception": ART22_EXCEPTIONS[Art22Exception(r.exception)],
            "exception_law": r.exception_law,
            "changed": r.result == ReviewResult.CHANGED,
            "new_decision": r.new_decision,
            "reasons": r.reasons,
            "decided_on": r.decided_on,
        }
        for r in found
    ]


def decided_outcome(case: Case) -> tuple[bool, str] | None:
    """``(done, reasons)`` from the recorded decisions, or None when none is recorded.

    An objection is done when every decided activity stopped; a review when any decision was changed. The reasons
    are those given for carrying on, or the reviewers' reasons.
    """
    if case.kind == CaseKind.OBJECTION:
        decisions = list(ObjectionDecision.objects.filter(case=case))
        if not decisions:
            return None
        carried_on = [d for d in decisions if d.outcome == ObjectionOutcome.CARRY_ON]
        return not carried_on, " ".join(d.reasons for d in carried_on)
    if case.kind == CaseKind.AUTOMATED_DECISION_REVIEW:
        reviews = list(DecisionReview.objects.filter(case=case, decided_on__isnull=False))
        if not reviews:
            return None
        return any(r.result == ReviewResult.CHANGED for r in reviews), " ".join(r.reasons for r in reviews)
    return None
