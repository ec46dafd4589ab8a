"""Placing and lifting legal holds, and the question a plan or disposal run asks: does a hold cover this record?

Keyword-only; each change is one transaction with one audit row naming the hold by number, never the person.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.retention.models import LegalHold

OBJECT_TYPE = "legal_hold"
# Identifiers precise enough to name one person on their own (a name or a postcode is not).
HOLD_IDENTIFIERS = frozenset({"email", "phone", "account_reference", "ni_number", "nhs_number", "uprn"})


class LegalHoldError(ValueError):
    """A hold refused with a reason staff can act on; nothing was saved."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def place_legal_hold(
    *,
    reason: str,
    review_on: date,
    actor: Any,
    case: Any = None,
    system: Any = None,
    record_refs: Iterable[str] = (),
    person_identifiers: Mapping[str, str] | None = None,
) -> LegalHold:
    """Hold every record the hold names (a case, a system, record references or a person's identifiers)."""
    cleaned_reason = (reason or "").strip()
    if not cleaned_reason:
        raise LegalHoldError("Enter why the records must be kept", field="reason")
    if review_on < timezone.localdate():
        raise LegalHoldError("The review date cannot be in the past", field="review_on")
    refs = sorted({ref.strip() for ref in record_refs if ref.strip()})
    identifiers = {k: v.strip() for k, v in (person_identifiers or {}).items() if v and v.strip()}
    unknown = set(identifiers) - HOLD_IDENTIFIERS
    if unknown:
        raise LegalHoldError(f"Not an identifier a hold can name: {', '.join(sorted(unknown))}", field="identifiers")
    if case is None and system is None and not refs and not identifiers:
        raise LegalHoldError("Say what the hold covers: a case, a system, records or a person's identifiers")
    hold = LegalHold(
        reason=cleaned_reason,
        review_on=review_on,
        case=case,
        system=system,
        record_refs=refs,
        person_identifiers=identifiers,
        placed_by=actor,
    )
    with transaction.atomic():
        hold.save()
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type=OBJECT_TYPE,
            object_ref=str(hold.pk),
            summary=f"Legal hold {hold.pk} placed ({_covers(hold)}), review by {review_on:%-d %B %Y}",
        )
    return hold


def lift_legal_hold(*, hold: LegalHold, reasons: str, actor: Any) -> LegalHold:
    """Lift a hold with reasons; the records fall back under their retention rules."""
    cleaned = (reasons or "").strip()
    if not cleaned:
        raise LegalHoldError("Enter why the hold is being lifted", field="reasons")
    with transaction.atomic():
        locked = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if not locked.active:
            raise LegalHoldError("This hold has already been lifted")
        hold.lifted_at, hold.lifted_by, hold.lifted_reasons = timezone.now(), actor, cleaned
        hold.save(update_fields=["lifted_at", "lifted_by", "lifted_reasons"])
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type=OBJECT_TYPE,
            object_ref=str(hold.pk),
            summary=f"Legal hold {hold.pk} lifted",
        )
    return hold


def review_legal_hold(*, hold: LegalHold, review_on: date, notes: str, actor: Any) -> LegalHold:
    """Record a review that keeps the hold in place, with the next review date and why it is still needed."""
    cleaned = (notes or "").strip()
    if not cleaned:
        raise LegalHoldError("Enter why the hold is still needed", field="notes")
    if review_on <= timezone.localdate():
        raise LegalHoldError("The next review date must be in the future", field="review_on")
    with transaction.atomic():
        locked = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if not locked.active:
            raise LegalHoldError("This hold has been lifted")
        hold.review_on = review_on
        hold.save(update_fields=["review_on"])
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type=OBJECT_TYPE,
            object_ref=str(hold.pk),
            summary=f"Legal hold {hold.pk} reviewed and kept, next review by {review_on:%-d %B %Y}",
        )
    return hold


