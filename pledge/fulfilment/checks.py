"""Checks every fulfilment service makes before it saves anything, and the error they raise."""

from datetime import date
from typing import Any

from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.states import CaseState
from pledge.core.audit import record
from pledge.core.models import AuditAction

# Events go on the case's own trail, so the case page's timeline shows them (pledge.casework.services.OBJECT_TYPE).
CASE_OBJECT_TYPE = "case"
FINISHED = (CaseState.CLOSED, CaseState.WITHDRAWN)
MAX_REFERENCE = 200


class FulfilmentError(ValueError):
    """A change refused with a reason staff can act on; nothing was saved. ``field`` names the form field at fault."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def check_open(case: Case, what: str) -> None:
    if case.state in FINISHED:
        raise FulfilmentError(f"{what} cannot be recorded on a closed or withdrawn case")


def check_day(case: Case, day: date | None, *, field: str, what: str) -> date:
    """``day`` when it is given, not in the future and not before the request arrived."""
    if day is None:
        raise FulfilmentError(f"Enter the {what}", field=field)
    if day > timezone.localdate():
        raise FulfilmentError(f"The {what} cannot be in the future", field=field)
    if day < case.received_on:
        raise FulfilmentError(
            f"The {what} cannot be before the request was received ({case.received_on:%-d %B %Y})", field=field
        )
    return day


def check_text(value: str, *, field: str, message: str) -> str:
    cleaned = (value or "").strip()
    if not cleaned:
        raise FulfilmentError(message, field=field)
    return cleaned


def check_reference(value: str) -> str:
    """The record's reference in its system: required, at most 200 characters."""
    cleaned = check_text(value, field="record_reference", message="Enter the record's reference in that system")
    if len(cleaned) > MAX_REFERENCE:
        raise FulfilmentError(
            f"The record's reference must be {MAX_REFERENCE} characters or fewer", field="record_reference"
        )
    return cleaned


def check_system(system: Any) -> Any:
    if system is None:
        raise FulfilmentError("Select the system the record is in", field="system")
    return system


def lock_case(case: Case) -> None:
    """Inside a transaction, hold the case row so two identical submissions are checked one after the other.

    PostgreSQL queues the second until the first commits; SQLite allows one writer at a time anyway.
    """
    Case.objects.select_for_update().filter(pk=case.pk).first()


def audit(case: Case, actor: Any, action: AuditAction, summary: str, **changes: Any) -> None:
    """One row on the case's trail, inside the change's transaction; it names systems and row numbers only."""
    record(
        actor=actor,
        action=action,
        object_type=CASE_OBJECT_TYPE,
        object_ref=case.reference,
        summary=summary,
        **changes,
    )
