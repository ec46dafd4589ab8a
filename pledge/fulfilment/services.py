"""Rectification (Art 16) and erasure (Art 17) outcomes: keyword-only, one transaction and one audit row each.

Restriction lives in ``restrictions.py``, telling recipients (Art 19) in ``notifications.py``, objection decisions
and automated-decision reviews (Arts 21-22) in ``decisions.py``; other apps call them through this module's names.
Errors are ``FulfilmentError``; when one is raised nothing was saved.
"""

from datetime import date
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, transaction

from pledge.casework.models import Case
from pledge.core.models import AuditAction
from pledge.core.uploads import FileType, UploadRejectedError, check_upload, private_name, private_storage
from pledge.fulfilment.applies import takes_corrections, takes_erasure_outcomes
from pledge.fulfilment.checks import (
    FulfilmentError,
    audit,
    check_day,
    check_open,
    check_reference,
    check_system,
    check_text,
    lock_case,
)
from pledge.fulfilment.decisions import open_decision_review, record_objection_decision, record_review_decision
from pledge.fulfilment.models import Correction, Disagreement, ErasureOutcome, StatementAttachment
from pledge.fulfilment.notifications import recipients_line, recipients_to_tell, record_recipient_notice
from pledge.fulfilment.restrictions import (
    active_restrictions,
    lift_restriction,
    restrict_processing,
    restricted_records,
    restrictions_for_system,
)
from pledge.law.erasure import ERASURE_GROUNDS, KEEP_GROUNDS, ErasureGround, ErasureResult, KeepGround, erasure_problem
from pledge.register.models import System

__all__ = [
    "FulfilmentError",
    "active_restrictions",
    "attach_statement",
    "lift_restriction",
    "open_decision_review",
    "open_statement_file",
    "recipients_line",
    "recipients_to_tell",
    "record_correction",
    "record_disagreement",
    "record_erasure_outcome",
    "record_objection_decision",
    "record_recipient_notice",
    "record_review_decision",
    "restrict_processing",
    "restricted_records",
    "restrictions_for_system",
]

STATEMENT_TYPES = frozenset({FileType.PDF, FileType.DOCX, FileType.TXT, FileType.PNG, FileType.JPEG})


def record_correction(
    *, case: Case, system: System | None, record_reference: str, was: str, now: str, corrected_on: date, actor: Any
) -> Correction:
    """Record that the record ``record_reference`` in ``system`` was corrected (Art 16)."""
    if not takes_corrections(case):
        raise FulfilmentError("Corrections are recorded on rectification requests only")
    check_open(case, "A correction")
    correction = Correction(
        case=case,
        system=check_system(system),
        record_reference=check_reference(record_reference),
        was=check_text(was, field="was", message="Enter what was wrong"),
        now=check_text(now, field="now", message="Enter what the record says now"),
        corrected_on=check_day(case, corrected_on, field="corrected_on", what="date of the correction"),
        corrected_by=actor,
    )
    with transaction.atomic():
        lock_case(case)
        duplicate = Correction.objects.filter(
            case=case, system=correction.system, record_reference=correction.record_reference, now=correction.now
        )
        if duplicate.exists():
            raise FulfilmentError("This correction is already recorded", field="now")
        correction.save()
        audit(case, actor, AuditAction.CREATE, f"Correction {correction.pk} recorded in {correction.system.name}")
    return correction


def record_disagreement(
    *,
    case: Case,
    reasons: str,
    statement: str,
    system: System | None,
    record_reference: str,
    decided_on: date,
    actor: Any,
    statement_file: File | None = None,
) -> Disagreement:
    """Record that the council holds the data accurate, and attach the person's statement to the record (Art 16)."""
    if not takes_corrections(case):
        raise FulfilmentError("Disagreements are recorded on rectification requests only")
    check_open(case, "A disagreement")
    disagreement = Disagreement(
        case=case,
        reasons=check_text(reasons, field="reasons", message="Enter why the council considers the data accurate"),
        statement=check_text(statement, field="statement", message="Enter the person's statement of disagreement"),
        decided_on=check_day(case, decided_on, field="decided_on", what="date of the decision"),
        decided_by=actor,
    )
    chosen_system, reference = check_system(system), check_reference(record_reference)
    stored = _store_statement(disagreement, statement_file) if statement_file else ""
    try:
        with transaction.atomic():
            lock_case(case)
            if Disagreement.objects.filter(case=case, statement=disagreement.statement).exists():
                raise FulfilmentError("This statement of disagreement is already recorded", field="statement")
            disagreement.save()
            StatementAttachment.objects.create(
                disagreement=disagreement,
                system=chosen_system,
                record_reference=reference,
                attached_by=actor,
                attached_on=disagreement.decided_on,
            )
            file_note = " with a copy of the statement" if stored else ""
            audit(
                case,
                actor,
                AuditAction.CREATE,
                f"Disagreement {disagreement.pk} recorded: statement attached in {chosen_system.name}{file_note}",
            )
    except Exception:
        if stored:
            private_storage().delete(stored)
        raise
    return disagreement


