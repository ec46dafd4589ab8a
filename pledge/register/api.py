"""Register routes of the JSON API: read every register entity, create and change activities, approve them.

Routes are thin: parse, call one function of ``pledge.api.activities`` or a query below, return records in
the YAML shape (``pledge.register.records``). Permissions come from ``pledge.core.roles`` via ``requires``.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from pledge.api import activities
from pledge.api.auth import principal_of, requires
from pledge.api.schemas import Message, Problems, input_schema, record_schema
from pledge.core.roles import Permission
from pledge.law.bases import LawfulBasis
from pledge.law.rights import rights_for_activity
from pledge.register.models import Controller, ProcessingActivity, Recipient, RetentionRule, Service, System
from pledge.register.records import to_record

VIEW = requires(Permission.VIEW_REGISTER)
EDIT = requires(Permission.EDIT_REGISTER)
APPROVE = requires(Permission.APPROVE_REGISTER)
REFUSALS: dict[int, Any] = {401: Message, 403: Message}

ControllerOut = record_schema("controllers", name="Controller")
RecipientOut = record_schema("recipients", name="Recipient")
SystemOut = record_schema("systems", name="System")
RetentionRuleOut = record_schema("retention_rules", name="RetentionRule")
ServiceOut = record_schema("services", name="Service", extra={"activities": (list[str], Field(...))})
ActivityOut = record_schema("activities", name="Activity", extra={"service": (str, Field(...))})
if TYPE_CHECKING:
    ActivityIn = Schema
else:
    ActivityIn = input_schema(
        "activities",
        name="ActivityIn",
        extra={
            "service": (str, Field(..., min_length=1, description="slug of the service the activity belongs to")),
            "status": (str | None, Field(None, description="ignored: set by create, change, submit and approve")),
        },
    )


class ActivityPage(Schema):
    count: int
    page: int
    page_size: int
    items: list[ActivityOut]  # type: ignore[valid-type]


class ActivityFilters(Schema):
    service: str | None = Field(None, description="slug of a service")
    basis: LawfulBasis | None = Field(None, description="lawful basis, Art 6(1)(a)-(f)")
    q: str | None = Field(None, description="words in the activity's name or slug")
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=200)


class ApprovalIn(Schema):
    effective_from: date | None = Field(None, description="when the approved activity takes effect; today if empty")


class RightOut(Schema):
    right: str
    title: str
    applies: bool
    reason: str


class ActivityRights(Schema):
    activity: str
    lawful_basis: str
    rights: list[RightOut]


router = Router(tags=["register"])
rights_router = Router(tags=["rights"])


@router.get("/controllers", auth=VIEW, response={200: list[ControllerOut], **REFUSALS})  # type: ignore[valid-type]
def list_controllers(request: HttpRequest) -> list[dict[str, Any]]:
    return [to_record("controllers", c, include_empty=True) for c in Controller.objects.all()]


@router.get("/services", auth=VIEW, response={200: list[ServiceOut], **REFUSALS})  # type: ignore[valid-type]
def list_services(request: HttpRequest) -> list[dict[str, Any]]:
    return [_service_record(service) for service in _services()]


@router.get("/services/{slug}", auth=VIEW, response={200: ServiceOut, 404: Message, **REFUSALS})
def get_service(request: HttpRequest, slug: str) -> dict[str, Any]:
    return _service_record(get_object_or_404(_services(), slug=slug))


@router.get("/activities", auth=VIEW, response={200: ActivityPage, **REFUSALS})
def list_activities(request: HttpRequest, filters: Query[ActivityFilters]) -> dict[str, Any]:
    found = _matching_activities(service=filters.service, basis=filters.basis, words=filters.q)
    start = (filters.page - 1) * filters.page_size
    items = [activities.activity_record(a) for a in found[start : start + filters.page_size]]
    return {"count": found.count(), "page": filters.page, "page_size": filters.page_size, "items": items}


@router.get("/activities/{slug}", auth=VIEW, response={200: ActivityOut, 404: Message, **REFUSALS})
def get_activity(request: HttpRequest, slug: str) -> dict[str, Any]:
    return activities.activity_record(get_object_or_404(_activities(), slug=slug))


@router.post("/activities", auth=EDIT, response={201: ActivityOut, 422: Problems, **REFUSALS})
def create_activity(request: HttpRequest, payload: ActivityIn) -> Status[dict[str, Any]]:
    record = payload.model_dump()
    service = record.pop("service")
    activity = activities.create_activity(record=record, service_slug=service, principal=principal_of(request))
    return Status(201, activities.activity_record(activity))


@router.put("/activities/{slug}", auth=EDIT, response={200: ActivityOut, 404: Message, 422: Problems, **REFUSALS})
def update_activity(request: HttpRequest, slug: str, payload: ActivityIn) -> dict[str, Any]:
    record = payload.model_dump()
    service = record.pop("service")
    activity = activities.update_activity(
        activity=get_object_or_404(_activities(), slug=slug),
        record=record,
        service_slug=service,
        principal=principal_of(request),
    )
    return activities.activity_record(activity)


@router.post(
    "/activities/{slug}/submit", auth=EDIT, response={200: ActivityOut, 404: Message, 409: Message, **REFUSALS}
)
def submit_activity(request: HttpRequest, slug: str) -> dict[str, Any]:
    activity = get_object_or_404(_activities(), slug=slug)
    return activities.activity_record(activities.submit(activity=activity, principal=principal_of(request)))


@router.post(
    "/activities/{slug}/approve", auth=APPROVE, response={200: ActivityOut, 404: Message, 409: Message, **REFUSALS}
)
def approve_activity(request: HttpRequest, slug: str, payload: ApprovalIn | None = None) -> dict[str, Any]:
    activity = activities.approve(
        activity=get_object_or_404(_activities(), slug=slug),
        principal=principal_of(request),
        effective_from=payload.effective_from if payload else None,
    )
    return activities.activity_record(activity)


@router.get("/recipients", auth=VIEW, response={200: list[RecipientOut], **REFUSALS})  # type: ignore[valid-type]
def list_recipients(request: HttpRequest) -> list[dict[str, Any]]:
    return [to_record("recipients", r, include_empty=True) for r in Recipient.objects.all()]


@router.get("/systems", auth=VIEW, response={200: list[SystemOut], **REFUSALS})  # type: ignore[valid-type]
def list_systems(request: HttpRequest) -> list[dict[str, Any]]:
    return [to_record("systems", s, include_empty=True) for s in System.objects.all()]


@router.get("/retention-rules", auth=VIEW, response={200: list[RetentionRuleOut], **REFUSALS})  # type: ignore[valid-type]
def list_retention_rules(request: HttpRequest) -> list[dict[str, Any]]:
    return [to_record("retention_rules", r, include_empty=True) for r in RetentionRule.objects.all()]


@rights_router.get("", auth=VIEW, response={200: ActivityRights, 404: Message, **REFUSALS})
def rights(request: HttpRequest, activity: str) -> dict[str, Any]:
    """Which data-subject rights apply to an activity, each with the legal reason (UK GDPR Arts 13-22D)."""
    found = get_object_or_404(ProcessingActivity, slug=activity)
    answers = rights_for_activity(
        basis=found.basis,
        automated_processing=found.automated_processing,
        direct_marketing=found.direct_marketing,
        significant_automated_decision=found.automated_decision,
        law_enforcement=found.law_enforcement,
    )
    return {
        "activity": found.slug,
        "lawful_basis": found.lawful_basis,
        "rights": [
            {"right": a.right.value, "title": a.title, "applies": a.applies, "reason": a.reason} for a in answers
        ],
    }


def _services() -> QuerySet[Service]:
    return Service.objects.select_related("controller").prefetch_related("activities")


def _service_record(service: Service) -> dict[str, Any]:
    return {
        **to_record("services", service, include_empty=True),
        "activities": sorted(activity.slug for activity in service.activities.all()),
    }


def _activities() -> QuerySet[ProcessingActivity]:
    return ProcessingActivity.objects.select_related("service__controller", "retention_rule")


def _matching_activities(*, service: str | None, basis: str | None, words: str | None) -> QuerySet[ProcessingActivity]:
    found = _activities()
    if service:
        found = found.filter(service__slug=service)
    if basis:
        found = found.filter(lawful_basis=basis)
    if words:
        found = found.filter(Q(name__icontains=words) | Q(slug__icontains=words))
    return found
