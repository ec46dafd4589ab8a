"""Finding the person a case is about in every connected system: discovery runs, candidates and decisions.

Art 15(1A) (DUAA s.78, in force 19 June 2025): a controller need only make reasonable and proportionate searches,
and must be able to show it did. Each run records the identifiers it used, each system searched (with its hit
count), excluded (with the reason) or unreachable, and who confirmed or rejected each candidate record, when. Only
a confirmed candidate of the latest finished run leaves the council (``confirmed_records``): nothing on a guess.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.services import CaseworkError, record_case_event
from pledge.casework.states import is_open
from pledge.core.models import AuditAction
from pledge.discovery.models import (
    Candidate,
    CandidateDecision,
    DiscoveryRun,
    RunState,
    SystemSearch,
    SystemSearchState,
)
from pledge.discovery.sources import RecordKey, SystemConfig
from pledge.register.models import Controller, ControllerKind, System

logger = logging.getLogger(__name__)

# Candidates scoring below this are not listed: more likely someone else's (a namesake, a household member) than the
# requester's, and listing them would show caseworkers other people's records for nothing.
MIN_PROBABILITY = 0.5
MAX_CANDIDATES = 200
# The identifiers a run searches with, in the order the search record lists them.
IDENTIFIER_LABELS = {
    "name": "Name",
    "date_of_birth": "Date of birth",
    "email": "Email address",
    "phone": "Phone number",
    "address": "Address",
    "postcode": "Postcode",
    "previous_addresses": "Previous addresses",
    "previous_names": "Previous names",
    "nhs_number": "NHS number",
    "ni_number": "National Insurance number",
}
LIST_IDENTIFIERS = ("previous_addresses", "previous_names")
DISCOVERY_WORKER = "discovery worker"
STALLED_AFTER = timedelta(hours=1)


class DiscoveryError(CaseworkError):
    """A discovery change refused with a reason staff can act on; nothing was saved."""


@dataclass(frozen=True)
class SystemVerdict:
    """Whether a run searches a system, and if not, why (said in the search record)."""

    state: SystemSearchState | None  # None: search it
    reason: str = ""


def clean_identifiers(identifiers: dict[str, Any]) -> dict[str, Any]:
    """The identifiers trimmed, lists as lists of non-blank lines, unknown keys dropped."""
    cleaned: dict[str, Any] = {}
    for key in IDENTIFIER_LABELS:
        value: Any = identifiers.get(key) or ("" if key not in LIST_IDENTIFIERS else [])
        if key in LIST_IDENTIFIERS:
            items = value.splitlines() if isinstance(value, str) else list(value)
            cleaned[key] = [str(item).strip() for item in items if str(item).strip()]
        else:
            cleaned[key] = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    return cleaned


def start_discovery(
    *, case: Case, identifiers: dict[str, Any], actor: Any, exclusions: dict[str, str] | None = None
) -> DiscoveryRun:
    """Queue a search of every connected system for the case's requester; the worker runs ``run_discovery``.

    ``exclusions`` names systems left out of this search ({slug: reason}); each needs a reason, because the
    search record must show why a system was not searched. A run already waiting or searching is returned as it is,
    so a double click queues one search.
    """
    if not is_open(case.state):
        raise DiscoveryError("Records can only be searched for while the request is open")
    cleaned = clean_identifiers(identifiers)
    if not cleaned["name"]:
        raise DiscoveryError("Enter the name to search for")
    reasons = {slug: reason.strip() for slug, reason in (exclusions or {}).items()}
    if any(not reason for reason in reasons.values()):
        raise DiscoveryError("Give the reason the systems are left out of the search")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        waiting = case.discovery_runs.filter(state__in=[RunState.QUEUED, RunState.RUNNING]).first()
        if waiting is not None and not _stalled(waiting):
            return waiting
        if waiting is not None:
            _fail(waiting, "The search stopped without finishing (the worker stopped); it was started again")
        run = DiscoveryRun.objects.create(case=case, identifiers=cleaned, started_by=actor, exclusions=reasons)
        given = [IDENTIFIER_LABELS[key].lower() for key, value in cleaned.items() if value]
        record_case_event(
            case,
            actor,
            AuditAction.CREATE,
            f"Discovery run {run.pk} started, searching by {', '.join(given)}",
            after={"excluded_systems": sorted(reasons)},
        )
        transaction.on_commit(lambda: _enqueue(run.pk))
    return run


def _stalled(run: DiscoveryRun) -> bool:
    """A run searching for longer than ``STALLED_AFTER`` lost its worker: a new search may replace it."""
    return (
        run.state == RunState.RUNNING and run.started_at is not None and run.started_at < timezone.now() - STALLED_AFTER
    )


def _enqueue(run_id: int) -> None:
    from pledge.discovery.tasks import run_discovery

    run_discovery.enqueue(run_id=run_id)


def perform_discovery(*, run_id: int) -> DiscoveryRun:
    """Search every connected system for a queued run (the body of the ``run_discovery`` task).

    Each system's result is saved as it is done, so the case page shows progress. A run that is not waiting (already
    run, or run twice by the queue) is returned unchanged.
    """
    with transaction.atomic():
        run = DiscoveryRun.objects.select_for_update().select_related("case").get(pk=run_id)
        if run.state != RunState.QUEUED:
            return run
        run.state, run.started_at = RunState.RUNNING, timezone.now()
        run.save(update_fields=["state", "started_at"])
    try:
        _search_systems(run)
    except Exception as error:  # the run must end, and say so, whatever went wrong in a system or the index
        logger.exception("discovery run %s failed", run.pk)
        _fail(run, f"The search stopped: {_safe_reason(error)}")
        return run
    return run


def _search_systems(run: DiscoveryRun) -> None:
    from pledge.discovery.connectors import SystemsInvalid, load_systems
    from pledge.discovery.matching import IdentityIndex

    try:
        configs = load_systems(Path(settings.PLEDGE_SYSTEMS))
    except SystemsInvalid as error:
        _fail(run, "The connected systems file has problems: " + "; ".join(error.problems))
        return
    except FileNotFoundError:
        _fail(run, "No connected systems are set up (PLEDGE_SYSTEMS names no file)")
        return
    try:
        index = IdentityIndex.open(Path(settings.PLEDGE_IDENTITY_INDEX))
    except FileNotFoundError:
        _fail(run, "The identity index has not been built yet: run `pledge identity index`")
        return
    run.systems_total = len(configs)
    run.save(update_fields=["systems_total"])
    earlier = earlier_decisions(run)
    rejected = {ref for ref, candidate in earlier.items() if candidate.decision == CandidateDecision.REJECTED}
    found = index.find(_query(run.identifiers), limit=MAX_CANDIDATES, exclude=rejected, min_probability=MIN_PROBABILITY)
    by_system: dict[str, list[Any]] = {}
    for match in found:
        if match.probability >= MIN_PROBABILITY:
            by_system.setdefault(match.ref.system, []).append(match)
    controllers = {c.slug: c for c in Controller.objects.all()}
    for config in configs:
        verdict = system_verdict(config=config, exclusions=run.exclusions, controllers=controllers)
        if verdict.state is None:
            problems = _reachable(config)
            verdict = SystemVerdict(SystemSearchState.FAILED, problems) if problems else verdict
        with transaction.atomic():
            _record_system(run, config, verdict, by_system.get(config.slug, []), earlier)
            run.systems_done += 1
            run.save(update_fields=["systems_done"])
    _finish(run)


def _query(identifiers: dict[str, Any]) -> Any:
    from pledge.discovery.matching import Query

    values = clean_identifiers(identifiers)
    return Query(
        name=values["name"],
        date_of_birth=values["date_of_birth"],
        email=values["email"],
        phone=values["phone"],
        postcode=values["postcode"],
        address=values["address"],
        previous_addresses=tuple(values["previous_addresses"]),
        previous_names=tuple(values["previous_names"]),
        nhs_number=values["nhs_number"],
        ni_number=values["ni_number"],
    )


def system_verdict(*, config: SystemConfig, exclusions: dict[str, str], controllers: dict[str, Any]) -> SystemVerdict:
    """Excluded when the caseworker left the system out, or when the register names its controller as a separate
    one (the Electoral Registration Officer answers its own requests: the requester asks them); otherwise searched,
    even when the register does not know the controller, since leaving a system out must have a reason."""
    if config.slug in exclusions:
        return SystemVerdict(SystemSearchState.EXCLUDED, f"Left out of this search: {exclusions[config.slug]}")
    controller = controllers.get(config.controller) if config.controller else None
    if controller is not None and controller.kind != ControllerKind.COUNCIL:
        return SystemVerdict(
            SystemSearchState.EXCLUDED,
            f"Held by a separate controller, {controller.name}, which answers requests for its own records: "
            "tell the requester how to ask them",
        )
    return SystemVerdict(None)


def _reachable(config: SystemConfig) -> str:
    """Why the system cannot be searched now (connection or mapping problems), or "" when it can."""
    from pledge.discovery.connectors import connect

    try:
        problems = connect(config).check()
    except Exception as error:  # an unreachable system is recorded as such, never a crash of the whole run
        return f"Could not connect: {_safe_reason(error)}"
    return "; ".join(problems)


def _safe_reason(error: Exception) -> str:
    # The message of a database error can carry a connection URL with a password: name the kind of error only.
    return type(error).__name__


def earlier_decisions(run: DiscoveryRun) -> dict[RecordKey, Candidate]:
    """The latest decision on each record from the case's earlier runs, to carry over instead of asking again."""
    decided = (
        Candidate.objects.filter(run__case_id=run.case_id)
        .exclude(run=run)
        .exclude(decision=CandidateDecision.PENDING)
        .order_by("run__created_at", "run_id", "decided_at")
    )
    return {candidate.ref: candidate for candidate in decided}


