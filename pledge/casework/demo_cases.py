"""Fictional rights requests for the Anyshire demo, so the dashboard, metrics and portal have something to show.

``generate_demo_cases`` logs about 200 requests received over the last twenty months up to today and works each
through the real services (``demo_flows``), so every case has its audit trail and valid dates: most answered on
time, a few late, extended, refused or withdrawn, and about twenty still open, spread over overdue, due this week
and later. The random generator is seeded and the dates are relative to ``timezone.localdate()``, so the demo is
the same every time it is loaded on the same day and always looks current.

The references of the cases it made are kept in one audit row, so ``remove_demo_cases`` (``pledge demo load
--reset``) removes those cases and nothing a person logged in the demo.
"""

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.calendars.services import current_calendar
from pledge.casework import demo_flows as flow
from pledge.casework import letters, services
from pledge.casework.clock import CLOCK_KIND, NOT_EXTENDABLE
from pledge.casework.demo_flows import STAFF_CHANNELS, Demo
from pledge.casework.demo_people import pick_channel, pick_kind
from pledge.casework.models import ACCESS_KINDS, Case, CaseKind, Channel, Relationship, default_nation
from pledge.casework.rag import end_of_week, working_days_until
from pledge.casework.states import OPEN_STATES
from pledge.core.audit import record
from pledge.core.models import AuditAction, AuditEvent
from pledge.law.calendar import Nation, is_working_day
from pledge.law.deadlines import statutory_deadline
from pledge.law.exemptions import RefusalGround
from pledge.register.models import ProcessingActivity, Status
from pledge.rights.models import Release, ReleaseDownload, ResponseFile

SEED = 4
DEFAULT_COUNT = 200
HISTORY_DAYS = 600  # about twenty months
DEMO_ACTOR = "demo loader"
OBJECT_TYPE = "demo-requests"
OBJECT_REF = "anyshire"
REFUSAL_REASONS = "The request repeats one answered last month, with nothing new asked for."

# The requests still open today, by what the dashboard shows for them.
OPEN_PLAN = (
    ["overdue"] * 4
    + ["today"]
    + ["this_week"] * 3
    + ["amber"] * 2
    + ["later"] * 4
    + ["extended"] * 2
    + ["received_today"] * 2
    + ["awaiting_id"] * 2
    + ["awaiting_authority"]
    + ["awaiting_clarification"]
)
# What happened to the requests already answered, with how often.
OUTCOMES = {"on_time": 84, "late": 4, "extended": 5, "withdrawn": 3, "refused": 2, "no_id": 2}


class DemoCasesError(ValueError):
    """The demo requests cannot be made, with a reason to show."""


@dataclass(frozen=True)
class DemoResult:
    total: int
    open: int

    def summary(self) -> str:
        return f"Requests: {self.total} ({self.open} open)"


def generate_demo_cases(*, staff: list[Any], seed: int = SEED, count: int = DEFAULT_COUNT) -> DemoResult:
    """Log ``count`` fictional requests through the services and work them to today; one transaction."""
    if not staff:
        raise DemoCasesError("Create the demo staff first")
    today = timezone.localdate()
    calendar = current_calendar(Nation(default_nation()))
    first = max(today - timedelta(days=HISTORY_DAYS), date(min(calendar.years), 1, 1))
    if not (calendar.covers(first) and calendar.covers(today + timedelta(days=100))):
        raise DemoCasesError(
            f"The bank-holiday calendar ({calendar.describe_years()}) does not cover the demo's dates: "
            "load a newer one with `pledge calendar load FILE`"
        )
    approved = ProcessingActivity.objects.filter(status=Status.APPROVED).select_related("service")
    if not approved.exists():
        raise DemoCasesError("The register has no approved activities for the requests to concern")
    demo = Demo(
        rng=random.Random(seed), today=today, calendar=calendar, staff=staff, activities={a.slug: a for a in approved}
    )
    with transaction.atomic():
        _make_open(demo)
        _make_today_and_released(demo)
        _make_history(demo, first=first, count=max(count - len(demo.references), 0))
        record(
            actor=DEMO_ACTOR,
            action=AuditAction.CREATE,
            object_type=OBJECT_TYPE,
            object_ref=OBJECT_REF,
            summary=f"Demo requests generated: {len(demo.references)} fictional requests",
            after={"cases": demo.references},
        )
    made = Case.objects.filter(reference__in=demo.references)
    return DemoResult(total=made.count(), open=made.filter(state__in=sorted(OPEN_STATES)).count())


def demo_references() -> set[str]:
    """The references of every case the generator made (and has not removed)."""
    references: set[str] = set()
    for after in AuditEvent.objects.filter(object_type=OBJECT_TYPE, action=AuditAction.CREATE).values_list(
        "after", flat=True
    ):
        references.update((after or {}).get("cases", []))
    return references


