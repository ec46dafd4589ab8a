"""What the portal tells a requester about their case, in plain English: its status, dates and what we need.

Every ``CaseState`` has a resident-facing wording here; staff labels ("Awaiting identity") stay on staff pages.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from pledge.casework.clock import clock_stops_for_clarification
from pledge.casework.models import Case, IssuedLetter
from pledge.casework.states import CaseState, is_open
from pledge.rights.forms import kind_label

RESIDENT_STATUS: dict[CaseState, tuple[str, str]] = {
    CaseState.RECEIVED: ("Received", "We have received your request and will start work on it soon."),
    CaseState.AWAITING_ID: (
        "Waiting for proof from you",
        "We need proof of who you are, or that you can act for the person the request is about, before we can "
        "start. The time we have to reply starts when we receive it.",
    ),
    CaseState.AWAITING_CLARIFICATION: (
        "Waiting for more information from you",
        "We have asked you to tell us more about what you want, so that we can find the right information.",
    ),
    CaseState.IN_PROGRESS: ("In progress", "We are working on your request."),
    CaseState.EXTENDED: (
        "In progress: we need more time",
        "Your request is complicated or one of several, so we have extended the time we have to reply.",
    ),
    CaseState.RESPONDED: ("Replied", "We have replied to your request."),
    CaseState.CLOSED: ("Closed", "Your request is closed. Contact us if you think something is missing."),
    CaseState.WITHDRAWN: ("Withdrawn", "You withdrew this request, so we have stopped working on it."),
}


@dataclass(frozen=True)
class PortalStatus:
    reference: str
    kind: str
    received_on: date
    status: str
    explanation: str
    reply_by: date | None
    replied_on: date | None
    extension_reason: str
    waiting_for: list[str]
    letters: list[IssuedLetter]


def waiting_for(case: Case) -> list[str]:
    """What we are waiting for from the requester, in their words; empty when nothing."""
    needs = []
    if case.state == CaseState.AWAITING_ID:
        needs.append("Proof of your identity, or that you can act for the person the request is about")
    if case.state == CaseState.AWAITING_CLARIFICATION:
        stops = " Until you reply, the time we have to answer is paused." if clock_stops_for_clarification(case) else ""
        needs.append(f"More detail about what you are asking for.{stops}")
    if case.fee_amount is not None and case.fee_received_on is None and is_open(case.state):
        needs.append(f"The fee of £{case.fee_amount:.2f} we wrote to you about")
    return needs


def portal_status(case: Case) -> PortalStatus:
    """Everything the portal page shows about ``case``."""
    status, explanation = RESIDENT_STATUS[CaseState(case.state)]
    return PortalStatus(
        reference=case.reference,
        kind=kind_label(case.kind),
        received_on=case.received_on,
        status=status,
        explanation=explanation,
        # Until proof arrives the clock has not started (R1.2), so there is no date to promise yet.
        reply_by=case.due_on if is_open(case.state) and case.state != CaseState.AWAITING_ID else None,
        replied_on=case.responded_on,
        extension_reason=case.extension_reason if case.extended else "",
        waiting_for=waiting_for(case),
        letters=list(IssuedLetter.objects.filter(case=case).order_by("issued_at", "id")),
    )


def _day(value: date) -> str:
    return f"{value:%-d %B %Y}"


def status_rows(status: PortalStatus) -> list[dict[str, Any]]:
    """The portal's summary list: what was asked, when, its status and the date we will reply by."""
    tag = render_to_string("frontend/components/tag.html", {"text": status.status, "classes": "govuk-tag--blue"})
    explanation = format_html('{}<p class="govuk-body govuk-!-margin-top-2">{}</p>', mark_safe(tag), status.explanation)
    rows: list[dict[str, Any]] = [
        {"key": "Reference", "value": status.reference},
        {"key": "What you asked for", "value": status.kind},
        {"key": "Received", "value": _day(status.received_on)},
        {"key": "Status", "value_html": explanation},
    ]
    if status.reply_by is not None:
        rows.append({"key": "We will reply by", "value": _day(status.reply_by)})
    elif status.waiting_for and status.replied_on is None:
        rows.append({"key": "We will reply by", "value": "1 month after we receive what we need from you"})
    if status.extension_reason:
        rows.append({"key": "Why we need more time", "value": status.extension_reason})
    if status.replied_on is not None:
        rows.append({"key": "We replied on", "value": _day(status.replied_on)})
    return rows
