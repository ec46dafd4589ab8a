"""Keyword-only builders for cases and their outcomes, going through the services as the app would."""

from datetime import date
from typing import Any

from pledge.casework import services as casework
from pledge.casework.models import Case, CaseKind, Channel
from pledge.fulfilment import services
from pledge.fulfilment.models import Restriction
from pledge.register.models import ProcessingActivity, System

NAME, EMAIL = "Zebedee Unusualname", "zebedee.unusualname@example.com"


def make_case(
    *, kind: CaseKind, received_on: date, activities: tuple[str, ...] = ("council-tax-billing",), actor: Any = None
) -> Case:
    """A case logged by staff about the given register activities, with the same requester every time."""
    case = casework.open_request(
        kind=kind,
        channel=Channel.EMAIL,
        received_on=received_on,
        requester_name=NAME,
        requester_email=EMAIL,
        summary="My council tax account is wrong",
        actor=actor,
    )
    case.activities.set(ProcessingActivity.objects.filter(slug__in=activities))
    return case


def make_restriction(
    *, case: Case, system: System, actor: Any, reference: str = "CT-1001", on: date, ground: str = "a"
) -> Restriction:
    return services.restrict_processing(
        case=case,
        system=system,
        record_reference=reference,
        ground=ground,
        scope="Council tax account details",
        started_on=on,
        actor=actor,
    )
