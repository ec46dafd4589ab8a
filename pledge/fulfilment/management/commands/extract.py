"""``pledge extract ACTIVITY --out FILE``: a profiling activity's next input extract, as CSV (P065).

People with an undecided objection to the activity (Art 21(1)) and restricted records (Art 18(2)) are left out;
the counts go to the audit log and to standard error, never who they were.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pledge.fulfilment.checks import FulfilmentError
from pledge.fulfilment.plan_extract import is_profiling, write_extract_file
from pledge.register.models import ProcessingActivity


class Command(BaseCommand):
    help = "Write a profiling activity's next input extract, leaving out objectors and restricted records."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("activity", help="the register activity's slug")
        parser.add_argument("--out", required=True, help="the CSV file to write")

    def handle(self, *args: Any, **options: Any) -> None:
        activity = ProcessingActivity.objects.filter(slug=options["activity"]).first()
        if activity is None:
            raise CommandError(f"No register activity {options['activity']!r}", returncode=1)
        if not is_profiling(activity):
            raise CommandError(f"{activity.name} is not recorded as profiling or automated decisions", returncode=1)
        out = Path(options["out"])
        try:
            summary = write_extract_file(activity=activity, path=out, actor="pledge extract")
        except (FulfilmentError, OSError) as error:
            out.unlink(missing_ok=True)
            raise CommandError(str(error), returncode=1) from None
        for warning in summary.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stderr.write(
            f"{summary.written} records written to {out}; left out {summary.left_out_objection} (objection to "
            f"profiling) and {summary.left_out_restricted} (restricted)"
        )
