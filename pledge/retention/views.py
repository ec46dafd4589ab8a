"""Retention staff pages: the dashboard, the disposal queue and its approvals, runs, owners' tasks and certificates.
VIEW_RETENTION to read; MANAGE_RETENTION to start runs, approve batches and complete tasks. Paths carry ids only."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.retention import certificates
from pledge.retention.dashboard import dashboard_figures
from pledge.retention.execution import DisposalError, approve_batch, complete_task
from pledge.retention.forms import ApproveBatchForm, CompleteTaskForm, StartRunForm
from pledge.retention.models import (
    BatchState,
    DisposalBatch,
    DisposalCertificate,
    DisposalRun,
    DisposalTask,
    LegalHold,
    TaskState,
)
from pledge.retention.runs import queue_run, run_in_progress
from pledge.retention.sweep import RunRefused, load_configs

SECTION = "retention"


def _can_manage(request: HttpRequest) -> bool:
    return bool(request.user.has_pledge_permission(Permission.MANAGE_RETENTION))  # type: ignore[union-attr]


@require_permission(Permission.VIEW_RETENTION)
def retention_dashboard(request: HttpRequest) -> HttpResponse:
    figures = dashboard_figures(today=timezone.localdate())
    return render(request, "retention/dashboard.html", {"staff_section": SECTION, "figures": figures})


def _hold_reasons(batch: DisposalBatch, holds: dict[int, LegalHold]) -> list[dict[str, Any]]:
    rows = []
    for hold_id, count in batch.held_by.items():
        hold = holds.get(int(hold_id))
        rows.append({"hold": hold, "hold_id": hold_id, "count": count})
    return rows


@require_permission(Permission.VIEW_RETENTION)
def disposal_queue(request: HttpRequest) -> HttpResponse:
    """What is due per table and rule, held records with the hold's reason, approved batches and owners' tasks."""
    batches = list(
        DisposalBatch.objects.filter(state__in=[BatchState.DUE, BatchState.APPROVED, BatchState.SKIPPED])
        .select_related("rule")
        .order_by("state", "-overdue_count", "system", "table")
    )
    holds = {hold.pk: hold for hold in LegalHold.objects.all()}
    context = {
        "staff_section": SECTION,
        "due": [(b, _hold_reasons(b, holds)) for b in batches if b.state == BatchState.DUE],
        "approved": [b for b in batches if b.state == BatchState.APPROVED],
        "skipped": [b for b in batches if b.state == BatchState.SKIPPED],
        "tasks": DisposalTask.objects.filter(state=TaskState.OPEN).select_related("batch"),
        "can_manage": _can_manage(request),
        "last_run": DisposalRun.objects.filter(dry_run=False).first(),
    }
    return render(request, "retention/queue.html", context)


def _batch_page(request: HttpRequest, batch: DisposalBatch, form: ApproveBatchForm | None = None) -> HttpResponse:
    holds = {hold.pk: hold for hold in LegalHold.objects.all()}
    context = {
        "staff_section": SECTION,
        "batch": batch,
        "held": _hold_reasons(batch, holds),
        "approvals": batch.approvals.select_related("approved_by"),
        "form": form or ApproveBatchForm(),
        "can_approve": _can_manage(request) and batch.state == BatchState.DUE and batch.due_count > 0,
        "certificate": DisposalCertificate.objects.filter(batch=batch).first(),
        "task": DisposalTask.objects.filter(batch=batch).first(),
    }
    return render(request, "retention/batch.html", context, status=400 if form is not None else 200)


@require_permission(Permission.VIEW_RETENTION)
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _batch_page(request, get_object_or_404(DisposalBatch.objects.select_related("rule"), pk=pk))


@require_POST
@require_permission(Permission.MANAGE_RETENTION)
def batch_approve(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(DisposalBatch.objects.select_related("rule"), pk=pk)
    form = ApproveBatchForm(request.POST)
    if form.is_valid():
        try:
            approve_batch(batch=batch, actor=request.user, note=form.cleaned_data["note"])
        except DisposalError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Approved: the next run will dispose of {batch.due_count:,} record(s).")
            return redirect("retention:batch", pk=pk)
    return _batch_page(request, batch, form)


def _system_choices() -> list[tuple[str, str]]:
    try:
        return [(config.slug, config.name) for config in load_configs()]
    except RunRefused:
        return []


@require_permission(Permission.VIEW_RETENTION)
def run_index(request: HttpRequest) -> HttpResponse:
    """Recent runs, the one in progress, and (MANAGE_RETENTION) the form to start one."""
    form = StartRunForm(request.POST or None, systems=_system_choices())
    status = 200
    if request.method == "POST":
        if not _can_manage(request):
            return render(request, "core/forbidden.html", {"staff_section": SECTION}, status=403)
        if form.is_valid():
            try:
                run = queue_run(
                    actor=request.user, dry_run=form.cleaned_data["dry_run"], system=form.cleaned_data["system"]
                )
            except RunRefused as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, f"Disposal run {run.pk} is queued for the background worker.")
                return redirect("retention:run", pk=run.pk)
        status = 400
    context = {
        "staff_section": SECTION,
        "form": form,
        "runs": DisposalRun.objects.select_related("started_by")[:20],
        "busy": run_in_progress(),
        "can_manage": _can_manage(request),
    }
    return render(request, "retention/runs.html", context, status=status)


@require_permission(Permission.VIEW_RETENTION)
def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = get_object_or_404(DisposalRun, pk=pk)
    return render(request, "retention/run.html", {"staff_section": SECTION, "run": run})


@require_permission(Permission.VIEW_RETENTION)
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(DisposalTask.objects.select_related("batch"), pk=pk)
    form = CompleteTaskForm(request.POST or None)
    if request.method == "POST":
        if not _can_manage(request):
            return render(request, "core/forbidden.html", {"staff_section": SECTION}, status=403)
        if form.is_valid():
            try:
                certificate = complete_task(task=task, note=form.cleaned_data["note"], actor=request.user)
            except DisposalError as error:
                form.add_error("note" if error.field else None, str(error))
            else:
                messages.success(request, f"Task done: certificate {certificate.reference} written.")
                return redirect("retention:certificate", reference=certificate.reference)
    context = {"staff_section": SECTION, "task": task, "form": form, "can_manage": _can_manage(request)}
    return render(request, "retention/task.html", context, status=400 if form.errors else 200)


@require_permission(Permission.VIEW_RETENTION)
def certificate_index(request: HttpRequest) -> HttpResponse:
    context = {"staff_section": SECTION, "certificates": DisposalCertificate.objects.select_related("approved_by")}
    return render(request, "retention/certificates.html", context)


@require_permission(Permission.VIEW_RETENTION)
def certificate_detail(request: HttpRequest, reference: str) -> HttpResponse:
    certificate = get_object_or_404(DisposalCertificate.objects.select_related("approved_by"), reference=reference)
    context = {"staff_section": SECTION, "certificate": certificate, "facts": certificates.facts(certificate)}
    return render(request, "retention/certificate.html", context)


@require_permission(Permission.VIEW_RETENTION)
def certificate_file(request: HttpRequest, reference: str, fmt: str) -> HttpResponse:
    certificate = get_object_or_404(DisposalCertificate.objects.select_related("approved_by"), reference=reference)
    if fmt == "csv":
        response = HttpResponse(certificates.certificate_csv(certificate), content_type="text/csv; charset=utf-8")
    elif fmt == "pdf":
        response = HttpResponse(certificates.certificate_pdf(certificate), content_type="application/pdf")
    else:
        raise Http404("No such format")
    response["Content-Disposition"] = f'attachment; filename="{certificate.reference}.{fmt}"'
    return response
