"""A discovery run's results as the case's search tasks (promise P073), so one rule closes every search.

Each connected system becomes (or updates) a search task: searched with its hit count once every candidate has
been confirmed or rejected, with who confirmed what; excluded systems are "not applicable" with the reason; a
system that could not be reached stays to do. The register's systems with no connector (paper files, stores not
yet connected) get a manual task with their owner and a due date. ``casework.services.mark_responded`` refuses a
response while any task is still to do.
"""

from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from pledge.casework.models import Case
from pledge.casework.record_models import SearchState, SearchTask
from pledge.casework.services import record_case_event
from pledge.casework.states import is_open
from pledge.core.models import AuditAction
from pledge.discovery.models import Candidate, CandidateDecision, DiscoveryRun, SystemSearch, SystemSearchState
from pledge.register.models import ControllerKind, Status, System

# A manual search is due this many days before the response, so its findings can still go in.
MANUAL_LEAD_DAYS = 5


def sync_search_tasks(*, run: DiscoveryRun, actor: Any) -> int:
    """Bring the case's search tasks in line with a finished run; returns how many changed (one audit row)."""
    case = run.case
    if not is_open(case.state):
        return 0
    candidates: dict[str, list[Candidate]] = {}
    for candidate in run.candidates.select_related("decided_by"):
        candidates.setdefault(candidate.system, []).append(candidate)
    changed = 0
    searches = list(run.system_searches.select_related("register_system"))
    for search in searches:
        for task in _tasks_for(case, search):
            fields = _task_fields(run, search, candidates.get(search.system, []))
            if any(getattr(task, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(task, name, value)
                task.save()
                changed += 1
    changed += _add_manual_tasks(case, connected={s.register_system_id for s in searches if s.register_system_id})
    if changed:
        record_case_event(
            case, actor, AuditAction.UPDATE, f"Search tasks updated from discovery run {run.pk}: {changed} changed"
        )
    return changed


def _tasks_for(case: Case, search: SystemSearch) -> list[SearchTask]:
    """The tasks this system answers: its own connected task, and any made from the activities for its register
    system; a new connected task when there is neither."""
    tasks = list(case.search_tasks.filter(connector=search.system))
    if search.register_system_id:
        tasks += list(case.search_tasks.filter(connector="", system_id=search.register_system_id))
    if tasks:
        return tasks
    return [SearchTask(case=case, system=search.register_system, connector=search.system, label=search.system_name)]


def _task_fields(run: DiscoveryRun, search: SystemSearch, found: list[Candidate]) -> dict[str, Any]:
    fields: dict[str, Any] = {"connector": search.system, "hits": search.hits}
    if search.state == SystemSearchState.EXCLUDED:
        return {**fields, **_done(SearchState.NOT_APPLICABLE, search.reason, run.started_by, run.finished_at)}
    if search.state == SystemSearchState.FAILED:
        note = f"Discovery could not search it ({search.reason}). Search it by hand, or run discovery again."
        return {**fields, "state": SearchState.TO_DO, "note": note, "completed_by": None, "completed_at": None}
    if not found:
        return {
            **fields,
            **_done(
                SearchState.NOTHING_FOUND, "Searched by discovery: no matching records", run.started_by, run.finished_at
            ),
        }
    pending = [c for c in found if c.decision == CandidateDecision.PENDING]
    confirmed = [c for c in found if c.decision == CandidateDecision.CONFIRMED]
    possible = f"Discovery found {_records(len(found))}"
    if pending:
        note = f"{possible}: {len(pending)} still to confirm or reject"
        return {**fields, "state": SearchState.TO_DO, "note": note, "completed_by": None, "completed_at": None}
    last = max(found, key=lambda c: c.decided_at or run.finished_at or timezone.now())
    who = sorted({c.decided_by.get_username() for c in confirmed if c.decided_by})
    note = f"{possible}: {len(confirmed)} confirmed" + (f" by {', '.join(who)}" if who else "")
    note += f", {len(found) - len(confirmed)} rejected as someone else's"
    state = SearchState.FOUND if confirmed else SearchState.NOTHING_FOUND
    return {**fields, **_done(state, note, last.decided_by or run.started_by, last.decided_at or run.finished_at)}


def _done(state: SearchState, note: str, by: Any, at: Any) -> dict[str, Any]:
    return {"state": state, "note": note, "completed_by": by, "completed_at": at}


def _records(count: int) -> str:
    return "1 possible record" if count == 1 else f"{count} possible records"


def manual_due_on(case: Case, *, today: date | None = None) -> date:
    """When a manual search is due: ``MANUAL_LEAD_DAYS`` before the response is, but never before today."""
    today = today or timezone.localdate()
    return max(today, case.due_on - timedelta(days=MANUAL_LEAD_DAYS))


def unconnected_systems(*, case: Case, connected: set[int]) -> list[System]:
    """The register's systems with no connector (paper, or not connected yet), searched by hand: those of the
    activities the request concerns when staff chose them, else every system of the council's approved activities."""
    systems = System.objects.filter(
        activities__status=Status.APPROVED, activities__service__controller__kind=ControllerKind.COUNCIL
    )
    if case.activities.exists():
        systems = systems.filter(activities__in=case.activities.all())
    return list(systems.exclude(pk__in=connected).distinct().order_by("name"))


def _add_manual_tasks(case: Case, *, connected: set[int]) -> int:
    have = set(case.search_tasks.exclude(system=None).values_list("system_id", flat=True))
    due = manual_due_on(case)
    added = 0
    for system in unconnected_systems(case=case, connected=connected):
        if system.pk in have:
            continue
        SearchTask.objects.create(
            case=case,
            system=system,
            label=f"{system.name} (not connected: search by hand)",
            owner=system.owner_role,
            due_on=due,
        )
        added += 1
    return added
