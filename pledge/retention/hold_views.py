"""Legal-hold staff pages: list, place, review and lift (VIEW_RETENTION to read, MANAGE_RETENTION to change).

A hold's identifiers are personal data: they are shown on the hold's own page to staff who may see holds, and never
put in a URL, a message banner or an audit row (the services write "Legal hold 4 placed (a person's email)")."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from pledge.casework.models import Case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.retention.forms import LiftHoldForm, PlaceHoldForm, ReviewHoldForm
from pledge.retention.models import LegalHold
from pledge.retention.services import LegalHoldError, lift_legal_hold, place_legal_hold, review_legal_hold

SECTION = "retention"


@require_permission(Permission.VIEW_RETENTION)
def hold_index(request: HttpRequest) -> HttpResponse:
    holds = LegalHold.objects.select_related("case", "system", "placed_by")
    context = {
        "staff_section": SECTION,
        "active": [hold for hold in holds if hold.active],
        "lifted": [hold for hold in holds if not hold.active],
        "today": timezone.localdate(),
        "can_manage": request.user.has_pledge_permission(Permission.MANAGE_RETENTION),  # type: ignore[union-attr]
        "new_hold_url": reverse("retention:hold_new"),
    }
    return render(request, "retention/holds.html", context)


def _place(form: PlaceHoldForm, actor: Any) -> LegalHold:
    data = form.cleaned_data
    case = None
    if data["case_reference"].strip():
        case = Case.objects.filter(reference__iexact=data["case_reference"].strip()).first()
        if case is None:
            raise LegalHoldError("No case has that reference", field="case_reference")
    return place_legal_hold(
        reason=data["reason"],
        review_on=data["review_on"],
        actor=actor,
        case=case,
        system=data["system"],
        record_refs=data["record_refs"].splitlines(),
        person_identifiers={name: data[name] for name in PlaceHoldForm.IDENTIFIERS if data[name]},
    )


@require_permission(Permission.MANAGE_RETENTION)
def hold_new(request: HttpRequest) -> HttpResponse:
    form = PlaceHoldForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            hold = _place(form, request.user)
        except LegalHoldError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
        else:
            messages.success(
                request, f"Legal hold {hold.pk} placed: disposal and erasure of its records are suspended."
            )
            return redirect("retention:hold", pk=hold.pk)
    status = 400 if form.errors else 200
    return render(request, "retention/hold_new.html", {"staff_section": SECTION, "form": form}, status=status)


@require_permission(Permission.VIEW_RETENTION)
def hold_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The hold, and (MANAGE_RETENTION) the forms to record a review that keeps it, or to lift it."""
    hold = get_object_or_404(LegalHold.objects.select_related("case", "system", "placed_by", "lifted_by"), pk=pk)
    step = request.POST.get("step", "lift")
    lift_form = LiftHoldForm(request.POST if request.method == "POST" and step == "lift" else None)
    review_form = ReviewHoldForm(request.POST if request.method == "POST" and step == "review" else None)
    if request.method == "POST":
        if not request.user.has_pledge_permission(Permission.MANAGE_RETENTION):  # type: ignore[union-attr]
            return render(request, "core/forbidden.html", {"staff_section": SECTION}, status=403)
        form = review_form if step == "review" else lift_form
        if form.is_valid():
            try:
                done = _change(hold, step, form.cleaned_data, request.user)
            except LegalHoldError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(request, done)
                return redirect("retention:hold", pk=hold.pk)
    context = {
        "staff_section": SECTION,
        "hold": hold,
        "form": lift_form,
        "review_form": review_form,
        "today": timezone.localdate(),
        "can_manage": request.user.has_pledge_permission(Permission.MANAGE_RETENTION),  # type: ignore[union-attr]
    }
    failed = lift_form.errors or review_form.errors
    return render(request, "retention/hold.html", context, status=400 if failed else 200)


def _change(hold: LegalHold, step: str, data: dict[str, Any], actor: Any) -> str:
    if step == "review":
        review_legal_hold(hold=hold, review_on=data["review_on"], notes=data["notes"], actor=actor)
        return f"Legal hold {hold.pk} kept: next review by {data['review_on']:%-d %B %Y}."
    lift_legal_hold(hold=hold, reasons=data["reasons"], actor=actor)
    return f"Legal hold {hold.pk} lifted: its records fall back under their rules."
