"""Deadline reminders for rights-request cases (issue 4, Casework): the background worker emails the assignee
``PLEDGE_CASE_REMINDER_WORKING_DAYS`` working days (default 5) before a case's due date, and again on the first
working day it is overdue.

The one-month clock of UK GDPR Art 12(3) is the council's to keep; the ICO counts a late response as a breach
of the right however late. Reminders are about a case, not a person: an email carries the case reference, kind,
due date and a staff link, never the requester's name, contact details or the summary of the request.

Cases nobody can be reminded about (no assignee, or an assignee without an email address or no longer active)
go to the DPO and the information-governance officers instead, so no deadline passes unnoticed. Cases whose
clock is not running (waiting for proof of identity, or stopped while waiting for clarification) get no
reminder: their due date will move when the clock starts again. Each reminder sent is recorded as a
``CaseReminder`` (case, kind, day), so running the reminders again on the same day sends nothing twice.

A CCTV request whose footage is not yet retrieved also gets a reminder every day from
``PLEDGE_FOOTAGE_WARNING_DAYS`` before the recorder overwrites it (promise P041), whatever its clock is doing:
the recorder does not wait for proof of identity or clarification.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from pledge.calendars.services import current_calendars
from pledge.casework.clock import clock_stops_for_clarification
from pledge.casework.footage import footage_at_risk
from pledge.casework.models import Case, CaseReminder, ReminderKind
from pledge.casework.rag import working_days_until
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.states import OPEN_STATES, CaseState
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.law.calendar import BankHolidayCalendar, Nation, OutsideCalendarError, is_working_day
from pledge.law.calendar import next_working_day_on_or_after as next_working_day

logger = logging.getLogger(__name__)

DEFAULT_REMINDER_WORKING_DAYS = 5
# No run of weekends and bank holidays in a UK calendar is longer than this, so a case due further away than
# two calendar days per working day plus this margin, or overdue for longer than it, cannot need a reminder today.
LONGEST_BREAK_DAYS = 14


def reminder_due(*, today: date, due: date, calendar: BankHolidayCalendar, working_days: int) -> ReminderKind | None:
    """The reminder a case due on ``due`` gets on ``today``, if any.

    DUE_SOON when ``today`` is a working day and exactly ``working_days`` working days come after it up to and
    including ``due``; OVERDUE when ``today`` is the first working day after ``due``; otherwise None (so never on
    a weekend or bank holiday). OutsideCalendarError when the days involved are outside ``calendar``'s years.
    """
    if not is_working_day(today, calendar):
        return None
    if due < today:
        return ReminderKind.OVERDUE if next_working_day(due + timedelta(days=1), calendar) == today else None
    if working_days_until(today=today, due=due, calendar=calendar) == working_days:
        return ReminderKind.DUE_SOON
    return None


def reminder_working_days() -> int:
    """How many working days before the due date the first reminder goes (``PLEDGE_CASE_REMINDER_WORKING_DAYS``)."""
    return int(getattr(settings, "PLEDGE_CASE_REMINDER_WORKING_DAYS", DEFAULT_REMINDER_WORKING_DAYS))


@dataclass(frozen=True)
class DueReminder:
    case: Case
    kind: ReminderKind
    footage: str = ""  # for FOOTAGE_AT_RISK: when the footage is overwritten, with no personal data

    @property
    def link(self) -> str:
        return f"{settings.PLEDGE_SITE_URL.rstrip('/')}/staff/cases/{self.case.pk}/"

    @property
    def routed_because(self) -> str:
        """Why the DPO and IG officers get this case rather than its assignee ("" when the assignee gets it)."""
        assignee = self.case.assignee
        if assignee is None:
            return "no one is assigned"
        if not assignee.is_active:
            return f"{assignee.get_username()} is no longer active"
        return "" if assignee.email else f"{assignee.get_username()} has no email address"


@dataclass(frozen=True)
class ReminderBatch:
    """The reminders going to one set of recipients in one email."""

    to: tuple[str, ...]
    reminders: tuple[DueReminder, ...]

    def message(self, *, today: date) -> EmailMessage:
        """The email listing this batch's cases by reference; no requester's details appear in it."""
        overdue = [r for r in self.reminders if r.kind == ReminderKind.OVERDUE]
        due_soon = [r for r in self.reminders if r.kind == ReminderKind.DUE_SOON]
        footage = [r for r in self.reminders if r.kind == ReminderKind.FOOTAGE_AT_RISK]
        working_days = reminder_working_days()
        context = {
            "today": today,
            "overdue": overdue,
            "due_soon": due_soon,
            "footage": footage,
            "working_days": working_days,
        }
        body = render_to_string("casework/email/case_reminder.txt", context)
        parts = [f"{len(overdue)} overdue"] if overdue else []
        parts += [f"{len(due_soon)} due in {working_days} working days"] if due_soon else []
        parts += [f"{len(footage)} with CCTV footage at risk"] if footage else []
        subject = f"Rights requests: {' and '.join(parts)}"
        return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=list(self.to))


def officer_addresses() -> tuple[str, ...]:
    """The DPO and information-governance officers with an email address, who get cases nobody else can."""
    users = User.objects.filter(is_active=True, role__in=[Role.DPO, Role.IG_OFFICER]).exclude(email="")
    return tuple(sorted(users.values_list("email", flat=True)))


def due_reminders(*, today: date) -> list[DueReminder]:
    """Every reminder owed today and not yet sent today, overdue first, then by due date and reference."""
    working_days = reminder_working_days()
    window = (today - timedelta(days=LONGEST_BREAK_DAYS), today + timedelta(days=2 * working_days + LONGEST_BREAK_DAYS))
    # Rights requests only: a complaint's acknowledgement date shows on the complaints dashboard instead.
    cases = Case.objects.filter(
        state__in=list(OPEN_STATES), due_on__range=window, kind__in=sorted(RIGHTS_REQUEST_KINDS)
    ).select_related("assignee")
    already_sent = set(CaseReminder.objects.filter(sent_on=today).values_list("case_id", "kind"))
    calendars = current_calendars()
    reminders, uncovered = [], 0
    for case in cases:
        if not _clock_running(case):
            continue
        try:
            kind = reminder_due(
                today=today, due=case.due_on, calendar=calendars[Nation(case.nation)], working_days=working_days
            )
        except OutsideCalendarError:
            uncovered += 1
            continue
        if kind is not None and (case.pk, kind.value) not in already_sent:
            reminders.append(DueReminder(case=case, kind=kind))
    if uncovered:
        logger.warning("%d case reminder(s) skipped: the bank-holiday calendar does not cover the dates", uncovered)
    reminders += [
        DueReminder(case=case, kind=ReminderKind.FOOTAGE_AT_RISK, footage=warning)
        for case, warning in footage_at_risk()
        if (case.pk, ReminderKind.FOOTAGE_AT_RISK.value) not in already_sent
    ]
    return sorted(reminders, key=lambda r: (r.kind != ReminderKind.OVERDUE, r.case.due_on, r.case.reference))


def reminder_batches(*, today: date) -> list[ReminderBatch]:
    """Today's reminders grouped into one batch per recipient: the assignee, or the DPO and IG officers."""
    officers = officer_addresses()
    grouped: dict[tuple[str, ...], list[DueReminder]] = defaultdict(list)
    for reminder in due_reminders(today=today):
        to = officers if reminder.routed_because else (reminder.case.assignee.email,)  # type: ignore[union-attr]
        if to:
            grouped[to].append(reminder)
    return [ReminderBatch(to=to, reminders=tuple(items)) for to, items in sorted(grouped.items())]


def build_case_reminders(*, today: date) -> list[EmailMessage]:
    """One email per recipient listing the cases due soon or overdue that have not been reminded about today."""
    return [batch.message(today=today) for batch in reminder_batches(today=today)]


def send_batch(batch: ReminderBatch, *, today: date) -> int:
    """Record the batch's reminders and send its email; both or neither, so a failed send is retried next run."""
    with transaction.atomic():
        CaseReminder.objects.bulk_create(
            CaseReminder(case=r.case, kind=r.kind, sent_on=today, due_on=r.case.due_on, sent_to=", ".join(batch.to))
            for r in batch.reminders
        )
        return batch.message(today=today).send()


def _clock_running(case: Case) -> bool:
    if case.state == CaseState.AWAITING_ID:
        return False
    return not (case.state == CaseState.AWAITING_CLARIFICATION and clock_stops_for_clarification(case))
