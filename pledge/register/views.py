"""Staff pages for the register: browse and search, read an activity, edit a draft, approve."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pledge.core.audit import record
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission, Role
from pledge.law.bases import LawfulBasis
from pledge.law.rights import rights_for_activity
from pledge.register import services
from pledge.register.forms import ActivityForm, ControllerForm
from pledge.register.models import Controller, ProcessingActivity, Service, Status


@require_permission(Permission.VIEW_REGISTER)
def register_index(request: HttpRequest) -> HttpResponse:
    activities = ProcessingActivity.objects.select_related("service", "retention_rule").order_by(
        "service__name", "name"
    )
    query = request.GET.get("q", "").strip()
    if query:
        activities = activities.filter(
            Q(name__icontains=query)
            | Q(service__name__icontains=query)
            | Q(slug__icontains=query)
            | Q(purposes__icontains=query)
        )
    service, basis, status = request.GET.get("service", ""), request.GET.get("basis", ""), request.GET.get("status", "")
    if service:
        activities = activities.filter(service__slug=service)
    if basis:
        activities = activities.filter(lawful_basis=basis)
    if status:
        activities = activities.filter(status=status)
    page = Paginator(activities, 40).get_page(request.GET.get("page"))
    return render(
        request,
        "register/index.html",
        {
            "staff_section": "register",
            "page": page,
            "query": query,
            "service": service,
            "basis": basis,
            "status": status,
            "services": Service.objects.order_by("name"),
            "bases": [(b.value, b.label) for b in LawfulBasis],
            "statuses": Status.choices,
            "total": activities.count(),
        },
    )


def _can_edit(user: object, activity: ProcessingActivity) -> bool:
    if not user.has_pledge_permission(Permission.EDIT_REGISTER):  # type: ignore[attr-defined]
        return False
    if user.role == Role.SERVICE_LEAD:  # type: ignore[attr-defined]
        return activity.service.leads.filter(pk=user.pk).exists()  # type: ignore[attr-defined]
    return True


@require_permission(Permission.VIEW_REGISTER)
def activity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_object_or_404(
        ProcessingActivity.objects.select_related("service__controller", "retention_rule").prefetch_related(
            "recipients", "systems", "sharing_agreements"
        ),
        slug=slug,
    )
    rights = rights_for_activity(
        basis=activity.basis,
        automated_processing=activity.automated_processing,
        direct_marketing=activity.direct_marketing,
        significant_automated_decision=activity.automated_decision,
        law_enforcement=activity.law_enforcement,
    )
    history = AuditEvent.objects.filter(object_type="activities", object_ref=activity.slug)[:20]
    return render(
        request,
        "register/activity_detail.html",
        {
            "staff_section": "register",
            "activity": activity,
            "rights": rights,
            "history": history,
            "can_edit": _can_edit(request.user, activity),
            "can_approve": request.user.has_pledge_permission(Permission.APPROVE_REGISTER),  # type: ignore[union-attr]
        },
    )


@require_permission(Permission.EDIT_REGISTER)
def activity_edit(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_object_or_404(ProcessingActivity.objects.select_related("service__controller"), slug=slug)
    if not _can_edit(request.user, activity):
        return render(request, "core/forbidden.html", status=403)
    form = ActivityForm(request.POST or None, instance=activity)
    if request.method == "POST" and form.is_valid():
        services.save_edited_activity(form=form, actor=request.user)
        messages.success(request, "Saved as a draft. Submit it for the DPO's approval when it is ready.")
        return redirect("register:activity", slug=activity.slug)
    return render(
        request, "register/activity_edit.html", {"staff_section": "register", "activity": activity, "form": form}
    )


@require_POST
@require_permission(Permission.EDIT_REGISTER)
def activity_submit(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_object_or_404(ProcessingActivity, slug=slug)
    if not _can_edit(request.user, activity):
        return render(request, "core/forbidden.html", status=403)
    services.submit_activity(activity=activity, actor=request.user)
    messages.success(request, "Sent to the Data Protection Officer for approval.")
    return redirect("register:activity", slug=slug)


@require_POST
@require_permission(Permission.APPROVE_REGISTER)
def activity_approve(request: HttpRequest, slug: str) -> HttpResponse:
    activity = get_object_or_404(ProcessingActivity, slug=slug)
    if request.POST.get("decision") == "return":
        reason = request.POST.get("reason", "").strip() or "Returned for changes"
        services.return_activity_to_draft(activity=activity, actor=request.user, reason=reason)
        messages.success(request, "Returned to draft.")
    else:
        try:
            services.approve_activity(activity=activity, actor=request.user, effective_from=timezone.localdate())
        except services.ApprovalBlocked as blocked:
            messages.error(request, "Not approved: " + "; ".join(blocked.reasons) + ".")
        else:
            messages.success(request, "Approved. Republish the notices that cover it to tell people.")
    return redirect("register:activity", slug=slug)


@require_permission(Permission.VIEW_REGISTER)
def ico_record(request: HttpRequest, fmt: str) -> HttpResponse:
    """Download the register in the ICO's record-of-processing layout."""
    import csv
    import io

    from pledge.register.ico_export import COLUMNS, ico_rows, workbook_bytes

    if fmt not in ("csv", "xlsx"):
        return HttpResponse("The record is available as .csv or .xlsx", status=404, content_type="text/plain")
    rows = ico_rows()
    record(actor=request.user, action=AuditAction.EXPORT, object_type="register", object_ref=f"ico-record.{fmt}")
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        data = io.BytesIO()
        workbook_bytes(rows, data)
        response = HttpResponse(
            data.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
    response["Content-Disposition"] = f'attachment; filename="record-of-processing.{fmt}"'
    return response


@require_permission(Permission.VIEW_REGISTER)
def transfers(request: HttpRequest) -> HttpResponse:
    """Every activity with personal data stored or sent outside the UK, and how each transfer is protected."""
    from pledge.register.transfers import transfers_outside_uk

    return render(request, "register/transfers.html", {"staff_section": "register", "rows": transfers_outside_uk()})


@require_permission(Permission.VIEW_REGISTER)
def controller_index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "register/controllers.html",
        {
            "staff_section": "register",
            "controllers": Controller.objects.order_by("kind", "name"),
            "can_edit": request.user.has_pledge_permission(Permission.APPROVE_REGISTER),  # type: ignore[union-attr]
        },
    )


