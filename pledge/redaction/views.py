"""The caseworker's redaction review (HANDLE_CASES): each proposal in context, redact or release with an exemption
and reason, add one, approve, download the burnt-in PDF. Paths carry document and redaction ids only."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.redaction import services
from pledge.redaction.forms import AddRedactionForm, DecisionForm
from pledge.redaction.models import Decision, Document, Redaction, ReviewState

CONTEXT_CHARS = 60


@require_permission(Permission.HANDLE_CASES)
def review_index(request: HttpRequest) -> HttpResponse:
    """Documents waiting for redaction review, then approved ones."""
    documents = Document.objects.select_related("case").order_by("state", "-created_at")[:200]
    return render(request, "redaction/index.html", {"staff_section": "cases", "documents": documents})


def _segments(document: Document, redactions: list[Redaction]) -> list[dict[str, Any]]:
    """The text cut into plain runs and numbered proposals, for showing each proposal where it sits."""
    parts: list[dict[str, Any]] = []
    at = 0
    for number, redaction in enumerate(redactions, 1):
        if redaction.start < at:
            continue
        parts.append({"text": document.text[at : redaction.start]})
        parts.append(
            {
                "text": document.text[redaction.start : redaction.end],
                "number": number,
                "redacted": redaction.will_be_redacted,
            }
        )
        at = redaction.end
    parts.append({"text": document.text[at:]})
    return parts


def _page(
    request: HttpRequest,
    document: Document,
    *,
    forms: dict[int, DecisionForm] | None = None,
    add_form: AddRedactionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    redactions = list(document.redactions.all())
    forms = forms or {}
    rows = []
    for number, redaction in enumerate(redactions, 1):
        form = forms.get(redaction.pk) or DecisionForm(
            prefix=f"r{redaction.pk}",
            initial={
                "decision": redaction.decision
                if redaction.decision != Decision.PROPOSED
                else (Decision.ACCEPTED if redaction.proposed else Decision.REJECTED),
                "exemption_code": redaction.exemption_code,
                "reason": redaction.exemption_reason,
            },
        )
        before = document.text[max(0, redaction.start - CONTEXT_CHARS) : redaction.start]
        after = document.text[redaction.end : redaction.end + CONTEXT_CHARS]
        rows.append(
            {
                "number": number,
                "redaction": redaction,
                "form": form,
                "before": before,
                "after": after,
                "span": document.text[redaction.start : redaction.end],
            }
        )
    errors = [form for form in forms.values() if form.errors]
    context = {
        "staff_section": "cases",
        "document": document,
        "rows": rows,
        "segments": _segments(document, redactions),
        "add_form": add_form or AddRedactionForm(text=document.text),
        "error_form": errors[0] if errors else (add_form if add_form is not None and add_form.errors else None),
        "undecided": sum(1 for r in redactions if r.decision == Decision.PROPOSED),
        "approved": document.state == ReviewState.APPROVED,
    }
    return render(request, "redaction/document.html", context, status=status)


@require_permission(Permission.HANDLE_CASES)
def review_document(request: HttpRequest, pk: int) -> HttpResponse:
    """One document: its text with proposals numbered, and a decision form for each."""
    return _page(request, get_object_or_404(Document.objects.select_related("case"), pk=pk))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def decide(request: HttpRequest, pk: int, redaction_pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    redaction = get_object_or_404(Redaction, pk=redaction_pk, document=document)
    form = DecisionForm(request.POST, prefix=f"r{redaction.pk}")
    if form.is_valid():
        try:
            services.decide_redaction(
                redaction=redaction,
                decision=form.cleaned_data["decision"],
                exemption_code=form.cleaned_data["exemption_code"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except services.RedactionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Decision saved for item {redaction_pk}.")
            return redirect(f"{document_url(document)}#item-{redaction.pk}")
    return _page(request, document, forms={redaction.pk: form})


@require_POST
@require_permission(Permission.HANDLE_CASES)
def add(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    form = AddRedactionForm(request.POST, text=document.text)
    if form.is_valid():
        try:
            services.add_redaction(
                document=document,
                start=form.cleaned_data["start"],
                end=form.cleaned_data["end"],
                exemption_code=form.cleaned_data["exemption_code"],
                reason=form.cleaned_data["reason"],
                actor=request.user,
            )
        except services.RedactionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Redaction added.")
            return redirect(document_url(document))
    return _page(request, document, add_form=form)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk)
    try:
        services.approve_document(document=document, actor=request.user)
    except services.RedactionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Redactions approved. The redacted PDF can now be downloaded.")
    return redirect(document_url(document))


@require_permission(Permission.HANDLE_CASES)
def release(request: HttpRequest, pk: int) -> HttpResponse:
    """The burnt-in PDF of an approved document."""
    document = get_object_or_404(Document, pk=pk)
    try:
        data = services.released_pdf(document=document)
    except services.RedactionError as error:
        messages.error(request, str(error))
        return redirect(document_url(document))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="document-{document.pk}-redacted.pdf"'
    return response


def document_url(document: Document) -> str:
    from django.urls import reverse

    return reverse("redaction:document", kwargs={"pk": document.pk})
