"""``pledge disclosures remind [--now]``: remind officers of 'not safe to tell' decisions whose review date has come
(P112). Schedule it daily; each review is reminded once."""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Disclosure log jobs: `remind` queues the 'tell the person' review reminders (schedule it daily)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser("remind", help="queue the review reminders for the worker; schedule it daily")
        remind.add_argument("--now", action="store_true", help="send now instead of queueing for the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        from pledge.disclosures.tasks import send_tell_reminders

        if options["now"]:
            self.stdout.write(f"Sent {send_tell_reminders.call()} review reminder email(s)")
        else:
            send_tell_reminders.enqueue()
            self.stdout.write("Queued the review reminders for the background worker")
