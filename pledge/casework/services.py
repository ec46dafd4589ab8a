"""Every change to a case: keyword-only, one transaction each, one audit row each, dates recomputed each time.

Audit summaries name the case by reference only; the requester's details and free text stay in the case.
Errors are ``CaseworkError`` with a message fit to show to staff; when one is raised nothing has been saved.
"""

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import uuid4

from django.db import transaction
from django.utils import timezone

from pledge.casework.clock import deadline_for
from pledge.casework.footage_rules import unrecorded_footage_step
from pledge.casework.identity_rules import (
    AUTHORITY_MISSING_MESSAGE,
    attach_evidence_to,
    authority_missing,
    check_problem,
    proof_for,
)
from pledge.casework.models import (
    ACCESS_KINDS,
    Case,
    CaseKind,
    Channel,
    Clarification,
    ComplaintKind,
    ExemptionDecision,
    Proof,
    format_reference,
)
from pledge.casework.record_models import CheckMethod, IdentityCheck, SearchState
from pledge.casework.regimes import regime_for
from pledge.casework.states import CaseState, IllegalTransitionError, is_open
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.fulfilment.review_rules import unreviewed_decision_step
from pledge.law.calendar import OutsideCalendarError
from pledge.law.exemptions import REFUSAL_GROUNDS, Exemption, Needs, RefusalGround, exemption, third_party_problem

OBJECT_TYPE = "case"


class CaseworkError(ValueError):
    """A change refused with a reason staff can act on; nothing was saved."""


def open_request(
    *,
    kind: CaseKind | ComplaintKind | str,
    channel: Channel | str,
    received_on: date,
    requester_name: str,
    requester_email: str = "",
    requester_address: str = "",
    on_behalf_of: str = "",
    summary: str,
    actor: Any,
) -> Case:
    """Log a new case of any regime's kind and work out its due date from the regime's clock and the calendar."""
    try:
        regime = regime_for(kind)
    except ValueError:
        raise CaseworkError("Select what kind of request this is") from None
    _check_not_future(received_on, f"The date the {regime.noun} was received")
    case = Case(
        kind=str(kind),
        channel=Channel(channel),
        received_on=received_on,
        requester_name=requester_name,
        requester_email=requester_email,
        requester_address=requester_address,
        on_behalf_of=on_behalf_of,
        summary=summary,
    )
    _recompute(case)
    with transaction.atomic():
        case.reference = uuid4().hex[:20]  # unique placeholder until the primary key exists
        case.save()
        case.reference = format_reference(year=received_on.year, pk=case.pk, prefix=regime.reference_prefix)
        case.save(update_fields=["reference"])
        noun = regime.noun.capitalize()
        _audit(case, actor, AuditAction.CREATE, f"{noun} logged ({case.get_channel_display().lower()})")
    return case


def ask_for_identity(*, case: Case, on: date, actor: Any) -> Case:
    """Ask for proof of identity or authority: the clock has not started until it arrives (R1.2, R1.8)."""
    _check_not_before_receipt(case, on)
    return _move(case, CaseState.AWAITING_ID, actor=actor, summary="Asked for proof of identity or authority", on=on)


def record_identity_received(
    *, case: Case, on: date, actor: Any, method: CheckMethod | str, document_type: str = "", authority_type: str = ""
) -> Case:
    """Record that proof asked for arrived on ``on`` and how it was checked; the clock starts from the latest proof
    (R1.2). A request made on someone's behalf stays waiting until the proof of authority is recorded too."""
    if case.state != CaseState.AWAITING_ID:
        raise CaseworkError("This case is not waiting for proof of identity or authority")
    _check_not_before_receipt(case, on)
    _check_not_future(on, "The date the proof arrived")
    problem = check_problem(method=str(method), document_type=document_type, authority_type=authority_type)
    if problem:
        raise CaseworkError(problem[1])
    proof = proof_for(method)
    check = IdentityCheck(
        case=case,
        proof=proof,
        method=method,
        document_type=document_type,
        authority_type=authority_type,
        checked_on=on,
        checked_by=actor,
        started_clock=True,
    )
    if proof == Proof.AUTHORITY:
        case.authority_received_on = on
    else:
        case.id_received_on = on
    summary = f"{proof.label} received ({CheckMethod(method).label.lower()})"
    with transaction.atomic():
        check.save()
        attach_evidence_to(check)
        if authority_missing(case):
            return _save_still_waiting(case, actor=actor, summary=f"{summary}; still waiting for proof of authority")
        return _move(case, CaseState.IN_PROGRESS, actor=actor, summary=summary, on=on)


