"""Proof of identity or authority sent by the requester through the portal (P134).

The file is checked for type and size, scanned for malware by ``PLEDGE_MALWARE_SCAN_COMMAND`` when one is set,
and kept as the case's ID evidence by ``pledge.casework.identity.add_evidence``: encrypted at rest, deleted on
its date, listed on the case page for staff. Nothing is emailed; audit rows name the case by reference and the
evidence by number, never the file's name.
"""

from datetime import timedelta

from django.core.files.base import File
from django.db import transaction
from django.utils import timezone

from pledge.casework.identity import EVIDENCE_TYPES, add_evidence

__all__ = ["EVIDENCE_TYPES", "EvidenceUploadError", "can_send_evidence", "receive_portal_evidence"]
from pledge.casework.models import Case, Proof
from pledge.casework.record_models import IdentityEvidence
from pledge.casework.services import OBJECT_TYPE
from pledge.casework.states import is_open
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.core.uploads import ScanVerdict, UploadRejectedError, check_upload, scan_for_malware

DAILY_LIMIT = 10  # uploads a case's portal takes in 24 hours
PORTAL = "requester portal"


class EvidenceUploadError(ValueError):
    """The upload was refused for a reason other than the file itself; the message is for the requester."""


def can_send_evidence(case: Case) -> bool:
    """The portal takes proof while the request is open."""
    return is_open(case.state)


def receive_portal_evidence(*, case: Case, proof: Proof | str, upload: File) -> IdentityEvidence:
    """Check, scan and keep the requester's file as ID evidence; ``UploadRejectedError`` or ``EvidenceUploadError``
    (or ``CaseworkError`` from ``add_evidence``) with nothing saved when it is refused."""
    if not can_send_evidence(case):
        raise EvidenceUploadError("This request is closed, so we cannot take more documents for it here")
    since = timezone.now() - timedelta(days=1)
    if case.identity_evidence.filter(uploaded_by__isnull=True, uploaded_at__gte=since).count() >= DAILY_LIMIT:
        raise EvidenceUploadError(
            f"You have sent {DAILY_LIMIT} files today, which is the most we take in a day. Try again tomorrow"
        )
    check_upload(upload, allowed=EVIDENCE_TYPES)  # type and size before anything is scanned
    upload.seek(0)
    scan = scan_for_malware(b"".join(upload.chunks()))
    upload.seek(0)
    if scan.verdict == ScanVerdict.INFECTED:
        _audit(
            case,
            AuditAction.REFUSE,
            "A file sent through the requester portal was refused: the malware scan found malware",
        )
        raise UploadRejectedError("The selected file contains a virus or other malware. We have not kept it")
    if scan.verdict == ScanVerdict.FAILED:
        raise UploadRejectedError("The selected file could not be checked for viruses. Try again later")
    with transaction.atomic():
        evidence = add_evidence(case=case, proof=proof, upload=upload, actor=None)
        _audit(
            case,
            AuditAction.CREATE,
            f"{evidence.get_proof_display()} evidence {evidence.pk} sent through the requester portal "
            f"(malware scan: {scan.verdict.value})",
        )
    return evidence


def _audit(case: Case, action: AuditAction, summary: str) -> None:
    record(actor=PORTAL, action=action, object_type=OBJECT_TYPE, object_ref=case.reference, summary=summary)