def _covers(hold: LegalHold) -> str:
    parts = []
    if hold.case_id:
        parts.append(f"case {hold.case_id}")
    if hold.system_id:
        parts.append(f"system {hold.system_id}")
    if hold.record_refs:
        parts.append(f"{len(hold.record_refs)} records")
    if hold.person_identifiers:
        parts.append(f"a person's {', '.join(sorted(hold.person_identifiers))}")
    return ", ".join(parts)


def _same(left: str, right: str) -> bool:
    """Identifiers compared the way systems vary them: case, spaces and punctuation in phones and NI numbers."""

    return bool(left) and normalise_identifier(left) == normalise_identifier(right)


def hold_covers(
    hold: LegalHold,
    *,
    ref: str,
    register_system_id: int | None,
    case_id: int | None,
    identity: Mapping[str, str],
) -> bool:
    """True when ``hold`` covers the record ``ref`` (a RecordKey string) of ``register_system_id``, found for the
    case ``case_id``, whose identity fields are ``identity`` (IdentityField value -> text)."""
    if not hold.active:
        return False
    in_system = hold.system_id is None or hold.system_id == register_system_id
    if ref in hold.record_refs:
        return True
    if in_system and any(_same(value, str(identity.get(name, ""))) for name, value in hold.person_identifiers.items()):
        return True
    if hold.case_id is not None:
        # A hold on a case covers every record found for that case (in its system, when one is named).
        return hold.case_id == case_id and in_system
    # A hold naming only a system covers all of it; with records or identifiers, the system narrows them instead.
    return hold.system_id is not None and in_system and not hold.record_refs and not hold.person_identifiers


def holds_covering(
    *, ref: str, register_system_id: int | None, case_id: int | None, identity: Mapping[str, str]
) -> list[LegalHold]:
    """The active holds that cover one record, oldest first."""
    return [
        hold
        for hold in LegalHold.objects.active()
        if hold_covers(hold, ref=ref, register_system_id=register_system_id, case_id=case_id, identity=identity)
    ]


def normalise_identifier(value: str) -> str:
    """An identifier as holds compare it: case, spaces and punctuation dropped (phones, NI numbers)."""
    return "".join(ch for ch in value.casefold() if ch.isalnum() or ch in "@.")


@dataclass(frozen=True)
class HoldMatcher:
    """One active hold prepared for a disposal run's millions of records: the same answer as ``hold_covers``, with
    the identifiers normalised once and the case's records (its confirmed discovery results) listed."""

    hold_id: int
    reason: str
    system_id: int | None
    refs: frozenset[str]
    identifiers: tuple[tuple[str, str], ...]
    case_refs: frozenset[str] | None  # None for a hold without a case
    whole_system: bool

    def covers(self, *, ref: str, register_system_id: int | None, identity: Mapping[str, str]) -> bool:
        """True when this hold covers the record ``ref`` of ``register_system_id`` with identity ``identity``."""
        if ref in self.refs:
            return True
        in_system = self.system_id is None or self.system_id == register_system_id
        if not in_system:
            return False
        for name, wanted in self.identifiers:
            held = identity.get(name)
            # Several columns mapped to one field arrive joined by ", " (a message's From, To and Cc): any may match.
            if held and any(normalise_identifier(part) == wanted for part in held.split(", ")):
                return True
        if self.case_refs is not None:
            return ref in self.case_refs
        return self.whole_system


def hold_matchers() -> list[HoldMatcher]:
    """Every active hold as a ``HoldMatcher``, a case hold covering the records confirmed on that case."""
    from pledge.discovery.services import confirmed_records

    matchers = []
    for hold in LegalHold.objects.active().select_related("case"):
        case_refs = frozenset(str(ref) for ref in confirmed_records(case=hold.case)) if hold.case else None
        matchers.append(
            HoldMatcher(
                hold_id=hold.pk,
                reason=hold.reason,
                system_id=hold.system_id,
                refs=frozenset(hold.record_refs),
                identifiers=tuple(
                    (name, normalise_identifier(value)) for name, value in sorted(hold.person_identifiers.items())
                ),
                case_refs=case_refs,
                whole_system=hold.system_id is not None and not hold.record_refs and not hold.person_identifiers,
            )
        )
    return matchers
