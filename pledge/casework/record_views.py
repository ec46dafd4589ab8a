"""Staff views for the records on a case: identity checks, evidence, attachments, notes and search tasks.

Each write is a POST from a form on the case page; a refused form shows the case page again with its error summary.
Files are downloaded only here, with an audit row, as attachments under their cleaned original names.
"""

from collections.abc import Callable
from typing import IO, Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pledge.casework import attachments, identity, notes, search_tasks, services
from pledge.casework.models import Case
from pledge.casework.record_forms import (
    AttachmentForm,
    EvidenceForm,
    IdentityCheckForm,
    NoteForm,
    SearchResultForm,
    SearchTaskForm,
)
from pledge.casework.record_models import CaseAttachment, IdentityEvidence, SearchTask
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.views import _render_case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.core.uploads import UploadRejectedError

# The prefix of each form on the case page, which is also how the page finds a refused form to show again.
PREFIXES = {
    "identity_check": "identity-check",
    "evidence": "evidence",
    "attachment": "attachment",
    "note": "note",
    "search_task": "search-task",
}


def _submit(
    request: HttpRequest,
    case: Case,
    form: forms.Form,
    run: Callable[[dict[str, Any]], Any],
    done: str,
    anchor: str,
) -> HttpResponse:
    """Run ``run`` with the form's data when it is valid; otherwise, or when the service refuses, show the case
    page again with the form's errors. Nothing is saved on a refusal."""
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except (services.CaseworkError, UploadRejectedError) as error:
            field = "file" if isinstance(error, UploadRejectedError) else None
            form.add_error(field, str(error))
        else:
            messages.success(request, done)
            return redirect(f"{case_url(case)}#{anchor}")
    return _render_case(request, case, failed=(form.prefix or "", form))


def _refused(request: HttpRequest, case: Case, message: str) -> HttpResponse:
    """The case page with ``message`` in its error summary, for a button that sends no fields."""
    form = forms.Form({}, prefix="refused")
    form.is_valid()
    form.add_error(None, message)
    return _render_case(request, case, failed=("refused", form))


def case_url(case: Case) -> str:
    return reverse("cases:case", kwargs={"pk": case.pk})


@require_POST
@require_permission(Permission.HANDLE_CASES)
def record_identity_check(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    form = IdentityCheckForm(request.POST, prefix=PREFIXES["identity_check"], date_label="Date of the check")
    return _submit(
        request,
        case,
        form,
        lambda data: identity.record_identity_check(
            case=case,
            on=data["on"],
            method=data["method"],
            document_type=data["document_type"],
            authority_type=data["authority_type"],
            actor=request.user,
        ),
        "Identity check recorded.",
        "identity",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    form = EvidenceForm(request.POST, request.FILES, prefix=PREFIXES["evidence"])
    return _submit(
        request,
        case,
        form,
        lambda data: identity.add_evidence(case=case, proof=data["proof"], upload=data["file"], actor=request.user),
        "Evidence uploaded.",
        "identity",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def delete_evidence(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    evidence = get_object_or_404(IdentityEvidence, pk=evidence_pk, case=case)
    try:
        identity.delete_evidence_now(evidence=evidence, actor=request.user)
    except services.CaseworkError as error:
        return _refused(request, case, str(error))
    messages.success(request, "Evidence deleted. The record that it was held stays on the case.")
    return redirect(f"{case_url(case)}#identity")


@require_GET
@require_permission(Permission.HANDLE_CASES)
def download_evidence(request: HttpRequest, pk: int, evidence_pk: int) -> HttpResponse:
    evidence = get_object_or_404(IdentityEvidence.objects.select_related("case"), pk=evidence_pk, case_id=pk)
    try:
        stream = identity.open_evidence(evidence=evidence, actor=request.user)
    except services.CaseworkError:
        raise Http404("The evidence has been deleted") from None
    return _file_response(stream, name=evidence.original_name, content_type=evidence.content_type)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_attachment(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    form = AttachmentForm(request.POST, request.FILES, prefix=PREFIXES["attachment"])
    return _submit(
        request,
        case,
        form,
        lambda data: attachments.add_attachment(case=case, kind=data["kind"], upload=data["file"], actor=request.user),
        "Document attached.",
        "attachments",
    )


@require_GET
@require_permission(Permission.VIEW_CASES)
def download_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    attachment = get_object_or_404(CaseAttachment.objects.select_related("case"), pk=attachment_pk, case_id=pk)
    stream = attachments.open_attachment(attachment=attachment, actor=request.user)
    return _file_response(stream, name=attachment.original_name, content_type=attachment.content_type)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_note(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    form = NoteForm(request.POST, prefix=PREFIXES["note"])
    return _submit(
        request,
        case,
        form,
        lambda data: notes.add_note(case=case, text=data["text"], actor=request.user),
        "Note added.",
        "notes",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def create_search_tasks(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    try:
        created = search_tasks.create_search_tasks_from_activities(case=case, actor=request.user)
    except services.CaseworkError as error:
        return _refused(request, case, str(error))
    added = f"{len(created)} search task{'' if len(created) == 1 else 's'} created"
    messages.success(request, f"{added}." if created else "Every system of the activities already has a task.")
    return redirect(f"{case_url(case)}#searches")


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_search_task(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    form = SearchTaskForm(request.POST, prefix=PREFIXES["search_task"])
    return _submit(
        request,
        case,
        form,
        lambda data: search_tasks.add_search_task(
            case=case, service=data["service"], system=data["system"], assignee=data["assignee"], actor=request.user
        ),
        "Search task added.",
        "searches",
    )


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDLE_CASES)
def search_task(request: HttpRequest, pk: int, task_pk: int) -> HttpResponse:
    task = get_object_or_404(SearchTask.objects.select_related("case", "assignee"), pk=task_pk, case_id=pk)
    initial = {"state": task.state, "note": task.note, "assignee": task.assignee_id}
    form = SearchResultForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            search_tasks.record_search(
                task=task,
                state=form.cleaned_data["state"],
                note=form.cleaned_data["note"],
                assignee=form.cleaned_data["assignee"],
                actor=request.user,
            )
        except services.CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Search of {task.label} saved.")
            return redirect(f"{case_url(task.case)}#searches")
    return render(
        request, "casework/search_task.html", {"staff_section": "cases", "case": task.case, "task": task, "form": form}
    )


def _file_response(stream: IO[bytes], *, name: str, content_type: str) -> HttpResponse:
    """The file as a download under its cleaned original name; never shown inline, never cached."""
    with stream:
        response = HttpResponse(stream.read(), content_type=content_type)  # at most PLEDGE_MAX_UPLOAD_BYTES
    response["Content-Disposition"] = content_disposition_header(True, name or "file") or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
