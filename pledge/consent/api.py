"""Consent routes of the JSON API: other council systems ask before they act (UK GDPR Art 7(1), PECR reg 22).

People are named by their pseudonymous subject id. A system that knows only an email address first swaps it for the
id with ``POST /subject`` (the address travels in the body, so it never reaches a URL or an access log), then asks
``GET ?subject=...&purpose=...`` and gets the answer with its basis and the time of the event that decided it.
"""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from pledge.api.auth import requires
from pledge.api.schemas import ClosedSchema, Message, Problems
from pledge.consent import services
from pledge.consent.services import ConsentRefused
from pledge.core.roles import Permission

READ = requires(Permission.VIEW_CONSENT)
REFUSALS: dict[int, Any] = {401: Message, 403: Message}

router = Router(tags=["consent"])


class StatusQuery(Schema):
    subject: str = Field(..., min_length=1, max_length=100, description="pseudonymous subject id, e.g. em_3f2a...")
    purpose: str = Field(..., min_length=1, max_length=80, description="slug of a consent purpose, e.g. promotional")


class StatusOut(Schema):
    subject: str
    purpose: str
    given: bool = Field(
        ...,
        description="true when the council may act: a service message unless withdrawn; anything else only on an "
        "active consent with no opt-out or objection since",
    )
    basis: str = Field(..., description="why, in plain English: the event that decides it")
    decided_at: datetime | None = Field(None, description="when that event happened; null when nothing is recorded")


class SubjectIn(ClosedSchema):
    email: str = Field(..., min_length=3, max_length=254, description="the person's email address")


class SubjectOut(Schema):
    subject: str


@router.get("", auth=READ, response={200: StatusOut, 400: Message, 404: Message, 422: Problems, **REFUSALS})
def consent_status(request: HttpRequest, query: Query[StatusQuery]) -> dict[str, Any]:
    """Whether the council may act for this purpose: for a message purpose, whether it may go now (a service message
    goes unless withdrawn, P082; promotional, newsletter and marketing ones need an active consent and no opt-out or
    objection); for a sharing purpose, whether an active consent covers it. With the basis and when it was decided."""
    try:
        services.check_subject(query.subject)
    except ConsentRefused as refused:
        raise HttpError(400, str(refused)) from None
    try:
        answer = services.answer_for_system(subject=query.subject, purpose=query.purpose)
    except ConsentRefused as refused:
        raise HttpError(404, str(refused)) from None
    return {
        "subject": query.subject,
        "purpose": query.purpose,
        "given": answer.given,
        "basis": answer.basis,
        "decided_at": answer.decided_at,
    }


@router.post("/subject", auth=READ, response={200: SubjectOut, 400: Message, 422: Problems, **REFUSALS})
def subject_for_email(request: HttpRequest, payload: SubjectIn) -> dict[str, str]:
    """The pseudonymous subject id for an email address (nothing is recorded; the same address always gives the same
    id)."""
    try:
        return {"subject": services.subject_for_email(payload.email)}
    except ConsentRefused as refused:
        raise HttpError(400, str(refused)) from None
