"""Who is calling the API: another council system with a bearer token, or a signed-in member of staff.

Each route names one ``Permission``; ``requires`` turns it into ninja auth callables that answer 401 when
nobody is identified and 403 when the caller's role lacks the permission (``pledge.core.roles``).
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from ninja.errors import HttpError
from ninja.security import APIKeyCookie, HttpBearer
from ninja.security.base import AuthBase

from pledge.core.models import ServiceToken, User
from pledge.core.roles import Permission

Principal = User | ServiceToken


class ServiceTokenAuth(HttpBearer):
    """``Authorization: Bearer pledge_...``: a live (unrevoked) service token, looked up by its hash."""

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        super().__init__()

    def __call__(self, request: HttpRequest) -> ServiceToken | None:
        # Parsed here rather than by HttpBearer, which logs an unexpected Authorization header in DEBUG.
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        return self.authenticate(request, token.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ServiceToken | None:
        found = ServiceToken.objects.filter(token_hash=ServiceToken.hash(token), revoked_at__isnull=True).first()
        return _permitted(found, self.permission) if found is not None else None


class StaffSessionAuth(APIKeyCookie):
    """The Django session of a signed-in member of staff; unsafe methods must carry the CSRF token."""

    param_name = settings.SESSION_COOKIE_NAME

    def __init__(self, permission: Permission) -> None:
        self.permission = permission
        super().__init__(csrf=True)

    def __call__(self, request: HttpRequest) -> User | None:
        # CSRF guards a session someone could ride on; with no session the caller is simply unidentified (401).
        if not request.user.is_authenticated:
            return None
        result: User | None = super().__call__(request)
        return result

    def authenticate(self, request: HttpRequest, key: str | None) -> User | None:
        user = request.user
        return _permitted(user, self.permission) if isinstance(user, User) else None


def requires(permission: Permission) -> list[AuthBase]:
    """Ninja ``auth=`` for a route that needs ``permission``: a service token first, then a staff session."""
    return [ServiceTokenAuth(permission), StaffSessionAuth(permission)]


def actor_of(principal: Principal) -> Any:
    """What the audit trail records as the actor: the User, or the token's name."""
    return principal.name if isinstance(principal, ServiceToken) else principal


def principal_of(request: HttpRequest) -> Principal:
    """The authenticated caller of a route protected by ``requires``."""
    principal: Principal = request.auth  # type: ignore[attr-defined]
    return principal


def _permitted(principal: Principal, permission: Permission) -> Any:
    if not principal.has_pledge_permission(permission):
        role = principal.get_role_display()  # type: ignore[attr-defined]
        raise HttpError(403, f"The role {role!r} does not carry the {permission.value!r} permission.")
    return principal
