"""``pledge deadline --received YYYY-MM-DD ...``: the statutory dates of a request, as JSON (spec §1.2).

Every input is checked here rather than by argparse, so any bad input, like a date outside the calendar,
ends with a clear message and exit status 1.
"""

import json
import re
from argparse import ArgumentParser
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from pledge.calendars.services import current_calendar
from pledge.law.calendar import Nation
from pledge.law.deadlines import Pause, RequestKind, statutory_deadline

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
NATIONS = [nation.value for nation in Nation]
KINDS = [kind.value for kind in RequestKind]


def parse_date(text: str, *, option: str) -> date:
    """A YYYY-MM-DD date, or CommandError naming the option."""
    try:
        if ISO_DATE.fullmatch(text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise CommandError(f"{option}: {text!r} is not a date in the form YYYY-MM-DD", returncode=1)


def optional_date(options: dict[str, Any], name: str) -> date | None:
    """The date given for option ``name``, or None when it was left out."""
    text = options.get(name)
    return parse_date(text, option="--" + name.replace("_", "-")) if text else None


def parse_pause(text: str) -> Pause:
    """ASKED:ANSWERED, two YYYY-MM-DD dates, or CommandError."""
    asked, colon, answered = text.partition(":")
    if not colon:
        raise CommandError(f"--paused: {text!r} is not in the form YYYY-MM-DD:YYYY-MM-DD", returncode=1)
    return Pause(parse_date(asked, option="--paused"), parse_date(answered, option="--paused"))


def parse_choice(text: str, *, option: str, choices: list[str]) -> str:
    """One of ``choices``, or CommandError listing them."""
    if text not in choices:
        raise CommandError(f"{option}: {text!r} is not one of {', '.join(choices)}", returncode=1)
    return text


class Command(BaseCommand):
    help = "Print the start, due date, extended due date and extension-notice date of a request as JSON."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--received", metavar="YYYY-MM-DD", help="the day the request arrived (required)")
        parser.add_argument("--id-received", metavar="YYYY-MM-DD", help="the day proof of identity arrived")
        parser.add_argument("--authority-received", metavar="YYYY-MM-DD", help="the day proof of authority arrived")
        parser.add_argument("--fee-received", metavar="YYYY-MM-DD", help="the day a lawfully charged fee arrived")
        parser.add_argument(
            "--paused",
            action="append",
            default=[],
            metavar="ASKED:ANSWERED",
            help="clarification asked for and received, YYYY-MM-DD:YYYY-MM-DD (access requests); repeatable",
        )
        parser.add_argument("--extended", action="store_true", help="the request has been extended by two months")
        parser.add_argument("--nation", default=Nation.ENGLAND_AND_WALES.value, metavar="|".join(NATIONS))
        parser.add_argument("--kind", default=RequestKind.ACCESS.value, metavar="|".join(KINDS))

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["received"]:
            raise CommandError("--received YYYY-MM-DD is required", returncode=1)
        nation = Nation(parse_choice(options["nation"], option="--nation", choices=NATIONS))
        try:
            deadline = statutory_deadline(
                received=parse_date(options["received"], option="--received"),
                id_received=optional_date(options, "id_received"),
                authority_received=optional_date(options, "authority_received"),
                fee_received=optional_date(options, "fee_received"),
                pauses=[parse_pause(text) for text in options["paused"]],
                extended=options["extended"],
                request_kind=RequestKind(parse_choice(options["kind"], option="--kind", choices=KINDS)),
                calendar=current_calendar(nation),
            )
        except ValueError as error:  # includes OutsideCalendarError
            raise CommandError(str(error), returncode=1) from None
        dates = {
            "start": deadline.start,
            "due": deadline.due,
            "extended_due": deadline.extended_due,
            "extension_notice_by": deadline.extension_notice_by,
        }
        self.stdout.write(json.dumps({name: day.isoformat() if day else None for name, day in dates.items()}))
