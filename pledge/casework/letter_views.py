"""Staff pages for what a request concerns, the response letter, and sending letters.

URLs carry the case's and the letter's primary keys only; a service filter carries the service's slug.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pledge.casework import letters, response_letters, scope, sending
from pledge.casework.actions import ACTIONS
from pledge.casework.letter_forms import ScopeForm, SendLetterForm, ServiceFilterForm
from pledge.casework.models import Case, IssuedLetter, LetterDelivery
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.services import OBJECT_TYPE, CaseworkError
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission


@require_permission(Permission.HANDLE_CASES)
def case_scope(request: HttpRequest, pk: int) -> HttpResponse:
    """Choose the register activities a request concerns, filtered by service, and the team working it."""
    case = get_object_or_404(Case.objects.select_related("team"), pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    source = request.POST if request.method == "POST" else request.GET
    filters = ServiceFilterForm(source or None, case=case)
    service = filters.chosen_service()
    form = ScopeForm(request.POST if request.method == "POST" else None, case=case, service=service)
    if request.method == "POST" and form.is_valid():
        try:
            scope.choose_scope(
                case=case, activities=form.chosen_activities(), team=form.cleaned_data["team"], actor=request.user
            )
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Activities and team saved.")
            return redirect(reverse("cases:case", kwargs={"pk": case.pk}) + "#rights")
    context = {"staff_section": "cases", "case": case, "filters": filters, "form": form, "service": service}
    return render(request, "casework/scope.html", context, status=400 if form.errors else 200)


@require_GET
@require_permission(Permission.VIEW_CASES)
def response_letter(request: HttpRequest, pk: int) -> HttpResponse:
    """The response letter as it would read today (with the outcome chosen to preview), or why it cannot yet."""
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    blocked = response_letters.response_blocked(case)
    outcome = request.GET.get("outcome", "")
    if outcome not in {value for value, _ in response_letters.outcomes_for(case.kind)}:
        outcome = ""
    if request.GET.get("format") == "pdf" and not blocked:
        today = timezone.localdate()
        pdf = letters.letter_pdf(case=case, kind=letters.LetterKind.RESPONSE, today=today, outcome=outcome)
        letters.record_letter_seen(case=case, kind=letters.LetterKind.RESPONSE, actor=request.user, fmt="pdf")
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{case.reference}-response.pdf"'
        return response
    if not blocked:
        letters.record_letter_seen(case=case, kind=letters.LetterKind.RESPONSE, actor=request.user, fmt="html")
    return _render_letter(request, case, letters.LetterKind.RESPONSE, outcome=outcome, status=409 if blocked else 200)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def send_letter(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """Send a letter by email or record it as posted, then go back to the case."""
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    try:
        chosen = letters.LetterKind(kind)
    except ValueError:
        raise Http404("No such letter") from None
    delivery = request.POST.get("delivery", "")
    form = _send_form(request, case, chosen)
    if delivery not in LetterDelivery.values or delivery == LetterDelivery.PORTAL:
        form.is_valid()
        form.add_error(None, "Choose to send the letter by email or to record it as posted")
    elif form.is_valid():
        options = {k: str(v) for k, v in form.cleaned_data.items() if k in ("outcome", "reasons")}
        send = sending.send_letter_by_email if delivery == LetterDelivery.EMAIL else sending.record_letter_posted
        try:
            sent = send(
                case=case,
                kind=chosen.value,
                actor=request.user,
                mark_responded=bool(form.cleaned_data.get("mark_responded")),
                **options,
            )
        except CaseworkError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _sent_message(sent, delivery))
            return redirect(reverse("cases:case", kwargs={"pk": case.pk}) + "#letters")
    outcome = str(form.cleaned_data.get("outcome", "")) if hasattr(form, "cleaned_data") else ""
    return _render_letter(request, case, chosen, outcome=outcome, form=form, status=400)


@require_GET
@require_permission(Permission.VIEW_CASES)
def issued_letter(request: HttpRequest, pk: int, letter_pk: int) -> HttpResponse:
    """A letter as it was sent, read from its frozen text."""
    case = get_object_or_404(Case, pk=pk, kind__in=RIGHTS_REQUEST_KINDS)
    letter = get_object_or_404(IssuedLetter.objects.select_related("issued_by"), pk=letter_pk, case=case)
    record(
        actor=request.user,
        action=AuditAction.VIEW,
        object_type=OBJECT_TYPE,
        object_ref=case.reference,
        summary=f"Sent letter viewed: {letter.kind}",
    )
    context = {"staff_section": "cases", "case": case, "letter": letter, "blocks": letters.text_to_blocks(letter.body)}
    return render(request, "casework/issued_letter.html", context)


def _sent_message(sent: sending.Sent, delivery: str) -> str:
    if sent.repeated:
        return "This letter was already sent a moment ago, so it was not sent again."
    if delivery == LetterDelivery.EMAIL:
        return "Letter queued to be emailed to the requester, with the letter attached as a PDF."
    return "Letter recorded as posted."


def _can_respond(case: Case) -> bool:
    return ACTIONS["respond"].offered(case)


def _send_form(request: HttpRequest, case: Case, kind: letters.LetterKind, outcome: str = "") -> SendLetterForm:
    return SendLetterForm(
        request.POST if request.method == "POST" else None,
        case=case,
        response=kind == letters.LetterKind.RESPONSE,
        can_respond=_can_respond(case),
        initial={"outcome": outcome, "reasons": response_letters.recorded_outcome(case)[1], "mark_responded": True},
    )


def _render_letter(
    request: HttpRequest,
    case: Case,
    kind: letters.LetterKind,
    *,
    outcome: str = "",
    form: SendLetterForm | None = None,
    status: int = 200,
) -> HttpResponse:
    blocked = response_letters.response_blocked(case) if kind == letters.LetterKind.RESPONSE else ""
    today = timezone.localdate()
    options = {"outcome": outcome} if kind == letters.LetterKind.RESPONSE else {}
    outcomes = response_letters.outcomes_for(case.kind) if kind == letters.LetterKind.RESPONSE and not blocked else []
    preview = (outcome or response_letters.default_outcome(case).value) if outcomes else ""
    context: dict[str, Any] = {
        "staff_section": "cases",
        "case": case,
        "kind": kind.value,
        "title": kind.label,
        "blocked": blocked,
        "needs_activities": blocked == response_letters.NO_ACTIVITIES,
        "blocks": [] if blocked else letters.letter_blocks(case=case, kind=kind, today=today, **options),
        "not_yet": "" if letters.letter_applies(case, kind) else letters.NOT_YET_REASONS.get(kind, ""),
        "outcomes": outcomes,
        "preview_items": [{"value": v, "text": t, "checked": v == preview} for v, t in outcomes],
        "preview_outcome": preview,
        "send_form": form or _send_form(request, case, kind, outcome=preview),
        "can_send": request.user.has_pledge_permission(Permission.HANDLE_CASES),  # type: ignore[union-attr]
        "verdict": scope.case_verdict(case) if not blocked else None,
    }
    return render(request, "casework/letter_send.html", context, status=status)
