"""Staff sign-in and sign-out, the dashboard and the audit log."""

from django.contrib.auth import login, logout
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from pledge.core.audit import record
from pledge.core.dashboard import dashboard_figures
from pledge.core.forms import SignInForm
from pledge.core.governance import sections_for
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.panels import panels_for
from pledge.core.permissions import require_permission, require_staff
from pledge.core.roles import Permission
from pledge.core.sessions import apply_session_lifetime, expire_login_cookies, send_login_cookie


def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        login(request, user)
        apply_session_lifetime(request, remember_me=form.cleaned_data["remember_me"])
        record(actor=user, action=AuditAction.LOGIN, object_type="session", object_ref=user.get_username())
        target = request.POST.get("next") or request.GET.get("next") or "/staff/"
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = "/staff/"
        return send_login_cookie(request, redirect(target))
    return render(request, "core/sign_in.html", {"form": form, "next": request.GET.get("next", "")})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Sign-out ends the session and deletes the cookie (a seed-notice promise)."""
    if request.user.is_authenticated:
        record(
            actor=request.user, action=AuditAction.LOGOUT, object_type="session", object_ref=request.user.get_username()
        )
    logout(request)
    return expire_login_cookies(redirect("core:signed_out"))


def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "core/signed_out.html")


@require_staff
def dashboard(request: HttpRequest) -> HttpResponse:
    panels = panels_for(role=getattr(request.user, "role", None), today=timezone.localdate())
    context = {"staff_section": "dashboard", "figures": dashboard_figures(), "panels": panels}
    return render(request, "core/dashboard.html", context)


@require_staff
def governance(request: HttpRequest) -> HttpResponse:
    sections = sections_for(getattr(request.user, "role", None))
    return render(request, "core/governance.html", {"staff_section": "governance", "sections": sections})


@require_permission(Permission.VIEW_AUDIT_LOG)
def audit_log(request: HttpRequest) -> HttpResponse:
    events = AuditEvent.objects.select_related("actor")
    object_type = request.GET.get("type", "")
    if object_type:
        events = events.filter(object_type=object_type)
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    types = AuditEvent.objects.order_by().values_list("object_type", flat=True).distinct()
    return render(
        request,
        "core/audit_log.html",
        {"staff_section": "audit", "page": page, "types": sorted(set(types)), "object_type": object_type},
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """An expired or missing CSRF token gets a plain-English page (JSON for the API), not Django's technical one."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": "CSRF check failed: send the X-CSRFToken header with session requests"}, status=403
        )
    return render(request, "403_csrf.html", status=403)
