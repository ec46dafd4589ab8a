"""Building the dry run of an erasure, rectification or restriction plan from the case's confirmed records.

Each confirmed record is fetched through its system's connector and given one step (UK GDPR Arts 16-18):

- erasure (Art 17): kept when a separate controller holds it, a legal hold covers it (Art 17(3)(e)), an Art 17(3)
  exception is recorded on the case for it, or its table's retention rule is still running (Art 17(3)(b), citing
  the rule and its source, P053); otherwise erased, or anonymised where the rule's action is to anonymise;
- rectification (Art 16): corrected with the corrections recorded on the case for that record (P050);
- restriction (Art 18): flagged through the table's restriction column, and recorded as a restriction in Pledge.

Nothing changes until the plan is approved (``plan_execute``). Only confirmed records are used: nothing on a guess.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case, CaseKind
from pledge.core.models import AuditAction
from pledge.discovery.sources import Connector, RecordKey, SourceRecord, SystemConfig, TableConfig
from pledge.fulfilment.checks import FulfilmentError, audit, check_open, lock_case
from pledge.fulfilment.models import Correction, ErasureOutcome
from pledge.fulfilment.plan_models import Plan, PlanState, PlanStep, RetainReason, StepAction, StepState
from pledge.law.erasure import KEEP_GROUNDS, ErasureResult, KeepGround
from pledge.law.retention import retention_verdict
from pledge.register.models import (
    Controller,
    ControllerKind,
    ProcessingActivity,
    RetentionAction,
    RetentionRule,
    System,
)
from pledge.retention.models import LegalHold
from pledge.retention.services import hold_covers

PLAN_KINDS = frozenset({CaseKind.ERASURE, CaseKind.RECTIFICATION, CaseKind.RESTRICTION})
# What a restriction column is set to: a plain flag every system can test (Art 18(1)); lifting sets it to "".
RESTRICTED_VALUE = "Y"
# Art 17(3)(b): keeping data is a reason to refuse erasure only for a legal obligation or a public task.
STATUTORY_BASES = frozenset({"c", "e"})


def takes_plan(case: Case) -> bool:
    """True for the kinds of request a plan carries out: erasure, rectification and restriction."""
    return case.kind in PLAN_KINDS


def confirmed_refs(case: Case) -> list[RecordKey]:
    """The records a person confirmed as the requester's on the case's latest finished discovery run."""
    from pledge.discovery.services import confirmed_records

    return confirmed_records(case=case)


def load_configs() -> list[SystemConfig]:
    """The connected systems (``PLEDGE_SYSTEMS``); a broken file is a FulfilmentError staff can act on."""
    from pledge.discovery.connectors import SystemsInvalid, load_systems

    try:
        return load_systems(Path(settings.PLEDGE_SYSTEMS))
    except (SystemsInvalid, FileNotFoundError, OSError) as error:
        raise FulfilmentError(f"The connected-systems file cannot be read: {error}") from None


def connect(config: SystemConfig) -> Connector:
    from pledge.discovery.connectors import connect as connect_system

    return connect_system(config)


@dataclass
class Facts:
    """What every step of one plan is decided from, read once from the database."""

    case: Case
    today: Any
    systems: dict[str, System]
    controllers: dict[str, Controller]
    rules: dict[str, RetentionRule]
    holds: list[LegalHold]
    kept: dict[tuple[int, str], ErasureOutcome]
    # Register system id -> (retention rule slug or "" for any) -> the lawful bases of the activities using them.
    bases: dict[int, dict[str, set[str]]] = field(default_factory=dict)
    corrections: dict[tuple[int, str], list[Correction]] = field(default_factory=dict)


@dataclass(frozen=True)
class Decision:
    action: StepAction
    reason: str
    basis: str = ""  # the rule, hold or ground without per-record dates: letters group kept records by it
    retain_reason: RetainReason | str = ""
    changes: dict[str, Any] = field(default_factory=dict)


def read_facts(case: Case) -> Facts:
    """The register, holds and outcomes a plan for ``case`` is decided from."""
    facts = Facts(
        case=case,
        today=timezone.localdate(),
        systems={s.slug: s for s in System.objects.all()},
        controllers={c.slug: c for c in Controller.objects.all()},
        rules={r.slug: r for r in RetentionRule.objects.all()},
        holds=list(LegalHold.objects.active()),
        kept={(o.system_id, o.record_reference): o for o in case.erasure_outcomes.filter(result=ErasureResult.KEPT)},  # type: ignore[attr-defined]
    )
    corrections: dict[tuple[int, str], list[Correction]] = defaultdict(list)
    for correction in case.corrections.all():  # type: ignore[attr-defined]
        corrections[(correction.system_id, correction.record_reference)].append(correction)
    facts.corrections = dict(corrections)
    bases: dict[int, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for activity in ProcessingActivity.objects.prefetch_related("systems").select_related("retention_rule"):
        rule = activity.retention_rule.slug if activity.retention_rule else ""
        for system in activity.systems.all():
            bases[system.pk][rule].add(activity.lawful_basis)
            bases[system.pk][""].add(activity.lawful_basis)
    facts.bases = bases
    return facts


def _lookup(found: dict[tuple[int, str], Any], system: System | None, ref: RecordKey) -> Any:
    """A row recorded against the record by its full key or, as staff type it, by the key alone."""
    if system is None:
        return None
    return found.get((system.pk, str(ref))) or found.get((system.pk, ref.key))


def _categories(table: TableConfig) -> list[str]:
    return sorted({column.category for column in table.columns if column.category})


def rule_binds(system: System | None, rule: str, facts: Facts) -> tuple[bool, str]:
    """Whether a running retention rule is a reason to refuse erasure (Art 17(3)(b)), and why not when it is not.

    Art 17(3)(b) covers keeping data to comply with a legal obligation or for a public task (Art 6(1)(c) and (e)).
    A retention period for consent, contract or legitimate-interests processing is the longest the council may
    keep the data, not a duty to keep it, so it does not override the right. When the register does not say which
    activities use the system, the rule is treated as binding: a wrong guess must never destroy a record.
    """
    by_rule = facts.bases.get(system.pk, {}) if system else {}
    bases = by_rule.get(rule) or by_rule.get("") or set()
    if not bases or bases & STATUTORY_BASES:
        return True, ""
    listed = ", ".join(f"Art 6(1)({basis})" for basis in sorted(bases))
    return False, f"the activities using it rest on {listed}, not a legal obligation or public task"


def separate_controller(config: SystemConfig, facts: Facts) -> Controller | None:
    """The controller holding the system when it is not the council (the Electoral Registration Officer)."""
    controller = facts.controllers.get(config.controller) if config.controller else None
    return controller if controller is not None and controller.kind != ControllerKind.COUNCIL else None


def decide_erasure(config: SystemConfig, table: TableConfig, record: SourceRecord, facts: Facts) -> Decision:
    """Art 17: keep on a hold, a recorded Art 17(3) exception or a running retention rule; else erase or anonymise."""
    system = facts.systems.get(config.register_system)
    identity = {str(name): value for name, value in record.identity.items()}
    for hold in facts.holds:
        if hold_covers(
            hold,
            ref=str(record.ref),
            register_system_id=system.pk if system else None,
            case_id=facts.case.pk,
            identity=identity,
        ):
            # The letter says only "legal hold": the hold's own reason may name a claim or an investigation.
            return Decision(
                StepAction.RETAIN,
                f"Kept under legal hold {hold.pk}: {hold.reason} (review by {hold.review_on:%-d %B %Y}).",
                "legal hold",
                RetainReason.LEGAL_HOLD,
            )
    outcome = _lookup(facts.kept, system, record.ref)
    if outcome is not None:
        ground = KEEP_GROUNDS[KeepGround(outcome.keep_ground)]
        chosen = RetainReason.LEGAL_OBLIGATION if outcome.keep_ground == KeepGround.LEGAL_OBLIGATION else None
        return Decision(
            StepAction.RETAIN,
            f"Kept under {ground.label}, as recorded on the case: {outcome.reasons}",
            ground.label,
            chosen or RetainReason.EXEMPTION,
        )
    if table.retention_rule:
        return _under_rule(system, table, record, facts)
    return Decision(StepAction.ERASE, "Erased: no retention rule, hold or exception requires keeping it.")


def _under_rule(system: System | None, table: TableConfig, record: SourceRecord, facts: Facts) -> Decision:
    rule = facts.rules.get(table.retention_rule)
    if rule is None:
        basis = f"retention rule '{table.retention_rule}', which the register does not hold"
        return Decision(
            StepAction.RETAIN,
            f"Kept: the system names the {basis}; add it to the register to decide.",
            basis,
            RetainReason.RETENTION_RULE,
        )
    verdict = retention_verdict(
        rule_name=rule.name,
        trigger_text=rule.get_trigger_display(),
        source=rule.source,
        trigger_value=record.columns.get(table.trigger_column) if table.trigger_column else None,
        today=facts.today,
        years=rule.years,
        months=rule.months,
        days=rule.days,
    )
    if verdict.under_retention:
        binds, why_not = rule_binds(system, rule.slug, facts)
        if not binds:
            return Decision(
                StepAction.ERASE,
                f"Erased: the retention rule {rule.name} is the longest it may be kept, and {why_not}, so Art 17(3)(b) "
                "does not apply.",
            )
        basis = f"the retention rule {rule.name}: {rule.plain_english} ({rule.source})"
        return Decision(StepAction.RETAIN, verdict.explanation, basis, RetainReason.RETENTION_RULE)
    if rule.action == RetentionAction.ANONYMISE:
        blanked = {c.column: "" for c in table.columns if c.identity is not None and c.column != table.key}
        return Decision(
            StepAction.ANONYMISE, f"{verdict.explanation} The rule anonymises: identifiers blanked.", "", "", blanked
        )
    return Decision(StepAction.ERASE, f"Erased: {verdict.explanation[0].lower()}{verdict.explanation[1:]}")


def decide_correction(config: SystemConfig, table: TableConfig, record: SourceRecord, facts: Facts) -> Decision:
    """Art 16: each correction recorded for the record, applied to the column that holds the wrong value."""
    found = _lookup(facts.corrections, facts.systems.get(config.register_system), record.ref)
    if not found:
        return Decision(
            StepAction.RETAIN, "No correction is recorded for this record.", "", RetainReason.NOTHING_TO_CHANGE
        )
    changes: dict[str, Any] = {}
    by_hand = []
    for correction in found:
        columns = [name for name, value in record.columns.items() if _same(value, correction.was)]
        if columns and columns[0] != table.key:
            changes[columns[0]] = correction.now
        else:
            by_hand.append(correction)
    if by_hand:
        # No column holds the wrong value as written: the owner makes the change by hand (an owner task).
        listed = "; ".join(f"'{c.was}' should read '{c.now}'" for c in by_hand)
        return Decision(StepAction.CORRECT, f"Corrected by the system owner: {listed}.")
    listed = ", ".join(sorted(changes))
    return Decision(StepAction.CORRECT, f"Corrected as recorded on the case ({listed}).", changes=changes)


def _same(value: Any, text: str) -> bool:
    return value is not None and " ".join(str(value).split()).casefold() == " ".join(text.split()).casefold()


def decide_restriction(config: SystemConfig, table: TableConfig, record: SourceRecord, facts: Facts) -> Decision:
    """Art 18: flag the record through its restriction column; without one, the system owner marks it."""
    if table.restriction_column:
        return Decision(
            StepAction.FLAG,
            f"Marked restricted in the system ({table.restriction_column}) and in Pledge: stored only (Art 18(2)).",
            changes={table.restriction_column: RESTRICTED_VALUE},
        )
    return Decision(StepAction.FLAG, "Marked restricted in Pledge; the system owner marks it in the system.")


DECIDERS: dict[str, Callable[[SystemConfig, TableConfig, SourceRecord, Facts], Decision]] = {
    CaseKind.ERASURE: decide_erasure,
    CaseKind.RECTIFICATION: decide_correction,
    CaseKind.RESTRICTION: decide_restriction,
}


def decide(kind: str, config: SystemConfig, record: SourceRecord, facts: Facts) -> Decision:
    """The step for one record: a separate controller's record is never the council's to change."""
    controller = separate_controller(config, facts)
    if controller is not None:
        return Decision(
            StepAction.RETAIN,
            f"Held by {controller.name}, a separate controller: not the council's to change. Tell the requester to "
            f"ask {controller.name}.",
            f"{controller.name}, a separate controller, who you can ask directly",
            RetainReason.SEPARATE_CONTROLLER,
        )
    table = next(t for t in config.tables if t.name == record.ref.table)
    return DECIDERS[kind](config, table, record, facts)


def build_plan(*, case: Case, actor: Any, refs: Sequence[RecordKey] | None = None) -> Plan:
    """A new dry run of every step for ``case``'s confirmed records (replacing an earlier dry run); nothing changes."""
    if not takes_plan(case):
        raise FulfilmentError("Plans are made for erasure, rectification and restriction requests only")
    check_open(case, "A plan")
    wanted = list(dict.fromkeys(refs if refs is not None else confirmed_refs(case)))
    if not wanted:
        raise FulfilmentError("Confirm the requester's records in discovery before making a plan")
    if case.plans.filter(state=PlanState.EXECUTING).exists():  # type: ignore[attr-defined]
        raise FulfilmentError("Finish the approved plan (or its owner tasks) before making a new one")
    configs = {config.slug: config for config in load_configs()}
    facts = read_facts(case)
    steps, problems = _steps(case, wanted, configs, facts)
    with transaction.atomic():
        lock_case(case)
        case.plans.filter(state=PlanState.DRY_RUN).update(state=PlanState.SUPERSEDED)  # type: ignore[attr-defined]
        plan = Plan.objects.create(case=case, built_by=actor, problems=problems)
        for step in steps:
            step.plan = plan
        PlanStep.objects.bulk_create(steps)
        audit(case, actor, AuditAction.CREATE, f"Plan {plan.pk} drafted (dry run): {_counts(steps)}")
    return plan


