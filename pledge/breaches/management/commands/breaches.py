"""``pledge breaches alert [--now]``: remind the DPO of breaches with no ICO decision 24 and 60 hours after awareness.

Schedule it hourly (cron or a systemd timer), so a reminder is at most an hour late; running it more often is
safe, because each breach gets each reminder once.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Breach register jobs: `alert` queues the 24- and 60-hour ICO decision reminders (schedule it hourly)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        alert = sub.add_parser("alert", help="queue the reminders for the worker; schedule it hourly")
        alert.add_argument("--now", action="store_true", help="send now instead of queueing for the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        from pledge.breaches.tasks import send_breach_alerts

        if options["now"]:
            self.stdout.write(f"Sent {send_breach_alerts.call()} breach reminder email(s)")
        else:
            send_breach_alerts.enqueue()
            self.stdout.write("Queued the breach reminders for the background worker")
