"""Staff pages of a case's plan: the dry run listing every step with its reason, approving and carrying it out, and
closing the owners' tasks. Reading needs ``view_cases``; every change needs ``handle_cases``. URLs carry keys only.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pledge.casework.models import Case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.fulfilment.checks import FINISHED, FulfilmentError
from pledge.fulfilment.notifications import recipients_line, recipients_to_tell
from pledge.fulfilment.plan_build import build_plan, takes_plan
from pledge.fulfilment.plan_execute import complete_owner_task, execute_plan
from pledge.fulfilment.plan_forms import ApprovePlanForm, CompleteTaskForm
from pledge.fulfilment.plan_models import OwnerTask, Plan, PlanState, StepAction, StepState

STAFF_SECTION = "cases"
STATE_TAGS = {
    StepState.PLANNED: "govuk-tag--blue",
    StepState.DONE: "govuk-tag--green",
    StepState.TASK: "govuk-tag--yellow",
    StepState.FAILED: "govuk-tag--red",
    StepState.GONE: "govuk-tag--grey",
}


def current_plan(case: Case) -> Plan | None:
    """The plan the case page shows: the newest that was not replaced by another dry run."""
    return case.plans.exclude(state=PlanState.SUPERSEDED).first()  # type: ignore[attr-defined, no-any-return]


def _plan_url(case: Case) -> str:
    return reverse("plans:plan", kwargs={"pk": case.pk})


def _steps(plan: Plan) -> list[dict[str, Any]]:
    rows = []
    for step in plan.steps.all():
        rows.append(
            {
                "step": step,
                "state_class": STATE_TAGS.get(StepState(step.state), ""),
                "changes": ", ".join(sorted(step.changes)) if step.action != StepAction.ERASE else "",
            }
        )
    return rows


def _page(
    request: HttpRequest,
    case: Case,
    *,
    form: forms.Form | None = None,
    task_forms: dict[int, forms.Form] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    plan = current_plan(case)
    can_handle = request.user.has_pledge_permission(Permission.HANDLE_CASES)  # type: ignore[union-attr]
    open_case = case.state not in FINISHED
    tasks = list(plan.owner_tasks.all()) if plan else []
    forms_by_task = task_forms or {}
    context = {
        "staff_section": STAFF_SECTION,
        "case": case,
        "plan": plan,
        "applies": takes_plan(case),
        "steps": _steps(plan) if plan else [],
        "tasks": [
            {"task": t, "form": forms_by_task.get(t.pk) or (CompleteTaskForm() if can_handle else None)} for t in tasks
        ],
        "can_handle": can_handle and open_case,
        "approve_form": form
        if form is not None
        else (ApprovePlanForm(case=case) if plan and plan.state == PlanState.DRY_RUN else None),
        "error": error,
        "error_list": [{"text": error}] if error else [],
        "recipients": recipients_to_tell(case=case),
        "recipients_line": recipients_line(case=case),
    }
    return render(request, "fulfilment/plan/plan.html", context, status=status)


@require_GET
@require_permission(Permission.VIEW_CASES)
def plan_page(request: HttpRequest, pk: int) -> HttpResponse:
    """The dry run (or the executed plan): every step with its reason, the owner tasks and the Art 19 recipients."""
    return _page(request, get_object_or_404(Case, pk=pk))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def make_dry_run(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    try:
        build_plan(case=case, actor=request.user)
    except FulfilmentError as problem:
        return _page(request, case, error=str(problem), status=400)
    messages.success(request, "Dry run made: nothing has changed yet")
    return redirect(_plan_url(case))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def execute(request: HttpRequest, pk: int, plan: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    chosen = get_object_or_404(Plan, pk=plan, case=case)
    form = ApprovePlanForm(request.POST, case=case)
    needs_form = chosen.state == PlanState.DRY_RUN and form.fields
    if needs_form and not form.is_valid():
        return _page(request, case, form=form, status=400)
    data = form.cleaned_data if needs_form else {}
    try:
        execute_plan(
            plan=chosen,
            actor=request.user,
            erase_ground=data.get("erase_ground", ""),
            restriction_ground_value=data.get("restriction_ground", ""),
            restriction_scope=data.get("restriction_scope", ""),
        )
    except FulfilmentError as problem:
        if needs_form and problem.field in form.fields:
            form.add_error(problem.field, str(problem))
            return _page(request, case, form=form, status=400)
        return _page(request, case, error=str(problem), status=400)
    chosen.refresh_from_db()
    failed = chosen.steps.filter(state=StepState.FAILED).count()
    if failed:
        messages.warning(request, f"{failed} step(s) failed and changed nothing: see below, then try again")
    else:
        messages.success(request, "Plan carried out")
    return redirect(_plan_url(case))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def task_done(request: HttpRequest, pk: int, task: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    chosen = get_object_or_404(OwnerTask, pk=task, plan__case=case)
    form = CompleteTaskForm(request.POST)
    if form.is_valid():
        try:
            complete_owner_task(task=chosen, note=form.cleaned_data["note"], actor=request.user)
        except FulfilmentError as problem:
            form.add_error("note" if problem.field == "note" else None, str(problem))
        else:
            messages.success(request, f"Task for {chosen.system_name} recorded as done")
            return redirect(_plan_url(case))
    return _page(request, case, task_forms={chosen.pk: form}, status=400)
