"""Each change a member of staff can make from the fulfilment panel: its form, its service call, its message."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from pledge.casework.models import Case
from pledge.fulfilment import services
from pledge.fulfilment.decision_forms import DecisionReviewForm, ObjectionDecisionForm, ReviewDecisionForm
from pledge.fulfilment.forms import (
    AttachStatementForm,
    CorrectionForm,
    DisagreementForm,
    ErasureOutcomeForm,
    LiftRestrictionForm,
    RecipientNoticeForm,
    RestrictionForm,
)
from pledge.fulfilment.models import DecisionReview, Disagreement, Restriction
from pledge.register.models import Recipient

Run = Callable[[Case, dict[str, Any], Any, Any], Any]


@dataclass(frozen=True)
class Step:
    title: str  # the form's heading and button
    form_class: type[forms.Form]
    prefix: str
    run: Run  # (case, cleaned data, actor, the row acted on or None)
    done: str  # the message after it worked
    uploads: bool = False

    def form(self, case: Case, data: Any = None, files: Any = None, *, target: Any = None) -> forms.Form:
        """The step's form, prefixed (with the row's id when it acts on one) so several share the case page."""
        prefix = f"{self.prefix}-{target.pk}" if target is not None else self.prefix
        kwargs: dict[str, Any] = {"prefix": prefix}
        if self.form_class is RestrictionForm or getattr(self.form_class, "takes_case", False):
            kwargs["case"] = case
        if self.form_class is RecipientNoticeForm:
            kwargs["recipients"] = untold_recipients(case)
        if self.uploads:
            return self.form_class(data, files, **kwargs)
        return self.form_class(data, **kwargs)


def untold_recipients(case: Case) -> Any:
    """The case's recipients with nothing recorded yet, as a queryset for the form's choices."""
    untold = [row.recipient.pk for row in services.recipients_to_tell(case=case) if row.untold]
    return Recipient.objects.filter(pk__in=untold).order_by("name")


def _correction(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.record_correction(
        case=case,
        system=data["system"],
        record_reference=data["record_reference"],
        was=data["was"],
        now=data["now"],
        corrected_on=data["corrected_on"],
        actor=actor,
    )


def _disagreement(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.record_disagreement(
        case=case,
        reasons=data["reasons"],
        statement=data["statement"],
        system=data["system"],
        record_reference=data["record_reference"],
        decided_on=data["decided_on"],
        statement_file=data.get("statement_file") or None,
        actor=actor,
    )


def _attach(case: Case, data: dict[str, Any], actor: Any, target: Disagreement) -> Any:
    return services.attach_statement(
        disagreement=target,
        system=data["system"],
        record_reference=data["record_reference"],
        attached_on=data["attached_on"],
        actor=actor,
    )


def _erasure(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.record_erasure_outcome(
        case=case,
        system=data["system"],
        record_reference=data["record_reference"],
        result=data["result"],
        erase_ground=data["erase_ground"],
        keep_ground=data["keep_ground"],
        reasons=data["reasons"],
        done_on=data["done_on"],
        actor=actor,
    )


def _restrict(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.restrict_processing(
        case=case,
        system=data["system"],
        record_reference=data["record_reference"],
        ground=data["ground"],
        scope=data["scope"],
        started_on=data["started_on"],
        actor=actor,
    )


def _lift(case: Case, data: dict[str, Any], actor: Any, target: Restriction) -> Any:
    return services.lift_restriction(
        restriction=target,
        person_told_on=data["person_told_on"],
        person_told_how=data["person_told_how"],
        reasons=data["reasons"],
        lifted_on=data["lifted_on"],
        actor=actor,
    )


def _notice(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.record_recipient_notice(
        case=case,
        recipient=data["recipient"],
        outcome=data["outcome"],
        told_on=data["told_on"],
        method=data["method"],
        reasons=data["reasons"],
        actor=actor,
    )


def _objection(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.record_objection_decision(
        case=case,
        activity=data["activity"],
        outcome=data["outcome"],
        carry_on_ground=data["carry_on_ground"],
        reasons=data["reasons"],
        how_stopped=data["how_stopped"],
        decided_on=data["decided_on"],
        actor=actor,
    )


def _review(case: Case, data: dict[str, Any], actor: Any, target: Any) -> Any:
    return services.open_decision_review(
        case=case,
        activity=data["activity"],
        original_decided_on=data["original_decided_on"],
        original_outcome=data["original_outcome"],
        original_inputs=data["original_inputs"],
        exception=data["exception"],
        exception_law=data["exception_law"],
        persons_view=data["persons_view"],
        reviewer=data["reviewer"],
        actor=actor,
    )


def _review_decision(case: Case, data: dict[str, Any], actor: Any, target: DecisionReview) -> Any:
    return services.record_review_decision(
        review=target,
        result=data["result"],
        new_decision=data["new_decision"],
        reasons=data["reasons"],
        decided_on=data["decided_on"],
        actor=actor,
    )


CORRECTION = Step("Record a correction", CorrectionForm, "correction", _correction, "Correction recorded.")
DISAGREEMENT = Step(
    "Record that the council disagrees",
    DisagreementForm,
    "disagreement",
    _disagreement,
    "Disagreement recorded and the statement attached.",
    uploads=True,
)
ATTACH = Step("Attach the statement to another record", AttachStatementForm, "attach", _attach, "Statement attached.")
ERASURE = Step("Record an erasure outcome", ErasureOutcomeForm, "erasure", _erasure, "Erasure outcome recorded.")
RESTRICT = Step("Restrict a record", RestrictionForm, "restriction", _restrict, "Restriction recorded.")
LIFT = Step("Lift the restriction", LiftRestrictionForm, "lift", _lift, "Restriction lifted.")
NOTICE = Step("Record telling a recipient", RecipientNoticeForm, "recipient", _notice, "Recorded for the recipient.")
OBJECTION = Step(
    "Record an objection decision", ObjectionDecisionForm, "objection", _objection, "Objection decision recorded."
)
REVIEW = Step("Set up a review of the decision", DecisionReviewForm, "review", _review, "Review set up.")
REVIEW_DECISION = Step(
    "Record the review decision", ReviewDecisionForm, "decision", _review_decision, "Review decision recorded."
)
