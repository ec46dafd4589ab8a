"""The DPA 2018 s.164A(3) clock: acknowledge a complaint within 30 days, day 1 being the day after receipt.

The arithmetic is ``pledge.law.complaints``; this module only reads the case's dates, the council's calendar and
the configured period (``PLEDGE_COMPLAINT_ACKNOWLEDGEMENT_DAYS``, 30 unless set). There is no extension and no
pause: s.164A has neither. The outcome is owed "without undue delay" (s.164A(4)), which is not a date, so the
case's due date is the acknowledgement date.
"""

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings

from pledge.calendars.services import current_calendar
from pledge.law.calendar import Nation
from pledge.law.complaints import ACKNOWLEDGEMENT_DAYS, acknowledgement_due
from pledge.law.deadlines import Deadline

if TYPE_CHECKING:
    from pledge.casework.models import Case


def acknowledgement_days() -> int:
    """The acknowledgement period in days: s.164A(3)'s 30 unless the council configures a shorter one."""
    return int(getattr(settings, "PLEDGE_COMPLAINT_ACKNOWLEDGEMENT_DAYS", ACKNOWLEDGEMENT_DAYS))


def complaint_deadline(case: "Case") -> Deadline:
    """The acknowledgement clock as a ``Deadline``: day 1 is the day after receipt, ``due`` the last day to
    acknowledge; ``extended_due`` is None and ``extension_notice_by`` equals ``due`` (nothing extends it)."""
    calendar = current_calendar(Nation(case.nation))
    due = acknowledgement_due(case.received_on, calendar, days=acknowledgement_days())
    return Deadline(start=case.received_on + timedelta(days=1), due=due, extended_due=None, extension_notice_by=due)