def _save_still_waiting(case: Case, *, actor: Any, summary: str) -> Case:
    """Save the proof's date on a case that still waits for other proof: the clock has not started (R1.8)."""
    before = {"state": case.state, "due_on": case.due_on.isoformat()}
    try:
        _recompute(case)
    except CaseworkError:
        case.refresh_from_db()
        raise
    case.save(update_fields=["id_received_on", "authority_received_on", "due_on", "extension_notice_by"])
    _audit(
        case,
        actor,
        AuditAction.UPDATE,
        summary,
        before=before,
        after={"state": case.state, "due_on": case.due_on.isoformat()},
    )
    return case


def start_work(*, case: Case, on: date, actor: Any) -> Case:
    """Move a newly received request to in progress once the council is satisfied who is asking; the due date
    does not move, since no proof was asked for (R1.2). Refused while a representative's authority is missing."""
    return _move(case, CaseState.IN_PROGRESS, actor=actor, summary="Work started", on=on)


def ask_for_clarification(*, case: Case, on: date, actor: Any) -> Case:
    """Ask what the request is about; for access requests the clock stops from today (R1.7)."""
    _check_not_before_receipt(case, on)
    with transaction.atomic():
        moved = _move(case, CaseState.AWAITING_CLARIFICATION, actor=actor, summary="Asked for clarification", on=on)
        Clarification.objects.create(case=case, asked_on=on)
    return moved


def record_clarification(*, case: Case, on: date, actor: Any) -> Case:
    """Record the requester's answer; for access requests the paused days move the due date (R1.7)."""
    open_question = case.clarifications.filter(answered_on__isnull=True).order_by("-asked_on").first()
    if open_question is None or case.state != CaseState.AWAITING_CLARIFICATION:
        raise CaseworkError("This case is not waiting for clarification")
    if on < open_question.asked_on:
        raise CaseworkError("The answer cannot arrive before the question was asked")
    _check_not_future(on, "The date the clarification arrived")
    with transaction.atomic():
        open_question.answered_on = on
        open_question.save(update_fields=["answered_on"])
        target = CaseState.EXTENDED if case.extended else CaseState.IN_PROGRESS
        return _move(case, target, actor=actor, summary="Clarification received", on=on)


def extend_deadline(*, case: Case, reason: str, actor: Any, on: date) -> Case:
    """Extend by two further months (R1.6): only for Arts 15-22 requests, and only by the extension notice date."""
    if not regime_for(case.kind).can_extend(case.kind):
        raise CaseworkError(f"A request of this kind ({case.get_kind_display().lower()}) cannot be extended")
    if case.extended:
        raise CaseworkError("This case has already been extended")
    if on > case.extension_notice_by:
        raise CaseworkError(
            f"Too late to extend: the requester had to be told by {case.extension_notice_by:%-d %B %Y} (R1.6)"
        )
    if not reason.strip():
        raise CaseworkError("Give the reason for the extension: the requester must be told it")
    case.extended = True
    case.extension_reason = reason.strip()
    return _move(case, CaseState.EXTENDED, actor=actor, summary="Deadline extended by two months", on=on)


def assign(*, case: Case, assignee: Any, actor: Any) -> Case:
    """Give the case to a member of staff, or to nobody when ``assignee`` is None."""
    if not is_open(case.state):
        raise CaseworkError("A finished case cannot be reassigned")
    with transaction.atomic():
        case.assignee = assignee
        case.save(update_fields=["assignee"])
        who = assignee.get_username() if assignee is not None else "nobody"
        _audit(case, actor, AuditAction.UPDATE, f"Assigned to {who}")
    return case


def mark_responded(*, case: Case, on: date, actor: Any) -> Case:
    """Record that the response was sent on ``on``; a case awaiting proof can only be answered by a refusal."""
    if case.state == CaseState.AWAITING_ID:
        raise CaseworkError("This case is waiting for proof of identity: record the proof, or refuse the request")
    to_do = case.search_tasks.filter(state=SearchState.TO_DO).count()
    if to_do:
        tasks = "1 search task is" if to_do == 1 else f"{to_do} search tasks are"
        raise CaseworkError(f"{tasks} still to do: record what each search found, or refuse the request")
    footage_step = unrecorded_footage_step(case)
    if footage_step:
        raise CaseworkError(footage_step)
    review_step = unreviewed_decision_step(case)  # Art 22C: a person's new decision is recorded first
    if review_step:
        raise CaseworkError(review_step)
    _check_not_before_receipt(case, on)
    case.responded_on = on
    late = " (after the due date)" if on > case.due_on else ""
    return _move(case, CaseState.RESPONDED, actor=actor, summary=f"Response sent{late}", on=on)


def close_problem(case: Case) -> str | None:
    """Why an answered access request may not close yet (promise P040): the requester must have had the response
    letter, which either goes with the copy of their data or confirms that we hold none. A refusal has its own
    letter, and a request never proved or clarified closes without one."""
    answered = case.state == CaseState.RESPONDED and case.kind in ACCESS_KINDS and not case.refusal_ground
    if answered and not case.issued_letters.filter(kind="response").exists():
        return (
            "Send the response letter before closing: it goes with the copy of the information, or says that we "
            "hold none"
        )
    return None