def _record_system(
    run: DiscoveryRun, config: SystemConfig, verdict: SystemVerdict, matches: list[Any], earlier: dict[Any, Any]
) -> SystemSearch:
    register_system = System.objects.filter(slug=config.register_system).first() if config.register_system else None
    search = SystemSearch(
        run=run, system=config.slug, system_name=config.name, register_system=register_system, reason=verdict.reason
    )
    if verdict.state is not None:
        search.state = verdict.state
        search.save()
        return search
    search.state = SystemSearchState.SEARCHED
    for match in matches:
        carried = earlier.get(match.ref)
        Candidate.objects.create(
            run=run,
            system=match.ref.system,
            table=match.ref.table,
            key=match.ref.key,
            probability=match.probability,
            explanation=[_evidence(item) for item in match.evidence],
            summary=dict(match.summary),
            **_carried(carried),
        )
    # Records rejected on an earlier run were left out of the search; list them again as already rejected.
    for ref, candidate in earlier.items():
        if ref.system == config.slug and candidate.decision == CandidateDecision.REJECTED:
            Candidate.objects.create(
                run=run,
                system=ref.system,
                table=ref.table,
                key=ref.key,
                probability=candidate.probability,
                explanation=candidate.explanation,
                summary=candidate.summary,
                **_carried(candidate),
            )
    search.hits = run.candidates.filter(system=config.slug).count()
    search.save()
    return search


