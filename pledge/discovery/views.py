"""Staff views of the discovery section of a case page: POSTs from its forms, and the search-record download.

URLs carry primary keys only, never a name or a record's reference. A refused form shows the case page again with
its error summary; nothing is saved on a refusal.
"""

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from pledge.casework.models import Case
from pledge.casework.services import CaseworkError
from pledge.casework.views import _render_case
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.discovery import address_changes, conditions, services
from pledge.discovery.forms import (
    AddressChangeForm,
    AddressItemForm,
    ConditionForm,
    DecisionForm,
    LiftConditionForm,
    StartDiscoveryForm,
)
from pledge.discovery.models import AddressChangeItem, Candidate, DiscoveryRun, UseCondition
from pledge.discovery.search_record import record_search_record_export, search_record_pdf

ANCHOR = "discovery"
PREFIXES = {"start": "discovery", "condition": "condition", "address": "address-change"}


def decision_prefix(candidate_pk: int) -> str:
    return f"decide-{candidate_pk}"


def lift_prefix(condition_pk: int) -> str:
    return f"lift-{condition_pk}"


def address_item_prefix(item_pk: int) -> str:
    return f"address-item-{item_pk}"


def _submit(
    request: HttpRequest, case: Case, form: forms.Form, run: Callable[[forms.Form], Any], done: str, anchor: str
) -> HttpResponse:
    if form.is_valid():
        try:
            run(form)
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, done)
            return redirect(f"{reverse('cases:case', kwargs={'pk': case.pk})}#{anchor}")
    return _render_case(request, case, failed=(form.prefix or "", form))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def start_discovery(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    systems = [(config.slug, config.name) for config in services.connected_systems()[0]]
    form = StartDiscoveryForm(request.POST, case=case, systems=systems, prefix=PREFIXES["start"])
    return _submit(
        request,
        case,
        form,
        lambda valid: services.start_discovery(
            case=case,
            identifiers=valid.identifiers(),  # type: ignore[attr-defined]
            exclusions=valid.exclusions(),  # type: ignore[attr-defined]
            actor=request.user,
        ),
        "Search started. Check its progress below.",
        ANCHOR,
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def decide_candidate(request: HttpRequest, pk: int, candidate_pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    candidate = get_object_or_404(Candidate.objects.select_related("run__case"), pk=candidate_pk, run__case=case)
    form = DecisionForm(request.POST, prefix=decision_prefix(candidate.pk))

    def decide(valid: forms.Form) -> Candidate:
        note = valid.cleaned_data["note"]
        if valid.cleaned_data["decision"] == "confirm":
            return services.confirm_candidate(candidate=candidate, note=note, actor=request.user)
        return services.reject_candidate(candidate=candidate, note=note, actor=request.user)

    return _submit(request, case, form, decide, "Decision recorded.", f"candidate-{candidate.pk}")


@require_GET
@require_permission(Permission.VIEW_CASES)
def search_record(request: HttpRequest, pk: int, run_pk: int) -> HttpResponse:
    run = get_object_or_404(DiscoveryRun.objects.select_related("case", "started_by"), pk=run_pk, case_id=pk)
    pdf = search_record_pdf(run)
    record_search_record_export(run=run, actor=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{run.case.reference}-search-record-{run.pk}.pdf"'
    return response


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_condition(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = ConditionForm(request.POST, prefix=PREFIXES["condition"])
    return _submit(
        request,
        case,
        form,
        lambda valid: conditions.record_condition(case=case, **valid.cleaned_data, actor=request.user),
        "Condition on use recorded.",
        "conditions",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def lift_condition(request: HttpRequest, pk: int, condition_pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    condition = get_object_or_404(UseCondition, pk=condition_pk, case=case)
    form = LiftConditionForm(request.POST, prefix=lift_prefix(condition.pk))
    return _submit(
        request,
        case,
        form,
        lambda valid: conditions.lift_condition(
            condition=condition, reason=valid.cleaned_data["reason"], actor=request.user
        ),
        "Condition lifted.",
        "conditions",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add_address_change(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = AddressChangeForm(request.POST, prefix=PREFIXES["address"])
    return _submit(
        request,
        case,
        form,
        lambda valid: address_changes.record_address_change(case=case, **valid.cleaned_data, actor=request.user),
        "Change of address recorded: update each record listed.",
        "address-changes",
    )


@require_POST
@require_permission(Permission.HANDLE_CASES)
def record_address_item(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    item = get_object_or_404(AddressChangeItem.objects.select_related("change__case"), pk=item_pk, change__case=case)
    form = AddressItemForm(request.POST, prefix=address_item_prefix(item.pk))
    return _submit(
        request,
        case,
        form,
        lambda valid: address_changes.record_address_item(item=item, **valid.cleaned_data, actor=request.user),
        "Record updated.",
        "address-changes",
    )
