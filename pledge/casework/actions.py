"""The actions a member of staff can take on a case page: which form each needs, when it is offered, what it calls."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django import forms

from pledge.casework import services
from pledge.casework.forms import AssignForm, ExtendForm, OnDateForm, ProofForm
from pledge.casework.models import Case
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
        form_class=ProofForm,
        form_kwargs={"date_label": "Date the proof arrived"},
        run=lambda case, data, actor: services.record_identity_received(
            case=case, on=data["on"], proof=data["proof"], actor=actor
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
        offered=_moves_to(CaseState.RESPONDED),
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
