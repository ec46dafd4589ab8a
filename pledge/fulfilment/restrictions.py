"""Restricting processing of a record (Art 18): starting a restriction, lifting it once the person was told, and the
queries other council systems make through the API.
"""

import logging
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from pledge.casework.models import Case
from pledge.core.models import AuditAction
from pledge.fulfilment.applies import takes_restrictions
from pledge.fulfilment.checks import (
    FulfilmentError,
    audit,
    check_day,
    check_open,
    check_reference,
    check_system,
    check_text,
    lock_case,
)
from pledge.fulfilment.models import ContactMethod, Restriction, RestrictionQuerySet
from pledge.law.restriction import RESTRICTION_GROUNDS, RestrictionGround, lifting_problem, restriction_ground
from pledge.register.models import System

logger = logging.getLogger(__name__)


def restrict_processing(
    *,
    case: Case,
    system: System | None,
    record_reference: str,
    ground: RestrictionGround | str,
    scope: str,
    started_on: date,
    actor: Any,
) -> Restriction:
    """Flag the record ``record_reference`` in ``system`` as restricted on an Art 18(1) ground."""
    if not takes_restrictions(case):
        raise FulfilmentError("Restrictions are recorded on restriction, rectification and objection requests only")
    check_open(case, "A restriction")
    chosen = restriction_ground(str(ground))
    if chosen is None:
        raise FulfilmentError("Select the Art 18(1) ground for the restriction", field="ground")
    restriction = Restriction(
        case=case,
        system=check_system(system),
        record_reference=check_reference(record_reference),
        ground=chosen.value,
        scope=check_text(scope, field="scope", message="Enter which data or processing is restricted"),
        started_on=check_day(case, started_on, field="started_on", what="date the restriction started"),
        started_by=actor,
    )
    with transaction.atomic():
        lock_case(case)
        already = Restriction.objects.filter(
            case=case, system=restriction.system, record_reference=restriction.record_reference, lifted_on__isnull=True
        )
        if already.exists():
            raise FulfilmentError("That record is already restricted for this request", field="record_reference")
        restriction.save()
        audit(
            case,
            actor,
            AuditAction.CREATE,
            f"Restriction {restriction.pk} started in {restriction.system.name} "
            f"({RESTRICTION_GROUNDS[chosen].provision})",
        )
    return restriction


def lift_restriction(
    *,
    restriction: Restriction,
    person_told_on: date | None,
    person_told_how: ContactMethod | str,
    reasons: str,
    lifted_on: date | None,
    actor: Any,
) -> Restriction:
    """Lift a restriction; the person must have been told before (Art 18(3)). Allowed on a closed case too."""
    if not restriction.active:
        raise FulfilmentError("This restriction has already been lifted")
    case = restriction.case
    told_on = check_day(case, person_told_on, field="person_told_on", what="date the person was told")
    day = check_day(case, lifted_on, field="lifted_on", what="date the restriction was lifted")
    problem = lifting_problem(started_on=restriction.started_on, told_on=told_on, lifted_on=day)
    if problem:
        raise FulfilmentError(problem[1], field={"told_on": "person_told_on"}.get(problem[0], problem[0]))
    try:
        how = ContactMethod(person_told_how)
    except ValueError:
        raise FulfilmentError("Select how the person was told", field="person_told_how") from None
    cleaned = check_text(reasons, field="reasons", message="Enter why the restriction is being lifted")
    with transaction.atomic():
        locked = Restriction.objects.select_for_update().get(pk=restriction.pk)
        if not locked.active:
            raise FulfilmentError("This restriction has already been lifted")
        restriction.person_told_on, restriction.person_told_how = told_on, how.value
        restriction.lifted_on, restriction.lifted_reasons = day, cleaned
        restriction.lifted_by, restriction.lifted_at = actor, timezone.now()
        restriction.save(
            update_fields=["person_told_on", "person_told_how", "lifted_on", "lifted_reasons", "lifted_by", "lifted_at"]
        )
        audit(
            case,
            actor,
            AuditAction.UPDATE,
            f"Restriction {restriction.pk} in {restriction.system.name} lifted after the person was told",
            after={"lifted_on": day.isoformat(), "person_told_on": told_on.isoformat()},
        )
    _clear_flag_in_system(restriction, actor)
    return restriction


def _clear_flag_in_system(restriction: Restriction, actor: Any) -> None:
    """After the lift is recorded, blank the flag a plan set through a writable connector. A system that cannot be
    reached keeps its flag (the restriction stays lifted in Pledge) and the log says so, without personal data."""
    from pledge.discovery.connectors import ConnectionFailed, WriteFailed
    from pledge.discovery.sources import ReadOnlySystem
    from pledge.fulfilment.plan_execute import clear_restriction_flag

    try:
        clear_restriction_flag(restriction=restriction, actor=actor)
    except (ConnectionFailed, WriteFailed, ReadOnlySystem, OSError):
        logger.warning("Restriction %s lifted; its flag could not be cleared in the connected system", restriction.pk)


def active_restrictions(*, system: System | None = None) -> RestrictionQuerySet:
    """Restrictions in force, optionally in one system, oldest first."""
    found = Restriction.objects.active().select_related("system", "case")
    return found.filter(system=system) if system is not None else found


def restrictions_for_system(*, system: System, changed_since: datetime | None = None) -> RestrictionQuerySet:
    """Every restriction in force in ``system``, plus, with ``changed_since``, those lifted at or after it."""
    condition = Q(lifted_on__isnull=True)
    if changed_since is not None:
        condition |= Q(lifted_at__gte=changed_since)
    return Restriction.objects.filter(condition, system=system).order_by("id")


def restricted_records(*, system: System, records: Iterable[str]) -> dict[str, list[Restriction]]:
    """For each record reference asked about, the restrictions in force on it in ``system`` (empty when none)."""
    wanted = list(dict.fromkeys(reference.strip() for reference in records))
    found: dict[str, list[Restriction]] = {reference: [] for reference in wanted}
    for restriction in active_restrictions(system=system).filter(record_reference__in=wanted).order_by("id"):
        found[restriction.record_reference].append(restriction)
    return found
