"""``{% package_panel case %}``: the case page's access package or portability file, its progress and a button."""

from typing import Any

from django import template

from pledge.casework.models import Case
from pledge.core.roles import Permission
from pledge.fulfilment.package_models import PackageKind
from pledge.fulfilment.package_services import kind_for

register = template.Library()


@register.inclusion_tag("fulfilment/package/panel.html", takes_context=True)
def package_panel(context: template.Context, case: Case) -> dict[str, Any]:
    """Shown for access and portability requests only; the build button only for users who may handle cases."""
    kind = kind_for(case)
    if kind is None:
        return {"shown": False}
    latest = case.access_packages.first()
    portability = kind == PackageKind.PORTABILITY
    return {
        "shown": True,
        "case": case,
        "latest": latest,
        "portability": portability,
        "button": ("Build the portability file" if portability else "Build the access package")
        if latest is None
        else "Build again from the latest confirmed records",
        "can_handle": context["request"].user.has_pledge_permission(Permission.HANDLE_CASES),
        "csrf_token": context.get("csrf_token"),
    }