def remove_demo_cases() -> int:
    """Delete the cases the generator made, with their records and released files; returns how many.

    The audit rows stay (they are append-only); one more row records the removal.
    """
    from pledge.core.uploads import private_storage
    from pledge.fulfilment.models import Restriction

    cases = Case.objects.filter(reference__in=sorted(demo_references()))
    with transaction.atomic():
        files = ResponseFile.objects.filter(case__in=cases)
        stored = list(files.values_list("storage_name", flat=True))
        ReleaseDownload.objects.filter(file__in=files).delete()
        files.delete()
        Release.objects.filter(case__in=cases).delete()
        Restriction.objects.filter(case__in=cases).delete()
        removed = cases.count()
        cases.delete()
        record(
            actor=DEMO_ACTOR,
            action=AuditAction.DELETE,
            object_type=OBJECT_TYPE,
            object_ref=OBJECT_REF,
            summary=f"Demo requests removed: {removed}",
        )
        transaction.on_commit(lambda: _delete_files(private_storage(), stored))
    return removed


def _delete_files(storage: Any, names: list[str]) -> None:
    for name in names:
        storage.delete(name)


def _received_for(demo: Demo, *, kind: CaseKind, wanted: Callable[[date], bool], days: Iterable[int]) -> date:
    """A day of receipt, ``days`` ago, whose one-month due date ``wanted`` accepts (the first that fits if none)."""
    fits = []
    candidates = [demo.today - timedelta(days=d) for d in days]
    for received in candidates:
        due = statutory_deadline(received=received, request_kind=CLOCK_KIND[kind], calendar=demo.calendar).due
        if wanted(due):
            fits.append(received)
    return demo.rng.choice(fits) if fits else candidates[0]


def _due_wanted(demo: Demo, bucket: str) -> tuple[Callable[[date], bool], range]:
    today, week_end = demo.today, end_of_week(demo.today)

    def working_days(due: date) -> int:
        return working_days_until(today=today, due=due, calendar=demo.calendar)

    return {
        "overdue": (lambda due: today - timedelta(days=25) <= due < today, range(32, 60)),
        "today": (lambda due: due == today, range(25, 35)),
        "this_week": (lambda due: today < due <= week_end, range(20, 35)),
        "amber": (lambda due: due > week_end and 6 <= working_days(due) <= 10, range(10, 28)),
        "later": (lambda due: working_days(due) > 10, range(1, 16)),
    }[bucket]


def _make_open(demo: Demo) -> None:
    for number, plan in enumerate(OPEN_PLAN):
        kind = CaseKind.ACCESS_CCTV if number % 5 == 1 else (CaseKind.ACCESS if number % 3 else pick_kind(demo.rng))
        channel = pick_channel(demo.rng)
        if plan in ("received_today", "awaiting_id", "awaiting_authority", "awaiting_clarification"):
            _open_waiting(demo, plan, kind=kind, channel=channel)
        elif plan == "extended":
            _open_extended(demo, kind=CaseKind.ACCESS, channel=channel)
        else:
            wanted, days = _due_wanted(demo, plan)
            received = _received_for(demo, kind=kind, wanted=wanted, days=days)
            case = flow.open_case(demo, kind=kind, channel=channel, received=received)
            flow.verify(demo, case, day=received, ask=False)
            flow.set_scope(demo, case)
            flow.search(demo, case, leave_to_do=1 if plan in ("overdue", "today", "this_week") else 2)
            flow.maybe_note(demo, case, chance=0.5)


def _open_waiting(demo: Demo, plan: str, *, kind: CaseKind, channel: Channel) -> None:
    """Requests waiting for the council (just in) or for the requester (proof, authority, clarification)."""
    today = demo.today
    if plan == "received_today":
        case = flow.open_case(demo, kind=kind, channel=channel, received=today)
        flow.send_letter_today(case, letters.LetterKind.ACKNOWLEDGEMENT)
    elif plan == "awaiting_id":
        case = flow.open_case(demo, kind=kind, channel=channel, received=today - timedelta(days=demo.rng.randint(2, 8)))
        services.ask_for_identity(case=case, on=today, actor=case.assignee)
        flow.send_letter_today(case, letters.LetterKind.ID_REQUEST)
    elif plan == "awaiting_authority":
        received = today - timedelta(days=demo.rng.randint(3, 9))
        case = flow.open_case(demo, kind=CaseKind.ACCESS, channel=channel, received=received, on_behalf="solicitor")
        services.ask_for_identity(case=case, on=received, actor=case.assignee)
        services.record_identity_received(
            case=case, on=demo.later(received, 1, 3), method="matching_details", actor=case.assignee
        )
    else:
        received = today - timedelta(days=demo.rng.randint(3, 10))
        case = flow.open_case(demo, kind=CaseKind.ACCESS, channel=channel, received=received)
        services.ask_for_clarification(case=case, on=demo.later(received, 1, 2), actor=case.assignee)


def _open_extended(demo: Demo, *, kind: CaseKind, channel: Channel) -> None:
    received = demo.today - timedelta(days=demo.rng.randint(30, 55))
    case = flow.open_case(demo, kind=kind, channel=channel, received=received)
    flow.verify(demo, case, day=received, ask=False)
    flow.set_scope(demo, case)
    flow.search(demo, case, leave_to_do=1)
    services.extend_deadline(
        case=case, reason=flow.EXTENSION_REASON, on=demo.later(received, 10, 20), actor=case.assignee
    )
    flow.maybe_note(demo, case, chance=1)


