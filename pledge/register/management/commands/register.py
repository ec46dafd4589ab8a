"""``pledge register validate|import|export|ico-export``: the register as config-as-code."""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from pledge.register.services import RegisterInvalid, export_register, import_register
from pledge.register.yaml.validate import read_register


class Command(BaseCommand):
    help = "Validate, import or export the register of processing as a directory of YAML files."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        validate = sub.add_parser("validate", help="check a YAML directory; exit 1 with file:line: message lines")
        validate.add_argument("directory", type=Path)
        importer = sub.add_parser("import", help="make the database match a valid YAML directory")
        importer.add_argument("directory", type=Path)
        exporter = sub.add_parser("export", help="write the database's register as YAML")
        exporter.add_argument("directory", type=Path)
        remind = sub.add_parser("remind-reviews", help="email the DPO the entries overdue for review (background)")
        remind.add_argument("--now", action="store_true", help="send now instead of queueing for the worker")
        ico = sub.add_parser("ico-export", help="write the ICO record-of-processing layout (.xlsx or .csv)")
        ico.add_argument("file", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "validate":
            self._validate(options["directory"])
        elif action == "import":
            self._import(options["directory"])
        elif action == "remind-reviews":
            from pledge.register.tasks import send_review_reminders

            if options["now"]:
                self.stdout.write(f"Sent {send_review_reminders.call()} reminder email(s)")
            else:
                send_review_reminders.enqueue()
                self.stdout.write("Queued the review reminder for the background worker")
        elif action == "export":
            files = export_register(directory=options["directory"], actor="pledge register export")
            self.stdout.write(f"Wrote {len(files)} files to {options['directory']}")
        else:
            from pledge.register.ico_export import write_ico_record

            rows = write_ico_record(path=options["file"], actor="pledge register ico-export")
            self.stdout.write(f"Wrote {rows} processing activities to {options['file']}")

    def _validate(self, directory: Path) -> None:
        data, problems = read_register(directory, today=timezone.localdate())
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} problem(s) found", returncode=1)
        counts = ", ".join(f"{len(items)} {name.replace('_', ' ')}" for name, items in data.entities.items())
        self.stdout.write(f"{directory}: valid ({counts})")

    def _import(self, directory: Path) -> None:
        try:
            result = import_register(directory=directory, actor="pledge register import")
        except RegisterInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(str(problem))
            raise CommandError(
                f"{len(invalid.problems)} problem(s) found; nothing was imported", returncode=1
            ) from None
        self.stdout.write(f"Imported {directory}: {result.summary()}")
