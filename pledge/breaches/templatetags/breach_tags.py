"""``{% report_misdirected %}``: the case page's "Report as misdirected" button (the commonest council breach).

Reads ``case`` and ``request`` from the page; shown to staff who may report breaches and see cases.
"""

from typing import Any

from django import template

from pledge.core.roles import Permission

register = template.Library()


@register.inclusion_tag("breaches/_report_misdirected.html", takes_context=True)
def report_misdirected(context: template.Context) -> dict[str, Any]:
    """The button's data, or nothing for a user who may not report breaches."""
    user = context["request"].user
    shown = user.has_pledge_permission(Permission.REPORT_BREACH) and user.has_pledge_permission(Permission.VIEW_CASES)
    return {"shown": shown, "case": context["case"]}
