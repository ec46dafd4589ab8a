"""Every change to a complaint: keyword-only, one transaction each, audit rows on the case's timeline by reference.

DPA 2018 s.164A: (2) facilitate complaints, online and by other means; (3) acknowledge within 30 days; (4) without
undue delay take appropriate steps and tell the complainant the outcome; (5) the steps include enquiries and
telling the complainant about progress. The investigation starts on receipt (ICO guidance), so steps may be recorded
before the acknowledgement, and an outcome sent inside the 30 days needs no separate acknowledgement.
Errors are ``ComplaintError`` with a message fit for staff; when one is raised nothing has been saved.
"""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from pledge.casework import services as casework
from pledge.casework.models import Case, Channel, ComplaintKind, LetterDelivery
from pledge.casework.regimes import COMPLAINT_KINDS, RIGHTS_REQUEST_KINDS
from pledge.casework.states import CaseState, is_open
from pledge.complaints.letters import issue_letter, letter_text
from pledge.complaints.models import Complaint, ComplaintLetterKind, Finding, InvestigationStep, StepKind
from pledge.core.models import AuditAction


class ComplaintError(ValueError):
    """A change refused with a reason staff can act on; nothing was saved."""


def log_complaint(
    *,
    kind: ComplaintKind | str,
    channel: Channel | str,
    received_on: date,
    name: str,
    email: str = "",
    address: str = "",
    summary: str,
    wanted_outcome: str = "",
    related_reference: str = "",
    actor: Any,
) -> Complaint:
    """Log a complaint or suggestion from any channel; its acknowledgement date comes from the s.164A(3) clock."""
    if str(kind) not in COMPLAINT_KINDS:
        raise ComplaintError("Select whether this is a complaint or a suggestion")
    reference = related_reference.strip().upper()
    related = Case.objects.filter(reference=reference, kind__in=sorted(RIGHTS_REQUEST_KINDS)).first()
    try:
        with transaction.atomic():
            case = casework.open_request(
                kind=kind,
                channel=channel,
                received_on=received_on,
                requester_name=name.strip(),
                requester_email=email.strip(),
                requester_address=address.strip(),
                summary=summary.strip(),
                actor=actor,
            )
            complaint = Complaint.objects.create(
                case=case, related_reference=reference, related_case=related, wanted_outcome=wanted_outcome.strip()
            )
            if related is not None:
                casework.record_case_event(related, actor, AuditAction.UPDATE, f"Complaint {case.reference} made")
    except casework.CaseworkError as error:
        raise ComplaintError(str(error)) from None
    return complaint


def acknowledge(*, complaint: Complaint, delivery: LetterDelivery | str, actor: Any) -> Complaint:
    """Send the acknowledgement (s.164A(3)) today, by email or post; once only."""
    case = complaint.case
    if complaint.acknowledged_on is not None:
        raise ComplaintError(f"This was acknowledged on {complaint.acknowledged_on:%-d %B %Y}")
    if not is_open(case.state):
        raise ComplaintError("The outcome has been sent: it needs no separate acknowledgement")
    chosen = _delivery(case, delivery)
    today = timezone.localdate()
    text = letter_text(complaint=complaint, kind=ComplaintLetterKind.ACKNOWLEDGEMENT, today=today)
    with transaction.atomic():
        _lock(case)
        complaint.acknowledged_on = today
        complaint.save(update_fields=["acknowledged_on"])
        issue_letter(
            complaint=complaint, kind=ComplaintLetterKind.ACKNOWLEDGEMENT, delivery=chosen, text=text, actor=actor
        )
        late = " (late)" if today > case.due_on else ""
        casework.record_case_event(case, actor, AuditAction.UPDATE, f"Complaint acknowledged{late}")
    return complaint


def record_step(
    *, complaint: Complaint, kind: StepKind | str, taken_on: date, description: str, actor: Any
) -> Complaint:
    """Record one investigation step (s.164A(4)(a), (5)); the first moves the complaint into investigation."""
    case = complaint.case
    if not is_open(case.state):
        raise ComplaintError("The outcome has been sent: no more steps can be recorded")
    if not description.strip():
        raise ComplaintError("Describe the step taken")
    if taken_on < case.received_on or taken_on > timezone.localdate():
        raise ComplaintError("The date must be between the day the complaint arrived and today")
    with transaction.atomic():
        _lock(case)
        InvestigationStep.objects.create(
            complaint=complaint,
            kind=StepKind(kind),
            taken_on=taken_on,
            description=description.strip(),
            recorded_by=actor,
        )
        summary = f"Investigation step recorded: {StepKind(kind).label.lower()}"
        if case.state == CaseState.RECEIVED:
            _move(case, CaseState.IN_PROGRESS, actor=actor, summary=summary, on=taken_on)
        else:
            casework.record_case_event(case, actor, AuditAction.UPDATE, summary)
    return complaint


