"""Each change a member of staff can make from the fulfilment panel: its form, its service call, its message."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms

from pledge.casework.models import Case
from pledge.fulfilment import services
from pledge.fulfilment.forms import (
    AttachStatementForm,
    CorrectionForm,
    DisagreementForm,
    ErasureOutcomeForm,
    LiftRestrictionForm,
    RecipientNoticeForm,
    RestrictionForm,
)
from pledge.fulfilment.models import Disagreement, Restriction
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
        if self.form_class is RestrictionForm:
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
