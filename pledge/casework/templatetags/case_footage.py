"""``{% case_footage %}``: the case page's "CCTV footage" section, for requests for CCTV or ANPR footage only.

Reads ``case``, ``request`` and ``failed_form`` from the page; a refused footage form (matched by its prefix) is
shown again with its errors in place of a blank one.
"""

from typing import Any

from django import forms, template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from pledge.casework.footage import footage_status, footage_warning
from pledge.casework.footage_forms import DATE_PARTS, FootageScopeForm, RetrievalForm, ThirdPartyForm
from pledge.casework.footage_models import FootageScope
from pledge.casework.footage_views import PREFIXES
from pledge.casework.models import CaseKind
from pledge.casework.states import is_open
from pledge.core.roles import Permission

register = template.Library()


def _form(failed: forms.Form | None, key: str, make: Any) -> forms.Form:
    if failed is not None and failed.prefix == PREFIXES[key]:
        return failed
    return make(prefix=PREFIXES[key])  # type: ignore[no-any-return]


def _when(moment: Any) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y %H:%M}"


def _scope_initial(scope: FootageScope | None) -> dict[str, Any]:
    if scope is None:
        return {}
    start, end = timezone.localtime(scope.window_start), timezone.localtime(scope.window_end)
    return {
        "system": scope.system_id,
        "camera": scope.location,
        **{f"start-{part}": getattr(start, part) for part in DATE_PARTS},
        "start_time": f"{start:%H:%M}",
        **{f"end-{part}": getattr(end, part) for part in DATE_PARTS},
        "end_time": f"{end:%H:%M}",
        "long_window_reason": scope.long_window_reason,
    }


def scope_rows(scope: FootageScope) -> list[dict[str, Any]]:
    """The scope as summary-list rows."""
    status = footage_status(scope)
    rows: list[dict[str, Any]] = [
        {"key": "System", "value": scope.system_label},
        {"key": "Camera or site", "value": scope.location},
        {"key": "Window", "value": f"{_when(scope.window_start)} to {_when(scope.window_end)}"},
        {
            "key": "Overwritten",
            "value": f"The start of the window on {status.overwritten_on:%-d %B %Y} "
            f"(the system keeps footage for {scope.retention_days} days)",
        },
    ]
    if scope.long_window_reason:
        rows.append({"key": "Why the window is longer than 24 hours", "value": scope.long_window_reason})
    if scope.retrieval:
        detail = f"by {scope.retrieved_by}" if scope.footage_preserved else scope.retrieval_reason
        rows.append(
            {
                "key": "Retrieval",
                "value": f"{scope.get_retrieval_display()} on {scope.retrieved_on:%-d %B %Y}, {detail}. "
                f"Recorded by {scope.retrieval_recorded_by.get_username()}",  # type: ignore[union-attr]
            }
        )
    if scope.third_parties:
        rows.append({"key": "Other people or vehicles", "value_html": _third_party_html(scope)})
    return rows


def _third_party_html(scope: FootageScope) -> str:
    recorded = (
        f"Recorded by {scope.third_parties_recorded_by.get_username()} on "  # type: ignore[union-attr]
        f"{_when(scope.third_parties_recorded_at)}"
    )
    if scope.exemption is not None:
        link = reverse("cases:case", kwargs={"pk": scope.case_id}) + "#exemptions"
        return format_html(
            '{}: <a class="govuk-link" href="{}">{} ({})</a>. {}',
            scope.get_third_parties_display(),
            link,
            scope.exemption.code,
            scope.exemption.provision,
            recorded,
        )
    how = f": {scope.redaction_method}" if scope.redaction_method else ""
    return format_html("{}{}. {}", scope.get_third_parties_display(), how, recorded)


@register.inclusion_tag("casework/_footage.html", takes_context=True)
def case_footage(context: template.Context) -> dict[str, Any]:
    """The section's data and forms; forms only for staff who may handle cases, and only while the case is open."""
    case, request = context["case"], context["request"]
    if case.kind != CaseKind.ACCESS_CCTV:
        return {"shown": False}
    failed = context.get("failed_form")
    writable = request.user.has_pledge_permission(Permission.HANDLE_CASES) and is_open(case.state)
    scope = FootageScope.objects.filter(case=case).select_related("exemption", "retrieval_recorded_by").first()
    editable_scope = writable and (scope is None or not scope.retrieval)
    scope_form = (
        _form(failed, "scope", lambda prefix: FootageScopeForm(prefix=prefix, initial=_scope_initial(scope)))
        if editable_scope
        else None
    )
    return {
        "shown": True,
        "case": case,
        "csrf_token": context.get("csrf_token"),
        "scope": scope,
        "rows": scope_rows(scope) if scope else [],
        "warning": footage_warning(scope) if scope and is_open(case.state) else "",
        "scope_form": scope_form,
        "start_input": scope_form.date_input("start") if isinstance(scope_form, FootageScopeForm) else None,
        "end_input": scope_form.date_input("end") if isinstance(scope_form, FootageScopeForm) else None,
        "retrieval_form": _form(failed, "retrieval", RetrievalForm)
        if writable and scope and not scope.retrieval
        else None,
        "third_party_form": (
            _form(failed, "third_parties", lambda prefix: ThirdPartyForm(prefix=prefix, case=case))
            if writable and scope and scope.footage_preserved
            else None
        ),
    }
