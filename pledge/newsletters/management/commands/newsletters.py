"""``pledge newsletters purge-unconfirmed|resume|send ISSUE_ID [--now]``: newsletter jobs for cron or a timer.

* ``purge-unconfirmed``: delete sign-ups whose confirmation link has expired (schedule it daily).
* ``resume``: queue again any send a stopped worker left unfinished (schedule it every few minutes; it is safe to
  run often, because a send is held by one worker at a time and a message is never sent twice).
* ``send ISSUE_ID``: queue an issue for sending, as the staff page's button does.

``--now`` runs the job in this process instead of queueing it for ``pledge db_worker``.
"""

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Newsletter jobs: purge-unconfirmed (daily), resume (every few minutes), send ISSUE_ID."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        purge = sub.add_parser("purge-unconfirmed", help="delete sign-ups never confirmed; schedule it daily")
        purge.add_argument("--now", action="store_true", help="purge now instead of queueing for the worker")
        resume = sub.add_parser("resume", help="queue again sends a stopped worker left unfinished")
        resume.add_argument("--now", action="store_true", help="deliver now, in this process")
        send = sub.add_parser("send", help="queue an issue for sending")
        send.add_argument("issue_id", type=int)
        send.add_argument("--now", action="store_true", help="deliver now, in this process")

    def handle(self, *args: Any, **options: Any) -> None:
        from pledge.newsletters import tasks

        action, now = options["action"], options["now"]
        if action == "purge-unconfirmed":
            if now:
                self.stdout.write(f"Purged {tasks.purge_unconfirmed.call()} unconfirmed address(es)")
            else:
                tasks.purge_unconfirmed.enqueue()
                self.stdout.write("Queued the purge of unconfirmed sign-ups for the background worker")
        elif action == "resume":
            self._resume(now=now)
        else:
            self._send(options["issue_id"], now=now)

    def _resume(self, *, now: bool) -> None:
        from pledge.newsletters import sending, tasks
        from pledge.newsletters.models import Send, SendState

        if not now:
            self.stdout.write(f"Queued {tasks.resume_sends.call()} unfinished send(s) for the background worker")
            return
        for send_id in Send.objects.exclude(state=SendState.FINISHED).values_list("pk", flat=True):
            while sending.deliver(send_id=send_id) is sending.Run.MORE:
                pass
            self.stdout.write(f"Send {send_id}: {Send.objects.get(pk=send_id).get_state_display()}")

    def _send(self, issue_id: int, *, now: bool) -> None:
        from pledge.newsletters import lists, sending
        from pledge.newsletters.models import Issue

        issue = Issue.objects.filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"There is no issue {issue_id}")
        send = lists.start_send(issue=issue, actor="pledge newsletters send")
        if now:
            while sending.deliver(send_id=send.pk) is sending.Run.MORE:
                pass
            send.refresh_from_db()
            self.stdout.write(
                f"Send {send.pk}: {send.sent} sent, {send.skipped} not sent (no consent), {send.failed} refused"
            )
        else:
            self.stdout.write(f"Queued send {send.pk} for the background worker")
