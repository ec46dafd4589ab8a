"""Keyword-only builders for complaints, through the services like every complaint the app makes."""

from datetime import date
from typing import Any

from pledge.casework.models import Channel, ComplaintKind
from pledge.complaints.models import Complaint
from pledge.complaints.services import log_complaint

NAME, EMAIL = "Ottoline Quibble", "ottoline.quibble@example.com"


def make_complaint(
    *,
    received_on: date,
    kind: ComplaintKind = ComplaintKind.COMPLAINT,
    channel: Channel = Channel.EMAIL,
    email: str = EMAIL,
    related_reference: str = "",
    actor: Any = None,
) -> Complaint:
    """A complaint from the same fictional person every time."""
    return log_complaint(
        kind=kind,
        channel=channel,
        received_on=received_on,
        name=NAME,
        email=email,
        address="" if email else "1 Example Row, Anyshire",
        summary="You sent my housing letter to my old address",
        related_reference=related_reference,
        actor=actor,
    )
