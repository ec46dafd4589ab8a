"""Executing an approved plan: writes through each writable connector, tasks for the owners of read-only systems.

Each system's writes go to ``connector.apply`` in one call, which the connector makes all or nothing; a failure
marks that system's steps failed with nothing changed, and the other systems carry on. Every executed step is
recorded on its row and audited, and what the law needs Pledge to remember is recorded through fulfilment's own
services: an erasure outcome per record (Art 17(1) ground, or the Art 17(3) ground it was kept on, P052-P053) and a
restriction per flagged record (Art 18, P056). Running it again only does what is still to do.
"""

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case, CaseKind
from pledge.core.models import AuditAction
from pledge.discovery.sources import RecordKey, SystemConfig, Write, WriteAction
from pledge.fulfilment import plan_build
from pledge.fulfilment.checks import FulfilmentError, audit, check_open
from pledge.fulfilment.models import ErasureOutcome, Restriction
from pledge.fulfilment.plan_models import OwnerTask, Plan, PlanState, PlanStep, RetainReason, StepAction, StepState
from pledge.fulfilment.restrictions import restrict_processing
from pledge.fulfilment.services import record_erasure_outcome
from pledge.law.erasure import ERASURE_GROUNDS, ErasureGround, ErasureResult, KeepGround
from pledge.law.restriction import restriction_ground
from pledge.register.models import System

TO_DO = (StepState.PLANNED, StepState.FAILED)
# The Art 17(3) ground recorded for a record kept by a plan; exceptions staff recorded themselves are already there.
KEEP_GROUND_FOR: dict[str, KeepGround] = {
    RetainReason.RETENTION_RULE: KeepGround.LEGAL_OBLIGATION,
    RetainReason.LEGAL_OBLIGATION: KeepGround.LEGAL_OBLIGATION,
    RetainReason.LEGAL_HOLD: KeepGround.LEGAL_CLAIMS,
}
WRITE_FOR = {
    StepAction.ERASE: WriteAction.DELETE,
    StepAction.ANONYMISE: WriteAction.UPDATE,
    StepAction.CORRECT: WriteAction.UPDATE,
    StepAction.FLAG: WriteAction.UPDATE,
}


def execute_plan(
    *,
    plan: Plan,
    actor: Any,
    erase_ground: ErasureGround | str = "",
    restriction_ground_value: str = "",
    restriction_scope: str = "",
) -> Plan:
    """Approve the dry run (first time) and carry out every step still to do; returns the plan with its new state."""
    case = plan.case
    check_open(case, "A plan")
    if plan.state not in (PlanState.DRY_RUN, PlanState.EXECUTING):
        raise FulfilmentError("This plan is not waiting to be carried out")
    if plan.state == PlanState.DRY_RUN:
        _approve(plan, actor, str(erase_ground), restriction_ground_value, restriction_scope)
    steps = list(plan.steps.filter(state__in=TO_DO).select_related("register_system"))
    by_system: dict[str, list[PlanStep]] = defaultdict(list)
    for step in steps:
        by_system[step.system].append(step)
    configs = {config.slug: config for config in plan_build.load_configs()} if by_system else {}
    for slug, system_steps in sorted(by_system.items()):
        _execute_system(plan, configs.get(slug), system_steps, actor)
    return _settle(plan, actor)


def _approve(plan: Plan, actor: Any, erase_ground: str, ground: str, scope: str) -> None:
    steps = plan.steps.exclude(state=StepState.GONE)
    if plan.case.kind == CaseKind.ERASURE and steps.filter(action__in=[StepAction.ERASE, StepAction.ANONYMISE]):
        try:
            ErasureGround(erase_ground)
        except ValueError:
            raise FulfilmentError(
                "Select the Art 17(1) ground for erasing the records (P052)", field="erase_ground"
            ) from None
        plan.erase_ground = erase_ground
    if steps.filter(action=StepAction.FLAG).exists():
        if restriction_ground(ground) is None:
            raise FulfilmentError("Select the Art 18(1) ground for the restriction", field="restriction_ground")
        if not scope.strip():
            raise FulfilmentError("Enter which data or processing is restricted", field="restriction_scope")
        plan.restriction_ground, plan.restriction_scope = ground, scope.strip()
    with transaction.atomic():
        locked = Plan.objects.select_for_update().get(pk=plan.pk)
        if locked.state != PlanState.DRY_RUN:
            raise FulfilmentError("This plan was approved already")
        plan.state, plan.approved_by, plan.approved_at = PlanState.EXECUTING, actor, timezone.now()
        plan.save(
            update_fields=[
                "state",
                "approved_by",
                "approved_at",
                "erase_ground",
                "restriction_ground",
                "restriction_scope",
            ]
        )
        ground_text = f" on {ERASURE_GROUNDS[ErasureGround(plan.erase_ground)].provision}" if plan.erase_ground else ""
        audit(plan.case, actor, AuditAction.APPROVE, f"Plan {plan.pk} approved{ground_text}")


