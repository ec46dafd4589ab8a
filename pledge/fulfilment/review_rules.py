"""What an automated-decision review still needs before the request can be answered (Arts 22-22D; P063).

Casework's ``mark_responded`` and ``response_blocked`` call ``unreviewed_decision_step``; this module imports only
models, so casework can import it at module level without a cycle.
"""

from pledge.casework.models import Case, CaseKind
from pledge.fulfilment.models import DecisionReview
from pledge.register.models import ProcessingActivity


def activities_to_review(case: Case) -> list[ProcessingActivity]:
    """The case's activities that make automated decisions: each needs a review with a human decision."""
    if case.kind != CaseKind.AUTOMATED_DECISION_REVIEW:
        return []
    return list(case.activities.filter(automated_decision=True).order_by("name"))


def unreviewed_decision_step(case: Case) -> str:
    """Why the request cannot be answered yet ("" when it can): an automated decision with no human decision."""
    waiting = activities_to_review(case)
    if not waiting:
        return ""
    decided = set(
        DecisionReview.objects.filter(case=case, decided_on__isnull=False).values_list("activity_id", flat=True)
    )
    undecided = [activity.name for activity in waiting if activity.pk not in decided]
    if not undecided:
        return ""
    names = "; ".join(undecided)
    return (
        f"A person must review the automated decision and record a new decision first ({names}): "
        "the response tells the requester the outcome of the review (UK GDPR Art 22C)"
    )
