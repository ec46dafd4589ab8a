"""``{% discovery_panel %}``: the case page's "Finding the requester's records" section.

Reads ``case``, ``request`` and ``failed_form`` from the page; a refused discovery form (matched by its prefix) is
shown again with its errors in place of a blank one. Forms only for staff who may handle cases, while it is open.
"""

from typing import Any

from django import forms, template

from pledge.casework.states import is_open
from pledge.core.roles import Permission
from pledge.discovery import services
from pledge.discovery.conditions import conditions_for_case
from pledge.discovery.forms import (
    AddressChangeForm,
    AddressItemForm,
    ConditionForm,
    DecisionForm,
    LiftConditionForm,
    StartDiscoveryForm,
)
from pledge.discovery.models import AddressItemState, CandidateDecision, DiscoveryRun, RunState, SystemSearchState
from pledge.discovery.search_record import identifier_rows
from pledge.discovery.views import PREFIXES, address_item_prefix, decision_prefix, lift_prefix

register = template.Library()

SEARCH_TAGS = {
    SystemSearchState.SEARCHED: "govuk-tag--green",
    SystemSearchState.EXCLUDED: "govuk-tag--yellow",
    SystemSearchState.FAILED: "govuk-tag--red",
}
DECISION_TAGS = {
    CandidateDecision.PENDING: "govuk-tag--grey",
    CandidateDecision.CONFIRMED: "govuk-tag--green",
    CandidateDecision.REJECTED: "govuk-tag--red",
}
# How strongly a field agreed, in words a caseworker reads without knowing the scoring.
LEVEL_WORDS = {
    "exact": "agrees",
    "close": "nearly agrees",
    "nickname": "agrees as a nickname",
    "former": "agrees with a former value",
    "disagree": "does not agree",
    "missing": "is not held",
}


def _form(failed: forms.Form | None, prefix: str, make: Any) -> forms.Form:
    if failed is not None and failed.prefix == prefix:
        return failed
    return make(prefix=prefix)  # type: ignore[no-any-return]


def _label(field: str) -> str:
    return services.IDENTIFIER_LABELS.get(field, field.replace("_", " ").capitalize())


def evidence_lines(explanation: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each field's evidence as a sentence, with whether it counted for or against the match."""
    lines = []
    for item in explanation:
        detail = item.get("detail") or f"{_label(item.get('field', ''))} {LEVEL_WORDS.get(item.get('level', ''), '')}"
        weight = float(item.get("weight") or 0)
        lines.append({"text": detail, "for": weight > 0, "against": weight < 0})
    return lines


def _candidate_groups(run: DiscoveryRun, failed: forms.Form | None, writable: bool) -> list[dict[str, Any]]:
    names = {search.system: search.system_name for search in run.system_searches.all()}
    groups: dict[str, dict[str, Any]] = {}
    for candidate in run.candidates.select_related("decided_by").order_by("system", "-probability", "id"):
        group = groups.setdefault(candidate.system, {"name": names.get(candidate.system, candidate.system), "rows": []})
        group["rows"].append(
            {
                "candidate": candidate,
                "percent": f"{candidate.probability:.0%}",
                "evidence": evidence_lines(candidate.explanation),
                "summary": [{"key": _label(k), "value": v} for k, v in candidate.summary.items() if v],
                "tag": DECISION_TAGS[CandidateDecision(candidate.decision)],
                "form": _form(failed, decision_prefix(candidate.pk), DecisionForm) if writable else None,
            }
        )
    return sorted(groups.values(), key=lambda group: group["name"])


def _run_context(run: DiscoveryRun | None, failed: forms.Form | None, writable: bool) -> dict[str, Any]:
    if run is None:
        return {"run": None}
    running = run.state in (RunState.QUEUED, RunState.RUNNING)
    searches = list(run.system_searches.all())
    return {
        "run": run,
        "running": running,
        "failed": run.state == RunState.FAILED,
        "progress": f"{run.systems_done} of {run.systems_total or 'the'} systems searched",
        "identifiers": identifier_rows(run),
        "searches": [{"search": s, "tag": SEARCH_TAGS[SystemSearchState(s.state)]} for s in searches],
        "groups": _candidate_groups(run, failed, writable and run.state == RunState.FINISHED),
        "pending": run.candidates.filter(decision=CandidateDecision.PENDING).count(),
    }


def _address_changes(case: Any, failed: forms.Form | None, writable: bool) -> list[dict[str, Any]]:
    changes = []
    for change in case.address_changes.prefetch_related("items__done_by"):
        items = [
            {
                "item": item,
                "form": (
                    _form(failed, address_item_prefix(item.pk), AddressItemForm)
                    if writable and item.state == AddressItemState.TO_UPDATE
                    else None
                ),
            }
            for item in change.items.all()
        ]
        changes.append({"change": change, "items": items})
    return changes


@register.inclusion_tag("discovery/_panel.html", takes_context=True)
def discovery_panel(context: template.Context) -> dict[str, Any]:
    """The section's data and forms."""
    case, request = context["case"], context["request"]
    failed = context.get("failed_form")
    writable = request.user.has_pledge_permission(Permission.HANDLE_CASES) and is_open(case.state)
    run = services.latest_run(case)
    shown = _run_context(run, failed, writable)
    start_form = None
    systems, problem = services.connected_systems() if writable else ([], "")
    if writable and not shown.get("running"):
        choices = [(config.slug, config.name) for config in systems]
        start_form = _form(
            failed, PREFIXES["start"], lambda prefix: StartDiscoveryForm(prefix=prefix, case=case, systems=choices)
        )
    confirmed = services.confirmed_records(case=case)
    conditions = conditions_for_case(case)
    return {
        **shown,
        "case": case,
        "csrf_token": context.get("csrf_token"),
        "writable": writable,
        "start_form": start_form,
        "systems_problem": problem,
        "confirmed": len(confirmed),
        "conditions": [
            {
                "condition": c,
                "form": _form(failed, lift_prefix(c.pk), LiftConditionForm)
                if writable and c.active and c.case_id == case.pk
                else None,
            }
            for c in conditions
        ],
        "condition_form": _form(failed, PREFIXES["condition"], ConditionForm) if writable and confirmed else None,
        "address_changes": _address_changes(case, failed, writable),
        "address_form": _form(failed, PREFIXES["address"], AddressChangeForm) if writable and confirmed else None,
    }
