"""CCTV footage on an access request (promise P041): scope it, retrieve and preserve it, deal with other people in it.

Scoping the footage names the surveillance system, camera or site and time window; it also puts a search task for
that system on the case, so the search progress and the rule that the response waits for every search include it.
Recording the retrieval completes that task. The dates come from ``pledge.law.footage``; each change is one
transaction with one audit row naming the case by reference only.
"""

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.casework import search_tasks, services
from pledge.casework.footage_models import FootageScope, RetrievalOutcome, ThirdPartyOutcome
from pledge.casework.models import Case, CaseKind, ExemptionDecision
from pledge.casework.record_models import SearchState, SearchTask
from pledge.casework.states import OPEN_STATES, is_open
from pledge.core.models import AuditAction
from pledge.law.footage import (
    DEFAULT_WARNING_DAYS,
    NEEDS_ACTION,
    FootageUrgency,
    WindowStatus,
    overwritten_before_receipt,
    window_problem,
    window_status,
)
from pledge.register.models import System


class FootageError(services.CaseworkError):
    """A footage change refused; ``field`` names the form field the message belongs to, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def warning_days() -> int:
    """Days before the overwrite day footage counts as at risk (``PLEDGE_FOOTAGE_WARNING_DAYS``, default 7)."""
    return int(getattr(settings, "PLEDGE_FOOTAGE_WARNING_DAYS", DEFAULT_WARNING_DAYS))


def footage_status(scope: FootageScope, *, now: datetime | None = None) -> WindowStatus:
    """How urgent retrieving the scope's footage is now."""
    return window_status(
        start=scope.window_start,
        end=scope.window_end,
        retention_days=scope.retention_days,
        now=now or timezone.now(),
        warning_days=warning_days(),
        tz=timezone.get_current_timezone(),
    )


def footage_warning(scope: FootageScope, *, now: datetime | None = None) -> str:
    """The warning for footage not yet retrieved that is at risk or gone, or "" when there is none to give."""
    if scope.retrieval:
        return ""
    status = footage_status(scope, now=now)
    start = f"Footage from {_when(scope.window_start)}"
    gone_on = f"{status.overwritten_on:%-d %B %Y}"
    if status.urgency == FootageUrgency.OVERWRITTEN:
        if overwritten_before_receipt(
            end=scope.window_end, retention_days=scope.retention_days, received_on=scope.case.received_on
        ):
            return f"{start} was already overwritten when the request was received. Record it as not available."
        return f"{start} was overwritten on {gone_on}. Record it as not available."
    if status.urgency == FootageUrgency.PARTLY_OVERWRITTEN:
        return f"{start} was overwritten on {gone_on} and the rest of the window is going. Retrieve what is left now."
    if status.urgency == FootageUrgency.LAST_DAY:
        return f"{start} is overwritten today at {timezone.localtime(status.overwritten_at):%H:%M}. Retrieve it now."
    if status.urgency == FootageUrgency.AT_RISK:
        left = f"{status.days_left} day{'' if status.days_left == 1 else 's'} left"
        return f"{start} is overwritten on {gone_on}: {left}. Retrieve and preserve it now."
    return ""


def scope_footage(
    *,
    case: Case,
    system: System,
    location: str,
    window_start: datetime,
    window_end: datetime,
    long_window_reason: str = "",
    actor: Any,
) -> FootageScope:
    """Record (or change, until the retrieval is recorded) which footage the request covers, and make sure the case
    has a search task for the system."""
    _check_open_cctv(case)
    if not system.surveillance:
        raise FootageError("Select a surveillance system", "system")
    if not system.footage_retention_days:
        raise FootageError("The register does not say how long this system keeps footage: add it first", "system")
    if not location.strip():
        raise FootageError("Select the site or enter the camera", "site")
    problem = window_problem(
        start=window_start, end=window_end, now=timezone.now(), long_window_reason=long_window_reason
    )
    if problem:
        raise FootageError(problem[1], problem[0])
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        scope = FootageScope.objects.filter(case=case).first()
        if scope is not None and scope.retrieval:
            raise FootageError("The footage has been retrieved: its scope can no longer change")
        old_task = scope.search_task if scope else None
        scope = scope or FootageScope(case=case, scoped_by=actor)
        scope.system, scope.system_label, scope.retention_days = system, system.name, system.footage_retention_days
        scope.location, scope.long_window_reason = location.strip(), long_window_reason.strip()
        scope.window_start, scope.window_end = window_start, window_end
        scope.search_task = _search_task_for(case=case, system=system, actor=actor)
        scope.scoped_by, scope.scoped_at = actor, timezone.now()
        scope.save()
        if old_task is not None and old_task.pk != scope.search_task.pk and old_task.state == SearchState.TO_DO:
            search_tasks.record_search(
                task=old_task,
                state=SearchState.NOT_APPLICABLE,
                note="The footage asked for is on another system",
                assignee=old_task.assignee,
                actor=actor,
            )
        services.record_case_event(
            case, actor, AuditAction.UPDATE, f"CCTV footage scoped: {system.name}, window of {_hours(scope)}"
        )
    return scope


