"""Staff pages for breaches: anyone reports one (REPORT_BREACH, promise P121); the DPO and IG officers work the
register (MANAGE_BREACHES). Views parse a form, call one service and redirect; a refused form is shown again on the
breach page with the GOV.UK error summary, and nothing is saved.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pledge.breaches import services
from pledge.breaches.documents import DOCUMENTS, document_blocks, document_file
from pledge.breaches.forms import (
    ActionDoneForm,
    ActionForm,
    AssessForm,
    IcoDecisionForm,
    PeopleForm,
    ReportForm,
    ResponseForm,
)
from pledge.breaches.misdirected import misdirected_initial
from pledge.breaches.models import (
    ActionKind,
    Breach,
    BreachAction,
    BreachState,
    IcoDecision,
    RiskLevelChoice,
)
from pledge.breaches.page import breach_page_context
from pledge.casework.models import Case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.law.breach import Art34Exception, Likelihood, Severity

SECTION = "breaches"
# Where each service problem is shown on its form, when the field names differ.
FIELD_FOR = {"aware_at": "aware_time", "notified_at": "notified_on", "told_at": "told_on", "rationale": "rationale"}


def _show_problems(form: forms.Form, invalid: services.BreachInvalid) -> None:
    for key, message in invalid.problems.items():
        field = FIELD_FOR.get(key, key)
        form.add_error(field if field in form.fields else None, message)


@require_permission(Permission.REPORT_BREACH)
def report(request: HttpRequest) -> HttpResponse:
    """GET: the short report form. POST: start the breach and show its reference and the 72-hour clock."""
    return _report(request, case=None)


@require_permission(Permission.REPORT_BREACH)
def report_misdirected(request: HttpRequest, case_pk: int) -> HttpResponse:
    """The report pre-filled from a case whose response went to the wrong person; the breach is linked to it."""
    if not request.user.has_pledge_permission(Permission.VIEW_CASES):  # type: ignore[union-attr]
        return render(request, "core/forbidden.html", {"staff_section": ""}, status=403)
    return _report(request, case=get_object_or_404(Case, pk=case_pk))


def _report(request: HttpRequest, *, case: Case | None) -> HttpResponse:
    initial = misdirected_initial(case) if case else None
    form = ReportForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            breach = services.report_breach(
                actor=request.user,
                description=data["description"],
                aware_at=data["aware_at"],
                data_categories=data["data_categories"],
                people_affected=data["people_affected"],
                detected_by=data["detected_by"],
                case=case,
            )
        except services.BreachInvalid as invalid:
            _show_problems(form, invalid)
        else:
            return redirect("breaches:reported", pk=breach.pk)
    context = {"staff_section": SECTION, "form": form, "case": case}
    return render(request, "breaches/report.html", context)


@require_permission(Permission.REPORT_BREACH)
def reported(request: HttpRequest, pk: int) -> HttpResponse:
    """The confirmation: the reference and the ICO countdown, for the reporter or the breach team only."""
    breach = get_object_or_404(Breach, pk=pk)
    manager = request.user.has_pledge_permission(Permission.MANAGE_BREACHES)  # type: ignore[union-attr]
    if breach.reported_by_id != request.user.pk and not manager:
        raise Http404
    context = {
        "staff_section": SECTION,
        "breach": breach,
        "countdown": services.countdown_for(breach, now=timezone.now()),
        "manager": manager,
    }
    return render(request, "breaches/reported.html", context)


FILTERS = {
    "state": BreachState,
    "risk": RiskLevelChoice,
    "ico": IcoDecision,
}


@require_permission(Permission.MANAGE_BREACHES)
def register(request: HttpRequest) -> HttpResponse:
    """The breach register: every breach ever reported (P122), filtered by state, risk level and ICO decision."""
    breaches = Breach.objects.select_related("case")
    chosen = {}
    for key, choices in FILTERS.items():
        value = request.GET.get(key, "")
        if value in choices.values:
            chosen[key] = value
    if "state" in chosen:
        breaches = breaches.filter(state=chosen["state"])
    if "risk" in chosen:
        breaches = breaches.filter(risk_level=chosen["risk"])
    if "ico" in chosen:
        breaches = breaches.filter(ico_decision=chosen["ico"])
    now = timezone.now()
    rows = [(b, services.countdown_for(b, now=now)) for b in breaches[:500]]
    filters = [
        {"name": key, "label": label, "choices": FILTERS[key].choices, "value": chosen.get(key, "")}
        for key, label in (("state", "State"), ("risk", "Risk"), ("ico", "ICO decision"))
    ]
    return render(request, "breaches/register.html", {"staff_section": SECTION, "rows": rows, "filters": filters})


@require_permission(Permission.MANAGE_BREACHES)
def breach(request: HttpRequest, pk: int) -> HttpResponse:
    """The breach page: countdown, recommendation, forms for the assessment, decisions, response and actions."""
    found = get_object_or_404(Breach, pk=pk)
    return render(request, "breaches/breach.html", breach_page_context(found, request=request))


def _post(
    form_class: type[forms.Form],
    prefix: str | Callable[[dict[str, Any]], str],
    act: Callable[[Breach, dict[str, Any], Any], object],
) -> Callable[..., HttpResponse]:
    """A POST-only view: validate ``form_class``, call ``act``; on a problem show the breach page with the errors."""

    @require_permission(Permission.MANAGE_BREACHES)
    @require_POST
    def view(request: HttpRequest, pk: int, **kwargs: Any) -> HttpResponse:
        found = get_object_or_404(Breach, pk=pk)
        form = form_class(request.POST, prefix=prefix(kwargs) if callable(prefix) else prefix)
        if form.is_valid():
            try:
                act(found, {**form.cleaned_data, **kwargs}, request.user)
            except services.BreachInvalid as invalid:
                _show_problems(form, invalid)
            else:
                return redirect("breaches:breach", pk=found.pk)
        context = breach_page_context(found, request=request, failed_form=form)
        return render(request, "breaches/breach.html", context)

    return view


def _int_or_none(value: Any) -> int | None:
    return int(value) if value is not None else None


assess = _post(
    AssessForm,
    "assess",
    lambda b, d, user: services.assess_breach(
        breach=b,
        actor=user,
        likelihood=Likelihood(d["likelihood"]),
        severity=Severity(d["severity"]),
        special_category=d["special_category"],
        criminal_offence=d["criminal_offence"],
        data_unintelligible=d["data_unintelligible"],
        people_affected=_int_or_none(d["people_affected"]),
        records_affected=_int_or_none(d["records_affected"]),
        likely_consequences=d["likely_consequences"],
        rationale=d["rationale"],
    ),
)
decide_ico = _post(
    IcoDecisionForm,
    "ico",
    lambda b, d, user: services.decide_ico(
        breach=b,
        actor=user,
        notify=d["notify"] == "yes",
        notified_at=d["notified_at"],
        reference=d["reference"],
        delay_reasons=d["delay_reasons"],
        reasons_not_notified=d["reasons_not_notified"],
    ),
)
decide_people = _post(
    PeopleForm,
    "people",
    lambda b, d, user: services.decide_people(
        breach=b,
        actor=user,
        told=d["told"] == "yes",
        told_at=d["told_at"],
        told_how=d["told_how"],
        exception=Art34Exception(d["exception"]) if d["exception"] else None,
        reasons=d["reasons"],
    ),
)
record_response = _post(
    ResponseForm,
    "response",
    lambda b, d, user: services.record_response(
        breach=b, actor=user, containment=d["containment"], lessons=d["lessons"]
    ),
)
add_action = _post(
    ActionForm,
    "action",
    lambda b, d, user: services.add_action(
        breach=b,
        actor=user,
        kind=ActionKind(d["kind"]),
        description=d["description"],
        owner=d["owner"],
        due_on=d["due_on"],
    ),
)


def _complete(found: Breach, data: dict[str, Any], user: Any) -> object:
    action = get_object_or_404(BreachAction, pk=data["action_pk"], breach=found)
    return services.complete_action(action=action, actor=user, done_on=data["done_on"])


complete_action = _post(ActionDoneForm, lambda kwargs: f"done-{kwargs['action_pk']}", _complete)


class CloseForm(forms.Form):
    """No fields: closing is one button; the service says what is still missing."""


close = _post(CloseForm, "close", lambda b, d, user: services.close_breach(breach=b, actor=user))


@require_permission(Permission.MANAGE_BREACHES)
def document(request: HttpRequest, pk: int, name: str, fmt: str) -> HttpResponse:
    """The ICO report content or the letter to the people affected, as text or PDF; each download audited."""
    found = get_object_or_404(Breach, pk=pk)
    if name not in DOCUMENTS or fmt not in ("txt", "pdf"):
        raise Http404
    content, content_type, filename = document_file(found, name, fmt)
    services.record_export(breach=found, actor=request.user, what=f"{DOCUMENTS[name][0]} downloaded ({fmt})")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_permission(Permission.MANAGE_BREACHES)
def preview(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """The document on a page, to read before downloading."""
    found = get_object_or_404(Breach, pk=pk)
    if name not in DOCUMENTS:
        raise Http404
    context = {
        "staff_section": SECTION,
        "breach": found,
        "name": name,
        "title": DOCUMENTS[name][0],
        "blocks": document_blocks(found, name),
    }
    return render(request, "breaches/document.html", context)
