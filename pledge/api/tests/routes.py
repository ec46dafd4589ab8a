"""Every API route with the permission it needs and a request that succeeds for a permitted caller."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.test import Client

from pledge.api.activities import activity_record
from pledge.core.roles import Permission
from pledge.register.models import ProcessingActivity, Status


def new_activity(**changes: Any) -> dict[str, Any]:
    """A valid body for ``POST /register/activities`` in the minimal register."""
    body: dict[str, Any] = {
        "service": "council-tax",
        "slug": "single-person-discount",
        "name": "Single person discounts",
        "purposes": ["to decide and review single person discounts"],
        "lawful_basis": "c",
        "legislation": ["Local Government Finance Act 1992 s.11"],
        "data_subjects": ["council tax payers"],
        "data_categories": ["name", "address", "who lives at the property"],
        "sources": ["you", "the electoral register"],
        "recipients": ["mailing-house"],
        "retention_rule": "six-years-after-closure",
    }
    body.update(changes)
    return {key: value for key, value in body.items() if value is not None}


def changed_activity(of: str = "garden-waste-subscription", **changes: Any) -> dict[str, Any]:
    """The activity as ``GET`` returns it, with ``changes``: a valid body for ``PUT``."""
    body = activity_record(ProcessingActivity.objects.get(slug=of))
    body.update({"effective_from": None, "review_by": None, "name": "Garden waste collection subscriptions"})
    body.update(changes)
    return body


def set_status(slug: str, status: Status) -> None:
    ProcessingActivity.objects.filter(slug=slug).update(status=status)


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    permission: Permission
    body: Callable[[], dict[str, Any]] | None = None
    prepare: Callable[[], None] = field(default=lambda: None)
    success: int = 200

    @property
    def writes(self) -> bool:
        return self.method != "GET"

    def __str__(self) -> str:
        return f"{self.method} {self.path}"


VIEW, EDIT, APPROVE = Permission.VIEW_REGISTER, Permission.EDIT_REGISTER, Permission.APPROVE_REGISTER
ROUTES = [
    Route("GET", "/api/v1/register/controllers", VIEW),
    Route("GET", "/api/v1/register/services", VIEW),
    Route("GET", "/api/v1/register/services/council-tax", VIEW),
    Route("GET", "/api/v1/register/activities?service=council-tax&basis=c&q=billing", VIEW),
    Route("GET", "/api/v1/register/activities/council-tax-billing", VIEW),
    Route("GET", "/api/v1/register/recipients", VIEW),
    Route("GET", "/api/v1/register/systems", VIEW),
    Route("GET", "/api/v1/register/retention-rules", VIEW),
    Route("GET", "/api/v1/rights?activity=council-tax-billing", VIEW),
    Route("POST", "/api/v1/register/activities", EDIT, body=new_activity, success=201),
    Route("PUT", "/api/v1/register/activities/garden-waste-subscription", EDIT, body=changed_activity),
    Route(
        "POST",
        "/api/v1/register/activities/garden-waste-subscription/submit",
        EDIT,
        prepare=lambda: set_status("garden-waste-subscription", Status.DRAFT),
    ),
    Route(
        "POST",
        "/api/v1/register/activities/council-tax-billing/approve",
        APPROVE,
        prepare=lambda: set_status("council-tax-billing", Status.SUBMITTED),
    ),
]


def send(client: Client, method: str, path: str, *, body: dict[str, Any] | None = None, token: str = "") -> Any:
    """One JSON request, with a bearer token when ``token`` is given."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    data = json.dumps(body, default=str) if body is not None else ""
    return client.generic(method, path, data=data, content_type="application/json", headers=headers)


def call(client: Client, route: Route, *, token: str = "") -> Any:
    """Prepare the data ``route`` needs, then send its request."""
    route.prepare()
    return send(client, route.method, route.path, body=route.body() if route.body else None, token=token)
