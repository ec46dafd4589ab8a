"""Conditions a person sets on how we use their data ("do not share with X"), held against their matched identity.

Promise P069 (Art 21 and Art 18 in spirit; the council's notice says "you may set conditions on how we can use
it"): a condition is recorded on a case against the records confirmed as the person's there, shown to caseworkers
on the case, and checked by ``conditions_blocking`` before any disclosure of those records to a recipient.
"""

import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.services import record_case_event
from pledge.core.models import AuditAction
from pledge.discovery.models import ConditionRecord, UseCondition
from pledge.discovery.services import DiscoveryError, confirmed_records
from pledge.discovery.sources import RecordKey

_WORDS = re.compile(r"[a-z0-9]+")
# Words that say nothing about who a recipient is, so "the DWP" and "DWP" are the same recipient.
_FILLER = frozenset({"the", "a", "an", "of", "and", "my", "to", "with", "ltd", "limited", "plc"})


def recipient_words(name: str) -> frozenset[str]:
    """The words that identify a recipient, lower-case, without filler words."""
    return frozenset(word for word in _WORDS.findall(name.casefold()) if word not in _FILLER)


def recipient_matches(condition_recipient: str, recipient: str) -> bool:
    """True when a disclosure to ``recipient`` is to the one the condition names: every identifying word of the
    shorter name appears in the longer ("DWP" matches "the DWP fraud team"). Pure, so disclosure checks and tests
    agree on it."""
    named, asked = recipient_words(condition_recipient), recipient_words(recipient)
    if not named or not asked:
        return False
    shorter, longer = sorted((named, asked), key=len)
    return shorter <= longer


def record_condition(*, case: Case, recipient: str, detail: str, actor: Any) -> UseCondition:
    """Record a condition against the records confirmed as the person's on this case; refused when none are."""
    refs = confirmed_records(case=case)
    if not refs:
        raise DiscoveryError("Confirm the person's records first: a condition is held against their records")
    if not recipient.strip() or not detail.strip():
        raise DiscoveryError("Enter who the information must not go to, and the condition")
    with transaction.atomic():
        condition = UseCondition.objects.create(
            case=case, recipient=recipient.strip(), detail=detail.strip(), recorded_by=actor
        )
        ConditionRecord.objects.bulk_create(
            ConditionRecord(condition=condition, system=ref.system, table=ref.table, key=ref.key) for ref in refs
        )
        record_case_event(
            case, actor, AuditAction.CREATE, f"Condition on use {condition.pk} recorded on {len(refs)} records"
        )
    return condition


def lift_condition(*, condition: UseCondition, reason: str, actor: Any) -> UseCondition:
    """End a condition (the person withdrew it), with the reason; it stays on the case as history."""
    if not reason.strip():
        raise DiscoveryError("Give the reason the condition no longer applies")
    if not condition.active:
        raise DiscoveryError("That condition has already been lifted")
    with transaction.atomic():
        condition.lifted_by, condition.lifted_at, condition.lift_reason = actor, timezone.now(), reason.strip()
        condition.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
        record_case_event(condition.case, actor, AuditAction.UPDATE, f"Condition on use {condition.pk} lifted")
    return condition


def conditions_blocking(*, refs: Iterable[RecordKey], recipient: str) -> list[UseCondition]:
    """The active conditions that forbid disclosing any of these records to ``recipient``; empty means none do.

    Disclosure checks (sharing, access packages to a representative, Art 19 notices) call this before sending."""
    wanted = {(ref.system, ref.table, ref.key) for ref in refs}
    if not wanted:
        return []
    systems = {system for system, _, _ in wanted}
    rows = ConditionRecord.objects.filter(system__in=systems, condition__lifted_at__isnull=True).select_related(
        "condition"
    )
    blocking: dict[int, UseCondition] = {}
    for row in rows:
        if (row.system, row.table, row.key) in wanted and recipient_matches(row.condition.recipient, recipient):
            blocking[row.condition_id] = row.condition
    return sorted(blocking.values(), key=lambda condition: condition.pk)


def conditions_for_case(case: Case) -> list[UseCondition]:
    """Every condition on the person's confirmed records, from this case or an earlier one, newest first."""
    refs = confirmed_records(case=case)
    own = set(case.use_conditions.values_list("pk", flat=True))
    keys = {(ref.system, ref.table, ref.key) for ref in refs}
    others: set[int] = set()
    if keys:
        for row in ConditionRecord.objects.filter(system__in={k[0] for k in keys}).values_list(
            "condition_id", "system", "table", "key"
        ):
            if row[1:] in keys:
                others.add(row[0])
    return list(UseCondition.objects.filter(pk__in=own | others).select_related("recorded_by", "lifted_by", "case"))
