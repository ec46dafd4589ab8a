"""Logging, approving, refusing and amending disclosures (P105-P118). Every change is atomic and audited; audit
summaries carry the entry's reference and kind, never the person or what was disclosed.

The rules are in ``pledge.law.disclosure``; this module reads the facts they need (the consent ledger's answer, the
recipient's due-diligence checks, the activity's sharing restriction) and applies them both when an entry is logged
and again when it is approved, because a consent may be withdrawn or checks expire in between.
"""

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.files.base import File
from django.db import IntegrityError, transaction
from django.utils import timezone

from pledge.consent.services import ConsentRefused, consent_covers
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.core.roles import Permission
from pledge.core.uploads import FileType, UploadRejectedError, check_upload, private_name, private_storage
from pledge.disclosures.models import DECIDED, Disclosure, DueDiligence, LegalRoute, SharingRestriction, Status
from pledge.disclosures.people import disclosures_for, recipients_for_notification, subject_ids_for
from pledge.law.disclosure import (
    ConsentFinding,
    DisclosureFacts,
    DisclosureKind,
    DueDiligenceFacts,
    approval_problems,
    due_diligence_problem,
)
from pledge.register.models import ProcessingActivity, Recipient, SharingAgreement

__all__ = [
    "DisclosureDetails",
    "DisclosureInvalid",
    "amend_disclosure",
    "approve_disclosure",
    "disclosures_for",
    "log_disclosure",
    "recipients_for_notification",
    "refuse_disclosure",
    "subject_ids_for",
]

ORDER_TYPES = frozenset({FileType.PDF, FileType.PNG, FileType.JPEG})


class DisclosureInvalid(ValueError):
    """The entry or decision was refused; ``problems`` maps a field to a message fit for the error summary."""

    def __init__(self, problems: dict[str, str]) -> None:
        super().__init__("; ".join(problems.values()))
        self.problems = problems


@dataclass
class DisclosureDetails:
    """What the requester records about a disclosure (everything but who decided)."""

    kind: str
    purpose: str
    data_items: list[str]
    route: str
    recipient: Recipient | None = None
    recipient_name: str = ""
    requester_reference: str = ""
    activity: ProcessingActivity | None = None
    agreement: SharingAgreement | None = None
    special_category: bool = False
    for_marketing: bool = False
    minimum_data: str = ""
    necessity: str = ""
    subject_ids: list[str] = field(default_factory=list)
    case: Any = None
    consent_purpose: str = ""
    gateway_statute: str = ""
    gateway_section: str = ""
    exemption: str = ""
    art9_condition: str = ""
    justification: str = ""
    risk_category: str = ""
    consent_sought: bool | None = None
    consent_not_sought_reason: str = ""
    urgent: bool = False
    disclosed_at: datetime | None = None
    court_name: str = ""
    court_order_reference: str = ""
    dataset: str = ""
    record_count: int | None = None
    bulk_on: date | None = None


def retrospective_window_hours() -> int:
    """How long an urgent disclosure made before approval may wait for it (P109; council policy, default 72)."""
    return int(getattr(settings, "PLEDGE_DISCLOSURE_RETROSPECTIVE_HOURS", 72))


