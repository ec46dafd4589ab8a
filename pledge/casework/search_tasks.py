"""One search task per service and system that may hold the requester's data (searched by hand for now).

Art 15(1A) (DUAA s.78; spec R1.9): the requester is entitled to what a reasonable and proportionate search finds,
so the case records which systems were searched, what each found, and why any did not apply. The response cannot
be recorded while a task is still to do (``services.mark_responded``); a refusal answers the request without one.
"""

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.casework import services
from pledge.casework.models import Case
from pledge.casework.record_models import SearchState, SearchTask
from pledge.casework.states import is_open
from pledge.core.models import AuditAction
from pledge.register.models import Service, System


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def text(self) -> str:
        """'3 of 7 systems searched'."""
        return f"{self.done} of {self.total} {'system' if self.total == 1 else 'systems'} searched"


def search_label(*, service: Service | None, system: System | None) -> str:
    """'Council Tax: Revenues system', or the service or system alone."""
    return ": ".join(part.name for part in (service, system) if part is not None)


def create_search_tasks_from_activities(*, case: Case, actor: Any) -> list[SearchTask]:
    """A task for each system of each activity on the case (or for the service itself when an activity names no
    system); tasks already on the case are kept, so running it twice adds nothing. Returns the new tasks."""
    _check_open(case)
    wanted: dict[tuple[int, int | None], tuple[Service, System | None]] = {}
    for activity in case.activities.select_related("service").prefetch_related("systems"):
        systems: list[System | None] = [*activity.systems.all()] or [None]
        for system in systems:
            wanted.setdefault((activity.service_id, system.pk if system else None), (activity.service, system))
    if not wanted:
        raise services.CaseworkError("Add the processing activities the request concerns first")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()  # a second click waits, then finds the tasks
        existing = set(case.search_tasks.values_list("service_id", "system_id"))
        created = [
            SearchTask.objects.create(
                case=case, service=service, system=system, label=search_label(service=service, system=system)
            )
            for key, (service, system) in wanted.items()
            if key not in existing
        ]
        if created:
            services.record_case_event(
                case, actor, AuditAction.CREATE, f"{_tasks_text(len(created))} created from the activities"
            )
    return created


def add_search_task(
    *, case: Case, service: Service | None, system: System | None, assignee: Any = None, actor: Any
) -> SearchTask:
    """Add one task for a service, a system, or a system within a service; ``CaseworkError`` if it is already there."""
    _check_open(case)
    if service is None and system is None:
        raise services.CaseworkError("Select the service or the system to search")
    with transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()
        if case.search_tasks.filter(service=service, system=system).exists():
            raise services.CaseworkError("That search is already on the case")
        task = SearchTask.objects.create(
            case=case,
            service=service,
            system=system,
            assignee=assignee,
            label=search_label(service=service, system=system),
        )
        services.record_case_event(case, actor, AuditAction.CREATE, f"Search task {task.pk} added")
    return task


def record_search(*, task: SearchTask, state: SearchState | str, note: str, assignee: Any, actor: Any) -> SearchTask:
    """Record what a search found (or that it is to do again), and who the task is with. Not applicable needs a
    reason; a finished search records who finished it and when."""
    chosen = SearchState(state)
    case = task.case
    _check_open(case)
    if chosen == SearchState.NOT_APPLICABLE and not note.strip():
        raise services.CaseworkError("Give the reason the search does not apply")
    before = {"state": task.state, "assignee": task.assignee_id}
    with transaction.atomic():
        task.state = chosen
        task.note = note.strip()
        task.assignee = assignee
        if chosen == SearchState.TO_DO:
            task.completed_by, task.completed_at = None, None
        elif before["state"] != chosen or task.completed_at is None:
            task.completed_by, task.completed_at = actor, timezone.now()
        task.save()
        after = {"state": task.state, "assignee": task.assignee_id}
        services.record_case_event(
            case,
            actor,
            AuditAction.UPDATE,
            f"Search task {task.pk}: {chosen.label.lower()}",
            before=before,
            after=after,
        )
    return task


def _tasks_text(count: int) -> str:
    return "1 search task" if count == 1 else f"{count} search tasks"


def search_progress(case: Case) -> Progress:
    """How many of the case's search tasks are done."""
    states = list(case.search_tasks.values_list("state", flat=True))
    return Progress(done=sum(1 for s in states if s != SearchState.TO_DO), total=len(states))


def _check_open(case: Case) -> None:
    if not is_open(case.state):
        raise services.CaseworkError("Searches can only be changed while the request is open")