def _make_today_and_released(demo: Demo) -> None:
    """Two access requests answered today by letter, one of them on the portal; one released last week."""
    for channel in (Channel.WEB, Channel.LETTER):
        received = demo.today - timedelta(days=demo.rng.randint(15, 24))
        case = flow.open_case(demo, kind=CaseKind.ACCESS, channel=channel, received=received)
        flow.verify(demo, case, day=received, ask=False)
        flow.set_scope(demo, case)
        flow.search(demo, case)
        flow.respond_by_letter_today(demo, case)
        if case.requester_email:
            flow.release_on_portal(demo, case, day=demo.today)
    received = demo.today - timedelta(days=30)
    case = flow.open_case(demo, kind=CaseKind.ACCESS, channel=Channel.EMAIL, received=received)
    flow.verify(demo, case, day=received, ask=True)
    flow.set_scope(demo, case)
    flow.search(demo, case)
    answered = demo.today - timedelta(days=6)
    services.mark_responded(case=case, on=answered, actor=case.assignee)
    flow.release_on_portal(demo, case, day=answered)


def _make_history(demo: Demo, *, first: date, count: int) -> None:
    """Requests received from ``first`` to about six weeks ago, every kind at least once, all answered."""
    last = demo.today - timedelta(days=40)
    span = (last - first).days
    kinds = list(CaseKind)
    # A shuffled deck rather than independent draws, so the shares are the same whatever the seed.
    total = sum(OUTCOMES.values())
    outcomes = [outcome for outcome, share in OUTCOMES.items() for _ in range(round(count * share / total))]
    outcomes += ["on_time"] * (count - len(outcomes))
    demo.rng.shuffle(outcomes)
    for number in range(count):
        kind = kinds[number] if number < len(kinds) else pick_kind(demo.rng)
        received = first + timedelta(days=round(span * number / max(count - 1, 1)))
        channel = pick_channel(demo.rng)
        if channel in STAFF_CHANNELS:
            while not is_working_day(received, demo.calendar):
                received += timedelta(days=1)
        _answered(demo, kind=kind, channel=channel, received=received, outcome=outcomes[number])


def _answered(demo: Demo, *, kind: CaseKind, channel: Channel, received: date, outcome: str) -> None:
    rng = demo.rng
    on_behalf = rng.choice([r for r in Relationship if r]) if rng.random() < 0.06 else ""
    case = flow.open_case(demo, kind=kind, channel=channel, received=received, on_behalf=on_behalf)
    day = demo.later(received, 0, 3)
    if outcome == "no_id":
        services.ask_for_identity(case=case, on=day, actor=case.assignee)
        _finish_without_proof(demo, case, day=day)
        return
    day = flow.verify(demo, case, day=day, ask=rng.random() < 0.25)
    if kind in ACCESS_KINDS and rng.random() < 0.08:
        day = flow.clarify(demo, case, day=demo.later(day, 1, 4))
    flow.set_scope(demo, case)
    flow.maybe_note(demo, case)
    if outcome in ("withdrawn", "refused"):
        _finish_early(demo, case, day=demo.later(day, 3, 15), outcome=outcome)
        return
    if outcome == "extended" and kind not in NOT_EXTENDABLE:
        day = flow.extend(demo, case, day=day) or day
    day = demo.later(day, 1, 4)
    flow.fulfil(demo, case, day=day)
    flow.review_decisions(demo, case, day=day)
    flow.decide_objections(demo, case, day=day)
    flow.retrieve_footage(demo, case, day=day)
    flow.search(demo, case)
    flow.respond(demo, case, day=_response_day(demo, case, after=day, late=outcome == "late"))


def _response_day(demo: Demo, case: Case, *, after: date, late: bool) -> date:
    if late:
        return min(demo.later(case.due_on, 1, 20), demo.today)
    latest = max(case.due_on, after)
    spare = (latest - after).days
    return min(after + timedelta(days=demo.rng.randint(0, spare)), demo.today)


def _finish_without_proof(demo: Demo, case: Case, *, day: date) -> None:
    """No proof ever came: closed after two reminders, or refused because the requester cannot be identified."""
    if demo.rng.random() < 0.5:
        services.close(case=case, on=demo.later(day, 30, 45), actor=case.assignee)
        return
    later = min(demo.later(day, 18, 26), case.due_on)
    services.refuse_request(
        case=case,
        ground=RefusalGround.CANNOT_IDENTIFY,
        reasons="We asked twice for proof of identity and have not received it.",
        on=later,
        actor=case.assignee,
    )


def _finish_early(demo: Demo, case: Case, *, day: date, outcome: str) -> None:
    if outcome == "withdrawn":
        services.withdraw(case=case, on=day, actor=case.assignee)
        return
    services.refuse_request(
        case=case, ground=RefusalGround.MANIFESTLY_EXCESSIVE, reasons=REFUSAL_REASONS, on=day, actor=case.assignee
    )
    services.close(case=case, on=demo.later(day, 5, 20), actor=case.assignee)
