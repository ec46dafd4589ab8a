"""What the breach page shows: the facts, the 72-hour countdown, the recommendation and a form per step.

A refused form (matched by its prefix) is shown again with its errors in place of a blank one.
"""

from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils import timezone

from pledge.breaches.forms import ActionDoneForm, ActionForm, AssessForm, IcoDecisionForm, PeopleForm, ResponseForm
from pledge.breaches.models import Breach, BreachState, IcoDecision, PeopleDecision
from pledge.breaches.services import assessment_of, countdown_for
from pledge.law.breach import Art34Exception, communication_duty, format_moment, is_late, recommend


def _when(moment: Any) -> str:
    return format_moment(timezone.localtime(moment)) if moment else ""


def _number(n: int | None) -> str:
    return f"About {n:,}" if n is not None else "Not known yet"


def fact_rows(breach: Breach) -> list[dict[str, Any]]:
    """What happened, as summary-list rows."""
    rows = [
        {"key": "What happened", "value": breach.description},
        {"key": "Became aware", "value": _when(breach.aware_at)},
        {"key": "Happened", "value": _when(breach.occurred_at) or "Not known"},
        {"key": "Reported by", "value": f"{breach.reported_by.get_username()} on {_when(breach.reported_at)}"},
        {"key": "How it was found", "value": breach.detected_by or "Not recorded"},
        {"key": "Personal data involved", "value": breach.data_categories},
        {"key": "People affected", "value": _number(breach.people_affected)},
        {"key": "Records affected", "value": _number(breach.records_affected)},
    ]
    if breach.case_id:
        rows.append({"key": "Case", "value": breach.case.reference})  # type: ignore[union-attr]
    return rows


def decision_rows(breach: Breach) -> list[dict[str, Any]]:
    """The recorded assessment and decisions, as summary-list rows."""
    rows: list[dict[str, Any]] = []
    if breach.risk_level:
        rows.append({"key": "Risk", "value": f"{breach.get_risk_level_display()}: {breach.risk_rationale}"})
        rows.append({"key": "Likely consequences", "value": breach.likely_consequences})
    if breach.ico_decision == IcoDecision.NOTIFIED:
        value = f"Reported on {_when(breach.ico_notified_at)}, ICO reference {breach.ico_reference}"
        if breach.ico_notified_at and is_late(aware_at=breach.aware_at, notified_at=breach.ico_notified_at):
            value += f". Late: {breach.ico_delay_reasons}"
        rows.append({"key": "ICO", "value": value})
    elif breach.ico_decision == IcoDecision.NOT_NOTIFIED:
        rows.append({"key": "ICO", "value": f"Not reported: {breach.ico_reasons_not_notified}"})
    if breach.people_decision == PeopleDecision.TOLD:
        value = f"Told on {breach.people_told_at:%-d %B %Y} ({breach.people_told_how})"  # type: ignore[union-attr]
        rows.append({"key": "People affected told", "value": value})
    elif breach.people_decision == PeopleDecision.NOT_TOLD:
        why = breach.get_people_exception_display() or "the risk is not high"
        rows.append({"key": "People affected told", "value": f"Not told: {why}. {breach.people_reasons}".strip()})
    return rows


def _form(failed: forms.Form | None, prefix: str, make: Any) -> forms.Form:
    if failed is not None and failed.prefix == prefix:
        return failed
    return make(prefix=prefix)  # type: ignore[no-any-return]


def _assess_initial(breach: Breach) -> dict[str, Any]:
    return {
        "likelihood": breach.likelihood,
        "severity": breach.severity,
        "special_category": breach.special_category,
        "criminal_offence": breach.criminal_offence,
        "data_unintelligible": breach.data_unintelligible,
        "people_affected": breach.people_affected,
        "records_affected": breach.records_affected,
        "likely_consequences": breach.likely_consequences,
        "rationale": breach.risk_rationale,
    }


def _ico_initial(breach: Breach) -> dict[str, Any]:
    """The recorded ICO decision, so revising it starts from what was saved."""
    if breach.ico_decision == IcoDecision.PENDING:
        return {}
    notified = timezone.localtime(breach.ico_notified_at) if breach.ico_notified_at else None
    return {
        "notify": "yes" if breach.ico_decision == IcoDecision.NOTIFIED else "no",
        "notified_on": notified.date() if notified else None,
        "notified_time": f"{notified:%H:%M}" if notified else "",
        "reference": breach.ico_reference,
        "delay_reasons": breach.ico_delay_reasons,
        "reasons_not_notified": breach.ico_reasons_not_notified,
    }


def _people_initial(breach: Breach) -> dict[str, Any]:
    """The recorded decision on telling people, so revising it starts from what was saved."""
    if breach.people_decision == PeopleDecision.PENDING:
        return {}
    told_at = timezone.localtime(breach.people_told_at) if breach.people_told_at else None
    return {
        "told": "yes" if breach.people_decision == PeopleDecision.TOLD else "no",
        "told_on": told_at.date() if told_at else None,
        "told_how": breach.people_told_how,
        "exception": breach.people_exception,
        "reasons": breach.people_reasons,
    }


def _recommendation(breach: Breach) -> Any:
    assessment = assessment_of(breach)
    if assessment is None:
        return None
    exception = Art34Exception(breach.people_exception) if breach.people_exception else None
    return recommend(assessment, exception=exception)


def breach_page_context(
    breach: Breach, *, request: HttpRequest, failed_form: forms.Form | None = None
) -> dict[str, Any]:
    """Everything the breach page template reads."""
    open_ = breach.state != BreachState.CLOSED
    recommendation = _recommendation(breach)
    duty = communication_duty(level=recommendation.level) if recommendation else None
    actions = list(breach.actions.select_related("owner"))
    return {
        "staff_section": "breaches",
        "breach": breach,
        "open": open_,
        "failed_form": failed_form,
        "countdown": countdown_for(breach, now=timezone.now()),
        "decided": breach.ico_decision != IcoDecision.PENDING,
        "facts": fact_rows(breach),
        "decisions": decision_rows(breach),
        "recommendation": recommendation,
        "duty": duty,
        "assess_form": _form(
            failed_form, "assess", lambda prefix: AssessForm(prefix=prefix, initial=_assess_initial(breach))
        ),
        "ico_form": _form(
            failed_form, "ico", lambda prefix: IcoDecisionForm(prefix=prefix, initial=_ico_initial(breach))
        )
        if breach.risk_level
        else None,
        "people_form": _form(
            failed_form, "people", lambda prefix: PeopleForm(prefix=prefix, initial=_people_initial(breach))
        )
        if breach.risk_level
        else None,
        "response_form": _form(
            failed_form,
            "response",
            lambda prefix: ResponseForm(
                prefix=prefix, initial={"containment": breach.containment, "lessons": breach.lessons}
            ),
        ),
        "action_form": _form(failed_form, "action", ActionForm),
        "actions": [(action, _form(failed_form, f"done-{action.pk}", ActionDoneForm)) for action in actions],
    }
