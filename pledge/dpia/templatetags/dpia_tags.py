"""The DPIA panel on a register activity's page: the latest screening and the DPIAs that cover it."""

from typing import Any

from django import template

from pledge.core.roles import Permission
from pledge.dpia import services
from pledge.register.models import ProcessingActivity

register = template.Library()


@register.inclusion_tag("dpia/_activity_panel.html", takes_context=True)
def activity_dpia_panel(context: dict[str, Any], activity: ProcessingActivity) -> dict[str, Any]:
    return {
        "activity": activity,
        "screening": services.latest_screening(activity),
        "dpias": list(activity.dpias.all()),
        "blocker": services.dpia_blocker(activity),
        "can_edit": context["request"].user.has_pledge_permission(Permission.EDIT_REGISTER),
    }
