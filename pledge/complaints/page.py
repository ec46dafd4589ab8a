"""What the staff complaint pages show: the list of open complaints and suggestions, and one complaint's record
(received, acknowledged, correspondence, steps, outcome: the records the ICO's guidance asks for)."""

from datetime import date
from typing import Any

from django import forms
from django.urls import reverse
from django.utils.html import format_html

from pledge.calendars.services import current_calendar
from pledge.casework.complaint_clock import acknowledgement_days
from pledge.casework.models import Case, ComplaintKind
from pledge.casework.notes import timeline
from pledge.casework.states import OPEN_STATES, CaseState, is_open
from pledge.complaints.forms import AcknowledgeForm, OutcomeForm, ProgressForm, StepForm
from pledge.complaints.metrics import complaint_figures
from pledge.complaints.models import Complaint
from pledge.law.calendar import Nation, OutsideCalendarError
from pledge.law.complaints import acknowledgement_duty, in_scope_of_section_164a

LIST_LIMIT = 200
TABLE_HEAD = ("Reference", "Kind", "Received", "Acknowledge by", "Acknowledged", "State")


def _day(day: date | None) -> str:
    return f"{day:%-d %B %Y}" if day else "Not yet"


def acknowledgement_status(complaint: Complaint, *, today: date) -> str:
    """Plain words for where the s.164A(3) duty stands on ``today``."""
    case = complaint.case
    if case.kind == ComplaintKind.SUGGESTION:
        return "A suggestion: no statutory acknowledgement, reply by the date shown as good practice"
    try:
        duty = acknowledgement_duty(
            received=case.received_on,
            today=today,
            calendar=current_calendar(Nation(case.nation)),
            acknowledged_on=complaint.acknowledged_on,
            outcome_sent_on=complaint.outcome_sent_on,
            days=acknowledgement_days(),
        )
    except OutsideCalendarError as error:
        return f"Cannot be worked out: {error}"
    if not duty.owed:
        if complaint.acknowledged_on is None:
            return "Not needed: the outcome was sent within the period"
        return "Acknowledged late" if duty.late else "Acknowledged in time"
    return "Late: not acknowledged" if duty.late else "Owed"


def _list_rows(cases: Any) -> list[list[dict[str, Any]]]:
    rows = []
    for case in cases:
        link = format_html(
            '<a class="govuk-link" href="{}">{}</a>', reverse("complaints:complaint", args=[case.pk]), case.reference
        )
        acknowledged = case.complaint.acknowledged_on if hasattr(case, "complaint") else None
        rows.append(
            [
                {"html": link},
                {"text": case.get_kind_display()},
                {"text": f"{case.received_on:%-d %b %Y}"},
                {"text": f"{case.due_on:%-d %b %Y}"},
                {"text": _day(acknowledged)},
                {"text": case.get_state_display()},
            ]
        )
    return rows


def complaint_rows(*, today: date) -> dict[str, Any]:
    """Open complaints and open suggestions as two table bodies, and this year's figures."""
    cases = Case.objects.filter(state__in=sorted(OPEN_STATES)).select_related("complaint").order_by("due_on", "id")
    start = date(today.year, 1, 1)
    return {
        "complaint_rows": _list_rows(cases.filter(kind=ComplaintKind.COMPLAINT)[:LIST_LIMIT]),
        "suggestion_rows": _list_rows(cases.filter(kind=ComplaintKind.SUGGESTION)[:LIST_LIMIT]),
        "table_head": [{"text": h} for h in TABLE_HEAD],
        "year_figures": complaint_figures(start=start, end=today, today=today),
        "year_start": start,
    }


def _record_rows(complaint: Complaint, *, today: date) -> list[dict[str, str]]:
    case = complaint.case
    rows = [
        {"key": "Reference", "value": case.reference},
        {"key": "Kind", "value": case.get_kind_display()},
        {"key": "Received", "value": f"{case.received_on:%A %-d %B %Y} ({case.get_channel_display().lower()})"},
        {
            "key": "Acknowledge by",
            "value": f"{case.due_on:%A %-d %B %Y}. {acknowledgement_days()} days counting the day after receipt as "
            "day 1, moved to the next working day (DPA 2018 s.164A(3); ICO guidance)",
        },
        {"key": "Acknowledged", "value": _day(complaint.acknowledged_on)},
        {"key": "Acknowledgement", "value": acknowledgement_status(complaint, today=today)},
        {"key": "State", "value": case.get_state_display()},
        {"key": "Outcome sent", "value": _day(complaint.outcome_sent_on)},
    ]
    if complaint.finding:
        rows.append({"key": "Finding", "value": complaint.get_finding_display()})
    if not in_scope_of_section_164a(case.received_on):
        rows.append({"key": "Law", "value": "Received before 19 June 2026: s.164A did not apply yet"})
    return rows


def _action_forms(complaint: Complaint, failed: dict[str, forms.Form], *, today: date) -> dict[str, Any]:
    case = complaint.case
    still_open = is_open(case.state)
    suggestion = case.kind == ComplaintKind.SUGGESTION
    chosen: dict[str, forms.Form] = {}
    if still_open and complaint.acknowledged_on is None:
        chosen["acknowledge"] = AcknowledgeForm(prefix="acknowledge")
    if still_open:
        chosen["step"] = StepForm(prefix="step", initial={"taken_on": today})
        chosen["progress"] = ProgressForm(prefix="progress")
        chosen["outcome"] = OutcomeForm(prefix="outcome", suggestion=suggestion)
    chosen.update({key: form for key, form in failed.items() if key in chosen})
    return chosen


def complaint_page_context(*, complaint: Complaint, today: date, failed: dict[str, forms.Form]) -> dict[str, Any]:
    """Everything the complaint page shows; ``failed`` holds a submitted form with its errors."""
    case = complaint.case
    return {
        "case": case,
        "complaint": complaint,
        "suggestion": case.kind == ComplaintKind.SUGGESTION,
        "record_rows": _record_rows(complaint, today=today),
        "steps": list(complaint.steps.select_related("recorded_by")),
        "letters": list(case.issued_letters.order_by("issued_at", "id")),
        "timeline": timeline(case),
        "forms": _action_forms(complaint, failed, today=today),
        "has_errors": any(form.errors for form in failed.values()),
        "can_close": case.state == CaseState.RESPONDED,
        "can_withdraw": is_open(case.state),
        "related_url": reverse("cases:case", args=[complaint.related_case_id]) if complaint.related_case_id else "",
    }
