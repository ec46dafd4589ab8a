"""``pledge cases remind [--now]``: deadline reminders for rights-request cases."""

from argparse import ArgumentParser, RawDescriptionHelpFormatter
from typing import Any

from django.core.management.base import BaseCommand

SCHEDULING = """\
remind: queue today's deadline reminders for the background worker (pledge db_worker), which emails each
assignee the cases due in PLEDGE_CASE_REMINDER_WORKING_DAYS working days (default 5) and the cases that
are on their first working day overdue; unassigned cases go to the DPO and IG officers.

A council schedules this once a day, for example from cron:

    30 7 * * *  cd /srv/pledge && .venv/bin/pledge cases remind

or from a systemd timer (OnCalendar=*-*-* 07:30) whose service runs the same command. The command only
queues the work; the worker sends the emails. Running it twice in a day sends nothing twice, and on a
weekend or bank holiday it sends nothing.
"""

PURGE = """\
purge-evidence: delete the copies of ID and authority evidence whose deletion date has passed. Each copy is
kept PLEDGE_ID_EVIDENCE_DAYS days (default 30, the council's choice) after the identity check it supported
was recorded, or after its upload while no check is recorded. The record that the evidence was held stays
on the case, with who checked it and when it was deleted; each deletion writes an audit row.

Schedule it once a day with the reminders, for example from cron:

    45 7 * * *  cd /srv/pledge && .venv/bin/pledge cases purge-evidence

The command queues the work for the worker (--now does it at once). Running it twice deletes nothing twice.
"""


class Command(BaseCommand):
    help = (
        "Work with rights-request cases. `pledge cases remind` queues the daily deadline reminders; "
        "`pledge cases purge-evidence` deletes ID evidence past its date."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> Any:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        parser.epilog = SCHEDULING
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        remind = sub.add_parser(
            "remind",
            help="queue today's deadline reminders for the worker; schedule it daily (cron or systemd timer)",
            description=SCHEDULING,
            formatter_class=RawDescriptionHelpFormatter,
        )
        remind.add_argument("--now", action="store_true", help="send now instead of queueing for the worker")
        purge = sub.add_parser(
            "purge-evidence",
            help="delete the ID evidence files past their deletion date; schedule it daily",
            description=PURGE,
            formatter_class=RawDescriptionHelpFormatter,
        )
        purge.add_argument("--now", action="store_true", help="delete now instead of queueing for the worker")

    def handle(self, *args: Any, **options: Any) -> None:
        from pledge.casework.tasks import purge_id_evidence, send_case_reminders

        if options["action"] == "purge-evidence":
            if options["now"]:
                self.stdout.write(f"Deleted {purge_id_evidence.call()} ID evidence file(s) past their deletion date")
            else:
                purge_id_evidence.enqueue()
                self.stdout.write("Queued the ID evidence purge for the background worker")
            return
        if options["now"]:
            self.stdout.write(f"Sent {send_case_reminders.call()} reminder email(s)")
        else:
            send_case_reminders.enqueue()
            self.stdout.write("Queued the case deadline reminders for the background worker")
