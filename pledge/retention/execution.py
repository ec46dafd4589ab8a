"""Approving a disposal batch, carrying it out, handing it to a system's owner, and certifying what was done (P102).

Approval (``MANAGE_RETENTION``) fixes the exact list: its count and SHA-256 are recorded with who approved it. A run
then destroys or anonymises, through the connector, the approved records that are still due and not held, when the
system is writable and the rule's action is destroy or anonymise; otherwise (a read-only system, a mailbox, a rule
that says review or transfer to the archive) the batch becomes one task for the system's owner (as fulfilment plans
do). A certificate is written when the records are gone: counts and references, never personal data.
"""

from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.discovery.sources import RecordKey, SystemConfig, TableConfig, Write, WriteAction
from pledge.register.models import RetentionAction, System
from pledge.retention.models import (
    BatchState,
    DisposalApproval,
    DisposalBatch,
    DisposalCertificate,
    DisposalRun,
    DisposalTask,
    TaskState,
)
from pledge.retention.refs import read_refs, save_refs

WRITE_CHUNK = 5000  # writes per connector call (one transaction each): bounded memory, few CSV rewrites
AUTOMATIC = frozenset({RetentionAction.DESTROY, RetentionAction.ANONYMISE})
DONE_WORD = {
    RetentionAction.DESTROY: "destroyed",
    RetentionAction.ANONYMISE: "anonymised",
    RetentionAction.REVIEW: "reviewed",
    RetentionAction.ARCHIVE: "transferred to the archive",
}
INSTRUCTION = {
    RetentionAction.DESTROY: "Destroy these records (and their linked records) in {system}",
    RetentionAction.ANONYMISE: "Remove the identifying details from these records in {system}",
    RetentionAction.REVIEW: "Review these records in {system}: destroy them, or record why they are kept longer",
    RetentionAction.ARCHIVE: "Transfer these records from {system} to the archive, then remove them from the system",
}


class DisposalError(ValueError):
    """A disposal step refused with a reason staff can act on; nothing was saved."""

    def __init__(self, message: str, *, field: str = "") -> None:
        super().__init__(message)
        self.field = field


def _audit(actor: Any, action: AuditAction, batch: DisposalBatch, summary: str) -> None:
    record(
        actor=actor or "retention run",
        action=action,
        object_type="disposal_batch",
        object_ref=str(batch.pk),
        summary=f"Disposal batch {batch.pk} ({batch.where}, rule {batch.rule_slug}): {summary}",
    )


def approve_batch(*, batch: DisposalBatch, actor: Any, note: str = "") -> DisposalApproval:
    """Approve the records the batch lists now; the next run carries them out. Refused when not due or empty."""
    with transaction.atomic():
        locked = DisposalBatch.objects.select_for_update().get(pk=batch.pk)
        if locked.state != BatchState.DUE:
            raise DisposalError("This batch is not waiting for approval")
        if not locked.due_count:
            raise DisposalError("Nothing in this batch is due: every record in it is held")
        if DisposalBatch.objects.filter(
            state=BatchState.APPROVED, system=locked.system, table=locked.table, rule_slug=locked.rule_slug
        ).exists():
            raise DisposalError("An approved batch for this table and rule is still waiting for the next run")
        locked.state = BatchState.APPROVED
        locked.save(update_fields=["state"])
        approval = DisposalApproval.objects.create(
            batch=locked, approved_by=actor, ref_count=locked.due_count, refs_sha256=locked.refs_sha256, note=note
        )
        _audit(actor, AuditAction.APPROVE, locked, f"{locked.due_count} record(s) approved for disposal")
    batch.refresh_from_db()
    return approval


def note_skipped(*, config: SystemConfig, table: TableConfig, reason: str, run: DisposalRun) -> None:
    """Keep one skipped row per table that cannot be swept, so the queue and dashboard show it with why."""
    register = System.objects.filter(slug=config.register_system).first()
    DisposalBatch.objects.update_or_create(
        system=config.slug,
        table=table.name,
        rule_slug=table.retention_rule,
        state__in=[BatchState.DUE, BatchState.SKIPPED],
        defaults={
            "state": BatchState.SKIPPED,
            "skip_reason": reason,
            "system_name": config.name,
            "register_system": register,
            "due_count": 0,
            "overdue_count": 0,
            "held_count": 0,
            "found_by": run,
            "refreshed_at": timezone.now(),
        },
        create_defaults={
            "system": config.slug,
            "table": table.name,
            "rule_slug": table.retention_rule,
            "state": BatchState.SKIPPED,
            "skip_reason": reason,
            "system_name": config.name,
            "register_system": register,
            "found_by": run,
        },
    )


