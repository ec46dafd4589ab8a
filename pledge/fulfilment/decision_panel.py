"""The objection and automated-decision sections of the fulfilment panel: one row per activity of the case."""

from typing import Any

from pledge.casework.models import Case
from pledge.fulfilment import steps
from pledge.fulfilment.decision_forms import objection_activities, review_activities
from pledge.fulfilment.decisions import objection_verdict
from pledge.fulfilment.models import DecisionReview, ObjectionDecision
from pledge.fulfilment.review_rules import activities_to_review, unreviewed_decision_step
from pledge.law.automated_decisions import ART22_EXCEPTIONS, Art22Exception
from pledge.law.objection import CARRY_ON_GROUNDS, CarryOnGround


def objection_context(case: Case, *, can_add: bool) -> dict[str, Any]:
    """Each activity of the case with whether the right to object reaches it, and what was decided."""
    decisions = {d.activity_id: d for d in ObjectionDecision.objects.filter(case=case).select_related("decided_by")}
    rows = []
    for activity in case.activities.order_by("name"):
        verdict = objection_verdict(activity)
        decision = decisions.get(activity.pk)
        rows.append(
            {
                "activity": activity,
                "applies": verdict.applies,
                "absolute": verdict.absolute,
                "reason": verdict.reason,
                "decision": decision,
                "ground": CARRY_ON_GROUNDS[CarryOnGround(decision.carry_on_ground)].label
                if decision and decision.carry_on_ground
                else "",
            }
        )
    waiting = [row for row in rows if row["applies"] and row["decision"] is None]
    context: dict[str, Any] = {"objection_rows": rows, "objections_waiting": len(waiting)}
    if can_add and objection_activities(case).exists() and waiting:
        context["objection_form"] = steps.OBJECTION.form(case)
    return context


def review_context(case: Case, *, can_add: bool, user: Any) -> dict[str, Any]:
    """Each automated-decision activity of the case with its review, and the forms the user may use."""
    reviews = {
        r.activity_id: r for r in DecisionReview.objects.filter(case=case).select_related("reviewer", "set_up_by")
    }
    rows = []
    for activity in activities_to_review(case):
        review = reviews.get(activity.pk)
        mine = bool(review and user is not None and review.reviewer_id == user.pk)
        rows.append(
            {
                "activity": activity,
                "review": review,
                "exception": ART22_EXCEPTIONS[Art22Exception(review.exception)].label if review else "",
                "decision_form": steps.REVIEW_DECISION.form(case, target=review)
                if can_add and review and mine and not review.decided
                else None,
            }
        )
    context: dict[str, Any] = {"review_rows": rows, "review_step": unreviewed_decision_step(case)}
    if can_add and review_activities(case).exists():
        context["review_form"] = steps.REVIEW.form(case)
    return context
