"""One decorator guards every staff view: sign-in first, then the role's permission, else 403."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from pledge.core.roles import Permission


def require_permission(permission: Permission) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Refuse anonymous users (to sign-in) and users whose role lacks ``permission`` (403 page)."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not user.has_pledge_permission(permission):  # type: ignore[union-attr]
                return render(request, "core/forbidden.html", {"staff_section": ""}, status=403)
            return view(request, *args, **kwargs)

        guarded.required_permission = permission  # type: ignore[attr-defined]
        return guarded

    return decorator


def require_staff(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Any signed-in member of staff, whatever the role (the dashboard)."""

    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return guarded
