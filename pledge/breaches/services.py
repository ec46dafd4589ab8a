"""Reporting, assessing and deciding on personal data breaches (UK GDPR Arts 33, 34); every change audited.

Each function runs in one transaction with its audit row, so a refused change saves nothing; emails to the DPO are
queued on commit. Audit summaries carry the breach reference and what changed, never the description or names.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from pledge.breaches.models import (
    ActionKind,
    Breach,
    BreachAction,
    BreachState,
    IcoDecision,
    PeopleDecision,
)
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.law import breach as law

OBJECT_TYPE = "breach"


class BreachInvalid(Exception):
    """A change refused, with one plain-English message per form field."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


def _snapshot(breach: Breach, fields: list[str]) -> dict[str, Any]:
    values = {}
    for name in fields:
        value = getattr(breach, name)
        values[name] = value.isoformat() if isinstance(value, datetime | date) else value
    return values


def _next_reference(year: int) -> str:
    prefix = f"BR-{year}-"
    last = Breach.objects.filter(reference__startswith=prefix).order_by("-reference").first()
    number = int(last.reference.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


def report_breach(
    *,
    actor: Any,
    description: str,
    aware_at: datetime,
    data_categories: str,
    people_affected: int | None,
    detected_by: str = "",
    occurred_at: datetime | None = None,
    special_category: bool = False,
    case: Any = None,
    now: datetime | None = None,
) -> Breach:
    """Start a breach record: its reference and the 72-hour clock from ``aware_at`` (Art 33(1); promise P121)."""
    now = now or timezone.now()
    problems: dict[str, str] = {}
    if not description.strip():
        problems["description"] = "Enter what happened"
    if not data_categories.strip():
        problems["data_categories"] = "Enter what personal data was involved"
    if aware_at > now:
        problems["aware_at"] = "The time you became aware cannot be in the future"
    if occurred_at is not None and occurred_at > aware_at:
        problems["occurred_at"] = "The breach cannot have happened after you became aware of it"
    if problems:
        raise BreachInvalid(problems)
    for _attempt in range(3):  # two people reporting in the same second: the unique reference decides
        try:
            with transaction.atomic():
                breach = Breach.objects.create(
                    reference=_next_reference(timezone.localtime(now).year),
                    aware_at=aware_at,
                    occurred_at=occurred_at,
                    detected_by=detected_by.strip(),
                    reported_by=actor,
                    reported_at=now,
                    description=description.strip(),
                    data_categories=data_categories.strip(),
                    special_category=special_category,
                    people_affected=people_affected,
                    case=case,
                )
                _audit(
                    breach.reference,
                    actor=actor,
                    action=AuditAction.CREATE,
                    summary="Suspected breach reported" + (f" from case {case.reference}" if case else ""),
                    after=_snapshot(breach, ["aware_at", "people_affected", "special_category"]),
                )
                _queue_report_email(breach)
                return breach
        except IntegrityError:
            continue
    raise BreachInvalid({"description": "The breach could not be given a reference; try again"})


def _queue_report_email(breach: Breach) -> None:
    from pledge.breaches.tasks import tell_dpo_of_breach

    transaction.on_commit(lambda: tell_dpo_of_breach.enqueue(breach_id=breach.pk))


ASSESSMENT_FIELDS = [
    "likelihood",
    "severity",
    "special_category",
    "criminal_offence",
    "data_unintelligible",
    "people_affected",
    "records_affected",
    "likely_consequences",
    "risk_level",
    "risk_rationale",
]


def assessment_of(breach: Breach) -> law.RiskAssessment | None:
    """The breach's recorded assessment as the pure module reads it, or None before one is recorded."""
    if not breach.likelihood or not breach.severity:
        return None
    return law.RiskAssessment(
        likelihood=law.Likelihood(breach.likelihood),
        severity=law.Severity(breach.severity),
        people=breach.people_affected,
        special_category=breach.special_category,
        criminal_offence=breach.criminal_offence,
        data_unintelligible=breach.data_unintelligible,
    )


def assess_breach(
    *,
    breach: Breach,
    actor: Any,
    likelihood: law.Likelihood,
    severity: law.Severity,
    special_category: bool,
    criminal_offence: bool,
    data_unintelligible: bool,
    people_affected: int | None,
    records_affected: int | None,
    likely_consequences: str,
    rationale: str,
) -> Breach:
    """Record the risk assessment; the level is the pure module's, the rationale the assessor's own words."""
    problems: dict[str, str] = {}
    if not rationale.strip():
        problems["rationale"] = "Enter why you assessed the risk this way"
    if not likely_consequences.strip():
        problems["likely_consequences"] = "Enter the likely consequences for the people affected"
    if breach.state == BreachState.CLOSED:
        problems["rationale"] = "The breach is closed"
    if problems:
        raise BreachInvalid(problems)
    assessment = law.RiskAssessment(
        likelihood=likelihood,
        severity=severity,
        people=people_affected,
        special_category=special_category,
        criminal_offence=criminal_offence,
        data_unintelligible=data_unintelligible,
    )
    level, _reasons = law.risk_level(assessment)
    with transaction.atomic():
        breach = Breach.objects.select_for_update().get(pk=breach.pk)
        before = _snapshot(breach, ASSESSMENT_FIELDS)
        breach.likelihood, breach.severity = likelihood.value, severity.value
        breach.special_category, breach.criminal_offence = special_category, criminal_offence
        breach.data_unintelligible = data_unintelligible
        breach.people_affected, breach.records_affected = people_affected, records_affected
        breach.likely_consequences, breach.risk_rationale = likely_consequences.strip(), rationale.strip()
        breach.risk_level = level.value
        breach.assessed_by, breach.assessed_at = actor, timezone.now()
        if breach.state == BreachState.REPORTED:
            breach.state = BreachState.ASSESSED
        breach.save()
        _audit(
            breach.reference,
            actor=actor,
            action=AuditAction.UPDATE,
            summary=f"Risk assessed: {breach.get_risk_level_display()}",
            before=before,
            after=_snapshot(breach, ASSESSMENT_FIELDS),
        )
    return breach


ICO_FIELDS = ["ico_decision", "ico_notified_at", "ico_reference", "ico_delay_reasons", "ico_reasons_not_notified"]


def decide_ico(
    *,
    breach: Breach,
    actor: Any,
    notify: bool,
    notified_at: datetime | None = None,
    reference: str = "",
    delay_reasons: str = "",
    reasons_not_notified: str = "",
    now: datetime | None = None,
) -> Breach:
    """Record whether the breach was reported to the ICO: when and the ICO's reference, with reasons for any delay
    past 72 hours (Art 33(1)); or why not (Art 33(5)). It may be revised, each change audited."""
    now = now or timezone.now()
    problems = law.ico_decision_problems(
        aware_at=breach.aware_at,
        now=now,
        notify=notify,
        notified_at=notified_at,
        reference=reference,
        delay_reasons=delay_reasons,
        reasons_not_notified=reasons_not_notified,
    )
    if not breach.risk_level:
        problems["notify"] = "Record the risk assessment before the ICO decision"
    if problems:
        raise BreachInvalid(problems)
    with transaction.atomic():
        breach = Breach.objects.select_for_update().get(pk=breach.pk)
        before = _snapshot(breach, ICO_FIELDS)
        breach.ico_decision = IcoDecision.NOTIFIED if notify else IcoDecision.NOT_NOTIFIED
        breach.ico_notified_at = notified_at if notify else None
        breach.ico_reference = reference.strip() if notify else ""
        late = notify and notified_at is not None and law.is_late(aware_at=breach.aware_at, notified_at=notified_at)
        breach.ico_delay_reasons = delay_reasons.strip() if late else ""
        breach.ico_reasons_not_notified = "" if notify else reasons_not_notified.strip()
        breach.ico_decided_by, breach.ico_decided_at = actor, now
        if breach.state in (BreachState.REPORTED, BreachState.ASSESSED):
            breach.state = BreachState.DECIDED
        breach.save()
        _audit(
            breach.reference,
            actor=actor,
            action=AuditAction.UPDATE,
            summary=f"ICO decision: {breach.get_ico_decision_display()}" + (" (late, reasons given)" if late else ""),
            before=before,
            after=_snapshot(breach, ICO_FIELDS),
        )
    return breach


PEOPLE_FIELDS = ["people_decision", "people_told_at", "people_told_how", "people_exception", "people_reasons"]


def decide_people(
    *,
    breach: Breach,
    actor: Any,
    told: bool,
    told_at: datetime | None = None,
    told_how: str = "",
    exception: law.Art34Exception | None = None,
    reasons: str = "",
    now: datetime | None = None,
) -> Breach:
    """Record whether the people affected were told (Art 34(1)), when and how, or the Art 34(3) exception relied on."""
    now = now or timezone.now()
    level = law.RiskLevel(breach.risk_level) if breach.risk_level else None
    problems = law.people_decision_problems(
        level=level, told=told, told_at=told_at, told_how=told_how, exception=exception, now=now
    )
    if level is None:
        problems["told"] = "Record the risk assessment before deciding whether to tell people"
    if problems:
        raise BreachInvalid(problems)
    with transaction.atomic():
        breach = Breach.objects.select_for_update().get(pk=breach.pk)
        before = _snapshot(breach, PEOPLE_FIELDS)
        breach.people_decision = PeopleDecision.TOLD if told else PeopleDecision.NOT_TOLD
        breach.people_told_at = told_at if told else None
        breach.people_told_how = told_how.strip() if told else ""
        breach.people_exception = "" if told or exception is None else exception.value
        breach.people_reasons = reasons.strip()
        breach.save()
        _audit(
            breach.reference,
            actor=actor,
            action=AuditAction.UPDATE,
            summary=f"People affected: {breach.get_people_decision_display()}",
            before=before,
            after=_snapshot(breach, PEOPLE_FIELDS),
        )
    return breach


def record_response(*, breach: Breach, actor: Any, containment: str, lessons: str) -> Breach:
    """Record how the breach was contained and the lessons learned (Art 33(5): the remedial action taken)."""
    with transaction.atomic():
        breach = Breach.objects.select_for_update().get(pk=breach.pk)
        before = _snapshot(breach, ["containment", "lessons"])
        breach.containment, breach.lessons = containment.strip(), lessons.strip()
        breach.save(update_fields=["containment", "lessons"])
        _audit(
            breach.reference,
            actor=actor,
            action=AuditAction.UPDATE,
            summary="Containment and lessons learned updated",
            before=before,
            after=_snapshot(breach, ["containment", "lessons"]),
        )
    return breach


def add_action(
    *, breach: Breach, actor: Any, kind: ActionKind, description: str, owner: Any, due_on: date | None
) -> BreachAction:
    """Add a containment or remedial task with its owner."""
    if not description.strip():
        raise BreachInvalid({"description": "Enter what needs to be done"})
    with transaction.atomic():
        action = BreachAction.objects.create(
            breach=breach, kind=kind, description=description.strip(), owner=owner, due_on=due_on, created_by=actor
        )
        _audit(
            breach.reference,
            actor=actor,
            action=AuditAction.CREATE,
            summary=f"{action.get_kind_display()} action added for {owner.get_username()}",
            after={"action": action.pk, "kind": kind.value, "due_on": due_on.isoformat() if due_on else None},
        )
    return action


def complete_action(*, action: BreachAction, actor: Any, done_on: date) -> BreachAction:
    """Mark a task done on ``done_on`` (not in the future)."""
    if done_on > timezone.localdate():
        raise BreachInvalid({"done_on": "The date it was done cannot be in the future"})
    with transaction.atomic():
        action = BreachAction.objects.select_for_update().get(pk=action.pk)
        action.done_on = done_on
        action.save(update_fields=["done_on"])
        _audit(
            action.breach.reference,
            actor=actor,
            action=AuditAction.UPDATE,
            summary=f"{action.get_kind_display()} action {action.pk} done",
            after={"action": action.pk, "done_on": done_on.isoformat()},
        )
    return action


def close_breach(*, breach: Breach, actor: Any) -> Breach:
    """Close a breach once the ICO and people decisions are recorded and every action is done; it stays listed."""
    with transaction.atomic():
        breach = Breach.objects.select_for_update().get(pk=breach.pk)  # decide on what is saved, not a stale copy
        if breach.ico_decision == IcoDecision.PENDING:
            raise BreachInvalid({"close": "Record the ICO decision before closing the breach"})
        if breach.people_decision == PeopleDecision.PENDING:
            raise BreachInvalid({"close": "Record whether the people affected were told before closing the breach"})
        if breach.actions.filter(done_on__isnull=True).exists():
            raise BreachInvalid({"close": "Finish every containment and remedial action before closing the breach"})
        breach.state, breach.closed_at = BreachState.CLOSED, timezone.now()
        breach.save(update_fields=["state", "closed_at"])
        _audit(
            breach.reference,
            actor=actor,
            action=AuditAction.UPDATE,
            summary="Closed",
        )
    return breach


def record_export(*, breach: Breach, actor: Any, what: str) -> None:
    """One audit row per download of the ICO report or the letter to people."""
    _audit(breach.reference, actor=actor, action=AuditAction.EXPORT, summary=what)


@dataclass(frozen=True)
class OpenBreach:
    """A breach awaiting its ICO decision, for the dashboard."""

    breach: Breach
    countdown: law.Countdown


def undecided_breaches(*, now: datetime) -> list[OpenBreach]:
    """Breaches with no ICO decision yet, the most urgent first, with their countdowns in London time."""
    rows = Breach.objects.filter(ico_decision=IcoDecision.PENDING).exclude(state=BreachState.CLOSED)
    return [
        OpenBreach(breach=b, countdown=law.countdown(aware_at=timezone.localtime(b.aware_at), now=now))
        for b in rows.order_by("aware_at", "id")[:50]
    ]


def countdown_for(breach: Breach, *, now: datetime) -> law.Countdown:
    """The breach's 72-hour countdown in London time."""
    return law.countdown(aware_at=timezone.localtime(breach.aware_at), now=now)


def _audit(
    reference: str, *, actor: Any, action: AuditAction, summary: str, before: Any = None, after: Any = None
) -> None:
    """One audit row about a breach, named by its reference (never the people it is about)."""
    record(
        actor=actor,
        action=action,
        object_type=OBJECT_TYPE,
        object_ref=reference,
        summary=summary,
        before=before,
        after=after,
    )
