"""``{% case_records %}``: the case page's identity, evidence, attachments, notes and search-task sections.

Reads ``case``, ``request`` and ``failed_form`` from the page; a refused form from one of these sections (matched
by its prefix) is shown again with its errors in place of a blank one.
"""

from typing import Any

from django import forms, template

from pledge.casework.identity_rules import authority_missing, evidence_days
from pledge.casework.record_forms import AttachmentForm, EvidenceForm, IdentityCheckForm, NoteForm, SearchTaskForm
from pledge.casework.record_models import SearchState
from pledge.casework.record_views import PREFIXES
from pledge.casework.search_tasks import search_progress
from pledge.casework.states import CaseState, is_open
from pledge.core.roles import Permission

register = template.Library()

STATE_TAGS = {
    SearchState.TO_DO: "govuk-tag--grey",
    SearchState.FOUND: "govuk-tag--green",
    SearchState.NOTHING_FOUND: "govuk-tag--blue",
    SearchState.NOT_APPLICABLE: "govuk-tag--yellow",
}


def _form(failed: forms.Form | None, key: str, make: Any) -> forms.Form:
    if failed is not None and failed.prefix == PREFIXES[key]:
        return failed
    return make(prefix=PREFIXES[key])  # type: ignore[no-any-return]


@register.inclusion_tag("casework/_records.html", takes_context=True)
def case_records(context: template.Context) -> dict[str, Any]:
    """The sections' data and forms; forms only for staff who may handle the case, and only while it is open."""
    case, request = context["case"], context["request"]
    failed = context.get("failed_form")
    can_handle = request.user.has_pledge_permission(Permission.HANDLE_CASES)
    open_case = is_open(case.state)
    tasks = list(case.search_tasks.select_related("assignee", "completed_by"))
    writable = can_handle and open_case
    return {
        "case": case,
        "csrf_token": context.get("csrf_token"),
        "can_handle": can_handle,
        "writable": writable,
        "checks": list(case.identity_checks.select_related("checked_by")),
        "authority_missing": open_case and authority_missing(case),
        "check_form": (
            _form(
                failed,
                "identity_check",
                lambda prefix: IdentityCheckForm(prefix=prefix, date_label="Date of the check"),
            )
            if writable and case.state != CaseState.AWAITING_ID
            else None
        ),
        "evidence": list(case.identity_evidence.select_related("uploaded_by", "deleted_by", "identity_check")),
        "evidence_days": evidence_days(),
        "evidence_form": _form(failed, "evidence", EvidenceForm) if writable else None,
        "attachments": list(case.attachments.select_related("uploaded_by")),
        "attachment_form": _form(failed, "attachment", AttachmentForm) if writable else None,
        "notes": list(case.notes.select_related("author")),
        "note_form": _form(failed, "note", NoteForm) if can_handle else None,
        "tasks": [{"task": task, "tag": STATE_TAGS[SearchState(task.state)]} for task in tasks],
        "progress": search_progress(case),
        "has_activities": case.activities.exists(),
        "task_form": _form(failed, "search_task", SearchTaskForm) if writable else None,
    }