def _evidence(item: Any) -> dict[str, Any]:
    return {"field": item.field, "level": item.level, "weight": round(float(item.weight), 2), "detail": item.detail}


def _carried(candidate: Candidate | None) -> dict[str, Any]:
    if candidate is None:
        return {}
    return {
        "decision": candidate.decision,
        "decided_by": candidate.decided_by,
        "decided_at": candidate.decided_at,
        "decision_note": candidate.decision_note,
        "carried_from": candidate,
    }


def _fail(run: DiscoveryRun, reason: str) -> None:
    with transaction.atomic():
        run.state, run.error, run.finished_at = RunState.FAILED, reason, timezone.now()
        run.save(update_fields=["state", "error", "finished_at"])
        record_case_event(run.case, DISCOVERY_WORKER, AuditAction.UPDATE, f"Discovery run {run.pk} failed: {reason}")


def _finish(run: DiscoveryRun) -> None:
    from pledge.discovery.searches import sync_search_tasks

    with transaction.atomic():
        run.state, run.finished_at = RunState.FINISHED, timezone.now()
        run.save(update_fields=["state", "finished_at"])
        states = list(run.system_searches.values_list("state", flat=True))
        counts = {state: states.count(state) for state in SystemSearchState}
        record_case_event(
            run.case,
            DISCOVERY_WORKER,
            AuditAction.UPDATE,
            f"Discovery run {run.pk} finished: {counts[SystemSearchState.SEARCHED]} systems searched, "
            f"{counts[SystemSearchState.EXCLUDED]} excluded, {counts[SystemSearchState.FAILED]} could not be searched, "
            f"{run.candidates.count()} candidate records",
        )
        sync_search_tasks(run=run, actor=run.started_by)


