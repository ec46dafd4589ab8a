"""`pledge cookies scan URL [--pages N]`: check what a website really stores against the cookie register."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from pledge.cookies.scanner import ACCEPTED, BEFORE, REJECTED, register_rules, run_scan_in_thread


class Command(BaseCommand):
    help = "Cookie register tools. `scan URL`: visit pages before consent, after accepting and after rejecting."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        scan = sub.add_parser("scan", help="Scan a website's cookies and storage against the register")
        scan.add_argument("url")
        scan.add_argument("--pages", type=int, default=10, help="Same-origin pages to visit (default 10)")
        scan.add_argument("--offline", action="store_true", help="Answer other websites locally instead of fetching")

    def handle(self, *args: Any, **options: Any) -> None:
        report = run_scan_in_thread(
            start_url=options["url"], pages=options["pages"], rules=register_rules(), offline=options["offline"]
        )
        self.stdout.write(f"Visited {len(report.pages)} page(s):")
        for url in report.pages:
            self.stdout.write(f"  {url}")
        for phase in (BEFORE, ACCEPTED, REJECTED):
            items = [s for s in report.seen if s.phase == phase]
            self.stdout.write(f"\n{phase.capitalize()}: {len(items)} item(s)")
            for item in items:
                lasts = "browser session" if item.expires_in is None else f"{round(item.expires_in)} s"
                self.stdout.write(f"  {item.kind:<16} {item.name:<28} {item.where:<28} {lasts}")
            for host in report.third_party.get(phase, []):
                self.stdout.write(f"  request to       {host}")
        if not report.findings:
            self.stdout.write(self.style.SUCCESS("\nNo findings: everything set is registered and consented."))
            return
        self.stdout.write(self.style.ERROR(f"\n{len(report.findings)} finding(s):"))
        for finding in report.findings:
            self.stdout.write(f"  [{finding.phase}] {finding.kind} {finding.name}: {finding.problem}")
        raise CommandError(f"{len(report.findings)} cookie finding(s)", returncode=1)
