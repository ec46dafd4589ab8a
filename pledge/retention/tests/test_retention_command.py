"""``pledge retention run``: prints what is due per table and rule, a dry run changes nothing, --queue leaves it to
the worker; the nightly task runs over every system and refuses to start a second run at once."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from pledge.retention.models import DisposalBatch, DisposalRun, RunState
from pledge.retention.tasks import nightly_disposal_run


def test_a_dry_run_prints_each_table_with_its_rule_and_saves_no_batch(estate: Path) -> None:
    out = StringIO()
    call_command("retention", "run", "--dry-run", stdout=out, stderr=StringIO())
    text = out.getvalue()
    assert "Dry run: nothing was changed" in text
    assert "council-tax/accounts: rule Council tax account (destroy): 2 due (2 overdue), 0 held" in text
    assert "council-tax/payments: skipped: No retention class" in text
    assert not DisposalBatch.objects.exists()


def test_an_unknown_system_is_a_clear_error(estate: Path) -> None:
    with pytest.raises(CommandError, match="No connected system is called 'nowhere'"):
        call_command("retention", "run", "--system", "nowhere", stdout=StringIO())


def test_queue_leaves_the_run_to_the_worker(estate: Path) -> None:
    out = StringIO()
    call_command("retention", "run", "--queue", stdout=out)
    assert "Queued disposal run" in out.getvalue()
    assert DisposalRun.objects.get().state == RunState.QUEUED
    with pytest.raises(CommandError, match="already waiting to start"):
        call_command("retention", "run", stdout=StringIO())


def test_the_nightly_task_queues_what_is_due(estate: Path) -> None:
    run_id = nightly_disposal_run.call()
    run = DisposalRun.objects.get(pk=run_id)
    assert run.state == RunState.FINISHED and run.started_by is None and run.due == 5
    assert DisposalBatch.objects.filter(state="due", due_count__gt=0).count() == 4
