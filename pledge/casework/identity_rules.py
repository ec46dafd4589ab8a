"""What a record of an identity or authority check must say, whether a case has the authority it needs, and when
ID evidence is deleted.

Proportionate to risk (Art 12(6); ICO right of access guidance, "Can we ask for ID?"): matching details the
council already holds, or an account it has already verified, are enough where there is no reasonable doubt; a
document is asked for only where there is. For a request made on someone's behalf the council must also be
satisfied the representative may act (ICO: "Can a request be made on behalf of someone else?").
"""

from datetime import date, timedelta
from typing import Any

from django.conf import settings

from pledge.casework.models import Proof
from pledge.casework.record_models import AuthorityType, CheckMethod, DocumentType, IdentityCheck, IdentityEvidence


def proof_for(method: CheckMethod | str) -> Proof:
    """The proof a check gives: authority for an authority document, identity for every other method."""
    return Proof.AUTHORITY if CheckMethod(method) == CheckMethod.AUTHORITY_SEEN else Proof.IDENTITY


def check_problem(*, method: str, document_type: str, authority_type: str) -> tuple[str, str] | None:
    """(field, message) for the first thing wrong with a check's facts, or None when they are complete."""
    if method not in CheckMethod.values:
        return "method", "Select how identity or authority was checked"
    if method == CheckMethod.DOCUMENT_SEEN and document_type not in DocumentType.values:
        return "document_type", "Select the type of document seen"
    if method == CheckMethod.AUTHORITY_SEEN and authority_type not in AuthorityType.values:
        return "authority_type", "Select the proof of authority seen"
    if method != CheckMethod.DOCUMENT_SEEN and document_type:
        return "document_type", "Leave the document type empty unless a document was seen"
    if method != CheckMethod.AUTHORITY_SEEN and authority_type:
        return "authority_type", "Leave the proof of authority empty unless proof of authority was seen"
    return None


def needs_authority(case: Any) -> bool:
    """True when someone else made the request for the person (a parent, solicitor, attorney or advocate)."""
    return bool(case.on_behalf_of)


def authority_recorded(case: Any) -> bool:
    """True when a check of the representative's authority is on the case."""
    if case.pk is None:
        return False
    return IdentityCheck.objects.filter(case=case, proof=Proof.AUTHORITY).exists()


def identity_recorded(case: Any) -> bool:
    """True when a check of the requester's own identity is on the case (how, by whom and when)."""
    if case.pk is None:
        return False
    return IdentityCheck.objects.filter(case=case, proof=Proof.IDENTITY).exists()


def authority_missing(case: Any) -> bool:
    """True when work must not start yet: the request is made on someone's behalf and no authority is recorded."""
    return needs_authority(case) and not authority_recorded(case)


AUTHORITY_MISSING_MESSAGE = (
    "This request is made on someone else's behalf: record the proof of authority seen "
    "(lasting power of attorney, court order, signed authority or parental responsibility) before work starts"
)


def evidence_days() -> int:
    """Days ID evidence is kept after the check it supported (``PLEDGE_ID_EVIDENCE_DAYS``, the council's choice)."""
    return int(getattr(settings, "PLEDGE_ID_EVIDENCE_DAYS", 30))


def delete_after_for(check_date: date) -> date:
    """The last day evidence for a check made on ``check_date`` is kept; it is deleted on the days after."""
    return check_date + timedelta(days=evidence_days())


def attach_evidence_to(check: IdentityCheck) -> int:
    """Link the case's unverified evidence of the check's kind to it, and date its deletion from the check."""
    waiting = IdentityEvidence.objects.filter(
        case=check.case, proof=check.proof, identity_check__isnull=True, deleted_at__isnull=True
    )
    return waiting.update(identity_check=check, delete_after=delete_after_for(check.checked_on))
