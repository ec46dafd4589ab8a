"""Redaction review: add a document to a case, scan it, decide each redaction, approve, and build the release.

Every state change runs in a transaction and writes an audit event naming the document or redaction by id only
(no personal data in audit summaries). The detector's context is what the case already knows: the requester's
name, email and address on the case, the identifiers the discovery search used, and the records a caseworker
confirmed as theirs (``discovery.Candidate``); the staff directory is the council's staff accounts plus any names
passed in.
"""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.discovery.models import Candidate, CandidateDecision
from pledge.redaction.burn_in import Cut, burn_in_pdf
from pledge.redaction.entities import PersonIdentity, PersonRole, RedactionContext
from pledge.redaction.models import (
    SERIOUS_HARM_CODES,
    Decision,
    Document,
    DocumentKind,
    ExemptionCode,
    Origin,
    Redaction,
    ReviewState,
)


class RedactionError(ValueError):
    """A review step that cannot be taken, with the reason a caseworker can act on."""


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []


def _names_and_identifiers(fields: dict[str, Any]) -> tuple[list[str], list[str]]:
    names: list[str] = []
    identifiers: list[str] = []
    given = fields.get("first_name") or fields.get("given_name") or fields.get("forename") or ""
    family = fields.get("last_name") or fields.get("family_name") or fields.get("surname") or ""
    if isinstance(given, str) and isinstance(family, str) and given and family:
        names.append(f"{given} {family}")
    for key, value in fields.items():
        target = names if "name" in key and "first" not in key and "last" not in key else identifiers
        target.extend(_strings(value))
    return names, identifiers


def context_for_case(*, case: Case, staff_names: Iterable[str] = ()) -> RedactionContext:
    """The requester (from the case and its confirmed identity records) and the staff directory, for ``detect``."""
    names = [case.requester_name]
    identifiers = [case.requester_email, case.requester_address]
    for run in case.discovery_runs.all():
        more_names, more_ids = _names_and_identifiers(dict(run.identifiers or {}))
        names += more_names
        identifiers += more_ids
    confirmed = Candidate.objects.filter(run__case=case, decision=CandidateDecision.CONFIRMED)
    for candidate in confirmed:
        more_names, more_ids = _names_and_identifiers(dict(candidate.summary or {}))
        names += more_names
        identifiers += [*more_ids, candidate.key]
    staff = [
        PersonIdentity(names=(user.get_full_name(),), emails=(user.email,) if user.email else ())
        for user in get_user_model().objects.filter(is_active=True).exclude(first_name="")
    ]
    extra = [*staff_names, *getattr(settings, "PLEDGE_REDACTION_STAFF_NAMES", ())]
    staff += [PersonIdentity(names=(name,)) for name in extra]
    requester = PersonIdentity(
        names=tuple(dict.fromkeys(n for n in names if n)), identifiers=tuple(i for i in identifiers if i)
    )
    return RedactionContext(requester=requester, staff=tuple(staff))


def add_document(
    *, case: Case, title: str, text: str, kind: DocumentKind | str, actor: Any, staff_names: Iterable[str] = ()
) -> Document:
    """Add a document's text to a case's response and scan it at once (``staff_names`` add to the directory)."""
    with transaction.atomic():
        document = Document.objects.create(case=case, title=title, text=text, kind=kind)
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="redaction_document",
            object_ref=str(document.pk),
            summary=f"Document added to case {case.reference} for redaction review",
        )
        scan_document(document=document, actor=actor, context=context_for_case(case=case, staff_names=staff_names))
    return document


def scan_document(*, document: Document, actor: Any, context: RedactionContext | None = None) -> int:
    """Run the detector again; undecided detected proposals are replaced, decisions and added ones kept. Returns
    the number of proposals made."""
    context = context or context_for_case(case=document.case)
    # Presidio and spaCy take seconds to import: only a scan pays for them, never loading the URLs.
    from pledge.redaction.engine import detect

    found = detect(document.text, context=context)
    with transaction.atomic():
        decided = list(document.redactions.exclude(decision=Decision.PROPOSED, origin=Origin.DETECTED))
        document.redactions.filter(decision=Decision.PROPOSED, origin=Origin.DETECTED).delete()
        taken = {(r.start, r.end) for r in decided}
        new = [
            Redaction(
                document=document,
                start=p.start,
                end=p.end,
                entity_type=p.entity.value,
                person_role=p.role.value,
                score=p.score,
                detector_reason=p.reason,
                proposed=p.redact,
                exemption_code=ExemptionCode.THIRD_PARTY if p.role == PersonRole.THIRD_PARTY else "",
            )
            for p in found
            if (p.start, p.end) not in taken
        ]
        Redaction.objects.bulk_create(new)
        document.scanned_at = timezone.now()
        document.state = ReviewState.IN_REVIEW if decided else ReviewState.PROPOSED
        document.save(update_fields=["scanned_at", "state"])
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="redaction_document",
            object_ref=str(document.pk),
            summary=f"Scanned for personal data: {len(new)} proposals",
        )
    return len(new)