def record_retrieval(
    *, scope: FootageScope, outcome: RetrievalOutcome | str, on: date, retrieved_by: str, reason: str, actor: Any
) -> FootageScope:
    """Record that the footage was retrieved and preserved (on a day, by whom) or why it is not available; the
    system's search task is completed to match."""
    chosen = RetrievalOutcome(outcome)
    case = scope.case
    _check_open_cctv(case)
    if on > timezone.localdate():
        raise FootageError("The date cannot be in the future", "on")
    if on < case.received_on:
        raise FootageError("The date cannot be before the request was received", "on")
    if chosen == RetrievalOutcome.PRESERVED and not retrieved_by.strip():
        raise FootageError("Enter who retrieved the footage", "retrieved_by")
    if chosen != RetrievalOutcome.PRESERVED and not reason.strip():
        raise FootageError("Give the reason the footage is not available", "reason")
    with transaction.atomic():
        # A second click waits here, then finds the retrieval recorded; a correction is a case note.
        if FootageScope.objects.select_for_update().filter(pk=scope.pk).exclude(retrieval="").exists():
            raise FootageError("The footage retrieval is already recorded")
        scope.retrieval, scope.retrieved_on = chosen, on
        scope.retrieved_by = retrieved_by.strip() if chosen == RetrievalOutcome.PRESERVED else ""
        scope.retrieval_reason = reason.strip()
        scope.retrieval_recorded_by, scope.retrieval_recorded_at = actor, timezone.now()
        if not scope.footage_preserved:  # nothing to disclose, so nobody else to protect
            scope.third_parties, scope.redaction_method, scope.exemption = "", "", None
        scope.save()
        if scope.search_task is not None:
            found = chosen == RetrievalOutcome.PRESERVED
            search_tasks.record_search(
                task=scope.search_task,
                state=SearchState.FOUND if found else SearchState.NOTHING_FOUND,
                note=f"Footage {chosen.label.lower()} on {on:%-d %B %Y}",
                assignee=scope.search_task.assignee,
                actor=actor,
            )
        services.record_case_event(case, actor, AuditAction.UPDATE, f"CCTV footage: {chosen.label.lower()}")
    return scope


def record_third_parties(
    *,
    scope: FootageScope,
    outcome: ThirdPartyOutcome | str,
    how: str,
    exemption: ExemptionDecision | None,
    actor: Any,
) -> FootageScope:
    """Record whether other people or vehicles are visible and how they were dealt with: redacted (how) or the
    footage withheld under one of the case's exemption decisions (DPA 2018 Sch 2 para 16)."""
    chosen = ThirdPartyOutcome(outcome)
    case = scope.case
    _check_open_cctv(case)
    if not scope.footage_preserved:
        raise FootageError("Record that the footage was retrieved and preserved first")
    if chosen == ThirdPartyOutcome.REDACTED and not how.strip():
        raise FootageError("Say how the other people or vehicles were redacted", "how")
    if chosen == ThirdPartyOutcome.WITHHELD:
        if exemption is None:
            raise FootageError("Select the exemption the footage is withheld under", "exemption")
        if exemption.case_id != case.pk:
            raise FootageError("Select one of this case's exemption decisions", "exemption")
    how = how.strip() if chosen == ThirdPartyOutcome.REDACTED else ""
    exemption = exemption if chosen == ThirdPartyOutcome.WITHHELD else None
    current = (scope.third_parties, scope.redaction_method, scope.exemption_id)
    if current == (chosen, how, exemption.pk if exemption else None):
        return scope  # the same answer again, from a double click: nothing changes, nothing to audit
    with transaction.atomic():
        scope.third_parties = chosen
        scope.redaction_method, scope.exemption = how, exemption
        scope.third_parties_recorded_by, scope.third_parties_recorded_at = actor, timezone.now()
        scope.save()
        services.record_case_event(
            case, actor, AuditAction.UPDATE, f"CCTV footage third parties: {chosen.label.split(' (')[0].lower()}"
        )
    return scope


def cases_with_footage_at_risk(case_ids: list[int], *, now: datetime | None = None) -> set[int]:
    """Which of ``case_ids`` have footage not yet retrieved that is at risk (one query, open CCTV cases only)."""
    scopes = FootageScope.objects.filter(
        case_id__in=case_ids, case__kind=CaseKind.ACCESS_CCTV, case__state__in=sorted(OPEN_STATES), retrieval=""
    )
    return {s.case_id for s in scopes if footage_status(s, now=now).urgency in NEEDS_ACTION}


def _search_task_for(*, case: Case, system: System, actor: Any) -> SearchTask:
    existing = case.search_tasks.filter(system=system).order_by("id").first()
    if existing is not None:
        return existing
    return search_tasks.add_search_task(case=case, service=None, system=system, actor=actor)


def _check_open_cctv(case: Case) -> None:
    if case.kind != CaseKind.ACCESS_CCTV:
        raise FootageError("Only a request for CCTV or ANPR footage has footage to record")
    if not is_open(case.state):
        raise FootageError("Footage can only be recorded while the request is open")


def _when(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y %H:%M}"


def _hours(scope: FootageScope) -> str:
    minutes = int((scope.window_end - scope.window_start).total_seconds() // 60)
    return f"{minutes // 60} h {minutes % 60:02d} min"


def footage_at_risk(*, now: datetime | None = None) -> list[tuple[Case, str]]:
    """Open CCTV cases whose footage is not retrieved and needs retrieving now, each with its warning."""
    scopes = FootageScope.objects.filter(
        case__kind=CaseKind.ACCESS_CCTV, case__state__in=sorted(OPEN_STATES), retrieval=""
    ).select_related("case", "case__assignee")
    return [
        (scope.case, footage_warning(scope, now=now))
        for scope in scopes
        if footage_status(scope, now=now).urgency in NEEDS_ACTION
    ]
