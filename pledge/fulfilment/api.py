"""Restriction routes of the JSON API (UK GDPR Art 18): which records other council systems must only store.

Records are named by their reference in the system, never by the person's details. The list takes only the
system's slug in its URL; asking about particular records is a POST, so their references stay out of URLs and logs.
"""

from datetime import date, datetime
from typing import Annotated, Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from pydantic import StringConstraints

from pledge.api.auth import requires
from pledge.api.schemas import Message, Problems
from pledge.core.roles import Permission
from pledge.fulfilment import services
from pledge.fulfilment.models import Restriction
from pledge.law.restriction import PERMITTED_PROCESSING, RESTRICTION_GROUNDS, RestrictionGround
from pledge.register.models import System

READ = requires(Permission.VIEW_RESTRICTIONS)
REFUSALS: dict[int, Any] = {401: Message, 403: Message}
MAX_LOOKUP = 1000
RecordReference = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]

router = Router(tags=["restrictions"])


class RestrictionOut(Schema):
    id: int
    record_reference: str = Field(..., description="the record's reference in the system")
    ground: str = Field(..., description="Art 18(1) ground, a-d")
    ground_title: str
    scope: str = Field(..., description="which data or processing is restricted")
    started_on: date
    active: bool
    lifted_on: date | None = None
    lifted_at: datetime | None = None


class RestrictionList(Schema):
    system: str
    as_of: datetime = Field(..., description="send this back as changed_since next time")
    permitted_processing: str
    restrictions: list[RestrictionOut]


class ListFilters(Schema):
    system: str = Field(..., min_length=1, max_length=80, description="slug of a system in the register")
    changed_since: datetime | None = Field(
        None, description="ISO 8601 date-time; adds restrictions lifted at or after it (naive times are UK time)"
    )


class LookupIn(Schema):
    system: str = Field(..., min_length=1, max_length=80, description="slug of a system in the register")
    records: list[RecordReference] = Field(
        ..., min_length=1, max_length=MAX_LOOKUP, description=f"record references in that system, 1 to {MAX_LOOKUP}"
    )


class LookupResult(Schema):
    record_reference: str
    restricted: bool
    restrictions: list[RestrictionOut]


class LookupOut(Schema):
    system: str
    permitted_processing: str
    results: list[LookupResult]


@router.get("", auth=READ, response={200: RestrictionList, 404: Message, 422: Problems, **REFUSALS})
def list_restrictions(request: HttpRequest, filters: Query[ListFilters]) -> dict[str, Any]:
    """The restrictions in force in a system; with ``changed_since``, also those lifted since then."""
    as_of = timezone.now()
    system = _system(filters.system)
    since = filters.changed_since
    if since is not None and timezone.is_naive(since):
        since = timezone.make_aware(since)
    found = services.restrictions_for_system(system=system, changed_since=since)
    return {
        "system": system.slug,
        "as_of": as_of,
        "permitted_processing": PERMITTED_PROCESSING,
        "restrictions": [_out(r) for r in found],
    }


@router.post("/lookup", auth=READ, response={200: LookupOut, 404: Message, 422: Problems, **REFUSALS})
def lookup_restrictions(request: HttpRequest, payload: LookupIn) -> dict[str, Any]:
    """Which of the given records in a system are restricted, in the order asked (duplicates once)."""
    system = _system(payload.system)
    found = services.restricted_records(system=system, records=payload.records)
    return {
        "system": system.slug,
        "permitted_processing": PERMITTED_PROCESSING,
        "results": [
            {"record_reference": reference, "restricted": bool(items), "restrictions": [_out(r) for r in items]}
            for reference, items in found.items()
        ],
    }


def _system(slug: str) -> System:
    found = System.objects.filter(slug=slug).first()
    if found is None:
        raise HttpError(404, f"No system with the slug {slug!r} is in the register.")
    return found


def _out(restriction: Restriction) -> dict[str, Any]:
    return {
        "id": restriction.pk,
        "record_reference": restriction.record_reference,
        "ground": restriction.ground,
        "ground_title": RESTRICTION_GROUNDS[RestrictionGround(restriction.ground)].label,
        "scope": restriction.scope,
        "started_on": restriction.started_on,
        "active": restriction.active,
        "lifted_on": restriction.lifted_on,
        "lifted_at": restriction.lifted_at,
    }
