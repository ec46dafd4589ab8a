"""Keyword-only builders for cases, going through the services so every case is one the app could have made."""

from datetime import date
from typing import Any

from pledge.casework import services
from pledge.casework.models import Case, CaseKind, Channel

NAME, EMAIL = "Zebedee Unusualname", "zebedee.unusualname@example.com"


def make_case(
    *,
    received_on: date,
    kind: CaseKind = CaseKind.ACCESS,
    channel: Channel = Channel.EMAIL,
    actor: Any = None,
    summary: str = "Everything you hold about my council tax account",
) -> Case:
    """A case logged by staff, with the same requester every time."""
    return services.open_request(
        kind=kind,
        channel=channel,
        received_on=received_on,
        requester_name=NAME,
        requester_email=EMAIL,
        summary=summary,
        actor=actor,
    )
