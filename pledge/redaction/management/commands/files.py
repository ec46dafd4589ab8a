"""``pledge files scan PATH... [--json] [--clean OUTDIR] [--unhide]``: check files for hidden content before they
leave Pledge (hidden sheets, rows and columns, comments, tracked changes, text under black boxes, EXIF GPS...).

Exit status 0 when clean, 1 when anything is found (with ``--clean``: when any cleaned copy is still not clean),
2 for usage errors. The logic is in ``pledge.redaction.leaks.command``.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Outgoing files: `scan PATH...` lists hidden content; --clean OUTDIR writes fixed copies and rescans them."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        scan = sub.add_parser("scan", help="list the hidden content of files or folders; exit 1 when any is found")
        scan.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (scanned recursively)")
        scan.add_argument("--json", action="store_true", help="print the findings as JSON")
        scan.add_argument(
            "--clean", metavar="OUTDIR", help="write a cleaned copy of every file to OUTDIR and rescan it"
        )
        scan.add_argument(
            "--unhide",
            action="store_true",
            help="when cleaning spreadsheets, keep hidden rows and columns (shown) instead of dropping them",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        from pledge.redaction.leaks.command import UsageError, run
        from pledge.redaction.leaks.xlsx_clean import HiddenCells

        hidden_cells = HiddenCells.UNHIDE if options["unhide"] else HiddenCells.REMOVE
        try:
            status = run(
                options["paths"],
                as_json=options["json"],
                clean_dir=options["clean"],
                hidden_cells=hidden_cells,
                out=self.stdout,
            )
        except UsageError as error:
            raise CommandError(str(error), returncode=2) from error
        if status:
            raise SystemExit(status)
