"""``pledge stats export TABLE --from DATE --to DATE --out FILE``: anonymised statistics with suppression."""

from argparse import ArgumentParser
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.stats.export import suppressed, write_table
from pledge.stats.people import AGE_BAND, UnknownCharacteristic, people_by
from pledge.stats.tables import CountTable, requests_by_kind_and_quarter, requests_by_kind_and_state

TABLES = {
    "requests-by-kind-and-quarter": requests_by_kind_and_quarter,
    "requests-by-kind-and-state": requests_by_kind_and_state,
}


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date; use YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Export anonymised statistics. Counts from 1 to threshold-1 are hidden ([c]), and more cells as needed so "
        "that none can be worked out from the totals. Tables: " + ", ".join(TABLES)
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["export", "list"])
        parser.add_argument("table", nargs="?", choices=[*sorted(TABLES), "people"])
        parser.add_argument("--from", dest="received_from", help="first day, YYYY-MM-DD")
        parser.add_argument("--to", dest="received_to", help="last day, YYYY-MM-DD")
        parser.add_argument("--out", type=Path, help="a .csv or .xlsx file to write")
        parser.add_argument("--systems", type=Path, default=settings.PLEDGE_SYSTEMS, help="people: the systems YAML")
        parser.add_argument("--system", help="people: the connected system's slug, e.g. adult-social-care")
        parser.add_argument("--table", dest="system_table", help="people: the table (or file) within it")
        parser.add_argument("--rows", default=AGE_BAND, help=f"people: a configured column, or {AGE_BAND}")
        parser.add_argument("--columns", default="sex", help=f"people: a configured column, or {AGE_BAND}")
        parser.add_argument("--on", help="people: the date ages are counted at (default today)")
        parser.add_argument(
            "--threshold",
            type=int,
            default=settings.PLEDGE_STATS_THRESHOLD,
            help=f"hide counts below this (default {settings.PLEDGE_STATS_THRESHOLD}: PLEDGE_STATS_THRESHOLD)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for name in [*sorted(TABLES), "people"]:
                self.stdout.write(name)
            return
        table = self._table(options)
        out: Path | None = options["out"]
        if out is None:
            raise CommandError("Give the file to write with --out (a .csv or .xlsx name)")
        if options["threshold"] < 1:
            raise CommandError("--threshold must be 1 or more")
        try:
            safe = suppressed(table, threshold=options["threshold"])
            write_table(table, threshold=options["threshold"], out=out)
        except ValueError as problem:
            raise CommandError(f"{table.title}: {problem}") from None
        except OSError as problem:
            raise CommandError(f"Cannot write {out}: {problem.strerror}") from None
        summary = (
            f"{options['table']}: {len(safe.primary)} small counts hidden, {len(safe.secondary)} more hidden to "
            f"protect them, threshold {options['threshold']}"
        )
        record(
            actor="pledge stats",
            action=AuditAction.EXPORT,
            object_type="statistics",
            object_ref=options["table"],
            summary=summary,
        )
        self.stdout.write(f"Wrote {out}: {summary}.")

    def _table(self, options: dict[str, Any]) -> CountTable:
        if not options["table"]:
            raise CommandError("Name the table to export: " + ", ".join([*sorted(TABLES), "people"]))
        if options["table"] == "people":
            return self._people(options)
        if not options["received_from"] or not options["received_to"]:
            raise CommandError("Give the period with --from YYYY-MM-DD --to YYYY-MM-DD")
        start, end = _day(options["received_from"]), _day(options["received_to"])
        if end < start:
            raise CommandError("--to is before --from")
        return TABLES[options["table"]](received_from=start, received_to=end)

    def _people(self, options: dict[str, Any]) -> CountTable:
        if not options["system"] or not options["system_table"]:
            raise CommandError("Name the connected system and table with --system SLUG --table NAME")
        on = _day(options["on"]) if options["on"] else date.today()
        try:
            return people_by(
                systems=options["systems"],
                system=options["system"],
                table=options["system_table"],
                rows=options["rows"],
                columns=options["columns"],
                on=on,
            )
        except UnknownCharacteristic as problem:
            raise CommandError(str(problem)) from None
