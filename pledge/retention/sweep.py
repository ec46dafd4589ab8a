"""A disposal run: stream every connected table, find the records past their retention rule, queue them, and carry
out the batches staff approved (UK GDPR Art 5(1)(e); promises P102-P104).

For each table that names a retention rule and a trigger column (``TableConfig.retention_rule``/``trigger_column``,
the record's retention class, P103) every record is read once, streamed, and is:

- not due: its trigger has not happened, its date is unreadable, or its period has not ended (``law.retention``);
- held: an active legal hold covers it (P104); counted per hold, so the queue shows it skipped with the hold's reason;
- in hand: already approved and handed to the system's owner as a task, so it is not queued twice;
- to carry out: listed in the table's approved batch and still due and not held: destroyed or anonymised through the
  connector when the system is writable, otherwise given to the system owner as one task;
- due: written to the table's open batch in the disposal queue, for staff to approve.

Nothing is disposed of twice: a destroyed record is gone from the next read, an anonymised one has no identity
fields left and is passed over, and records handed to an owner are skipped until the task is done. A dry run
changes nothing anywhere: it only records what it found.
"""

import logging
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.discovery.sources import SourceRecord, SystemConfig, TableConfig
from pledge.law.retention import END_OF_FINANCIAL_YEAR, END_OF_TAX_YEAR, disposal_due, is_overdue, parse_trigger_date
from pledge.register.models import RetentionAction, RetentionRule, System
from pledge.retention import execution
from pledge.retention.models import BatchState, DisposalBatch, DisposalRun, RunState
from pledge.retention.refs import RefWriter, delete_refs, read_refs
from pledge.retention.services import HoldMatcher, hold_matchers

logger = logging.getLogger(__name__)
Progress = Callable[[DisposalRun], None]
READ_BATCH = 5000
DUE_CACHE_SIZE = 100_000
PROGRESS_EVERY = 50_000  # records between progress saves: often enough to watch, rare enough to cost nothing
# A register trigger that counts from a year end (when the register offers one) -> the law module's anchor.
ANCHORS = {"end_of_financial_year": END_OF_FINANCIAL_YEAR, "end_of_tax_year": END_OF_TAX_YEAR}
COUNTERS = ("records_read", "due", "held", "disposed", "tasks_raised", "skipped", "systems_done", "current")


class RunRefused(Exception):
    """A run that cannot start (another is running, or the systems file is missing); nothing was changed."""


def grace_days() -> int:
    """Days a due record may wait for approval before the dashboard counts it overdue."""
    return int(getattr(settings, "PLEDGE_DISPOSAL_GRACE_DAYS", 30))


@dataclass
class Facts:
    today: date
    rules: dict[str, RetentionRule]
    systems: dict[str, System]
    holds: list[HoldMatcher]
    grace: int


@dataclass
class TableSweep:
    """One table's pass: counts, the references due (to a file), and the approved ones to carry out now."""

    config: SystemConfig
    table: TableConfig
    rule: RetentionRule
    facts: Facts
    register_system_id: int | None
    approved: frozenset[str]
    in_hand: frozenset[str]
    writer: RefWriter | None
    to_carry_out: list[str] = field(default_factory=list)
    due: int = 0
    overdue: int = 0
    oldest: date | None = None
    held_by: Counter[int] = field(default_factory=Counter)
    in_hand_seen: int = 0
    # Trigger value as the system holds it -> due date: a table's dates repeat (days, not seconds), so most records
    # cost one dict lookup; capped so a column of timestamps cannot grow it without bound.
    _due_cache: dict[Any, date | None] = field(default_factory=dict)

    def due_on(self, value: Any) -> date | None:
        try:
            return self._due_cache[value]
        except (KeyError, TypeError):
            pass
        rule = self.rule
        due = disposal_due(
            trigger_date=parse_trigger_date(value),
            years=rule.years,
            months=rule.months,
            days=rule.days,
            anchor=ANCHORS.get(rule.trigger, ""),
        )
        if len(self._due_cache) < DUE_CACHE_SIZE and isinstance(value, str | date | None):
            self._due_cache[value] = due
        return due

    def take(self, record: SourceRecord) -> None:
        if self.rule.action == RetentionAction.ANONYMISE and not record.identity:
            return  # anonymised already: nothing personal left to dispose of
        due_on = self.due_on(record.columns.get(self.table.trigger_column))
        if due_on is None or due_on > self.facts.today:
            return
        ref = str(record.ref)
        identity: Mapping[str, str] = record.identity  # type: ignore[assignment]  # IdentityField is a str
        for hold in self.facts.holds:
            if hold.covers(ref=ref, register_system_id=self.register_system_id, identity=identity):
                self.held_by[hold.hold_id] += 1
                return
        if ref in self.approved:
            self.to_carry_out.append(ref)
        elif ref in self.in_hand:
            self.in_hand_seen += 1
        else:
            self.due += 1
            if self.writer is not None:
                self.writer.add(ref)
            if is_overdue(due_on=due_on, today=self.facts.today, grace_days=self.facts.grace):
                self.overdue += 1
            if self.oldest is None or due_on < self.oldest:
                self.oldest = due_on

    def finding(self) -> dict[str, Any]:
        return {
            "system": self.config.slug,
            "system_name": self.config.name,
            "table": self.table.name,
            "rule": self.rule.slug,
            "rule_name": self.rule.name,
            "action": self.rule.action,
            "due": self.due,
            "overdue": self.overdue,
            "held": sum(self.held_by.values()),
            "oldest_due": self.oldest.isoformat() if self.oldest else "",
            "approved_now": len(self.to_carry_out),
            "with_owner": self.in_hand_seen,
            "writable": self.config.writable,
            "skip_reason": "",
        }


