"""``{% plan_panel case %}``: the case page's short summary of its erasure, rectification or restriction plan."""

from collections import Counter
from typing import Any

from django import template

from pledge.casework.models import Case
from pledge.fulfilment.plan_build import takes_plan
from pledge.fulfilment.plan_models import StepAction
from pledge.fulfilment.plan_views import current_plan

register = template.Library()


@register.inclusion_tag("fulfilment/plan/panel.html")
def plan_panel(case: Case) -> dict[str, Any]:
    """The plan's state and its steps counted by action; nothing for kinds of request a plan does not carry out."""
    if not takes_plan(case):
        return {"applies": False}
    plan = current_plan(case)
    counts = Counter(plan.steps.values_list("action", flat=True)) if plan else Counter()
    summary = ", ".join(f"{StepAction(a).label.lower()}: {n}" for a, n in sorted(counts.items()))
    return {"applies": True, "case": case, "plan": plan, "summary": summary}