def _next_reference(year: int) -> str:
    prefix = f"DIS-{year}-"
    last = Disclosure.objects.filter(reference__startswith=prefix).order_by("-reference").first()
    number = int(last.reference.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


def due_diligence_facts(recipient: Recipient | None) -> DueDiligenceFacts | None:
    """The recipient's checklist as the rules read it: 'not needed' counts as done, anything else unanswered."""
    checks = DueDiligence.objects.filter(recipient=recipient).first() if recipient else None
    if checks is None:
        return None

    def done(answer: str) -> bool | None:
        return True if answer in ("yes", "not_needed") else (False if answer == "no" else None)

    return DueDiligenceFacts(
        agreement=done(checks.agreement),
        security_assurance=done(checks.security_assurance),
        contract=done(checks.contract),
        review_on=checks.review_on,
    )


def legal_requirement_only(activity: ProcessingActivity | None) -> bool:
    """True when the activity is marked 'no external sharing except legal requirement' (P118)."""
    return bool(activity and SharingRestriction.objects.filter(activity=activity, legal_requirement_only=True).exists())


def consent_finding(details: Any, *, at: datetime | None = None) -> tuple[ConsentFinding | None, str, int | None]:
    """What the consent ledger says for every person on the entry (all must be covered), with its plain-English
    basis and the deciding event; ``None`` when there is nobody on the ledger or no purpose to look up."""

    subjects = list(details.subject_ids)
    if not subjects or not details.consent_purpose:
        return None, "", None
    recipient = details.recipient.name if details.recipient else details.recipient_name
    try:
        answers = [
            consent_covers(
                subject=subject,
                recipient=recipient,
                purpose=details.consent_purpose,
                explicit_required=details.special_category,
                at=at,
            )
            for subject in subjects
        ]
    except ConsentRefused as refused:
        raise DisclosureInvalid({"consent_purpose": str(refused)}) from None
    given = all(a.given for a in answers)
    first_missing = next((a for a in answers if not a.given), answers[0])
    # consent_covers answers for explicit consent when asked to, so a covering answer here is explicit enough. A
    # marketing-sharing consent is a SHARING purpose for that recipient whose slug says marketing (P107), such as
    # "sharing:marketing:anyshire-leisure": the ledger has no separate kind for it.
    marketing = given and "marketing" in details.consent_purpose
    return (
        ConsentFinding(given=given, explicit=given and details.special_category, marketing=marketing),
        first_missing.basis[:300],
        first_missing.event_id if given else None,
    )


def facts_for(details: Any, *, has_order_document: bool, consent: ConsentFinding | None) -> DisclosureFacts:
    """The rules' view of an entry or draft."""
    return DisclosureFacts(
        kind=details.kind,
        route=details.route,
        justification=details.justification,
        special_category=details.special_category,
        art9_condition=details.art9_condition,
        for_marketing=details.for_marketing,
        legal_requirement_only=legal_requirement_only(details.activity),
        gateway_statute=details.gateway_statute,
        gateway_section=details.gateway_section,
        exemption=details.exemption,
        court_order_reference=details.court_order_reference,
        has_order_document=has_order_document,
        consent=consent,
        consent_sought=details.consent_sought,
        consent_not_sought_reason=details.consent_not_sought_reason,
        risk_category=details.risk_category,
        due_diligence=due_diligence_facts(details.recipient),
        recipient_in_register=details.recipient is not None,
        necessity=details.necessity,
        minimum_data=details.minimum_data,
        dataset=details.dataset,
        record_count=details.record_count,
        bulk_on=details.bulk_on,
    )


def _entry_problems(details: DisclosureDetails) -> dict[str, str]:
    problems: dict[str, str] = {}
    try:
        DisclosureKind(details.kind)
    except ValueError:
        problems["kind"] = "Select what kind of disclosure it is"
    if details.recipient is None and not details.recipient_name.strip():
        problems["recipient"] = "Select the recipient, or enter its name if it is not in the register"
    if not details.purpose.strip():
        problems["purpose"] = "Enter what the recipient needs the information for"
    if not [item for item in details.data_items if item.strip()]:
        problems["data_items"] = "Enter the information disclosed, one item a line"
    if details.kind == DisclosureKind.REFERRAL and details.recipient is None:
        problems["recipient"] = "Select the responsible authority from the register"
    if details.urgent and details.disclosed_at is None:
        problems["disclosed_on"] = "Enter when the information was disclosed"
    if details.disclosed_at is not None and details.disclosed_at > timezone.now():
        problems["disclosed_on"] = "The time of the disclosure cannot be in the future"
    return problems


def _checked_order(upload: File | None) -> tuple[File | None, Any]:
    if upload is None:
        return None, None
    try:
        return upload, check_upload(upload, allowed=ORDER_TYPES)
    except UploadRejectedError as refused:
        raise DisclosureInvalid({"order_document": str(refused)}) from None


def _validate(details: DisclosureDetails, *, has_order: bool, now: datetime) -> tuple[ConsentFinding | None, str, Any]:
    problems = _entry_problems(details)
    if problems:
        raise DisclosureInvalid(problems)
    consent, basis, event = consent_finding(details, at=now)
    problems = approval_problems(
        facts_for(details, has_order_document=has_order, consent=consent), today=timezone.localdate(now)
    )
    if problems:
        raise DisclosureInvalid(problems)
    return consent, basis, event


def _create(
    details: DisclosureDetails,
    *,
    actor: Any,
    order: tuple[File | None, Any],
    inherited_order: Disclosure | None,
    amends: Disclosure | None,
    amendment_reason: str,
) -> Disclosure:
    now = timezone.now()
    has_order = order[1] is not None or bool(inherited_order and inherited_order.order_file)
    _validate(details, has_order=has_order, now=now)
    stored = ""
    if order[0] is not None:
        stored = private_storage().save(private_name(folder="disclosures", checked=order[1]), order[0])
    values = {f.name: getattr(details, f.name) for f in fields(details)}
    values["data_items"] = [item.strip() for item in details.data_items if item.strip()]
    if stored:
        values |= {"order_file": stored, "order_file_name": order[1].original_name, "order_sha256": order[1].sha256}
    elif inherited_order is not None:
        values |= {
            "order_file": inherited_order.order_file,
            "order_file_name": inherited_order.order_file_name,
            "order_sha256": inherited_order.order_sha256,
        }
    for _attempt in range(3):  # two entries in the same second: the unique reference decides
        try:
            with transaction.atomic():
                entry = Disclosure.objects.create(
                    reference=_next_reference(timezone.localtime(now).year),
                    requested_by=actor,
                    requested_at=now,
                    amends=amends,
                    amendment_reason=amendment_reason,
                    **values,
                )
                summary = f"{entry.get_kind_display()} logged for approval"
                if amends is not None:
                    summary = f"Amends {amends.reference}: {summary}"
                record(
                    actor=actor,
                    action=AuditAction.CREATE,
                    object_type="disclosure",
                    object_ref=entry.reference,
                    summary=summary,
                    after={"route": entry.route, "urgent": entry.urgent, "amends": amends.reference if amends else ""},
                )
                return entry
        except IntegrityError:
            continue
    raise DisclosureInvalid({"kind": "The disclosure could not be given a reference; try again"})


def log_disclosure(*, actor: Any, details: DisclosureDetails, order_document: File | None = None) -> Disclosure:
    """Log a disclosure for approval. Refused (nothing saved) when it could not be approved as it stands: no
    covering consent or named gateway (P105), special category without explicit consent or an Art 9(2) condition
    (P106), marketing without consent (P107), a court order without its document (P113), checks incomplete (P116),
    a route the activity does not allow (P118)."""
    return _create(
        details,
        actor=actor,
        order=_checked_order(order_document),
        inherited_order=None,
        amends=None,
        amendment_reason="",
    )


def _decider_problem(entry: Disclosure, actor: Any) -> str | None:
    if not getattr(actor, "has_pledge_permission", lambda _p: False)(Permission.APPROVE_DISCLOSURES):
        return "Only a senior officer who may approve disclosures can decide this one"
    if entry.requested_by_id == getattr(actor, "pk", None):
        return "Someone other than the person who logged the disclosure must decide it"
    if entry.status in DECIDED:
        return f"{entry.reference} has already been {entry.get_status_display().lower()}"
    return None


def approve_disclosure(*, disclosure: Disclosure, actor: Any) -> Disclosure:
    """Approve an entry logged by someone else (APPROVE_DISCLOSURES): the rules are checked again now, and the
    consent ledger's answer is kept with the entry."""
    problem = _decider_problem(disclosure, actor)
    if problem:
        raise DisclosureInvalid({"decision": problem})
    now = timezone.now()
    consent, basis, event = _validate(disclosure, has_order=bool(disclosure.order_file), now=now)  # type: ignore[arg-type]
    with transaction.atomic():
        locked = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
        if locked.status in DECIDED:
            raise DisclosureInvalid({"decision": f"{locked.reference} has already been decided"})
        locked.status = Status.APPROVED
        locked.approved_by = actor
        locked.approved_at = now
        if locked.route == LegalRoute.CONSENT:
            locked.consent_basis, locked.consent_event_id = basis, event
        locked.save()
        record(
            actor=actor,
            action=AuditAction.APPROVE,
            object_type="disclosure",
            object_ref=locked.reference,
            summary=f"{locked.get_kind_display()} approved on route {locked.get_route_display()}"
            + (" (retrospectively)" if locked.urgent else ""),
        )
    return locked


def refuse_disclosure(*, disclosure: Disclosure, actor: Any, reason: str) -> Disclosure:
    """Refuse an entry (P114: refusals are logged too), with the reason; the entry stays in the log."""
    problem = _decider_problem(disclosure, actor)
    if problem:
        raise DisclosureInvalid({"decision": problem})
    if not reason.strip():
        raise DisclosureInvalid({"reason": "Enter why the disclosure is refused"})
    with transaction.atomic():
        locked = Disclosure.objects.select_for_update().get(pk=disclosure.pk)
        if locked.status in DECIDED:
            raise DisclosureInvalid({"decision": f"{locked.reference} has already been decided"})
        locked.status = Status.REFUSED
        locked.refused_by = actor
        locked.refused_at = timezone.now()
        locked.refusal_reason = reason.strip()
        locked.save()
        record(
            actor=actor,
            action=AuditAction.REFUSE,
            object_type="disclosure",
            object_ref=locked.reference,
            summary=f"{locked.get_kind_display()} refused",
        )
    return locked


def amend_disclosure(
    *, original: Disclosure, actor: Any, details: DisclosureDetails, reason: str, order_document: File | None = None
) -> Disclosure:
    """Correct an approved entry by logging a new one that amends it (P111); the original is never changed. The new
    entry is approved in its turn; a court order's document carries over unless a new one is uploaded."""
    if original.status != Status.APPROVED:
        raise DisclosureInvalid({"amend": "Only an approved disclosure is amended; refuse this one and log it again"})
    if not reason.strip():
        raise DisclosureInvalid({"amendment_reason": "Enter what the amendment corrects and why"})
    return _create(
        details,
        actor=actor,
        order=_checked_order(order_document),
        inherited_order=original,
        amends=original,
        amendment_reason=reason.strip(),
    )


def details_of(entry: Disclosure) -> DisclosureDetails:
    """An entry's details, to start an amendment from."""
    return DisclosureDetails(**{f.name: getattr(entry, f.name) for f in fields(DisclosureDetails)})


def due_diligence_problem_for(recipient: Recipient) -> str | None:
    """Why disclosures to ``recipient`` are blocked today (P116), or None."""
    return due_diligence_problem(due_diligence_facts(recipient), today=timezone.localdate())
