"""Staff pages of fulfilment: the forms behind the case page's panel, the statement download, active restrictions.

A form posts to its own route; on success it goes back to the case page, on error it shows itself on a page of its
own with the GOV.UK error summary. URLs carry primary keys only.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from pledge.casework.models import Case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.core.uploads import TYPES, FileType
from pledge.fulfilment import services, steps
from pledge.fulfilment.forms import SystemFilterForm
from pledge.fulfilment.models import DecisionReview, Disagreement, Restriction

STAFF_SECTION = "cases"


def _case_page(case: Case) -> str:
    return reverse("cases:case", kwargs={"pk": case.pk}) + "#fulfilment"


def _handle(request: HttpRequest, case: Case, step: steps.Step, target: Any = None) -> HttpResponse:
    """Show ``step``'s form (GET), or run it (POST) and go back to the case page, or show it again with errors."""
    if request.method != "POST":
        form = step.form(case, target=target)
    else:
        form = step.form(case, request.POST, request.FILES, target=target)
        if form.is_valid():
            try:
                step.run(case, form.cleaned_data, request.user, target)
            except services.FulfilmentError as error:
                form.add_error(error.field if error.field in form.fields else None, str(error))
            else:
                messages.success(request, step.done)
                return redirect(_case_page(case))
    return render(
        request,
        "fulfilment/form_page.html",
        {
            "staff_section": STAFF_SECTION,
            "case": case,
            "step": step,
            "form": form,
            "action": request.path,
            "about": _describe(target),
        },
    )


def _describe(target: Any) -> str:
    """What the form acts on, for the heading of its page."""
    if isinstance(target, Restriction):
        return f"{target.system.name}, record {target.record_reference}: {target.get_ground_display()}"
    if isinstance(target, DecisionReview):
        return f"The automated decision in {target.activity.name} of {target.original_decided_on:%-d %B %Y}"
    if isinstance(target, Disagreement):
        return f"The statement of disagreement decided on {target.decided_on:%-d %B %Y}"
    return ""


def _form_route(step: steps.Step) -> Any:
    @require_http_methods(["GET", "POST"])
    @require_permission(Permission.HANDLE_CASES)
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        return _handle(request, get_object_or_404(Case, pk=pk), step)

    view.__name__ = f"{step.prefix}_form"
    return view


record_correction = _form_route(steps.CORRECTION)
record_disagreement = _form_route(steps.DISAGREEMENT)
record_erasure_outcome = _form_route(steps.ERASURE)
restrict_processing = _form_route(steps.RESTRICT)
record_recipient_notice = _form_route(steps.NOTICE)
record_objection_decision = _form_route(steps.OBJECTION)
open_decision_review = _form_route(steps.REVIEW)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDLE_CASES)
def attach_statement(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    return _handle(request, case, steps.ATTACH, get_object_or_404(Disagreement, pk=item, case=case))


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDLE_CASES)
def lift_restriction(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    return _handle(request, case, steps.LIFT, get_object_or_404(Restriction, pk=item, case=case))


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDLE_CASES)
def record_review_decision(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    """The named reviewer's form; anyone else who handles cases is shown why they cannot record it."""
    case = get_object_or_404(Case, pk=pk)
    return _handle(request, case, steps.REVIEW_DECISION, get_object_or_404(DecisionReview, pk=item, case=case))


@require_GET
@require_permission(Permission.VIEW_CASES)
def statement_file(request: HttpRequest, pk: int, item: int) -> HttpResponse:
    """The uploaded copy of a statement of disagreement, to staff who may see the case; each download audited."""
    disagreement = get_object_or_404(Disagreement, pk=item, case_id=pk)
    try:
        opened = services.open_statement_file(disagreement=disagreement, actor=request.user)
    except services.FulfilmentError:
        raise Http404("No copy of the statement was uploaded") from None
    info = TYPES[FileType(disagreement.statement_file_type)]
    with opened:
        response = HttpResponse(opened.read(), content_type=info.content_type)
    name = f"statement-of-disagreement-{disagreement.pk}{info.extensions[0]}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@require_permission(Permission.VIEW_RESTRICTIONS)
def restriction_list(request: HttpRequest) -> HttpResponse:
    """Every restriction in force, filtered by system."""
    filters = SystemFilterForm(request.GET or None)
    system = filters.cleaned_data.get("system") if filters.is_valid() else None
    found = services.active_restrictions(system=system) if not filters.errors else Restriction.objects.none()
    return render(
        request,
        "fulfilment/restrictions.html",
        {"staff_section": "restrictions", "filters": filters, "restrictions": found, "system": system},
    )
