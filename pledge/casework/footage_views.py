"""Staff views for CCTV footage on a case: each is a POST from a form in the case page's "CCTV footage" section.

A refused form shows the case page again with its error summary; nothing is saved on a refusal.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from pledge.casework import footage
from pledge.casework.footage_forms import FootageScopeForm, RetrievalForm, ThirdPartyForm
from pledge.casework.footage_models import FootageScope
from pledge.casework.models import Case
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.services import CaseworkError
from pledge.casework.views import _render_case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission

# The prefix of each form, which is also how the footage section finds a refused form to show again.
PREFIXES = {"scope": "footage-scope", "retrieval": "footage-retrieval", "third_parties": "footage-third-parties"}
ANCHOR = "footage"
# The service names the end of the window that is wrong; its error goes on that date input's day box.
WINDOW_FIELDS = {"start": "start-day", "end": "end-day"}


def _submit(request: HttpRequest, case: Case, form: forms.Form, run: Callable[[dict[str, Any]], Any], done: str) -> Any:
    if form.is_valid():
        try:
            run(form.cleaned_data)
        except CaseworkError as error:
            field = getattr(error, "field", None)
            field = WINDOW_FIELDS.get(field, field) if field else None
            form.add_error(field if field in form.fields else None, str(error))
        else:
            messages.success(request, done)
            return redirect(f"{reverse('cases:case', kwargs={'pk': case.pk})}#{ANCHOR}")
    return _render_case(request, case, failed=(form.prefix or "", form))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def scope_footage(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    form = FootageScopeForm(request.POST, prefix=PREFIXES["scope"])
    return _submit(  # type: ignore[no-any-return]
        request,
        case,
        form,
        lambda data: footage.scope_footage(
            case=case,
            system=data["system"],
            location=data["location"],
            window_start=data["window_start"],
            window_end=data["window_end"],
            long_window_reason=data["long_window_reason"],
            actor=request.user,
        ),
        "CCTV footage scope saved.",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def record_retrieval(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    scope = get_object_or_404(FootageScope, case=case)
    form = RetrievalForm(request.POST, prefix=PREFIXES["retrieval"])
    return _submit(  # type: ignore[no-any-return]
        request,
        case,
        form,
        lambda data: footage.record_retrieval(
            scope=scope,
            outcome=data["outcome"],
            on=data["on"],
            retrieved_by=data["retrieved_by"],
            reason=data["reason"],
            actor=request.user,
        ),
        "Footage retrieval recorded.",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def record_third_parties(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    scope = get_object_or_404(FootageScope, case=case)
    form = ThirdPartyForm(request.POST, case=case, prefix=PREFIXES["third_parties"])
    return _submit(  # type: ignore[no-any-return]
        request,
        case,
        form,
        lambda data: footage.record_third_parties(
            scope=scope, outcome=data["outcome"], how=data["how"], exemption=data["exemption"], actor=request.user
        ),
        "Other people and vehicles in the footage recorded.",
    )
