"""DPIA staff pages: VIEW_REGISTER to read, EDIT_REGISTER to screen and assess, APPROVE_REGISTER (the DPO) to give
advice and sign off. Paths carry activity slugs and DPIA references only."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.dpia import services
from pledge.dpia.forms import AdviceForm, AssessmentForm, NewDpiaForm, RiskForm, ScreeningForm
from pledge.dpia.models import Dpia, DpiaState, ScreeningOutcome
from pledge.register.models import ProcessingActivity


@require_permission(Permission.VIEW_REGISTER)
def dpia_index(request: HttpRequest) -> HttpResponse:
    """Every DPIA, and the activities screened as needing one that have none signed off."""
    waiting = [
        activity
        for activity in ProcessingActivity.objects.filter(dpia_screenings__isnull=False).distinct()
        if services.dpia_blocker(activity)
    ]
    screened = set(ProcessingActivity.objects.filter(dpia_screenings__isnull=False).values_list("pk", flat=True))
    context = {
        "staff_section": "register",
        "dpias": Dpia.objects.prefetch_related("activities"),
        "waiting": waiting,
        "unscreened": ProcessingActivity.objects.exclude(pk__in=screened).count(),
    }
    return render(request, "dpia/index.html", context)


@require_permission(Permission.EDIT_REGISTER)
def screen_activity(request: HttpRequest, slug: str) -> HttpResponse:
    """The screening questions for one activity, with what the register already shows ticked."""
    activity = get_object_or_404(ProcessingActivity, slug=slug)
    if request.method == "POST":
        form = ScreeningForm(request.POST)
        if form.is_valid():
            screening = services.screen_activity(
                activity=activity,
                answers=form.cleaned_data["answers"],
                notes=form.cleaned_data["notes"],
                actor=request.user,
            )
            messages.success(request, f"Screened: {screening.get_outcome_display()}.")
            return redirect("register:activity", slug=slug)
    else:
        latest = services.latest_screening(activity)
        answers = latest.answers if latest else sorted(q.value for q in services.suggested_answers(activity))
        form = ScreeningForm(initial={"answers": answers})
    return render(request, "dpia/screen.html", {"staff_section": "register", "activity": activity, "form": form})


@require_permission(Permission.EDIT_REGISTER)
def new_dpia(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_object_or_404(ProcessingActivity, slug=slug)
    form = NewDpiaForm(request.POST or None, initial={"title": f"DPIA: {activity.name}"})
    if request.method == "POST" and form.is_valid():
        dpia = services.open_dpia(activity=activity, actor=request.user, **form.cleaned_data)
        messages.success(request, f"{dpia.reference} opened.")
        return redirect("dpia:dpia", reference=dpia.reference)
    return render(request, "dpia/new.html", {"staff_section": "register", "activity": activity, "form": form})


@require_permission(Permission.VIEW_REGISTER)
def dpia_detail(request: HttpRequest, reference: str) -> HttpResponse:
    return _page(request, get_object_or_404(Dpia, reference=reference))


def _page(request: HttpRequest, dpia: Dpia, failed: tuple[str, forms.Form] | None = None) -> HttpResponse:
    def form_for(name: str, make: Any) -> forms.Form:
        return failed[1] if failed and failed[0] == name else make()

    context = {
        "staff_section": "register",
        "dpia": dpia,
        "draft": dpia.state == DpiaState.DRAFT,
        "risks": list(dpia.risks.all()),
        "prior_consultation": services.prior_consultation(dpia),
        "sign_off_problems": services.sign_off_problems(dpia),
        "assessment_form": form_for(
            "assessment",
            lambda: AssessmentForm(
                initial={"necessity": dpia.necessity, "consultation": dpia.consultation, "review_on": dpia.review_on}
            ),
        ),
        "risk_form": form_for("risk", RiskForm),
        "advice_form": form_for("advice", lambda: AdviceForm(initial={"advice": dpia.dpo_advice})),
        "failed_form": failed[1] if failed else None,
        "can_edit": request.user.has_pledge_permission(Permission.EDIT_REGISTER),  # type: ignore[union-attr]
        "can_approve": request.user.has_pledge_permission(Permission.APPROVE_REGISTER),  # type: ignore[union-attr]
        "required_outcome": ScreeningOutcome.REQUIRED,
    }
    return render(request, "dpia/dpia.html", context, status=400 if failed else 200)


STEPS: dict[str, tuple[type[forms.Form], Permission]] = {
    "assessment": (AssessmentForm, Permission.EDIT_REGISTER),
    "risk": (RiskForm, Permission.EDIT_REGISTER),
    "advice": (AdviceForm, Permission.APPROVE_REGISTER),
}


@require_POST
@require_permission(Permission.EDIT_REGISTER)
def dpia_step(request: HttpRequest, reference: str, step: str) -> HttpResponse:
    """One change to a draft DPIA: the assessment text, a new risk, or (DPO only) the advice."""
    dpia = get_object_or_404(Dpia, reference=reference)
    if step not in STEPS:
        raise Http404("No such step")
    form_class, permission = STEPS[step]
    if not request.user.has_pledge_permission(permission):  # type: ignore[union-attr]
        return render(request, "core/forbidden.html", status=403)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            _apply(step, dpia, form.cleaned_data, request.user)
        except services.DpiaError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, {"assessment": "Assessment saved.", "risk": "Risk added.", "advice": "Advice recorded."}[step]
            )
            return redirect("dpia:dpia", reference=reference)
    return _page(request, dpia, failed=(step, form))


def _apply(step: str, dpia: Dpia, data: dict[str, Any], actor: Any) -> None:
    if step == "assessment":
        services.update_assessment(dpia=dpia, actor=actor, **data)
    elif step == "risk":
        services.add_risk(dpia=dpia, actor=actor, **data)
    else:
        services.record_dpo_advice(dpia=dpia, advice=data["advice"], actor=actor)


@require_POST
@require_permission(Permission.APPROVE_REGISTER)
def sign_off(request: HttpRequest, reference: str) -> HttpResponse:
    dpia = get_object_or_404(Dpia, reference=reference)
    try:
        services.sign_off_dpia(dpia=dpia, actor=request.user)
    except services.DpiaError as error:
        messages.error(request, "Not signed off: " + "; ".join(error.problems) + ".")
    else:
        messages.success(request, f"{dpia.reference} signed off.")
    return redirect("dpia:dpia", reference=reference)
