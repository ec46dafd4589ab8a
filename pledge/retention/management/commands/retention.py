"""``pledge retention run [--system SLUG] [--dry-run] [--queue]``: the disposal run over the connected systems (P102).

It streams each table with a retention rule, lists what is due in the disposal queue (held records counted with
their hold), destroys or anonymises the batches staff approved where the system is writable, and raises a task for
the owner of any other system. Running it again is safe: nothing is disposed of twice and no task is raised twice.
Schedule ``pledge retention run --queue`` nightly: the background worker then carries it out.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pledge.retention.models import DisposalRun


class Command(BaseCommand):
    help = "Retention jobs: `run` finds records past their retention rule and carries out approved disposals."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="find what is due and carry out approved batches")
        run.add_argument("--system", default="", help="only this connected system (its slug)")
        run.add_argument("--dry-run", action="store_true", help="list what is due; change nothing")
        run.add_argument("--queue", action="store_true", help="queue the run for the background worker (nightly)")

    def handle(self, *args: Any, **options: Any) -> None:
        from pledge.retention.runs import queue_run
        from pledge.retention.sweep import RunRefused, sweep

        try:
            run = queue_run(actor=None, dry_run=options["dry_run"], system=options["system"], enqueue=options["queue"])
        except RunRefused as error:
            raise CommandError(str(error)) from None
        if options["queue"]:
            self.stdout.write(f"Queued disposal run {run.pk} for the background worker")
            return
        try:
            sweep(run=run, progress=self._progress)
        except RunRefused as error:
            raise CommandError(str(error)) from None
        self._report(run)

    def _progress(self, run: DisposalRun) -> None:
        self.stderr.write(
            f"  {run.systems_done}/{run.systems_total} systems, {run.records_read:,} records read"
            f"{f', now {run.current}' if run.current else ''}: {run.due:,} due, {run.held:,} held"
        )

    def _report(self, run: DisposalRun) -> None:
        title = "Dry run: nothing was changed" if run.dry_run else f"Disposal run {run.pk}"
        self.stdout.write(title)
        for row in run.findings:
            where = f"{row['system']}/{row['table']}"
            if row.get("skip_reason"):
                self.stdout.write(f"  {where}: skipped: {row['skip_reason']}")
                continue
            self.stdout.write(
                f"  {where}: rule {row['rule_name']} ({row['action']}): {row['due']:,} due "
                f"({row['overdue']:,} overdue), {row['held']:,} held"
                + (f", {row['approved_now']:,} approved now" if row["approved_now"] else "")
                + (f", {row['with_owner']:,} with the system owner" if row["with_owner"] else "")
            )
        for problem in run.problems:
            self.stdout.write(f"  Problem: {problem}")
        self.stdout.write(
            f"{run.records_read:,} records read: {run.due:,} due, {run.held:,} held, {run.disposed:,} disposed of, "
            f"{run.tasks_raised} task(s) raised for system owners"
        )