def _store_statement(disagreement: Disagreement, upload: File) -> str:
    try:
        checked = check_upload(upload, allowed=STATEMENT_TYPES)
    except UploadRejectedError as error:
        raise FulfilmentError(str(error), field="statement_file") from None
    stored = private_storage().save(private_name(folder="statements", checked=checked), upload)
    disagreement.statement_file = stored
    disagreement.statement_file_name = checked.original_name
    disagreement.statement_file_type = checked.file_type.value
    disagreement.statement_file_size = checked.size
    disagreement.statement_file_sha256 = checked.sha256
    return stored


def attach_statement(
    *, disagreement: Disagreement, system: System | None, record_reference: str, attached_on: date, actor: Any
) -> StatementAttachment:
    """Attach an existing statement of disagreement to the record in one more system."""
    case = disagreement.case
    check_open(case, "A statement")
    attachment = StatementAttachment(
        disagreement=disagreement,
        system=check_system(system),
        record_reference=check_reference(record_reference),
        attached_on=check_day(case, attached_on, field="attached_on", what="date it was attached"),
        attached_by=actor,
    )
    if attached_on < disagreement.decided_on:
        raise FulfilmentError("The statement cannot be attached before the decision was made", field="attached_on")
    try:
        with transaction.atomic():
            attachment.save()
            audit(
                case,
                actor,
                AuditAction.UPDATE,
                f"Disagreement {disagreement.pk}: statement attached in {attachment.system.name}",
            )
    except IntegrityError:
        raise FulfilmentError("The statement is already attached to that record", field="record_reference") from None
    return attachment


def open_statement_file(*, disagreement: Disagreement, actor: Any) -> File:
    """The stored copy of the person's statement, decrypted; the reading is audited. FulfilmentError if none."""
    if not disagreement.statement_file:
        raise FulfilmentError("No copy of the statement was uploaded")
    opened = private_storage().open(disagreement.statement_file)
    with transaction.atomic():
        audit(disagreement.case, actor, AuditAction.VIEW, f"Disagreement {disagreement.pk}: statement file opened")
    return opened


def record_erasure_outcome(
    *,
    case: Case,
    system: System | None,
    record_reference: str,
    result: ErasureResult | str,
    erase_ground: ErasureGround | str = "",
    keep_ground: KeepGround | str = "",
    reasons: str = "",
    done_on: date,
    actor: Any,
) -> ErasureOutcome:
    """Record what was done to one record: erased or anonymised on an Art 17(1) ground (P052), or kept under an
    Art 17(3) ground with reasons. With no Art 17(1) ground the record can only be kept."""
    if not takes_erasure_outcomes(case):
        raise FulfilmentError("Erasure outcomes are recorded on erasure requests only")
    check_open(case, "An erasure outcome")
    chosen_system, reference = check_system(system), check_reference(record_reference)
    problem = erasure_problem(
        result=str(result), keep_ground=str(keep_ground), reasons=reasons, erase_ground=str(erase_ground)
    )
    if problem:
        raise FulfilmentError(problem[1], field=problem[0])
    outcome = ErasureOutcome(
        case=case,
        system=chosen_system,
        record_reference=reference,
        result=ErasureResult(result).value,
        erase_ground=str(erase_ground),
        keep_ground=str(keep_ground),
        reasons=reasons.strip(),
        done_on=check_day(case, done_on, field="done_on", what="date it was done"),
        recorded_by=actor,
    )
    provisions = [ERASURE_GROUNDS[ErasureGround(outcome.erase_ground)].provision] if outcome.erase_ground else []
    if outcome.keep_ground:
        provisions.append(KEEP_GROUNDS[KeepGround(outcome.keep_ground)].provision)
    ground = f" ({', '.join(provisions)})" if provisions else ""
    try:
        with transaction.atomic():
            outcome.save()
            summary = f"Erasure outcome {outcome.pk} in {chosen_system.name}: {outcome.result}{ground}"
            audit(case, actor, AuditAction.CREATE, summary)
    except IntegrityError:
        raise FulfilmentError(
            f"An outcome is already recorded for that record in {chosen_system.name}", field="record_reference"
        ) from None
    return outcome