def read_facts(today: date | None = None) -> Facts:
    return Facts(
        today=today or timezone.localdate(),
        rules={rule.slug: rule for rule in RetentionRule.objects.all()},
        systems={system.slug: system for system in System.objects.all()},
        holds=hold_matchers(),
        grace=grace_days(),
    )


def load_configs(system: str = "") -> list[SystemConfig]:
    """The connected systems (``PLEDGE_SYSTEMS``), or the one named; ``RunRefused`` when there is none."""
    from pledge.discovery.connectors import SystemsInvalid, load_systems

    try:
        configs = load_systems(Path(settings.PLEDGE_SYSTEMS))
    except (SystemsInvalid, OSError) as error:
        problems = "; ".join(getattr(error, "problems", [])[:3]) or str(error)
        raise RunRefused(f"The connected-systems file cannot be read: {problems}") from None
    if system:
        configs = [config for config in configs if config.slug == system]
        if not configs:
            raise RunRefused(f"No connected system is called {system!r}")
    return configs


def sweep(*, run: DisposalRun, progress: Progress | None = None, today: date | None = None) -> DisposalRun:
    """Carry out ``run`` (queued): read, queue, dispose or hand over; returns it finished (or failed, with why)."""
    with transaction.atomic():
        locked = DisposalRun.objects.select_for_update().get(pk=run.pk)
        if locked.state != RunState.QUEUED:
            raise RunRefused(f"Disposal run {run.pk} has already started")
        run.state, run.started_at = RunState.RUNNING, timezone.now()
        run.save(update_fields=["state", "started_at"])
    try:
        configs = load_configs(run.system)
        facts = read_facts(today)
        run.systems_total = len(configs)
        run.save(update_fields=["systems_total"])
        for config in configs:
            _sweep_system(run, config, facts, progress)
            run.systems_done += 1
            _save_progress(run, progress)
    except Exception as error:
        run.state, run.error, run.finished_at = (
            RunState.FAILED,
            f"{type(error).__name__}: {error}"[:2000],
            timezone.now(),
        )
        run.save()
        logger.exception("Disposal run %s failed", run.pk)
        raise
    run.state, run.finished_at, run.current = RunState.FINISHED, timezone.now(), ""
    run.save()
    record(
        actor=run.started_by or "retention run",
        action=AuditAction.UPDATE,
        object_type="disposal_run",
        object_ref=str(run.pk),
        summary=f"Disposal run {run.pk}{' (dry run)' if run.dry_run else ''} finished: {run.due} due, {run.held} held, "
        f"{run.disposed} disposed, {run.tasks_raised} task(s) raised",
    )
    return run


def _save_progress(run: DisposalRun, progress: Progress | None) -> None:
    DisposalRun.objects.filter(pk=run.pk).update(**{name: getattr(run, name) for name in COUNTERS})
    if progress:
        progress(run)


def _sweep_system(run: DisposalRun, config: SystemConfig, facts: Facts, progress: Progress | None) -> None:
    from pledge.discovery.connectors import connect

    register = facts.systems.get(config.register_system)
    sweeps = _plan_tables(run, config, facts, register.pk if register else None)
    if not sweeps:
        return
    reading = replace(config, tables=tuple(table for table in config.tables if table.name in sweeps))
    try:
        with connect(reading) as reader:
            _read(run, reader, sweeps, progress)
    except Exception as error:  # noqa: BLE001 - one unreadable system must not stop the others; the reason is kept
        run.problems.append(f"{config.name} ({config.slug}) could not be read: {type(error).__name__}: {error}"[:500])
        for table_sweep in sweeps.values():
            if table_sweep.writer is not None:
                table_sweep.writer.discard()
        return
    # Linked tables first: destroying a parent row takes its linked rows with it, so a child's own approved records
    # must go before their parent does, or the connector would find them gone.
    ordered = sorted(sweeps.values(), key=lambda table_sweep: not table_sweep.table.parent_table)
    with connect(config) as writer:
        for table_sweep in ordered:
            _finish_table(run, table_sweep, writer, register)


def _plan_tables(
    run: DisposalRun, config: SystemConfig, facts: Facts, register_id: int | None
) -> dict[str, TableSweep]:
    """A sweep for each table with a rule and a trigger; the others noted as skipped with why."""
    sweeps: dict[str, TableSweep] = {}
    for table in config.tables:
        reason = _skip_reason(table, facts)
        if reason is None:
            continue  # a linked table (notes under a case): disposed of with its parent record
        if reason:
            run.findings.append(_skipped(config, table, reason))
            if not run.dry_run:
                execution.note_skipped(config=config, table=table, reason=reason, run=run)
            continue
        sweeps[table.name] = _table_sweep(run, config, table, facts, register_id)
    return sweeps