def _steps(
    case: Case, wanted: list[RecordKey], configs: dict[str, SystemConfig], facts: Facts
) -> tuple[list[PlanStep], list[str]]:
    by_system: dict[str, list[RecordKey]] = defaultdict(list)
    for ref in wanted:
        by_system[ref.system].append(ref)
    steps: list[PlanStep] = []
    problems: list[str] = []
    for slug, refs in sorted(by_system.items()):
        config = configs.get(slug)
        if config is None:
            problems.append(f"{slug} is no longer a connected system: its {len(refs)} record(s) are not in the plan")
            continue
        try:
            fetched = {record.ref: record for record in connect(config).fetch(refs)}
        except Exception as error:  # noqa: BLE001 - any connector failure is reported, never a 500
            problems.append(f"{config.name} could not be read ({type(error).__name__}): its records are not planned")
            continue
        steps.extend(_system_steps(case, config, refs, fetched, facts))
    return steps, problems


def _system_steps(
    case: Case, config: SystemConfig, refs: Iterable[RecordKey], fetched: dict[RecordKey, SourceRecord], facts: Facts
) -> list[PlanStep]:
    system = facts.systems.get(config.register_system)
    tables = {table.name: table for table in config.tables}
    steps = []
    for ref in refs:
        table = tables.get(ref.table)
        record = fetched.get(ref)
        step = PlanStep(
            system=config.slug,
            system_name=config.name,
            register_system=system,
            table=ref.table,
            key=ref.key,
            writable=config.writable,
            categories=_categories(table) if table else [],
        )
        if record is None or table is None:
            step.action, step.state = StepAction.RETAIN, StepState.GONE
            step.reason = "No longer in the system: nothing to do."
        else:
            decision = decide(case.kind, config, record, facts)
            step.action, step.reason, step.changes = decision.action, decision.reason, decision.changes
            step.retain_reason, step.basis = str(decision.retain_reason), decision.basis
        steps.append(step)
    return steps


def _counts(steps: Iterable[PlanStep]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for step in steps:
        counts[StepAction(step.action).label.lower()] += 1
    return ", ".join(f"{count} {action}" for action, count in sorted(counts.items())) or "no steps"