def send_progress_update(
    *, complaint: Complaint, message: str, delivery: LetterDelivery | str, actor: Any
) -> Complaint:
    """Tell the complainant how the investigation is going (s.164A(5)), in a letter kept with the case."""
    case = complaint.case
    if not is_open(case.state):
        raise ComplaintError("The outcome has been sent: send a letter from the case instead")
    if not message.strip():
        raise ComplaintError("Enter the update to send")
    chosen = _delivery(case, delivery)
    text = letter_text(
        complaint=complaint, kind=ComplaintLetterKind.PROGRESS, today=timezone.localdate(), message=message.strip()
    )
    with transaction.atomic():
        _lock(case)
        issue_letter(complaint=complaint, kind=ComplaintLetterKind.PROGRESS, delivery=chosen, text=text, actor=actor)
    return complaint


def send_outcome(
    *,
    complaint: Complaint,
    finding: Finding | str,
    findings: str,
    action_taken: str,
    delivery: LetterDelivery | str,
    actor: Any,
) -> Complaint:
    """Tell the complainant the outcome (s.164A(4)(b)): findings, action and the ICO route (P124)."""
    case = complaint.case
    suggestion = case.kind == ComplaintKind.SUGGESTION
    problem = _outcome_problem(
        case=case, finding=str(finding), findings=findings, action=action_taken, suggestion=suggestion
    )
    if problem:
        raise ComplaintError(problem)
    chosen = _delivery(case, delivery)
    today = timezone.localdate()
    complaint.finding = Finding.NOTED if suggestion else Finding(finding)
    complaint.findings, complaint.action_taken = findings.strip(), action_taken.strip()
    text = letter_text(
        complaint=complaint,
        kind=ComplaintLetterKind.OUTCOME,
        today=today,
        finding_label=Finding(complaint.finding).label,
    )
    with transaction.atomic():
        _lock(case)
        complaint.outcome_sent_on = today
        complaint.save(update_fields=["finding", "findings", "action_taken", "outcome_sent_on"])
        issue_letter(complaint=complaint, kind=ComplaintLetterKind.OUTCOME, delivery=chosen, text=text, actor=actor)
        case.responded_on = today
        _move(
            case, CaseState.RESPONDED, actor=actor, summary=f"Outcome sent: {complaint.get_finding_display()}", on=today
        )
    return complaint


def close_complaint(*, complaint: Complaint, actor: Any) -> Complaint:
    """Close a complaint whose outcome has been sent."""
    case = complaint.case
    if case.state != CaseState.RESPONDED:
        raise ComplaintError("Send the outcome before closing the complaint")
    today = timezone.localdate()
    case.closed_on = today
    _move(case, CaseState.CLOSED, actor=actor, summary="Complaint closed", on=today)
    return complaint


def withdraw_complaint(*, complaint: Complaint, actor: Any) -> Complaint:
    """Record that the complainant withdrew the complaint."""
    case = complaint.case
    if not is_open(case.state):
        raise ComplaintError("This complaint is no longer open")
    case.closed_on = timezone.localdate()
    _move(case, CaseState.WITHDRAWN, actor=actor, summary="Complaint withdrawn by the complainant", on=case.closed_on)
    return complaint


def record_complaint_viewed(*, complaint: Complaint, actor: Any) -> None:
    """Note that someone read the complaint, for the trail the ICO may ask for."""
    casework.record_case_event(complaint.case, actor, AuditAction.VIEW, "Complaint viewed")


def _outcome_problem(*, case: Case, finding: str, findings: str, action: str, suggestion: bool) -> str:
    if not is_open(case.state):
        return "The outcome has already been sent"
    if not suggestion and finding not in {Finding.UPHELD, Finding.PARTLY_UPHELD, Finding.NOT_UPHELD}:
        return "Select what the investigation found"
    if not suggestion and not findings.strip():
        return "Explain the findings: the complainant must be told them"
    if not action.strip():
        return "Say what we have done or will do"
    return ""


def _delivery(case: Case, delivery: LetterDelivery | str) -> LetterDelivery:
    if delivery not in (LetterDelivery.EMAIL, LetterDelivery.POST):
        raise ComplaintError("Select how the letter is sent")
    if delivery == LetterDelivery.EMAIL and not case.requester_email:
        raise ComplaintError("There is no email address for the complainant: record the letter as posted instead")
    return LetterDelivery(delivery)


def _lock(case: Case) -> None:
    Case.objects.select_for_update().filter(pk=case.pk).first()  # one change at a time per complaint


def _move(case: Case, to: CaseState, *, actor: Any, summary: str, on: date) -> None:
    try:
        casework.move_case(case=case, to=to, actor=actor, summary=summary, on=on)
    except casework.CaseworkError as error:
        raise ComplaintError(str(error)) from None
