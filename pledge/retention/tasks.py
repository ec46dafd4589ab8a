"""Background disposal runs, run by ``pledge db_worker``: the nightly job (P102) and runs started from the staff page.

``nightly_disposal_run`` is what a scheduler queues each night (``pledge retention run --queue``, from cron or a
systemd timer): it refreshes the disposal queue and carries out the batches approved since the last run.
"""

from django_tasks import task

from pledge.retention.models import DisposalRun
from pledge.retention.sweep import RunRefused, sweep


@task()
def carry_out_disposal_run(*, run_id: int) -> int:
    """Carry out a queued run; returns the records disposed of (0 when it had already started elsewhere)."""
    run = DisposalRun.objects.get(pk=run_id)
    try:
        return sweep(run=run).disposed
    except RunRefused:
        return 0


@task()
def nightly_disposal_run() -> int:
    """Start tonight's run over every connected system unless one is already going; returns its id (0 if not)."""
    from pledge.retention.runs import queue_run

    try:
        run = queue_run(actor=None, dry_run=False, system="", enqueue=False)
    except RunRefused:
        return 0
    sweep(run=run)
    return run.pk