def latest_run(case: Case) -> DiscoveryRun | None:
    """The case's most recent run, whatever its state."""
    return case.discovery_runs.order_by("-created_at", "-id").first()


def latest_finished_run(case: Case) -> DiscoveryRun | None:
    """The case's most recent run that searched every system: the one whose decisions count."""
    return case.discovery_runs.filter(state=RunState.FINISHED).order_by("-finished_at", "-id").first()


def confirm_candidate(*, candidate: Candidate, note: str = "", actor: Any) -> Candidate:
    """Record that the candidate is the requester's record; only confirmed records are released or changed."""
    return _decide(candidate=candidate, decision=CandidateDecision.CONFIRMED, note=note, actor=actor)


def reject_candidate(*, candidate: Candidate, note: str, actor: Any) -> Candidate:
    """Record that the candidate is someone else's record, with why; later runs of the case leave it out."""
    if not note.strip():
        raise DiscoveryError("Say why this record is not the requester's")
    return _decide(candidate=candidate, decision=CandidateDecision.REJECTED, note=note, actor=actor)


def _decide(*, candidate: Candidate, decision: CandidateDecision, note: str, actor: Any) -> Candidate:
    from pledge.discovery.searches import sync_search_tasks

    run = candidate.run
    if not is_open(run.case.state):
        raise DiscoveryError("Records can only be confirmed or rejected while the request is open")
    if latest_finished_run(run.case) != run:
        raise DiscoveryError("This search has been replaced by a newer one: decide on the newer search's records")
    with transaction.atomic():
        locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
        before = {"decision": locked.decision}
        if locked.decision == decision and locked.decision_note == note.strip():
            return locked
        locked.decision, locked.decision_note = decision, note.strip()
        locked.decided_by, locked.decided_at, locked.carried_from = actor, timezone.now(), None
        locked.save()
        record_case_event(
            run.case,
            actor,
            AuditAction.UPDATE,
            f"Candidate record {locked.pk} in {locked.system}: {decision.label.split(':')[0].lower()}",
            before=before,
            after={"decision": decision.value},
        )
        sync_search_tasks(run=run, actor=actor)
    return locked


def confirmed_records(*, case: Case) -> list[RecordKey]:
    """The records confirmed as the requester's on the case's latest finished run: what access packages and
    erasure or rectification plans may use. Empty until a person has confirmed at least one."""
    run = latest_finished_run(case)
    if run is None:
        return []
    return [c.ref for c in run.candidates.filter(decision=CandidateDecision.CONFIRMED).order_by("system", "table")]


def build_identity_index(*, progress: Callable[[int, int | None], None] | None = None) -> Any:
    """Build the identity index over every connected system (``PLEDGE_SYSTEMS``) into ``PLEDGE_IDENTITY_INDEX``,
    for ``pledge demo load`` after the estate; returns the index."""
    from pledge.discovery.connectors import connect, load_systems
    from pledge.discovery.matching import IdentityIndex

    configs = load_systems(Path(settings.PLEDGE_SYSTEMS))
    return IdentityIndex.build(
        connectors=[connect(config) for config in configs], path=Path(settings.PLEDGE_IDENTITY_INDEX), progress=progress
    )


def system_names(searches: Iterable[SystemSearch]) -> dict[str, str]:
    """Connector slug to the system's name, for grouping candidates under their system."""
    return {search.system: search.system_name for search in searches}


def connected_systems() -> tuple[list[SystemConfig], str]:
    """The connected systems, or none and the reason (no file yet, or problems in it), for the start form."""
    from pledge.discovery.connectors import SystemsInvalid, load_systems

    try:
        return list(load_systems(Path(settings.PLEDGE_SYSTEMS))), ""
    except FileNotFoundError:
        return [], "No connected systems are set up yet."
    except SystemsInvalid as error:
        return [], f"The connected systems file has {len(error.problems)} problems: run `pledge systems check`."
