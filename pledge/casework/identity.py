"""Identity checks recorded outside the wait for proof, and the ID evidence kept for them until its deletion date.

"Never keep more ID evidence than needed, and delete it on a schedule": a copy of a document is optional; when one
is kept it is deleted ``PLEDGE_ID_EVIDENCE_DAYS`` after the check it supported (or after its upload, while no check
is recorded), by ``pledge cases purge-evidence`` or the daily task, or by staff at once after the check. The row
stays, without the file or its name, to show what was held, who checked it and when it went.
"""

from datetime import date
from typing import IO, Any

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from pledge.casework import services
from pledge.casework.identity_rules import (
    attach_evidence_to,
    authority_missing,
    check_problem,
    delete_after_for,
    identity_recorded,
    proof_for,
)
from pledge.casework.models import Case, Proof
from pledge.casework.record_files import delete_private, open_private, stored_upload
from pledge.casework.record_models import CheckMethod, EvidenceDeletion, IdentityCheck, IdentityEvidence
from pledge.casework.states import CaseState, is_open
from pledge.core.models import AuditAction
from pledge.core.uploads import FileType

EVIDENCE_TYPES = frozenset({FileType.PDF, FileType.PNG, FileType.JPEG})


def record_identity_check(
    *, case: Case, on: date, method: CheckMethod | str, document_type: str = "", authority_type: str = "", actor: Any
) -> IdentityCheck:
    """Record how identity or authority was checked on a case not waiting for proof; the clock does not move, since
    only proof the council asked for starts it (R1.2, R1.8). Proof asked for goes through
    ``services.record_identity_received``."""
    if case.state == CaseState.AWAITING_ID:
        raise services.CaseworkError("This case is waiting for proof: record it with 'Record proof received'")
    if not is_open(case.state):
        raise services.CaseworkError("Identity checks can only be recorded while the request is open")
    problem = check_problem(method=str(method), document_type=document_type, authority_type=authority_type)
    if problem:
        raise services.CaseworkError(problem[1])
    if on > timezone.localdate():
        raise services.CaseworkError("The date of the check cannot be in the future")
    if on < case.received_on:
        raise services.CaseworkError(
            f"The date cannot be before the request was received ({case.received_on:%-d %B %Y})"
        )
    check = IdentityCheck(
        case=case,
        proof=proof_for(method),
        method=method,
        document_type=document_type,
        authority_type=authority_type,
        checked_on=on,
        checked_by=actor,
    )
    with transaction.atomic():
        check.save()
        attach_evidence_to(check)
        services.record_case_event(
            case, actor, AuditAction.CREATE, f"{check.get_proof_display()} checked: {check.get_method_display()}"
        )
        # A new request whose requester is now known (and whose representative, if any, may act) is being worked.
        if case.state == CaseState.RECEIVED and identity_recorded(case) and not authority_missing(case):
            services.start_work(case=case, on=on, actor=actor)
    return check


def add_evidence(*, case: Case, proof: Proof | str, upload: File, actor: Any) -> IdentityEvidence:
    """Keep a copy of ID or authority evidence (PDF, PNG or JPEG) until its deletion date; ``UploadRejectedError``
    if the file is refused, ``CaseworkError`` if the case is finished or already keeps the same file (a form sent
    twice). Nothing is saved on either."""
    if not is_open(case.state):
        raise services.CaseworkError("Evidence can only be added while the request is open")
    kind = Proof(proof)
    check = case.identity_checks.filter(proof=kind).order_by("-checked_on", "-id").first()
    today = timezone.localdate()
    with stored_upload(upload, folder="evidence", allowed=EVIDENCE_TYPES) as (checked, name), transaction.atomic():
        Case.objects.select_for_update().filter(pk=case.pk).first()  # one upload at a time per case
        if case.identity_evidence.filter(sha256=checked.sha256, deleted_at__isnull=True).exists():
            raise services.CaseworkError("This file is already kept as evidence on the case")
        evidence = IdentityEvidence.objects.create(
            case=case,
            proof=kind,
            identity_check=check,
            stored_name=name,
            original_name=checked.original_name,
            file_type=checked.file_type,
            size=checked.size,
            sha256=checked.sha256,
            uploaded_by=actor,
            delete_after=delete_after_for(check.checked_on if check else today),
        )
        services.record_case_event(
            case,
            actor,
            AuditAction.CREATE,
            f"{kind.label} evidence {evidence.pk} added, to be deleted after {evidence.delete_after:%-d %B %Y}",
        )
    return evidence


def delete_evidence_now(*, evidence: IdentityEvidence, actor: Any) -> IdentityEvidence:
    """Delete the file at once, once the check it supported is recorded; the row stays to show it was held."""
    if evidence.is_deleted:
        raise services.CaseworkError("This evidence has already been deleted")
    if evidence.identity_check_id is None:
        raise services.CaseworkError("Record how identity or authority was checked before deleting the evidence")
    _delete(evidence, actor=actor, how=EvidenceDeletion.STAFF)
    evidence.refresh_from_db()
    return evidence


def purge_expired_evidence(*, today: date) -> int:
    """Delete every evidence file whose ``delete_after`` date has passed; returns how many. Running it again the same
    day deletes nothing more."""
    due = IdentityEvidence.objects.filter(deleted_at__isnull=True, delete_after__lt=today).select_related("case")
    return sum(_delete(evidence, actor=None, how=EvidenceDeletion.SCHEDULE) for evidence in due)


def open_evidence(*, evidence: IdentityEvidence, actor: Any) -> IO[bytes]:
    """The evidence file for a permitted download, with an audit row; ``CaseworkError`` once it is deleted."""
    if evidence.is_deleted:
        raise services.CaseworkError("This evidence has been deleted")
    services.record_case_event(
        evidence.case, actor, AuditAction.VIEW, f"{evidence.get_proof_display()} evidence {evidence.pk} downloaded"
    )
    return open_private(evidence.stored_name)


def _delete(evidence: IdentityEvidence, *, actor: Any, how: EvidenceDeletion) -> bool:
    """Delete the file and blank its names; False when it was already deleted."""
    with transaction.atomic():
        # Locks the row, so the schedule and a member of staff cannot both delete it.
        locked = IdentityEvidence.objects.select_for_update().select_related("case").get(pk=evidence.pk)
        if locked.is_deleted:
            return False
        name = locked.stored_name
        locked.deleted_at = timezone.now()
        locked.deleted_by = actor
        locked.deletion = how
        # The uploader's file name can itself be personal data ("Jo Bloggs passport.pdf"), so it goes too.
        locked.stored_name = ""
        locked.original_name = ""
        locked.save(update_fields=["deleted_at", "deleted_by", "deletion", "stored_name", "original_name"])
        services.record_case_event(
            locked.case, actor, AuditAction.DELETE, f"{locked.get_proof_display()} evidence {locked.pk}: {how.label}"
        )
        # Last, so a failure above keeps the file; should the commit itself fail, the next purge finds the row
        # again and deleting a missing file is not an error.
        delete_private(name)
    return True
