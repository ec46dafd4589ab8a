"""The Pledge JSON API, mounted at /api/v1/ (OpenAPI 3.1 documentation at /api/v1/docs).

Every error is JSON: ``{"detail": ...}``, and for a bad request body also ``"errors": [{field, message}]``.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from pledge.api.activities import ActivityInvalid, OutsideYourServices, WrongStatus
from pledge.consent.api import router as consent_router
from pledge.fulfilment.api import router as restrictions_router
from pledge.notices.api import router as notices_router
from pledge.register.api import rights_router
from pledge.register.api import router as register_router

api = NinjaAPI(
    title="Pledge API",
    version="1",
    urls_namespace="api-v1",
    description=(
        "The register of processing activities, privacy notices and data-subject rights. "
        "Authenticate with `Authorization: Bearer pledge_...` (a service token) or a staff session; "
        "session requests that change anything must send the CSRF token in `X-CSRFToken`."
    ),
)
api.add_router("/register/", register_router)
api.add_router("/rights", rights_router)
api.add_router("/notices", notices_router)
api.add_router("/restrictions", restrictions_router)
api.add_router("/consent", consent_router)


@api.exception_handler(AuthenticationError)
def not_signed_in(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    response = api.create_response(
        request,
        {"detail": "Authentication required: send 'Authorization: Bearer <service token>' or sign in as staff."},
        status=401,
    )
    response["WWW-Authenticate"] = 'Bearer realm="pledge"'
    return response


@api.exception_handler(ValidationError)
def invalid_request(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [{"field": _field_name(error.get("loc", ())), "message": error.get("msg", "")} for error in exc.errors]
    return api.create_response(request, {"detail": "The request is not valid.", "errors": errors}, status=422)


@api.exception_handler(ActivityInvalid)
def invalid_activity(request: HttpRequest, exc: ActivityInvalid) -> HttpResponse:
    errors = [{"field": problem.field, "message": problem.message} for problem in exc.problems]
    return api.create_response(request, {"detail": "The activity is not valid.", "errors": errors}, status=422)


@api.exception_handler(OutsideYourServices)
def outside_your_services(request: HttpRequest, exc: OutsideYourServices) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=403)


@api.exception_handler(WrongStatus)
def wrong_status(request: HttpRequest, exc: WrongStatus) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=409)


def _field_name(location: Any) -> str:
    """``("body", "payload", "legislation", 0)`` reads as ``legislation.0``; query and path names stay as they are."""
    parts = [str(part) for part in location]
    if parts[:1] == ["body"]:
        parts = parts[2:] or ["body"]
    elif parts[:1] in (["query"], ["path"]):
        parts = parts[1:]
    return ".".join(parts)