def decide_redaction(
    *, redaction: Redaction, decision: Decision | str, exemption_code: str, reason: str, actor: Any
) -> Redaction:
    """Accept (redact) or reject (release) one proposal. Redacting needs an exemption code and a reason; a Sch 3
    serious-harm code needs the professional's opinion recorded first (Sch 3 paras 2, 5, 7)."""
    if decision not in (Decision.ACCEPTED, Decision.REJECTED):
        raise RedactionError("Choose whether to redact or release this text")
    if decision == Decision.ACCEPTED:
        if exemption_code not in ExemptionCode.values:
            raise RedactionError("Choose the exemption the redaction rests on")
        if not reason.strip():
            raise RedactionError("Give the reason for the redaction")
        if exemption_code in SERIOUS_HARM_CODES and not hasattr(redaction, "harm_consultation"):
            raise RedactionError("Record the opinion of the health professional, social worker or teacher first")
    if redaction.document.state == ReviewState.APPROVED:
        raise RedactionError("This document's redactions are approved; reopen it to change them")
    with transaction.atomic():
        before = {"decision": redaction.decision, "exemption_code": redaction.exemption_code}
        redaction.decision = decision
        redaction.exemption_code = exemption_code if decision == Decision.ACCEPTED else ""
        redaction.exemption_reason = reason.strip()
        redaction.decided_by = actor
        redaction.decided_at = timezone.now()
        redaction.save()
        _mark_in_review(redaction.document)
        record(
            actor=actor,
            action=AuditAction.UPDATE,
            object_type="redaction",
            object_ref=str(redaction.pk),
            summary=f"Redaction {decision} in document {redaction.document_id}",
            before=before,
            after={"decision": str(decision), "exemption_code": redaction.exemption_code},
        )
    return redaction


def add_redaction(
    *, document: Document, start: int, end: int, exemption_code: str, reason: str, actor: Any
) -> Redaction:
    """A caseworker's own redaction of characters [start, end): accepted at once, with its code and reason."""
    if not (0 <= start < end <= len(document.text)):
        raise RedactionError("Choose text inside the document")
    if exemption_code not in ExemptionCode.values or not reason.strip():
        raise RedactionError("Choose the exemption and give the reason for the redaction")
    if exemption_code in SERIOUS_HARM_CODES:
        raise RedactionError("Add it as third-party or other data first, then record the professional's opinion")
    with transaction.atomic():
        redaction = Redaction.objects.create(
            document=document,
            start=start,
            end=end,
            entity_type="PERSON",
            person_role=PersonRole.THIRD_PARTY.value,
            origin=Origin.ADDED,
            proposed=True,
            decision=Decision.ACCEPTED,
            exemption_code=exemption_code,
            exemption_reason=reason.strip(),
            decided_by=actor,
            decided_at=timezone.now(),
        )
        _mark_in_review(document)
        record(
            actor=actor,
            action=AuditAction.CREATE,
            object_type="redaction",
            object_ref=str(redaction.pk),
            summary=f"Redaction added to document {document.pk}",
        )
    return redaction


def _mark_in_review(document: Document) -> None:
    if document.state == ReviewState.PROPOSED:
        document.state = ReviewState.IN_REVIEW
        document.save(update_fields=["state"])


def approve_document(*, document: Document, actor: Any) -> Document:
    """Approve the redactions for release; every proposal must have been decided."""
    undecided = document.redactions.filter(decision=Decision.PROPOSED).count()
    if undecided:
        raise RedactionError(f"Decide every proposed redaction first ({undecided} left)")
    with transaction.atomic():
        document.state = ReviewState.APPROVED
        document.approved_by = actor
        document.approved_at = timezone.now()
        document.save(update_fields=["state", "approved_by", "approved_at"])
        record(
            actor=actor,
            action=AuditAction.APPROVE,
            object_type="redaction_document",
            object_ref=str(document.pk),
            summary="Redactions approved for release",
        )
    return document


def release_cuts(document: Document) -> list[Cut]:
    """The spans the released file removes, each labelled with its exemption code."""
    return [
        Cut(r.start, r.end, r.exemption_code or ExemptionCode.THIRD_PARTY.value)
        for r in document.redactions.all()
        if r.will_be_redacted
    ]


def released_pdf(*, document: Document) -> bytes:
    """The document as released: a new PDF whose text has every redaction removed."""
    if document.state != ReviewState.APPROVED:
        raise RedactionError("Approve the redactions before building the release")
    return burn_in_pdf(text=document.text, cuts=release_cuts(document), title=document.title)
