"""Staff pages for messages to the DPO: a queue with reply-by dates, kept apart from rights requests (P147)."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.notices.collection import purposes_not_covered
from pledge.site.models import DpoEnquiry, EnquiryStatus
from pledge.site.services import change_enquiry_status


@require_permission(Permission.VIEW_ENQUIRIES)
def enquiry_index(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", EnquiryStatus.RECEIVED)
    enquiries = DpoEnquiry.objects.order_by("respond_by", "received_at")
    if status in EnquiryStatus.values:
        enquiries = enquiries.filter(status=status)
    page = Paginator(enquiries, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "site/staff/enquiries.html",
        {
            "staff_section": "enquiries",
            "page": page,
            "status": status,
            "statuses": EnquiryStatus.choices,
            "today": timezone.localdate(),
        },
    )


@require_permission(Permission.VIEW_ENQUIRIES)
def enquiry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    enquiry = get_object_or_404(DpoEnquiry, pk=pk)
    # Reading a person's message is itself recorded (promise P129).
    record(actor=request.user, action=AuditAction.VIEW, object_type="dpo_enquiry", object_ref=enquiry.reference)
    not_covered = (
        purposes_not_covered(shown=enquiry.notice_version, activity_slug=settings.PLEDGE_CONTACT_ACTIVITY)
        if enquiry.notice_version is not None
        else []
    )
    return render(
        request,
        "site/staff/enquiry.html",
        {
            "staff_section": "enquiries",
            "enquiry": enquiry,
            "statuses": EnquiryStatus.choices,
            "not_covered": not_covered,
        },
    )


@require_POST
@require_permission(Permission.VIEW_ENQUIRIES)
def enquiry_status(request: HttpRequest, pk: int) -> HttpResponse:
    enquiry = get_object_or_404(DpoEnquiry, pk=pk)
    status = request.POST.get("status", "")
    if status not in EnquiryStatus.values:
        messages.error(request, "Choose a status")
        return redirect("site:staff_enquiry", pk=pk)
    change_enquiry_status(
        enquiry=enquiry, status=EnquiryStatus(status), actor=request.user, note=request.POST.get("note", "")
    )
    messages.success(request, f"{enquiry.reference} is now {EnquiryStatus(status).label.lower()}.")
    return redirect("site:staff_enquiries")