def close(*, case: Case, on: date, actor: Any) -> Case:
    """Close the case: after the response, or when the requester never sent proof or clarification."""
    problem = close_problem(case)
    if problem:
        raise CaseworkError(problem)
    _check_not_before_receipt(case, on)
    case.closed_on = on
    return _move(case, CaseState.CLOSED, actor=actor, summary="Case closed", on=on)


def withdraw(*, case: Case, on: date, actor: Any) -> Case:
    """Record that the requester withdrew the request."""
    _check_not_before_receipt(case, on)
    case.closed_on = on
    return _move(case, CaseState.WITHDRAWN, actor=actor, summary="Request withdrawn by the requester", on=on)


def record_exemption(
    *,
    case: Case,
    code: str,
    scope: str,
    reasoning: str,
    actor: Any,
    on: date | None = None,
    third_party_consent: str = "",
    reasonable_without_consent: bool | None = None,
    third_party_factors: str = "",
    professional_consulted: str = "",
    professional_consulted_on: date | None = None,
) -> ExemptionDecision:
    """Record that an exemption (spec §3.2) covers ``scope``, with the facts its code needs; CaseworkError if not."""
    day = on or timezone.localdate()
    chosen = exemption(code)
    if chosen is None:
        raise CaseworkError("Select an exemption from the list")
    if case.state in (CaseState.CLOSED, CaseState.WITHDRAWN):
        raise CaseworkError("Exemptions cannot be recorded on a closed or withdrawn case")
    if not scope.strip():
        raise CaseworkError("Say what information the exemption covers")
    if not reasoning.strip():
        raise CaseworkError("Give the reasoning: the exemption applies only to the extent its test is met")
    _check_not_future(day, "The date of the decision")
    _check_not_before_receipt(case, day)
    _check_exemption_facts(
        chosen,
        on=day,
        consent=third_party_consent,
        reasonable=reasonable_without_consent,
        factors=third_party_factors,
        professional=professional_consulted,
        consulted_on=professional_consulted_on,
    )
    third_party = chosen.needs == Needs.THIRD_PARTY_FACTORS
    expert = chosen.needs == Needs.PROFESSIONAL_OPINION
    decision = ExemptionDecision(
        case=case,
        code=chosen.code,
        provision=chosen.provision,
        scope=scope.strip(),
        reasoning=reasoning.strip(),
        decided_by=actor,
        decided_on=day,
        third_party_consent=third_party_consent if third_party else "",
        reasonable_without_consent=reasonable_without_consent if third_party else None,
        third_party_factors=third_party_factors.strip() if third_party else "",
        professional_consulted=professional_consulted.strip() if expert else "",
        professional_consulted_on=professional_consulted_on if expert else None,
    )
    with transaction.atomic():
        decision.save()
        _audit(case, actor, AuditAction.CREATE, f"Exemption recorded: {chosen.code} ({chosen.provision})")
    return decision


def _check_exemption_facts(
    chosen: Exemption,
    *,
    on: date,
    consent: str,
    reasonable: bool | None,
    factors: str,
    professional: str,
    consulted_on: date | None,
) -> None:
    if chosen.needs == Needs.THIRD_PARTY_FACTORS:
        problem = third_party_problem(consent=consent, reasonable_without_consent=reasonable, factors=factors)
        if problem:
            raise CaseworkError(problem)
    if chosen.needs == Needs.PROFESSIONAL_OPINION:
        if not professional.strip() or consulted_on is None:
            raise CaseworkError("Record the professional whose opinion was obtained, and the date of the opinion")
        if consulted_on > on:
            raise CaseworkError("The professional's opinion must be given before the decision")


def refuse_request(
    *, case: Case, ground: RefusalGround | str, reasons: str, actor: Any, on: date | None = None
) -> Case:
    """Refuse to act (Art 12(4)): the refusal answers the request, so the case moves to responded."""
    day = on or timezone.localdate()
    try:
        chosen = RefusalGround(ground)
    except ValueError:
        raise CaseworkError("Select the ground for refusing") from None
    if not reasons.strip():
        raise CaseworkError("Give the reasons for refusing: the requester must be told them (Art 12(4))")
    _check_not_before_receipt(case, day)
    case.refusal_ground = chosen.value
    case.refusal_reasons = reasons.strip()
    case.refused_on = day
    case.responded_on = day
    summary = f"Request refused: {REFUSAL_GROUNDS[chosen].title.lower()} ({REFUSAL_GROUNDS[chosen].provision})"
    return _move(case, CaseState.RESPONDED, actor=actor, summary=summary, on=day)


