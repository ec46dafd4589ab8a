"""Case-page panels from the rights engine: what the request concerns and which rights apply, and letters sent.

``{% case_rights_panel %}`` and ``{% case_issued_letters %}`` read ``case`` and ``request`` from the page, so
case.html needs one line for each.
"""

from typing import Any

from django import template

from pledge.casework.letter_forms import SendLetterForm
from pledge.casework.scope import FINISHED, case_activities, case_verdict
from pledge.core.roles import Permission
from pledge.law.request_rights import LEGAL_CLAIMS_CHECK
from pledge.law.rights import Right

register = template.Library()


def _can_handle(context: template.Context) -> bool:
    user = context["request"].user
    return bool(user.has_pledge_permission(Permission.HANDLE_CASES))


@register.inclusion_tag("casework/_rights_panel.html", takes_context=True)
def case_rights_panel(context: template.Context) -> dict[str, Any]:
    """The activities and team of the case, and for each activity whether the requested right applies and why."""
    case = context["case"]
    activities = case_activities(case)
    verdict = case_verdict(case, activities)
    return {
        "case": case,
        "activities": activities,
        "verdict": verdict,
        "erasure": verdict.right is Right.ERASURE,
        "legal_claims_check": LEGAL_CLAIMS_CHECK,
        "can_choose": _can_handle(context) and case.state not in FINISHED,
    }


@register.inclusion_tag("casework/_issued_letters.html", takes_context=True)
def case_issued_letters(context: template.Context) -> dict[str, Any]:
    """The letters sent on the case, newest last, each linking to its text as sent."""
    case = context["case"]
    return {"case": case, "issued": list(case.issued_letters.select_related("issued_by"))}


@register.inclusion_tag("casework/_send_letter.html", takes_context=True)
def letter_send_form(context: template.Context) -> dict[str, Any]:
    """The send form for a letter page other than the response (which has its own page)."""
    case, kind = context["case"], context["kind"]
    if not _can_handle(context) or context.get("not_yet"):
        return {"hidden": True}
    form = SendLetterForm(case=case, response=False, can_respond=False)
    return {"case": case, "kind": kind, "send_form": form, "csrf_token": context.get("csrf_token")}
