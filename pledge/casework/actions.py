"""The actions a member of staff can take on a case page: which form each needs, when it is offered, what it calls."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms

from pledge.casework import services
from pledge.casework.forms import (
    AssignForm,
    ChargeFeeForm,
    ExemptionForm,
    ExtendForm,
    OnDateForm,
    RefuseForm,
)
from pledge.casework.models import Case
from pledge.casework.record_forms import IdentityCheckForm
from pledge.casework.states import CaseState, can_move, is_open


@dataclass(frozen=True)
class CaseAction:
    title: str
    form_class: type[forms.Form]
    run: Callable[[Case, dict[str, Any], Any], Case]
    offered: Callable[[Case], bool]
    done: str  # the message shown after it worked
    form_kwargs: dict[str, Any] = field(default_factory=dict)
    initial: Callable[[Case], dict[str, Any]] = lambda case: {}
    section: str = "actions"  # the page section it appears in: "actions" or "exemptions"

    def form(self, key: str, case: Case, data: Any = None) -> forms.Form:
        """The action's form, prefixed with its key so several can share one page."""
        return self.form_class(data, prefix=key, initial=self.initial(case), **self.form_kwargs)


def _moves_to(state: CaseState) -> Callable[[Case], bool]:
    return lambda case: can_move(case.state, state)


ACTIONS: dict[str, CaseAction] = {
    "assign": CaseAction(
        title="Assign the case",
        form_class=AssignForm,
        run=lambda case, data, actor: services.assign(case=case, assignee=data["assignee"], actor=actor),
        offered=lambda case: is_open(case.state),
        done="Assignment saved.",
        initial=lambda case: {"assignee": case.assignee_id},
    ),
    "ask-for-identity": CaseAction(
        title="Ask for proof of identity or authority",
        form_class=OnDateForm,
        form_kwargs={"date_label": "Date we asked for proof"},
        run=lambda case, data, actor: services.ask_for_identity(case=case, on=data["on"], actor=actor),
        offered=_moves_to(CaseState.AWAITING_ID),
        done="Recorded: the clock starts when the proof arrives.",
    ),
    "proof-received": CaseAction(
        title="Record proof received",
        form_class=IdentityCheckForm,
        form_kwargs={"date_label": "Date the proof arrived"},
        run=lambda case, data, actor: services.record_identity_received(
            case=case,
            on=data["on"],
            method=data["method"],
            document_type=data["document_type"],
            authority_type=data["authority_type"],
            actor=actor,
        ),
        offered=lambda case: case.state == CaseState.AWAITING_ID,
        done="Proof recorded and the due date worked out again.",
    ),
    "ask-for-clarification": CaseAction(
        title="Ask for clarification",
        form_class=OnDateForm,
        form_kwargs={"date_label": "Date we asked for clarification"},
        run=lambda case, data, actor: services.ask_for_clarification(case=case, on=data["on"], actor=actor),
        offered=_moves_to(CaseState.AWAITING_CLARIFICATION),
        done="Recorded the request for clarification.",
    ),
    "clarification-received": CaseAction(
        title="Record clarification received",
        form_class=OnDateForm,
        form_kwargs={"date_label": "Date the clarification arrived"},
        run=lambda case, data, actor: services.record_clarification(case=case, on=data["on"], actor=actor),
        offered=lambda case: case.state == CaseState.AWAITING_CLARIFICATION,
        done="Clarification recorded and the due date worked out again.",
    ),
    "extend": CaseAction(
        title="Extend the deadline by two months",
        form_class=ExtendForm,
        form_kwargs={"date_label": "Date we told the requester"},
        run=lambda case, data, actor: services.extend_deadline(
            case=case, reason=data["reason"], on=data["on"], actor=actor
        ),
        offered=_moves_to(CaseState.EXTENDED),
        done="Deadline extended.",
    ),
    "respond": CaseAction(
        title="Record the response",
        form_class=OnDateForm,
        form_kwargs={"date_label": "Date the response was sent"},
        run=lambda case, data, actor: services.mark_responded(case=case, on=data["on"], actor=actor),
        # A case awaiting proof can be answered only by a refusal (Art 11(2), 12(2)).
        offered=lambda case: case.state != CaseState.AWAITING_ID and can_move(case.state, CaseState.RESPONDED),
        done="Response recorded.",
    ),
    "close": CaseAction(
        title="Close the case",
        form_class=OnDateForm,
        form_kwargs={"date_label": "Date closed"},
        run=lambda case, data, actor: services.close(case=case, on=data["on"], actor=actor),
        offered=_moves_to(CaseState.CLOSED),
        done="Case closed.",
    ),
    "withdraw": CaseAction(
        title="Record that the request was withdrawn",
        form_class=OnDateForm,
        form_kwargs={"date_label": "Date the requester withdrew it"},
        run=lambda case, data, actor: services.withdraw(case=case, on=data["on"], actor=actor),
        offered=_moves_to(CaseState.WITHDRAWN),
        done="Recorded as withdrawn.",
    ),
}


def _record_exemption(case: Case, data: dict[str, Any], actor: Any) -> Case:
    services.record_exemption(
        case=case,
        code=data["code"],
        scope=data["scope"],
        reasoning=data["reasoning"],
        on=data["on"],
        third_party_consent=data["third_party_consent"],
        reasonable_without_consent=data["reasonable_without_consent"],
        third_party_factors=data["third_party_factors"],
        professional_consulted=data["professional_consulted"],
        professional_consulted_on=data["professional_consulted_on"],
        actor=actor,
    )
    return case


def _fee_outstanding(case: Case) -> bool:
    return is_open(case.state) and case.fee_amount is not None and case.fee_received_on is None


ACTIONS.update(
    {
        "record-exemption": CaseAction(
            title="Record an exemption",
            form_class=ExemptionForm,
            form_kwargs={"date_label": "Date of the decision"},
            run=_record_exemption,
            offered=lambda case: case.state not in (CaseState.CLOSED, CaseState.WITHDRAWN),
            done="Exemption recorded.",
            section="exemptions",
        ),
        "refuse": CaseAction(
            title="Refuse the request",
            form_class=RefuseForm,
            form_kwargs={"date_label": "Date the refusal was sent"},
            run=lambda case, data, actor: services.refuse_request(
                case=case, ground=data["ground"], reasons=data["reasons"], on=data["on"], actor=actor
            ),
            offered=_moves_to(CaseState.RESPONDED),
            done="Refusal recorded.",
            section="exemptions",
        ),
        "charge-fee": CaseAction(
            title="Charge a fee",
            form_class=ChargeFeeForm,
            form_kwargs={"date_label": "Date we asked for the fee"},
            run=lambda case, data, actor: services.charge_fee(
                case=case, amount=data["amount"], reasons=data["reasons"], on=data["on"], actor=actor
            ),
            offered=lambda case: is_open(case.state) and case.fee_amount is None,
            done="Fee recorded: the clock starts when it arrives.",
            section="exemptions",
        ),
        "fee-received": CaseAction(
            title="Record the fee received",
            form_class=OnDateForm,
            form_kwargs={"date_label": "Date the fee arrived"},
            run=lambda case, data, actor: services.record_fee_received(case=case, on=data["on"], actor=actor),
            offered=_fee_outstanding,
            done="Fee recorded and the due date worked out again.",
            section="exemptions",
        ),
    }
)