@dataclass
class Outcome:
    disposed: int = 0
    tasks: int = 0
    not_done: int = 0
    problem: str = ""


def carry_out(
    *, batch: DisposalBatch, refs: list[str], config: SystemConfig, connector: Any, run: DisposalRun
) -> Outcome:
    """Dispose of ``refs`` (the approved records still due and not held) or hand them to the system's owner."""
    approval = batch.approvals.first()
    approved_count = approval.ref_count if approval else len(refs)
    if not (config.writable and batch.action in AUTOMATIC):
        if not refs:
            _close_empty(batch, run, approved_count)
            return Outcome(not_done=approved_count)
        _hand_to_owner(batch, config, refs, run)
        return Outcome(tasks=1, not_done=approved_count - len(refs))
    table = next(table for table in config.tables if table.name == batch.table)
    done, problem = _apply_in_chunks(connector, [_write(ref, batch.action, table) for ref in refs], config)
    # What was not done goes back to the queue on the next run (it is still due), to be approved again.
    method = f"through the {config.name} connector in disposal run {run.pk}"
    issue_certificate(batch=batch, refs=done, method=method, not_done=approved_count - len(done), run=run)
    return Outcome(disposed=len(done), not_done=approved_count - len(done), problem=problem)


def _apply_in_chunks(connector: Any, writes: list[Write], config: SystemConfig) -> tuple[list[str], str]:
    """Apply ``writes`` a chunk at a time; a chunk refused because one record has gone since the read is retried
    record by record, so one missing record does not hold back the rest. Returns the references done and a problem.
    """
    from pledge.discovery.connectors import WriteFailed

    done: list[str] = []
    for start in range(0, len(writes), WRITE_CHUNK):
        chunk = writes[start : start + WRITE_CHUNK]
        try:
            connector.apply(chunk)
            done.extend(str(write.ref) for write in chunk)
            continue
        except WriteFailed:
            pass
        except Exception as error:  # noqa: BLE001 - the connector changed nothing in this chunk; the rest wait
            return done, f"{config.name} ({config.slug}): disposal stopped after {len(done)} record(s): {error}"[:500]
        for write in chunk:
            try:
                connector.apply([write])
            except WriteFailed:
                continue  # gone or changed since the read: it is not certified, and is queued again if still there
            done.append(str(write.ref))
    return done, ""


def _write(ref: str, action: str, table: TableConfig) -> Write:
    key = RecordKey.parse(ref)
    if action == RetentionAction.DESTROY:
        return Write(ref=key, action=WriteAction.DELETE)
    blanked = {m.column: "" for m in table.columns if m.identity is not None and m.column != table.key}
    return Write(ref=key, action=WriteAction.UPDATE, changes=blanked)


def _close_empty(batch: DisposalBatch, run: DisposalRun, approved_count: int) -> None:
    with transaction.atomic():
        batch.state, batch.executed_by, batch.done_at = BatchState.DONE, run, timezone.now()
        batch.executed_count, batch.not_executed_count = 0, approved_count
        batch.save(update_fields=["state", "executed_by", "done_at", "executed_count", "not_executed_count"])
        _audit(run.started_by, AuditAction.UPDATE, batch, "none of the approved records was still due")


