"""``pledge notices audit FILE... [--format json]`` and ``pledge notices publish``."""

import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = "Audit free-text privacy notices against Arts 13/14 (PN01-PN16), or publish notices from the register."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        audit = sub.add_parser("audit", help="report found/unclear/missing for PN01-PN16 with evidence")
        audit.add_argument("files", nargs="+")
        audit.add_argument("--format", dest="output_format", choices=["text", "json"], default="text")
        publish = sub.add_parser("publish", help="publish a new version of every notice whose content changed")
        publish.add_argument("--summary", required=True, help="the change summary shown to the public")
        links = sub.add_parser("check-links", help="report broken links in the current published notices")
        links.add_argument("--internal-only", action="store_true", help="do not request other websites")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "audit":
            from pledge.notices.audit.command import run_audit

            code = run_audit(
                options["files"], output_format=options["output_format"], stdout=sys.stdout, stderr=sys.stderr
            )
            if code:
                raise CommandError("some files could not be audited", returncode=code)
            return
        if options["action"] == "check-links":
            self._check_links(external=not options["internal_only"])
            return
        self._publish(options["summary"])

    def _check_links(self, *, external: bool) -> None:
        from pledge.notices.links import check_links

        problems = check_links(external=external)
        for problem in problems:
            self.stderr.write(str(problem))
        if problems:
            raise CommandError(f"{len(problems)} broken link(s)", returncode=1)
        self.stdout.write("Every link in the published notices works.")

    def _publish(self, summary: str) -> None:
        from pledge.notices.generation import ensure_notices
        from pledge.notices.services import NoticeIncomplete, NoticeUnchanged, publish_notice

        failed = 0
        for notice in ensure_notices():
            try:
                version = publish_notice(
                    notice=notice,
                    actor="pledge notices publish",
                    change_summary=summary,
                    effective_from=timezone.localdate(),
                )
            except NoticeUnchanged:
                continue
            except NoticeIncomplete as incomplete:
                failed += 1
                for item in incomplete.missing:
                    self.stderr.write(f"{notice.slug}: {item}")
                continue
            self.stdout.write(f"{notice.slug}: published version {version.number}")
        if failed:
            raise CommandError(f"{failed} notice(s) could not be published", returncode=1)
