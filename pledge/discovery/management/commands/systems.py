"""``pledge systems check|list [--systems PATH]``: test every connected system and its mapping, or list them.

A DPO runs ``check`` after changing the systems YAML or a system's database: a search that cannot reach a system,
or reads the wrong column, is not the "reasonable and proportionate" search a controller must be able to show.
"""

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pledge.discovery.connectors import SystemsInvalid, connect, load_systems, mask_url
from pledge.discovery.sources import SystemConfig, SystemKind


class Command(BaseCommand):
    help = "Test every connected system and its column mapping (check), or list the systems configured (list)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        for name, text in (("check", "connect to every system, check its mapping, count its records; exit 1 on a "
                            "problem"), ("list", "list the configured systems and their tables")):  # fmt: skip
            action = sub.add_parser(name, help=text)
            action.add_argument("--systems", type=Path, default=None, help="the systems YAML (default PLEDGE_SYSTEMS)")

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["systems"] or Path(settings.PLEDGE_SYSTEMS)
        try:
            configs = load_systems(path)
        except SystemsInvalid as invalid:
            for problem in invalid.problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(invalid.problems)} problem(s) in {path}", returncode=1) from None
        if options["action"] == "list":
            self._list(path, configs)
            return
        failing = sum(0 if self._check(config) else 1 for config in configs)
        if failing:
            raise CommandError(f"{failing} of {len(configs)} system(s) have problems", returncode=1)
        self.stdout.write(f"All {len(configs)} system(s) in {path} are reachable and mapped correctly.")

    def _list(self, path: Path, configs: list[SystemConfig]) -> None:
        self.stdout.write(f"{len(configs)} system(s) in {path}:")
        for config in configs:
            access = "writable" if config.writable else "read-only"
            self.stdout.write(f"  {config.slug}: {config.name} ({config.kind.value}, {access}) at {_where(config)}")
            for table in config.tables:
                linked = f", under {table.parent_table}" if table.parent_table else ""
                identity = sorted({m.identity.value for m in table.columns if m.identity})
                self.stdout.write(f"    {table.name} (key {table.key}{linked}): {', '.join(identity) or 'no identity'}")

    def _check(self, config: SystemConfig) -> bool:
        """Print one system's report; True when it has no problem."""
        connector = connect(config)
        try:
            problems = connector.check()
        except Exception as error:  # noqa: BLE001 - a report must cover every system, whatever one of them raises
            problems = [f"The check itself failed: {type(error).__name__}"]
        heading = f"{config.slug} ({config.name}, {config.kind.value} at {_where(config)})"
        if problems:
            self.stdout.write(self.style.ERROR(f"{heading}: {len(problems)} problem(s)"))
            for problem in problems:
                self.stdout.write(f"  - {problem}")
            return False
        self.stdout.write(self.style.SUCCESS(f"{heading}: OK"))
        for table in config.tables:
            count = connector.count(table)
            self.stdout.write(f"  {table.name}: {count:,} record{'' if count == 1 else 's'}")
        return True


def _where(config: SystemConfig) -> str:
    return mask_url(config.location) if config.kind is SystemKind.SQL else config.location
