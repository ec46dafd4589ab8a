"""Complaint pages: the public form at /complain/ and the staff list, intake and complaint page.

Staff URLs carry the case's primary key only, never a name or reference; the public confirmation carries the
complaint's id signed, so nobody can step through other people's confirmations.
"""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pledge.casework.models import Channel, ComplaintKind
from pledge.complaints import services
from pledge.complaints.dashboard import dashboard_figures
from pledge.complaints.forms import (
    AcknowledgeForm,
    OutcomeForm,
    ProgressForm,
    PublicComplaintForm,
    StaffComplaintForm,
    StepForm,
)
from pledge.complaints.models import Complaint
from pledge.complaints.page import complaint_page_context, complaint_rows
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.site.contacts import dpo_contact

CONFIRMATION_SALT = "pledge.complaints.confirmation"
CONFIRMATION_MAX_AGE_SECONDS = 24 * 3600
PUBLIC_ACTOR = "online complaint form"


@require_http_methods(["GET", "POST"])
def complain(request: HttpRequest) -> HttpResponse:
    form = PublicComplaintForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.log_complaint(
                kind=data["kind"],
                channel=Channel.WEB,
                received_on=timezone.localdate(),
                name=data["name"],
                email=data["email"],
                address=data["address"],
                summary=data["what_happened"],
                wanted_outcome=data["wanted_outcome"],
                related_reference=data["related_reference"],
                actor=PUBLIC_ACTOR,
            )
        except services.ComplaintError as error:
            form.add_error(None, str(error))
        else:
            token = signing.dumps(complaint.pk, salt=CONFIRMATION_SALT)
            return redirect(f"{reverse('complaints:sent')}?{urlencode({'complaint': token})}")
    return render(request, "complaints/complain.html", {"form": form, "dpo": dpo_contact()})


@require_GET
def complaint_sent(request: HttpRequest) -> HttpResponse:
    try:
        complaint_id = signing.loads(
            request.GET.get("complaint", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE_SECONDS
        )
    except signing.BadSignature:
        return redirect("complaints:complain")
    complaint = Complaint.objects.select_related("case").filter(pk=complaint_id).first()
    if complaint is None:
        raise Http404("No such complaint")
    panel_html = format_html("Your reference number<br><strong>{}</strong>", complaint.case.reference)
    suggestion = complaint.case.kind == ComplaintKind.SUGGESTION
    return render(
        request, "complaints/sent.html", {"complaint": complaint, "panel_html": panel_html, "suggestion": suggestion}
    )


@require_GET
@require_permission(Permission.VIEW_CASES)
def complaint_index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {"staff_section": "complaints", "figures": dashboard_figures(today=today), **complaint_rows(today=today)}
    return render(request, "complaints/index.html", context)


@require_http_methods(["GET", "POST"])
@require_permission(Permission.HANDLE_CASES)
def new_complaint(request: HttpRequest) -> HttpResponse:
    form = StaffComplaintForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            complaint = services.log_complaint(
                kind=data["kind"],
                channel=data["channel"],
                received_on=data["received_on"],
                name=data["name"],
                email=data["email"],
                address=data["address"],
                summary=data["summary"],
                wanted_outcome=data["wanted_outcome"],
                related_reference=data["related_reference"],
                actor=request.user,
            )
        except services.ComplaintError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Logged with reference {complaint.case.reference}.")
            return redirect("complaints:complaint", pk=complaint.case_id)
    return render(request, "complaints/new.html", {"staff_section": "complaints", "form": form})


@require_GET
@require_permission(Permission.VIEW_CASES)
def complaint_detail(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = _complaint(pk)
    services.record_complaint_viewed(complaint=complaint, actor=request.user)
    return _render(request, complaint)


ACTION_FORMS: dict[str, type[forms.Form]] = {
    "acknowledge": AcknowledgeForm,
    "step": StepForm,
    "progress": ProgressForm,
    "outcome": OutcomeForm,
}


@require_POST
@require_permission(Permission.HANDLE_CASES)
def complaint_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    complaint = _complaint(pk)
    if action in ("close", "withdraw"):
        return _simple_action(request, complaint, action)
    form_class = ACTION_FORMS.get(action)
    if form_class is None:
        raise Http404("No such action")
    if form_class is OutcomeForm:
        form: forms.Form = OutcomeForm(
            request.POST, prefix=action, suggestion=complaint.case.kind == ComplaintKind.SUGGESTION
        )
    else:
        form = form_class(request.POST, prefix=action)
    if form.is_valid():
        try:
            _apply(action, complaint, form.cleaned_data, request.user)
        except services.ComplaintError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, DONE[action])
            return redirect("complaints:complaint", pk=complaint.case_id)
    return _render(request, _complaint(pk), failed={action: form}, status=400)


DONE = {
    "acknowledge": "Acknowledgement sent.",
    "step": "Step recorded.",
    "progress": "Progress update sent.",
    "outcome": "Outcome sent.",
    "close": "Complaint closed.",
    "withdraw": "Complaint recorded as withdrawn.",
}


def _apply(action: str, complaint: Complaint, data: dict[str, Any], actor: Any) -> None:
    if action == "acknowledge":
        services.acknowledge(complaint=complaint, delivery=data["delivery"], actor=actor)
    elif action == "step":
        services.record_step(
            complaint=complaint,
            kind=data["kind"],
            taken_on=data["taken_on"],
            description=data["description"],
            actor=actor,
        )
    elif action == "progress":
        services.send_progress_update(
            complaint=complaint, message=data["message"], delivery=data["delivery"], actor=actor
        )
    else:
        services.send_outcome(
            complaint=complaint,
            finding=data.get("finding", ""),
            findings=data.get("findings", ""),
            action_taken=data["action_taken"],
            delivery=data["delivery"],
            actor=actor,
        )


def _simple_action(request: HttpRequest, complaint: Complaint, action: str) -> HttpResponse:
    try:
        if action == "close":
            services.close_complaint(complaint=complaint, actor=request.user)
        else:
            services.withdraw_complaint(complaint=complaint, actor=request.user)
    except services.ComplaintError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, DONE[action])
    return redirect("complaints:complaint", pk=complaint.case_id)


def _complaint(pk: int) -> Complaint:
    return get_object_or_404(Complaint.objects.select_related("case", "case__assignee", "related_case"), case_id=pk)


def _render(
    request: HttpRequest, complaint: Complaint, *, failed: dict[str, forms.Form] | None = None, status: int = 200
) -> HttpResponse:
    context = complaint_page_context(complaint=complaint, today=timezone.localdate(), failed=failed or {})
    return render(request, "complaints/complaint.html", {"staff_section": "complaints", **context}, status=status)