def _read(run: DisposalRun, reader: Any, sweeps: dict[str, TableSweep], progress: Progress | None) -> None:
    for batch in reader.iter_records(batch_size=READ_BATCH):
        if not batch:
            continue
        table_sweep = sweeps[batch[0].ref.table]
        run.current = f"{table_sweep.config.slug}/{table_sweep.table.name}"
        before = run.records_read
        for source in batch:
            table_sweep.take(source)
        run.records_read += len(batch)
        if run.records_read // PROGRESS_EVERY != before // PROGRESS_EVERY:
            _save_progress(run, progress)


def _skip_reason(table: TableConfig, facts: Facts) -> str | None:
    """Why a table is not swept ('' when it is; None for a linked table that goes with its parent)."""
    if table.parent_table and not table.trigger_column:
        return None
    if not table.retention_rule:
        return "No retention class: the table names no retention rule in the connected-systems file."
    if not table.trigger_column:
        return f"The table names the rule {table.retention_rule!r} but no trigger column to count its period from."
    if table.retention_rule not in facts.rules:
        return f"The register holds no retention rule {table.retention_rule!r}: add it to the register to decide."
    return ""


def _skipped(config: SystemConfig, table: TableConfig, reason: str) -> dict[str, Any]:
    return {
        "system": config.slug,
        "system_name": config.name,
        "table": table.name,
        "rule": table.retention_rule,
        "skip_reason": reason,
    }


def _table_sweep(
    run: DisposalRun, config: SystemConfig, table: TableConfig, facts: Facts, register_id: int | None
) -> TableSweep:
    key = {"system": config.slug, "table": table.name, "rule_slug": table.retention_rule}
    approved = DisposalBatch.objects.filter(state=BatchState.APPROVED, **key).first()
    in_hand: set[str] = set()
    for batch in DisposalBatch.objects.filter(state=BatchState.TASK_RAISED, task__state="open", **key):
        in_hand.update(read_refs(batch.refs_file))
    return TableSweep(
        config=config,
        table=table,
        rule=facts.rules[table.retention_rule],
        facts=facts,
        register_system_id=register_id,
        approved=frozenset(read_refs(approved.refs_file)) if approved else frozenset(),
        in_hand=frozenset(in_hand),
        writer=None if run.dry_run else RefWriter(),
    )


def _finish_table(run: DisposalRun, table_sweep: TableSweep, writer: Any, register: System | None) -> None:
    held = sum(table_sweep.held_by.values())
    run.due += table_sweep.due + len(table_sweep.to_carry_out) + table_sweep.in_hand_seen
    run.held += held
    run.findings.append(table_sweep.finding())
    if run.dry_run:
        return
    key = {"system": table_sweep.config.slug, "table": table_sweep.table.name, "rule_slug": table_sweep.rule.slug}
    approved = DisposalBatch.objects.filter(state=BatchState.APPROVED, **key).first()
    if approved is not None:
        outcome = execution.carry_out(
            batch=approved, refs=table_sweep.to_carry_out, config=table_sweep.config, connector=writer, run=run
        )
        run.disposed += outcome.disposed
        run.tasks_raised += outcome.tasks
        run.skipped += outcome.not_done
        if outcome.problem:
            run.problems.append(outcome.problem)
    _refresh_open_batch(run, table_sweep, register, key)


def _refresh_open_batch(
    run: DisposalRun, table_sweep: TableSweep, register: System | None, key: dict[str, str]
) -> None:
    """The table's open batch now lists exactly what is due and not in hand (created, replaced or removed)."""
    assert table_sweep.writer is not None
    held = sum(table_sweep.held_by.values())
    with transaction.atomic():
        batch = DisposalBatch.objects.select_for_update().filter(state__in=[BatchState.DUE, BatchState.SKIPPED], **key)
        current = batch.first()
        if not table_sweep.due and not held:
            table_sweep.writer.discard()
            if current is not None:
                transaction.on_commit(lambda name=current.refs_file: delete_refs(name))  # type: ignore[misc]
                current.delete()
            return
        old_file = current.refs_file if current else ""
        sha = table_sweep.writer.sha256
        name = table_sweep.writer.save("due")
        current = current or DisposalBatch(**key)
        current.state, current.skip_reason = BatchState.DUE, ""
        current.system_name, current.register_system = table_sweep.config.name, register
        current.rule, current.action = table_sweep.rule, table_sweep.rule.action
        current.due_count, current.overdue_count, current.held_count = table_sweep.due, table_sweep.overdue, held
        current.held_by = {str(hold): count for hold, count in sorted(table_sweep.held_by.items())}
        current.oldest_due, current.refs_file, current.refs_sha256 = table_sweep.oldest, name, sha
        current.found_by, current.refreshed_at = run, timezone.now()
        current.save()
        if old_file:
            transaction.on_commit(lambda name=old_file: delete_refs(name))  # type: ignore[misc]