def charge_fee(*, case: Case, amount: Decimal, reasons: str, actor: Any, on: date | None = None) -> Case:
    """Ask for a reasonable fee instead of refusing (Art 12(5)(a)); the clock starts when it arrives (R1.2)."""
    day = on or timezone.localdate()
    if not is_open(case.state):
        raise CaseworkError("A fee can only be charged while the request is open")
    if case.fee_amount is not None:
        raise CaseworkError("A fee has already been charged for this request")
    if amount is None or amount <= 0:
        raise CaseworkError("Enter a fee of more than £0")
    if not reasons.strip():
        raise CaseworkError("Give the reasons for the fee: the requester must be told them")
    _check_not_future(day, "The date the fee was asked for")
    _check_not_before_receipt(case, day)
    with transaction.atomic():
        case.fee_amount = amount
        case.fee_reasons = reasons.strip()
        case.fee_requested_on = day
        case.save(update_fields=["fee_amount", "fee_reasons", "fee_requested_on"])
        _audit(case, actor, AuditAction.UPDATE, "Fee charged (Art 12(5))", after={"fee_amount": f"{amount:.2f}"})
    return case


def record_fee_received(*, case: Case, on: date, actor: Any) -> Case:
    """Record that the fee arrived on ``on``: the clock starts again from that day (R1.2, R1.10)."""
    if case.fee_amount is None:
        raise CaseworkError("No fee was charged for this request")
    if case.fee_received_on is not None:
        raise CaseworkError("The fee has already been recorded as received")
    if not is_open(case.state):
        raise CaseworkError("This request is no longer open")
    _check_not_future(on, "The date the fee arrived")
    if case.fee_requested_on and on < case.fee_requested_on:
        raise CaseworkError(f"The fee cannot arrive before it was asked for ({case.fee_requested_on:%-d %B %Y})")
    before = {"due_on": case.due_on.isoformat()}
    case.fee_received_on = on
    try:
        _recompute(case)
    except CaseworkError:
        case.refresh_from_db()
        raise
    with transaction.atomic():
        case.save(update_fields=["fee_received_on", "due_on", "extension_notice_by"])
        _audit(
            case, actor, AuditAction.UPDATE, "Fee received", before=before, after={"due_on": case.due_on.isoformat()}
        )
    return case


def record_case_viewed(*, case: Case, actor: Any) -> None:
    """Note that someone read the case, for the trail the ICO may ask for."""
    _audit(case, actor, AuditAction.VIEW, "Case viewed")


def move_case(*, case: Case, to: CaseState, actor: Any, summary: str, on: date) -> Case:
    """Move a case to ``to`` if its regime allows it, recomputing its dates, with one audit row (for regimes whose
    steps are not the rights-request ones above, such as complaints); CaseworkError and nothing saved if not."""
    return _move(case, to, actor=actor, summary=summary, on=on)


def _move(case: Case, target: CaseState, *, actor: Any, summary: str, on: date) -> Case:
    """Check the move, recompute the dates and save with an audit row; on any error reload and save nothing."""
    before = {"state": case.state, "due_on": case.due_on.isoformat() if case.due_on else None}
    try:
        _check_not_future(on, "The date")
        regime_for(case.kind).check_move(case.state, target)
        if target == CaseState.IN_PROGRESS and authority_missing(case):
            raise CaseworkError(AUTHORITY_MISSING_MESSAGE)
        case.state = target
        _recompute(case)
        with transaction.atomic():
            case.save()
            after = {"state": case.state, "due_on": case.due_on.isoformat()}
            _audit(case, actor, AuditAction.UPDATE, summary, before=before, after=after)
    except IllegalTransitionError as error:
        case.refresh_from_db()
        raise CaseworkError(str(error)) from None
    except CaseworkError:
        case.refresh_from_db()
        raise
    return case


def _recompute(case: Case) -> None:
    try:
        deadline = deadline_for(case)
    except OutsideCalendarError as error:
        raise CaseworkError(f"Cannot work out the deadline: {error}") from None
    except ValueError as error:
        raise CaseworkError(f"Cannot work out the deadline: {error}") from None
    case.due_on = deadline.due
    case.extension_notice_by = deadline.extension_notice_by


def _check_not_future(day: date, what: str) -> None:
    if day > timezone.localdate():
        raise CaseworkError(f"{what} cannot be in the future")


def _check_not_before_receipt(case: Case, day: date) -> None:
    if day < case.received_on:
        raise CaseworkError(f"The date cannot be before the request was received ({case.received_on:%-d %B %Y})")


def record_case_event(case: Case, actor: Any, action: AuditAction, summary: str, **changes: Any) -> None:
    """One row on the case's timeline (the audit trail): the reference names the case, the summary never a person."""
    record(actor=actor, action=action, object_type=OBJECT_TYPE, object_ref=case.reference, summary=summary, **changes)


_audit = record_case_event
