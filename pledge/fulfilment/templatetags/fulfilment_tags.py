"""``{% fulfilment_panel case %}``: the case page's panel of corrections, erasure outcomes, restrictions and Art 19."""

from typing import Any

from django import template

from pledge.casework.models import Case
from pledge.core.roles import Permission
from pledge.fulfilment.panel import panel_context

register = template.Library()


@register.inclusion_tag("fulfilment/panel.html", takes_context=True)
def fulfilment_panel(context: template.Context, case: Case) -> dict[str, Any]:
    """The panel for ``case``, with forms only for users who may handle cases; nothing for other kinds of case."""
    request = context["request"]
    can_handle = request.user.has_pledge_permission(Permission.HANDLE_CASES)
    can_list = request.user.has_pledge_permission(Permission.VIEW_RESTRICTIONS)
    return {
        **panel_context(case, can_handle=can_handle, user=request.user),
        "can_list_restrictions": can_list,
        "csrf_token": context.get("csrf_token"),
    }
