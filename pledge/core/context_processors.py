"""Template context every page needs: the council's name, colour and logo."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from pledge.core.roles import Permission


def council(request: HttpRequest) -> dict[str, Any]:
    return {"council": settings.PLEDGE_COUNCIL}


def staff_permissions(request: HttpRequest) -> dict[str, Any]:
    """The signed-in user's permissions, so navigation offers only what their role can open."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"pledge_perms": frozenset()}
    return {"pledge_perms": frozenset(p.value for p in Permission if user.has_pledge_permission(p))}
