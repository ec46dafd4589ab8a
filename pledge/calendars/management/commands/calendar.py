"""``pledge calendar load FILE|show``: the bank holidays the statutory clock uses (gov.uk feed format)."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pledge.calendars.services import calendar_in_force, load_calendar
from pledge.law.calendar import CalendarError


class Command(BaseCommand):
    help = "Load a gov.uk bank-holidays.json feed, or show the years the calendars in force cover."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="validate a gov.uk bank-holidays.json file and put it in force")
        load.add_argument("file", type=Path)
        sub.add_parser("show", help="the years of bank holidays in force for each nation")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            self._load(options["file"])
        else:
            self._show()

    def _load(self, path: Path) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(f"{path}: cannot read the file ({error.strerror}); nothing was loaded") from None
        try:
            loaded = load_calendar(data=data, source=path.name, actor="pledge calendar load")
        except CalendarError as invalid:
            for problem in invalid.problems:
                self.stderr.write(f"{path}: {problem}")
            raise CommandError(f"{len(invalid.problems)} problem(s) found; nothing was loaded") from None
        self.stdout.write(f"Loaded {path} (sha256 {loaded.sha256})")
        self._show()

    def _show(self) -> None:
        origin, years = calendar_in_force()
        self.stdout.write(f"Bank holidays in force: {origin}")
        for nation, covered in years.items():
            self.stdout.write(f"{nation.value}: {covered}")
