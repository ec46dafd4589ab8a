"""Starting disposal runs: one at a time, queued for the worker (or carried out at once by the command)."""

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.retention.models import DisposalRun, RunState
from pledge.retention.sweep import RunRefused, load_configs

# A run still "running" after this long died with its worker; another may start.
STALE_AFTER = timedelta(hours=12)


def run_in_progress() -> DisposalRun | None:
    """The run that is queued or running now, if any (one that stopped answering long ago does not count)."""
    since = timezone.now() - STALE_AFTER
    return (
        DisposalRun.objects.filter(state__in=[RunState.QUEUED, RunState.RUNNING], created_at__gte=since)
        .order_by("-created_at")
        .first()
    )


def queue_run(*, actor: Any, dry_run: bool, system: str = "", enqueue: bool = True) -> DisposalRun:
    """A new queued run (for the worker when ``enqueue``); refused while another is queued or running."""
    load_configs(system)  # refuse at once when the systems file is broken or the system is unknown
    with transaction.atomic():
        busy = run_in_progress()
        if busy is not None:
            raise RunRefused(f"Disposal run {busy.pk} is already {busy.get_state_display().lower()}")
        run = DisposalRun.objects.create(dry_run=dry_run, system=system, started_by=actor)
        record(
            actor=actor or "retention run",
            action=AuditAction.CREATE,
            object_type="disposal_run",
            object_ref=str(run.pk),
            summary=f"Disposal run {run.pk} started{' as a dry run' if dry_run else ''}"
            f"{f' for {system}' if system else ' over every connected system'}",
        )
        if enqueue:
            from pledge.retention.tasks import carry_out_disposal_run

            transaction.on_commit(lambda: carry_out_disposal_run.enqueue(run_id=run.pk))
    return run