def _execute_system(plan: Plan, config: SystemConfig | None, steps: list[PlanStep], actor: Any) -> None:
    """One system's steps: kept ones recorded, writes applied all at once, the rest handed to the owner."""
    for step in steps:
        if step.action == StepAction.RETAIN:
            _finish(plan, step, actor, StepState.DONE, "kept")
    writes = [s for s in steps if s.changes_data]
    if not writes:
        return
    if config is None:
        _fail(plan, writes, actor, "The system is no longer connected")
        return
    by_owner = [s for s in writes if not config.writable or (s.action != StepAction.ERASE and not s.changes)]
    if by_owner:
        _hand_to_owner(plan, config, by_owner, actor)
    direct = [s for s in writes if s not in by_owner]
    if not direct:
        return
    try:
        plan_build.connect(config).apply([_write(step) for step in direct])
    except Exception as error:  # noqa: BLE001 - the connector changed nothing; the reason is kept and shown
        _fail(plan, direct, actor, f"{type(error).__name__}: {error}"[:500])
        return
    for step in direct:
        _finish(plan, step, actor, StepState.DONE, StepAction(step.action).label.lower())


def _write(step: PlanStep) -> Write:
    ref = RecordKey(system=step.system, table=step.table, key=step.key)
    action = WRITE_FOR[StepAction(step.action)]
    return Write(ref=ref, action=action, changes=dict(step.changes) if action == WriteAction.UPDATE else {})


def _fail(plan: Plan, steps: list[PlanStep], actor: Any, message: str) -> None:
    with transaction.atomic():
        for step in steps:
            step.state, step.error = StepState.FAILED, message
            step.save(update_fields=["state", "error"])
        audit(
            plan.case,
            actor,
            AuditAction.REFUSE,
            f"Plan {plan.pk}: {len(steps)} change(s) in {steps[0].system_name} failed; nothing was changed there",
        )


def _hand_to_owner(plan: Plan, config: SystemConfig, steps: list[PlanStep], actor: Any) -> None:
    owner = System.objects.filter(slug=config.register_system).values_list("owner_role", flat=True).first() or ""
    with transaction.atomic():
        task, created = OwnerTask.objects.get_or_create(
            plan=plan, system=config.slug, defaults={"system_name": config.name, "owner_role": owner}
        )
        if task.state == OwnerTask.State.DONE:
            task.state = OwnerTask.State.OPEN
            task.save(update_fields=["state"])
        for step in steps:
            step.state, step.task, step.error = StepState.TASK, task, ""
            step.save(update_fields=["state", "task", "error"])
            if step.action == StepAction.FLAG:
                # Pledge marks it restricted at once (P056): exports and matching stop before the owner acts.
                _remember(plan, step, actor)
        audit(
            plan.case,
            actor,
            AuditAction.CREATE,
            f"Plan {plan.pk}: {len(steps)} step(s) in {config.name} given to its owner ({owner or 'owner not named'}) "
            f"as task {task.pk}",
        )


def complete_owner_task(*, task: OwnerTask, note: str, actor: Any) -> OwnerTask:
    """The system owner has made the changes: their steps are done, recorded like the connector's (audited)."""
    cleaned = (note or "").strip()
    if not cleaned:
        raise FulfilmentError("Enter what the system owner did, and when", field="note")
    if task.state == OwnerTask.State.DONE:
        raise FulfilmentError("This task is already done")
    check_open(task.plan.case, "A task")
    with transaction.atomic():
        task.state, task.completion_note = OwnerTask.State.DONE, cleaned
        task.completed_by, task.completed_at = actor, timezone.now()
        task.save(update_fields=["state", "completion_note", "completed_by", "completed_at"])
        audit(task.plan.case, actor, AuditAction.UPDATE, f"Plan {task.plan_id}: owner task {task.pk} done")
    for step in task.steps.filter(state=StepState.TASK).select_related("register_system"):
        _finish(task.plan, step, actor, StepState.DONE, f"{StepAction(step.action).label.lower()} by the owner")
    _settle(task.plan, actor)
    return task


