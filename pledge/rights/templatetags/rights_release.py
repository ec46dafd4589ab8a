"""``{% release_panel case %}``: the case page's panel about the response released on the requester portal."""

from typing import Any

from django import template
from django.utils import timezone

from pledge.casework.models import Case
from pledge.core.roles import Permission
from pledge.rights import releases

register = template.Library()


@register.inclusion_tag("rights/staff/_release_panel.html", takes_context=True)
def release_panel(context: dict[str, Any], case: Case) -> dict[str, Any]:
    """What is released and until when, what waits to be released, and every download."""
    available = releases.available_files(case)
    user = context["request"].user
    return {
        "case": case,
        "available": len(available),
        "until": min((f.release.expires_at for f in available if f.release), default=None),
        "released": case.releases.exists(),
        "unreleased": releases.unreleased_files(case).count(),
        "downloads": list(releases.downloads_for(case)),
        "can_handle": user.has_pledge_permission(Permission.HANDLE_CASES),
        "now": timezone.now(),
    }


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """``mapping[key]`` in a template, or "" when missing."""
    return mapping.get(key, "")
