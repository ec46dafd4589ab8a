"""Keyword-only builders for CCTV requests: a surveillance system like the Anyshire town-centre CCTV, and a case."""

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from pledge.casework import footage
from pledge.casework.footage_models import FootageScope
from pledge.casework.models import Case, CaseKind
from pledge.casework.tests.factories import make_case
from pledge.register.models import System

LONDON = ZoneInfo("Europe/London")
SITES = ["Town centre (Market Street)", "Northgate bus station"]


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=LONDON)  # type: ignore[arg-type, misc]


def make_cctv_system(*, slug: str = "town-cctv", name: str = "Town centre CCTV", retention_days: int = 31) -> System:
    return System.objects.create(
        slug=slug,
        name=name,
        surveillance=True,
        operator="Anyshire Council Community Safety",
        sites=SITES,
        footage_retention_days=retention_days,
    )


def make_cctv_case(*, received_on: date) -> Case:
    return make_case(received_on=received_on, kind=CaseKind.ACCESS_CCTV, summary="Footage of me at the bus station")


def make_scope(
    *,
    case: Case,
    system: System,
    actor: Any,
    start: datetime | None = None,
    end: datetime | None = None,
    location: str = SITES[1],
) -> FootageScope:
    """A scope for an hour on 3 November 2026 from 10:00, unless told otherwise."""
    return footage.scope_footage(
        case=case,
        system=system,
        location=location,
        window_start=start or at(2026, 11, 3, 10),
        window_end=end or at(2026, 11, 3, 11),
        actor=actor,
    )