def _hand_to_owner(batch: DisposalBatch, config: SystemConfig, refs: list[str], run: DisposalRun) -> DisposalTask:
    owner = System.objects.filter(slug=config.register_system).values_list("owner_role", flat=True).first() or ""
    action = RetentionAction(batch.action) if batch.action else RetentionAction.DESTROY
    name, sha, count = save_refs(refs, kind="task")
    with transaction.atomic():
        batch.state, batch.refs_file, batch.refs_sha256, batch.executed_by = BatchState.TASK_RAISED, name, sha, run
        batch.not_executed_count = max(0, (batch.due_count or count) - count)
        batch.due_count = count
        batch.save(
            update_fields=["state", "refs_file", "refs_sha256", "executed_by", "due_count", "not_executed_count"]
        )
        task, _ = DisposalTask.objects.get_or_create(
            batch=batch,
            defaults={
                "system_name": config.name,
                "owner_role": owner,
                "instruction": INSTRUCTION[action].format(system=config.name),
            },
        )
        _audit(
            run.started_by,
            AuditAction.CREATE,
            batch,
            f"{count} record(s) given to the owner of {config.name} ({owner or 'owner not named'}) as task {task.pk}",
        )
    return task


def complete_task(*, task: DisposalTask, note: str, actor: Any) -> DisposalCertificate:
    """The system owner has carried out the task: the batch is done and certified (audited)."""
    cleaned = (note or "").strip()
    if not cleaned:
        raise DisposalError("Enter what the system owner did, and when", field="note")
    with transaction.atomic():
        locked = DisposalTask.objects.select_for_update().get(pk=task.pk)
        if locked.state == TaskState.DONE:
            raise DisposalError("This task is already done")
        locked.state, locked.completion_note = TaskState.DONE, cleaned
        locked.completed_by, locked.completed_at = actor, timezone.now()
        locked.save(update_fields=["state", "completion_note", "completed_by", "completed_at"])
        batch = locked.batch
        certificate = issue_certificate(
            batch=batch,
            refs=None,
            method=f"by the owner of {locked.system_name} (task {locked.pk}): {cleaned}"[:300],
            not_done=batch.not_executed_count,
            run=None,
            actor=actor,
        )
    task.refresh_from_db()
    return certificate


def _next_reference(year: int) -> str:
    prefix = f"DC-{year}-"
    taken = DisposalCertificate.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


def issue_certificate(
    *,
    batch: DisposalBatch,
    refs: list[str] | None,
    method: str,
    not_done: int,
    run: DisposalRun | None,
    actor: Any = None,
) -> DisposalCertificate:
    """Mark the batch done and certify it; ``refs`` None means the batch's own list (an owner's task)."""
    if refs is not None:
        name, sha, count = save_refs(refs, kind="certificate")
    else:
        name, sha = batch.refs_file, batch.refs_sha256
        count = batch.due_count
    approval = batch.approvals.select_related("approved_by").first()
    if approval is None:
        raise DisposalError("A batch cannot be certified without an approval")
    rule = batch.rule
    now = timezone.now()
    for _ in range(3):  # two runs certifying at once would take the same number; the loser takes the next
        try:
            with transaction.atomic():
                batch.state, batch.done_at, batch.executed_count = BatchState.DONE, now, count
                batch.refs_file, batch.refs_sha256, batch.not_executed_count = name, sha, max(0, not_done)
                if run is not None:
                    batch.executed_by = run
                batch.save()
                certificate = DisposalCertificate.objects.create(
                    reference=_next_reference(now.year),
                    batch=batch,
                    system=batch.system,
                    system_name=batch.system_name,
                    table=batch.table,
                    rule_slug=batch.rule_slug,
                    rule_name=rule.name if rule else batch.rule_slug,
                    rule_period=rule.plain_english if rule else "",
                    rule_source=rule.source if rule else "",
                    action=batch.action,
                    count=count,
                    not_done_count=max(0, not_done),
                    approved_by=approval.approved_by,
                    approved_at=approval.approved_at,
                    carried_out_at=now,
                    method=method[:300],
                    refs_sha256=sha,
                    refs_file=name,
                )
                word = DONE_WORD.get(RetentionAction(batch.action), "disposed of") if batch.action else "disposed of"
                _audit(
                    actor or (run.started_by if run else None),
                    AuditAction.DELETE,
                    batch,
                    f"{count} record(s) {word}; certificate {certificate.reference}",
                )
                return certificate
        except IntegrityError:
            continue
    raise DisposalError("The certificate could not be numbered; run again")


def certificate_refs(certificate: DisposalCertificate) -> list[str]:
    """The record references a certificate covers (keys only, never personal data)."""
    return list(read_refs(certificate.refs_file))
