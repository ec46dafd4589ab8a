"""Staff pages for rights-request cases: the deadline dashboard, logging a request, a case and its actions.

URLs carry the case's primary key only, never a name or reference, so logs and browser history hold no personal data.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pledge.casework import letters, notes, services
from pledge.casework.actions import ACTIONS
from pledge.casework.clock import deadline_for
from pledge.casework.dashboard import dashboard_page
from pledge.casework.exemption_rows import exemption_rows, refusal_rows
from pledge.casework.forms import DashboardFilterForm, IntakeForm
from pledge.casework.models import Case
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS, regime_for
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.law.calendar import OutsideCalendarError
from pledge.law.exemptions import refusal_must_state


@require_permission(Permission.VIEW_CASES)
def dashboard(request: HttpRequest) -> HttpResponse:
    filters = DashboardFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    shown = dashboard_page(filters=chosen, page=request.GET.get("page"), today=timezone.localdate())
    return render(
        request,
        "casework/dashboard.html",
        {
            "staff_section": "cases",
            "filters": filters,
            "rows": shown.rows,
            "counts": shown.counts,
            "page": shown.page,
            "pagination": shown.pagination,
            "can_handle": request.user.has_pledge_permission(Permission.HANDLE_CASES),  # type: ignore[union-attr]
        },
    )


@require_permission(Permission.HANDLE_CASES)
def log_request(request: HttpRequest) -> HttpResponse:
    form = IntakeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.open_request(**form.cleaned_data, actor=request.user)
        except services.CaseworkError as error:
            form.add_error("received_on", str(error))
        else:
            messages.success(request, f"Request logged with reference {case.reference}.")
            return redirect("cases:case", pk=case.pk)
    return render(request, "casework/new.html", {"staff_section": "cases", "form": form})


@require_permission(Permission.VIEW_CASES)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("assignee"), pk=pk)
    regime = regime_for(case.kind)
    if regime.case_page != "cases:case":  # another regime's case (a complaint) has its own page
        return redirect(regime.case_page, pk=case.pk)
    services.record_case_viewed(case=case, actor=request.user)
    return _render_case(request, case)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    chosen = ACTIONS.get(action)
    if chosen is None:
        raise Http404("No such action")
    form = chosen.form(action, case, request.POST)
    if form.is_valid():
        try:
            chosen.run(case, form.cleaned_data, request.user)
        except services.CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, chosen.done)
            return redirect("cases:case", pk=case.pk)
    return _render_case(request, case, failed=(action, form))


@require_GET
@require_permission(Permission.VIEW_CASES)
def case_letter(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    try:
        chosen = letters.LetterKind(kind)
    except ValueError:
        raise Http404("No such letter") from None
    today = timezone.localdate()
    if request.GET.get("format") == "pdf":
        pdf = letters.letter_pdf(case=case, kind=chosen, today=today)
        letters.record_letter_seen(case=case, kind=chosen, actor=request.user, fmt="pdf")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{case.reference}-{chosen.value}.pdf"'
        return response
    blocks = letters.letter_blocks(case=case, kind=chosen, today=today)
    letters.record_letter_seen(case=case, kind=chosen, actor=request.user, fmt="html")
    applies = letters.letter_applies(case, chosen)
    return render(
        request,
        "casework/letter.html",
        {
            "staff_section": "cases",
            "case": case,
            "kind": chosen.value,
            "title": chosen.label,
            "blocks": blocks,
            "not_yet": None if applies else letters.NOT_YET_REASONS.get(chosen, ""),
            "must_state": refusal_must_state(today) if chosen == letters.LetterKind.REFUSAL else [],
        },
    )


def _render_case(request: HttpRequest, case: Case, failed: tuple[str, Any] | None = None) -> HttpResponse:
    can_handle = request.user.has_pledge_permission(Permission.HANDLE_CASES)  # type: ignore[union-attr]
    actions: list[dict[str, Any]] = []
    if can_handle:
        for key, action in ACTIONS.items():
            if action.offered(case):
                form = failed[1] if failed and failed[0] == key else action.form(key, case)
                actions.append({"key": key, "title": action.title, "form": form, "section": action.section})
    return render(
        request,
        "casework/case.html",
        {
            "staff_section": "cases",
            "case": case,
            "date_rows": _date_rows(case),
            "timeline": notes.timeline(case),  # the audit trail, with each note's text
            "actions": [a for a in actions if a["section"] == "actions"],
            "exemption_actions": [a for a in actions if a["section"] == "exemptions"],
            "decisions": exemption_rows(case),
            "refusal_rows": refusal_rows(case),
            "refusal_must_state": refusal_must_state(timezone.localdate()),
            "failed_form": failed[1] if failed else None,
            "letters": letters.letter_links(case),
        },
    )


def _date_rows(case: Case) -> list[dict[str, str]]:
    """The case's dates, each with the rule that sets it (spec §1.1)."""
    rows = [
        _row("Received", case.received_on, "Day one of the clock, even on a non-working day (R1.3)"),
        _row("Proof of identity received", case.id_received_on, "The clock starts again from this date (R1.2)"),
        _row("Proof of authority received", case.authority_received_on, "The clock starts again from this date (R1.2)"),
    ]
    if case.fee_amount is not None:
        rows.append(_row("Fee received", case.fee_received_on, "The clock starts again from this date (R1.2, R1.10)"))
    try:
        deadline = deadline_for(case)
    except (OutsideCalendarError, ValueError) as error:
        return [*rows, {"key": "Deadline", "value": f"Cannot be worked out: {error}"}]
    rows.append(_row("Clock started", deadline.start, "The latest of receipt, identity, authority and fee (R1.2)"))
    if deadline.paused_days:
        rows.append({"key": "Clock stopped", "value": f"{deadline.paused_days} days waiting for clarification (R1.7)"})
    if case.extended:
        due_reason = "Three months from the clock start, moved to the next working day (R1.6, R1.4)"
    else:
        due_reason = "One month from the clock start, moved to the next working day (R1.3, R1.4)"
    rows.append(_row("Due", case.due_on, due_reason))
    rows.append(
        _row("Tell the requester of any extension by", case.extension_notice_by, "Within the first month (R1.6)")
    )
    if case.extended:
        rows.append({"key": "Reason for the extension", "value": case.extension_reason})
    return rows


def _row(key: str, day: Any, reason: str) -> dict[str, str]:
    if day is None:
        return {"key": key, "value": "Not recorded"}
    return {"key": key, "value": f"{day:%A %-d %B %Y}. {reason}"}