def _finish(plan: Plan, step: PlanStep, actor: Any, state: StepState, done: str) -> None:
    """Record one executed step, what Pledge must remember of it, and its audit row, in one transaction."""
    with transaction.atomic():
        step.state, step.executed_at, step.error = state, timezone.now(), ""
        step.save(update_fields=["state", "executed_at", "error"])
        _remember(plan, step, actor)
        audit(plan.case, actor, AuditAction.UPDATE, f"Plan {plan.pk} step {step.pk} in {step.system_name}: {done}")


def _remember(plan: Plan, step: PlanStep, actor: Any) -> None:
    """The erasure outcome or restriction the case must show; nothing when one is already recorded."""
    case, system = plan.case, step.register_system
    if system is None:
        return
    if case.kind == CaseKind.ERASURE:
        _remember_erasure(plan, step, system, actor)
    elif step.action == StepAction.FLAG and case.kind == CaseKind.RESTRICTION:
        already = Restriction.objects.active().filter(system=system, record_reference__in=[step.ref_text, step.key])
        if not already.exists():
            restrict_processing(
                case=case,
                system=system,
                record_reference=step.ref_text,
                ground=plan.restriction_ground,
                scope=plan.restriction_scope,
                started_on=timezone.localdate(),
                actor=actor,
            )


def _remember_erasure(plan: Plan, step: PlanStep, system: System, actor: Any) -> None:
    case: Case = plan.case
    if ErasureOutcome.objects.filter(case=case, system=system, record_reference=step.ref_text).exists():
        return
    if step.action in (StepAction.ERASE, StepAction.ANONYMISE):
        result = ErasureResult.ERASED if step.action == StepAction.ERASE else ErasureResult.ANONYMISED
        record_erasure_outcome(
            case=case,
            system=system,
            record_reference=step.ref_text,
            result=result,
            erase_ground=plan.erase_ground,
            done_on=timezone.localdate(),
            actor=actor,
        )
    elif step.retain_reason in KEEP_GROUND_FOR:
        record_erasure_outcome(
            case=case,
            system=system,
            record_reference=step.ref_text,
            result=ErasureResult.KEPT,
            keep_ground=KEEP_GROUND_FOR[step.retain_reason],
            reasons=step.reason,
            done_on=timezone.localdate(),
            actor=actor,
        )


def _settle(plan: Plan, actor: Any) -> Plan:
    """Executed once nothing is left to do by Pledge or an owner; otherwise still executing."""
    left = plan.steps.filter(state__in=[*TO_DO, StepState.TASK]).exists()
    state = PlanState.EXECUTING if left else PlanState.EXECUTED
    if state != plan.state:
        with transaction.atomic():
            plan.state = state
            plan.save(update_fields=["state"])
            if state == PlanState.EXECUTED:
                audit(plan.case, actor, AuditAction.UPDATE, f"Plan {plan.pk} executed: every step done")
    return plan


def clear_restriction_flag(*, restriction: Restriction, actor: Any) -> bool:
    """Once a restriction is lifted (Art 18(3)), blank the restriction column a plan set through a writable connector.

    True when the flag was cleared; False when there is nothing Pledge can clear (a reference typed by staff, a
    table without a restriction column, a read-only system: its owner clears it). Connector errors propagate.
    """
    if restriction.active or restriction.record_reference.count("/") < 2:
        return False
    ref = RecordKey.parse(restriction.record_reference)
    config = next((c for c in plan_build.load_configs() if c.slug == ref.system), None)
    table = next((t for t in config.tables if t.name == ref.table), None) if config else None
    if config is None or table is None or not table.restriction_column or not config.writable:
        return False
    plan_build.connect(config).apply(
        [Write(ref=ref, action=WriteAction.UPDATE, changes={table.restriction_column: ""})]
    )
    with transaction.atomic():
        audit(
            restriction.case,
            actor,
            AuditAction.UPDATE,
            f"Restriction {restriction.pk}: flag cleared in {config.name} after it was lifted",
        )
    return True
