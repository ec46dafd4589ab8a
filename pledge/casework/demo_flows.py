"""The steps a demo request is worked through, each by the real casework, fulfilment or release service.

Every step is dated on or after the one before and never after today, so each service checks the dates as it
would for staff, computes the due date from the calendar in force and writes its own audit row. Letters are dated
the day they are sent (``sending`` dates them today), so only steps that happen today send one.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from pledge.casework import footage, identity, letters, notes, scope, search_tasks, sending, services
from pledge.casework.demo_people import KIND_ACTIVITIES, ON_BEHALF_SUMMARY, make_person, summary_for
from pledge.casework.footage_models import FootageScope, RetrievalOutcome, ThirdPartyOutcome
from pledge.casework.models import Case, CaseKind, Channel, Relationship
from pledge.casework.record_models import AuthorityType, CheckMethod, DocumentType, SearchState
from pledge.fulfilment.decisions import (
    objection_verdict,
    open_decision_review,
    record_objection_decision,
    record_review_decision,
)
from pledge.fulfilment.notifications import has_outcome_to_tell, recipients_to_tell, record_recipient_notice
from pledge.fulfilment.restrictions import restrict_processing
from pledge.fulfilment.services import record_correction, record_erasure_outcome
from pledge.law.automated_decisions import Art22Exception, ReviewResult
from pledge.law.calendar import BankHolidayCalendar, is_working_day
from pledge.law.erasure import ErasureGround, ErasureResult, KeepGround
from pledge.law.objection import CarryOnGround, ObjectionOutcome
from pledge.law.restriction import RestrictionGround
from pledge.register.models import ProcessingActivity, System
from pledge.rights.releases import add_response_file, release_response

FULFILLED_KINDS = frozenset({CaseKind.RECTIFICATION, CaseKind.ERASURE, CaseKind.RESTRICTION})
STAFF_CHANNELS = frozenset({Channel.PHONE, Channel.LETTER, Channel.IN_PERSON})
AUTHORITY_FOR = {
    Relationship.PARENT: AuthorityType.PARENTAL_RESPONSIBILITY,
    Relationship.SOLICITOR: AuthorityType.SIGNED_AUTHORITY,
    Relationship.ATTORNEY: AuthorityType.LASTING_POWER_OF_ATTORNEY,
    Relationship.ADVOCATE: AuthorityType.SIGNED_AUTHORITY,
}
DOCUMENTS = (DocumentType.PASSPORT, DocumentType.DRIVING_LICENCE, DocumentType.UTILITY_BILL)
EXTENSION_REASON = "The request is complex: the records are held by several services and need careful review."
CAMERAS = ("Market Square, camera 3", "High Street car park, level 2", "Bus station forecourt", "Country park gate")
NOTES = (
    "Spoke to the requester to confirm the period the request covers.",
    "Service team asked to search their shared mailbox as well as the case system.",
    "Third-party details found in two documents; redaction needed before release.",
    "Requester happy to receive the response by email.",
)


@dataclass
class Demo:
    """What every step needs: the seeded random generator, today, the calendar and who does the work."""

    rng: random.Random
    today: date
    calendar: BankHolidayCalendar
    staff: list[Any]
    activities: dict[str, ProcessingActivity]
    references: list[str] = field(default_factory=list)

    def later(self, day: date, low: int, high: int) -> date:
        """A working day ``low``-``high`` days after ``day``, but never after today."""
        moved = day + timedelta(days=self.rng.randint(low, high))
        while not is_working_day(moved, self.calendar) and moved < self.today:
            moved += timedelta(days=1)
        return min(moved, self.today)

    def worker(self) -> Any:
        return self.rng.choice(self.staff)


def open_case(demo: Demo, *, kind: CaseKind, channel: Channel, received: date, on_behalf: str = "") -> Case:
    """Log the request as its channel would: the website logs its own, staff key in the rest, then assign it."""
    with_email = channel in (Channel.WEB, Channel.EMAIL) or demo.rng.random() < 0.4
    person = make_person(demo.rng, with_email=with_email)
    summary = summary_for(demo.rng, kind)
    worker = demo.worker()
    case = services.open_request(
        kind=kind,
        channel=channel,
        received_on=received,
        requester_name=person.name,
        requester_email=person.email,
        requester_address=person.address,
        on_behalf_of=on_behalf,
        summary=f"{ON_BEHALF_SUMMARY} {summary}" if on_behalf else summary,
        actor=None if channel == Channel.WEB else worker,
    )
    demo.references.append(case.reference)
    services.assign(case=case, assignee=worker, actor=demo.staff[0])
    return case


def verify(demo: Demo, case: Case, *, day: date, ask: bool) -> date:
    """Check identity (and any authority): ask for proof when in doubt, else match what the council holds.

    Returns the day the work can start: the day the proof arrived, or ``day``.
    """
    actor = case.assignee
    if not (ask or case.on_behalf_of):
        method = CheckMethod.EXISTING_ACCOUNT if case.channel == Channel.WEB else CheckMethod.MATCHING_DETAILS
        identity.record_identity_check(case=case, on=day, method=method, actor=actor)
        return day
    services.ask_for_identity(case=case, on=day, actor=actor)
    arrived = demo.later(day, 2, 12)
    if case.on_behalf_of:
        services.record_identity_received(case=case, on=arrived, method=CheckMethod.MATCHING_DETAILS, actor=actor)
        authority = AUTHORITY_FOR.get(Relationship(case.on_behalf_of), AuthorityType.SIGNED_AUTHORITY)
        services.record_identity_received(
            case=case, on=arrived, method=CheckMethod.AUTHORITY_SEEN, authority_type=authority, actor=actor
        )
    else:
        document = demo.rng.choice(DOCUMENTS)
        services.record_identity_received(
            case=case, on=arrived, method=CheckMethod.DOCUMENT_SEEN, document_type=document, actor=actor
        )
    return arrived


def set_scope(demo: Demo, case: Case) -> None:
    """Choose one or two register activities for the request, the team that runs them, and the searches."""
    slugs = [slug for slug in KIND_ACTIVITIES[CaseKind(case.kind)] if slug in demo.activities]
    if not slugs:
        slugs = sorted(demo.activities)
    chosen = demo.rng.sample(slugs, k=min(len(slugs), 1 if demo.rng.random() < 0.6 else 2))
    activities = [demo.activities[slug] for slug in chosen]
    scope.choose_scope(case=case, activities=activities, team=activities[0].service, actor=case.assignee)
    search_tasks.create_search_tasks_from_activities(case=case, actor=case.assignee)
    scope_cctv(demo, case)


def scope_cctv(demo: Demo, case: Case) -> FootageScope | None:
    """Name the camera and a one-hour window on a CCTV request, a few days before it arrived (P041)."""
    if case.kind != CaseKind.ACCESS_CCTV:
        return None
    system = System.objects.filter(activities__cases=case, surveillance=True, footage_retention_days__gt=0).first()
    if system is None:
        return None
    day = case.received_on - timedelta(days=demo.rng.randint(1, 6))
    start = datetime.combine(day, time(demo.rng.randint(9, 20)), tzinfo=timezone.get_current_timezone())
    return footage.scope_footage(
        case=case,
        system=system,
        location=demo.rng.choice(CAMERAS),
        window_start=start,
        window_end=start + timedelta(hours=1),
        actor=case.assignee,
    )


def retrieve_footage(demo: Demo, case: Case, *, day: date) -> None:
    """Record the footage retrieved (others in it blurred or none visible), or already overwritten."""
    scope = FootageScope.objects.filter(case=case).first()
    if scope is None:
        return
    if demo.rng.random() < 0.15:
        reason = "The system keeps footage for 31 days and the window had passed when the request arrived."
        footage.record_retrieval(
            scope=scope,
            outcome=RetrievalOutcome.OVERWRITTEN,
            on=day,
            retrieved_by="",
            reason=reason,
            actor=case.assignee,
        )
        return
    footage.record_retrieval(
        scope=scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=day,
        retrieved_by="CCTV control room",
        reason="",
        actor=case.assignee,
    )
    others = demo.rng.random() < 0.6
    footage.record_third_parties(
        scope=scope,
        outcome=ThirdPartyOutcome.REDACTED if others else ThirdPartyOutcome.NONE_VISIBLE,
        how="Other people's faces and number plates blurred" if others else "",
        exemption=None,
        actor=case.assignee,
    )


def search(demo: Demo, case: Case, *, leave_to_do: int = 0) -> None:
    """Record what each search still to do found, leaving the last ``leave_to_do`` of them to do."""
    tasks = case.search_tasks.filter(state=SearchState.TO_DO).order_by("id")
    footage_scope = FootageScope.objects.filter(case=case).first()
    if footage_scope is not None and footage_scope.search_task_id is not None:
        tasks = tasks.exclude(pk=footage_scope.search_task_id)  # done by recording the retrieval
    todo = list(tasks)
    for task in todo[: max(len(todo) - leave_to_do, 0)]:
        found = SearchState.FOUND if demo.rng.random() < 0.75 else SearchState.NOTHING_FOUND
        search_tasks.record_search(task=task, state=found, note="", assignee=case.assignee, actor=case.assignee)


def maybe_note(demo: Demo, case: Case, *, chance: float = 0.3) -> None:
    if demo.rng.random() < chance:
        notes.add_note(case=case, text=demo.rng.choice(NOTES), actor=case.assignee)


def clarify(demo: Demo, case: Case, *, day: date) -> date:
    """Ask what the request covers and record the answer; returns the day it arrived."""
    services.ask_for_clarification(case=case, on=day, actor=case.assignee)
    answered = demo.later(day, 3, 10)
    services.record_clarification(case=case, on=answered, actor=case.assignee)
    return answered


def extend(demo: Demo, case: Case, *, day: date) -> date | None:
    """Extend by two months on a day within the first month; None when that day has already passed."""
    on = min(demo.later(day, 7, 20), case.extension_notice_by)
    if on < day:
        return None
    services.extend_deadline(case=case, reason=EXTENSION_REASON, on=on, actor=case.assignee)
    return on


def fulfil(demo: Demo, case: Case, *, day: date) -> None:
    """Record the correction, erasure or restriction the request asked for, and tell one recipient (Art 19)."""
    if case.kind not in FULFILLED_KINDS:
        return
    activity = case.activities.prefetch_related("systems").first()
    system = activity.systems.first() if activity else None
    if system is None:
        return
    reference = f"{system.slug.upper()[:4]}-{demo.rng.randint(10000, 99999)}"
    actor = case.assignee
    if case.kind == CaseKind.RECTIFICATION:
        record_correction(
            case=case,
            system=system,
            record_reference=reference,
            was="Date of birth recorded as 1 March",
            now="Date of birth recorded as 3 January",
            corrected_on=day,
            actor=actor,
        )
    elif case.kind == CaseKind.ERASURE:
        kept = demo.rng.random() < 0.3
        record_erasure_outcome(
            case=case,
            system=system,
            record_reference=reference,
            result=ErasureResult.KEPT if kept else ErasureResult.ERASED,
            keep_ground=KeepGround.LEGAL_OBLIGATION if kept else "",
            erase_ground=ErasureGround.NO_LONGER_NEEDED,
            reasons="Payment records must be kept for six years for the council's accounts." if kept else "",
            done_on=day,
            actor=actor,
        )
    elif case.kind == CaseKind.RESTRICTION:
        restrict_processing(
            case=case,
            system=system,
            record_reference=reference,
            ground=RestrictionGround.ACCURACY_CONTESTED,
            scope="Recovery action on the account while its accuracy is checked",
            started_on=day,
            actor=actor,
        )
    _tell_one_recipient(case, day=day)


def decide_objections(demo: Demo, case: Case, *, day: date) -> None:
    """Art 21: for each activity the right to object applies to, stop the processing or (rarely) carry on."""
    if case.kind != CaseKind.OBJECTION:
        return
    for activity in case.activities.all():
        verdict = objection_verdict(activity)
        if not verdict.applies:
            continue
        carry_on = not verdict.absolute and demo.rng.random() < 0.2
        record_objection_decision(
            case=case,
            activity=activity,
            outcome=ObjectionOutcome.CARRY_ON if carry_on else ObjectionOutcome.STOPPED,
            carry_on_ground=CarryOnGround.COMPELLING_GROUNDS if carry_on else "",
            reasons="The figures are needed to plan services and are reported only in anonymous totals."
            if carry_on
            else "",
            how_stopped="" if carry_on else "The person's records are flagged so they are left out of this use",
            decided_on=day,
            actor=case.assignee,
        )


def review_decisions(demo: Demo, case: Case, *, day: date) -> None:
    """Art 22C: a person looks again at each automated decision on the case and records a new decision."""
    if case.kind != CaseKind.AUTOMATED_DECISION_REVIEW:
        return
    for activity in case.activities.filter(automated_decision=True):
        review = open_decision_review(
            case=case,
            activity=activity,
            original_decided_on=case.received_on - timedelta(days=demo.rng.randint(5, 20)),
            original_outcome="Council tax support reduced after an automatic change of income",
            original_inputs="Income figures received from the Department for Work and Pensions",
            exception=Art22Exception.AUTHORISED_BY_LAW,
            exception_law="The council's council tax support scheme",
            reviewer=case.assignee,
            actor=case.assignee,
        )
        changed = demo.rng.random() < 0.5
        record_review_decision(
            review=review,
            result=ReviewResult.CHANGED if changed else ReviewResult.STANDS,
            new_decision="Support restored from the date of the change" if changed else "The reduction stands",
            reasons="The income figures were checked against the payslips the person sent.",
            decided_on=day,
            actor=case.assignee,
        )


def _tell_one_recipient(case: Case, *, day: date) -> None:
    if not has_outcome_to_tell(case):
        return
    for row in recipients_to_tell(case=case)[:1]:
        record_recipient_notice(
            case=case, recipient=row.recipient, outcome="told", told_on=day, method="email", actor=case.assignee
        )


def respond(demo: Demo, case: Case, *, day: date, close_chance: float = 0.85) -> None:
    """Record the response on ``day`` and usually close the case a few days later."""
    services.mark_responded(case=case, on=day, actor=case.assignee)
    closed = demo.later(day, 3, 25)
    # Older access requests were answered before the demo's letters existed, so they stay answered, not closed.
    if closed > day and demo.rng.random() < close_chance and services.close_problem(case) is None:
        services.close(case=case, on=closed, actor=case.assignee)


def respond_by_letter_today(demo: Demo, case: Case) -> None:
    """Send the response letter today, by email when there is an address, else recorded as posted."""
    actor = case.assignee
    if case.requester_email:
        sending.send_letter_by_email(case=case, kind=letters.LetterKind.RESPONSE, actor=actor, mark_responded=True)
    else:
        sending.record_letter_posted(case=case, kind=letters.LetterKind.RESPONSE, actor=actor, mark_responded=True)
    case.refresh_from_db()


def send_letter_today(case: Case, kind: letters.LetterKind) -> None:
    if case.requester_email:
        sending.send_letter_by_email(case=case, kind=kind, actor=case.assignee)
    else:
        sending.record_letter_posted(case=case, kind=kind, actor=case.assignee)


def release_on_portal(demo: Demo, case: Case, *, day: date) -> None:
    """Put the response letter on the requester portal as released on ``day`` (it stays up for 28 days)."""
    pdf = letters.letter_pdf(case=case, kind=letters.LetterKind.RESPONSE, today=day)
    add_response_file(case=case, upload=ContentFile(pdf, name="response-letter.pdf"), actor=case.assignee)
    at = datetime.combine(day, time(10), tzinfo=timezone.get_current_timezone())
    release_response(case=case, confirm_email=case.requester_email, actor=case.assignee, now=min(at, timezone.now()))