@require_permission(Permission.APPROVE_REGISTER)
def controller_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Only the DPO changes contact details: they appear at once on every notice and page."""
    controller = get_object_or_404(Controller, slug=slug)
    form = ControllerForm(request.POST or None, instance=controller)
    if request.method == "POST" and form.is_valid():
        services.save_controller_details(form=form, actor=request.user)
        messages.success(request, "Saved. The new details show on every notice and page now.")
        return redirect("register:controllers")
    return render(
        request, "register/controller_edit.html", {"staff_section": "register", "controller": controller, "form": form}
    )


def _can_edit_service(user: object, service: Service) -> bool:
    return _can_edit(user, ProcessingActivity(service=service))


@require_permission(Permission.EDIT_REGISTER)
def activity_add(request: HttpRequest, service_slug: str) -> HttpResponse:
    """Add a processing activity to a service, as a draft for the DPO to approve."""
    service = get_object_or_404(Service.objects.select_related("controller"), slug=service_slug)
    if not _can_edit_service(request.user, service):
        return render(request, "core/forbidden.html", status=403)
    form = ActivityForm(request.POST or None, instance=ProcessingActivity(service=service))
    if request.method == "POST" and form.is_valid():
        activity = services.create_activity(form=form, actor=request.user)
        messages.success(request, "Added as a draft. Submit it for the DPO's approval when it is ready.")
        return redirect("register:activity", slug=activity.slug)
    return render(
        request, "register/activity_add.html", {"staff_section": "register", "service": service, "form": form}
    )
