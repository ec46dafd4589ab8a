"""Staff pages for the cookie register and the consent log (permission MANAGE_COOKIES)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pledge.cookies import config, services
from pledge.cookies.forms import CookieItemForm
from pledge.cookies.models import ConsentRecord, CookieItem, RegisterVersion
from pledge.cookies.views import lifetime_text
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission


@require_GET
@require_permission(Permission.MANAGE_COOKIES)
def register(request: HttpRequest) -> HttpResponse:
    items = [
        {"item": item, "lifetime": lifetime_text(item), "needs_consent": services.item_needs_consent(item)}
        for item in CookieItem.objects.all()
    ]
    context = {
        "items": items,
        "version": services.current_version(),
        "versions": RegisterVersion.objects.all()[:10],
        "duaa_enabled": sorted(config.enabled_duaa_exemptions()),
        "staff_section": "cookies",
    }
    return render(request, "cookies/staff/register.html", context)


@require_permission(Permission.MANAGE_COOKIES)
def edit_item(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    item = get_object_or_404(CookieItem, pk=pk) if pk else CookieItem()
    form = CookieItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        version = services.current_version()
        services.save_item(item=form.instance, actor=request.user)
        text = f"{item.name} saved."
        if services.current_version() != version:
            text += f" The register is now version {services.current_version()}: visitors will be asked again."
        messages.success(request, text)
        return redirect("cookies:register")
    return render(
        request,
        "cookies/staff/item.html",
        {"form": form, "item": item, "staff_section": "cookies"},
        status=400 if form.errors else 200,
    )


@require_POST
@require_permission(Permission.MANAGE_COOKIES)
def remove_item(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(CookieItem, pk=pk)
    name = item.name
    services.remove_item(item=item, actor=request.user)
    messages.success(request, f"{name} removed from the register.")
    return redirect("cookies:register")


@require_GET
@require_permission(Permission.MANAGE_COOKIES)
def consent_log(request: HttpRequest) -> HttpResponse:
    context = {
        "counts": services.consent_counts(),
        "total": ConsentRecord.objects.count(),
        "recent": ConsentRecord.objects.all()[:20],
        "staff_section": "cookies",
    }
    return render(request, "cookies/staff/consent_log.html", context)


@require_GET
@require_permission(Permission.MANAGE_COOKIES)
def consent_log_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(services.consent_log_csv(actor=request.user), content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="cookie-consent-log-{stamp}.csv"'
    return response
