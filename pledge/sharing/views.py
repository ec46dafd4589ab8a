"""Sharing-agreement pages (VIEW_REGISTER). Agreements are edited as register YAML or through its import."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.register.models import SharingAgreement
from pledge.sharing import services


@require_permission(Permission.VIEW_REGISTER)
def agreement_index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "staff_section": "register",
        "rows": services.agreement_rows(today=today),
        "uncovered": services.uncovered_activities(today=today),
    }
    return render(request, "sharing/index.html", context)


@require_permission(Permission.VIEW_REGISTER)
def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agreement = get_object_or_404(SharingAgreement.objects.prefetch_related("recipients", "activities"), slug=slug)
    row = services.AgreementRow(agreement, services.status_of(agreement, today=timezone.localdate()))
    return render(request, "sharing/agreement.html", {"staff_section": "register", "row": row, "agreement": agreement})
