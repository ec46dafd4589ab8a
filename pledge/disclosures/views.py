"""Staff pages for the disclosure log: anyone handling cases reads the log (VIEW_DISCLOSURES) and logs a disclosure
(LOG_DISCLOSURES); a senior officer other than the requester approves or refuses it (APPROVE_DISCLOSURES). A refused
form is shown again with the GOV.UK error summary, and nothing is saved.
"""

import mimetypes
from pathlib import PurePath
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.core.uploads import private_storage
from pledge.disclosures import services, telling
from pledge.disclosures.forms import (
    AmendForm,
    DisclosureForm,
    DueDiligenceForm,
    NotSafeForm,
    RefuseForm,
    SharingRestrictionForm,
    ToldForm,
    initial_from,
)
from pledge.disclosures.models import Disclosure, Kind, SharingRestriction, Status
from pledge.disclosures.page import summary_rows
from pledge.law.disclosure import needs_tell_step, past_retrospective_window, retrospective_deadline
from pledge.register.models import ProcessingActivity, Recipient, RecipientKind

SECTION = "disclosures"
FIELD_FOR = {"decision": None, "amend": None}


def _show(form: forms.Form, invalid: services.DisclosureInvalid) -> None:
    for key, message in invalid.problems.items():
        name = FIELD_FOR.get(key, key)
        form.add_error(name if name in form.fields else None, message)


def _entry(reference: str) -> Disclosure:
    return get_object_or_404(
        Disclosure.objects.select_related("recipient", "activity", "agreement", "case", "amends"), reference=reference
    )


@require_permission(Permission.VIEW_DISCLOSURES)
def log(request: HttpRequest) -> HttpResponse:
    """The disclosure log, newest first, filtered by kind, status and recipient."""
    entries = Disclosure.objects.select_related("recipient")
    chosen = {"kind": request.GET.get("kind", ""), "status": request.GET.get("status", "")}
    if chosen["kind"] in Kind.values:
        entries = entries.filter(kind=chosen["kind"])
    if chosen["status"] in Status.values:
        entries = entries.filter(status=chosen["status"])
    recipient = request.GET.get("recipient", "")
    recipients = Recipient.objects.filter(disclosures__isnull=False).distinct().order_by("name")
    if recipient and recipients.filter(slug=recipient).exists():
        entries = entries.filter(recipient__slug=recipient)
        chosen["recipient"] = recipient
    context = {
        "staff_section": SECTION,
        "entries": entries[:500],
        "kinds": Kind.choices,
        "statuses": Status.choices,
        "recipient_options": [(r.slug, r.name) for r in recipients],
        "chosen": chosen,
        "new_url": reverse("disclosures:new"),
    }
    return render(request, "disclosures/log.html", context)


@require_permission(Permission.LOG_DISCLOSURES)
def new(request: HttpRequest) -> HttpResponse:
    """GET: the disclosure form. POST: log it for approval, or show what stops it."""
    form = DisclosureForm(request.POST if request.method == "POST" else None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.log_disclosure(
                actor=request.user, details=form.details(), order_document=request.FILES.get("order_document")
            )
        except services.DisclosureInvalid as invalid:
            _show(form, invalid)
        else:
            return redirect("disclosures:detail", reference=entry.reference)
    return render(
        request, "disclosures/form.html", {"staff_section": SECTION, "form": form, "title": "Log a disclosure"}
    )


def _detail_context(request: HttpRequest, entry: Disclosure, **extra: Any) -> dict[str, Any]:
    perms = request.user
    window = services.retrospective_window_hours()
    return {
        "staff_section": SECTION,
        "entry": entry,
        "rows": summary_rows(entry),
        "can_decide": entry.status == Status.AWAITING_APPROVAL
        and perms.has_pledge_permission(Permission.APPROVE_DISCLOSURES)  # type: ignore[union-attr]
        and entry.requested_by_id != perms.pk,
        "can_log": perms.has_pledge_permission(Permission.LOG_DISCLOSURES),  # type: ignore[union-attr]
        "refuse_form": extra.pop("refuse_form", None) or RefuseForm(),
        "decision_errors": extra.pop("decision_errors", []),
        "tell_step": needs_tell_step(kind=entry.kind, route=entry.route),
        "tell_decisions": list(entry.tell_decisions.select_related("decided_by")),
        "amendments": list(entry.amendments.all()),
        "deadline": retrospective_deadline(disclosed_at=entry.disclosed_at, window_hours=window)
        if entry.disclosed_at
        else None,
        "overdue": entry.status == Status.AWAITING_APPROVAL
        and past_retrospective_window(disclosed_at=entry.disclosed_at, window_hours=window, now=timezone.now()),
        **extra,
    }


@require_permission(Permission.VIEW_DISCLOSURES)
def detail(request: HttpRequest, reference: str) -> HttpResponse:
    """One entry: what, to whom, on what route, who asked and who decided, the tell step and any amendments."""
    entry = _entry(reference)
    return render(request, "disclosures/detail.html", _detail_context(request, entry))


@require_POST
@require_permission(Permission.APPROVE_DISCLOSURES)
def approve(request: HttpRequest, reference: str) -> HttpResponse:
    entry = _entry(reference)
    try:
        services.approve_disclosure(disclosure=entry, actor=request.user)
    except services.DisclosureInvalid as invalid:
        context = _detail_context(request, entry, decision_errors=list(invalid.problems.values()))
        return render(request, "disclosures/detail.html", context, status=200)
    return redirect("disclosures:detail", reference=entry.reference)


@require_POST
@require_permission(Permission.APPROVE_DISCLOSURES)
def refuse(request: HttpRequest, reference: str) -> HttpResponse:
    entry = _entry(reference)
    form = RefuseForm(request.POST)
    if form.is_valid():
        try:
            services.refuse_disclosure(disclosure=entry, actor=request.user, reason=form.cleaned_data["reason"])
        except services.DisclosureInvalid as invalid:
            _show(form, invalid)
        else:
            return redirect("disclosures:detail", reference=entry.reference)
    return render(request, "disclosures/detail.html", _detail_context(request, entry, refuse_form=form))


@require_permission(Permission.LOG_DISCLOSURES)
def amend(request: HttpRequest, reference: str) -> HttpResponse:
    """GET: the approved entry's details to correct. POST: log the correction as a new entry that amends it."""
    original = _entry(reference)
    if original.status != Status.APPROVED:
        raise Http404
    form = AmendForm(
        request.POST if request.method == "POST" else None, request.FILES or None, initial=initial_from(original)
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.amend_disclosure(
                original=original,
                actor=request.user,
                details=form.details(keep_subjects=original.subject_ids),
                reason=form.cleaned_data["amendment_reason"],
                order_document=request.FILES.get("order_document"),
            )
        except services.DisclosureInvalid as invalid:
            _show(form, invalid)
        else:
            return redirect("disclosures:detail", reference=entry.reference)
    context = {"staff_section": SECTION, "form": form, "title": f"Amend {original.reference}", "original": original}
    return render(request, "disclosures/form.html", context)


@require_permission(Permission.LOG_DISCLOSURES)
def tell(request: HttpRequest, reference: str) -> HttpResponse:
    """The 'tell the person' step (P112): the generated letter and the date it went, or a dated decision that
    telling them is not safe with a date to reconsider."""
    entry = _entry(reference)
    if entry.status != Status.APPROVED or not needs_tell_step(kind=entry.kind, route=entry.route):
        raise Http404
    told_form = ToldForm(request.POST if request.POST.get("step") == "told" else None)
    not_safe_form = NotSafeForm(request.POST if request.POST.get("step") == "not_safe" else None)
    if request.method == "POST":
        try:
            if told_form.is_bound and told_form.is_valid():
                telling.record_person_told(
                    disclosure=entry, actor=request.user, told_on=told_form.cleaned_data["told_on"]
                )
                return redirect("disclosures:detail", reference=entry.reference)
            if not_safe_form.is_bound and not_safe_form.is_valid():
                data = not_safe_form.cleaned_data
                telling.decide_not_to_tell(
                    disclosure=entry, actor=request.user, reasons=data["reasons"], review_on=data["review_on"]
                )
                return redirect("disclosures:detail", reference=entry.reference)
        except services.DisclosureInvalid as invalid:
            _show(told_form if told_form.is_bound else not_safe_form, invalid)
    context = {
        "staff_section": SECTION,
        "entry": entry,
        "told_form": told_form,
        "not_safe_form": not_safe_form,
        "letter": telling.letter_text(entry, today=timezone.localdate()),
        "standing": telling.latest_tell_decision(entry),
    }
    return render(request, "disclosures/tell.html", context)


@require_permission(Permission.LOG_DISCLOSURES)
def letter(request: HttpRequest, reference: str) -> HttpResponse:
    """The generated letter as a text file, to address and send from the case."""
    entry = _entry(reference)
    if not needs_tell_step(kind=entry.kind, route=entry.route):
        raise Http404
    response = HttpResponse(telling.letter_text(entry, today=timezone.localdate()), content_type="text/plain")
    response["Content-Disposition"] = f'attachment; filename="{entry.reference}-letter.txt"'
    return response


@require_permission(Permission.VIEW_DISCLOSURES)
def order(request: HttpRequest, reference: str) -> HttpResponse:
    """The court order scan, decrypted, for staff who may read the log."""
    entry = _entry(reference)
    if not entry.order_file:
        raise Http404
    with private_storage().open(entry.order_file, "rb") as handle:
        body = handle.read()
    suffix = PurePath(entry.order_file).suffix
    response = HttpResponse(body, content_type=mimetypes.guess_type(f"x{suffix}")[0] or "application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{entry.reference}-court-order{suffix}"'
    return response


@require_permission(Permission.VIEW_DISCLOSURES)
def recipients(request: HttpRequest) -> HttpResponse:
    """Each outside recipient in the register with its due-diligence status (P116): blocked ones first."""
    rows = [
        (recipient, services.due_diligence_problem_for(recipient))
        for recipient in Recipient.objects.exclude(kind=RecipientKind.INTERNAL).select_related("due_diligence")
    ]
    rows.sort(key=lambda row: (row[1] is None, row[0].name))
    return render(request, "disclosures/recipients.html", {"staff_section": SECTION, "rows": rows})


@require_permission(Permission.VIEW_DISCLOSURES)
def activities(request: HttpRequest) -> HttpResponse:
    """Each processing activity, and whether its data leaves the council only where the law requires it (P118)."""
    rows = ProcessingActivity.objects.select_related("service", "sharing_restriction").order_by("service__name", "name")
    return render(request, "disclosures/activities.html", {"staff_section": SECTION, "rows": rows})


@require_permission(Permission.APPROVE_DISCLOSURES)
def activity_sharing(request: HttpRequest, slug: str) -> HttpResponse:
    """Mark an activity 'no external sharing except legal requirement', or lift the mark (P118)."""
    activity = get_object_or_404(ProcessingActivity.objects.select_related("service"), slug=slug)
    current = SharingRestriction.objects.filter(activity=activity).first()
    initial = {
        "only": "yes" if current and current.legal_requirement_only else "no",
        "source": current.source if current else "",
    }
    form = SharingRestrictionForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        telling.keep_to_legal_requirement(
            activity=activity,
            actor=request.user,
            only=form.cleaned_data["only"] == "yes",
            source=form.cleaned_data["source"],
        )
        return redirect("disclosures:activities")
    context = {"staff_section": SECTION, "activity": activity, "form": form}
    return render(request, "disclosures/activity_sharing.html", context)


@require_permission(Permission.APPROVE_DISCLOSURES)
def checks(request: HttpRequest, slug: str) -> HttpResponse:
    """A recipient's due-diligence checks (P116): disclosures to it are blocked until they are complete and in date."""
    recipient = get_object_or_404(Recipient, slug=slug)
    current = getattr(recipient, "due_diligence", None)
    initial = (
        {k: getattr(current, k) for k in ("agreement", "security_assurance", "contract", "review_on", "notes")}
        if current
        else None
    )
    form = DueDiligenceForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            telling.record_due_diligence(recipient=recipient, actor=request.user, **form.cleaned_data)
        except services.DisclosureInvalid as invalid:
            _show(form, invalid)
        else:
            return redirect("disclosures:checks", slug=recipient.slug)
    problem = services.due_diligence_problem_for(recipient)
    context = {"staff_section": SECTION, "recipient": recipient, "form": form, "problem": problem, "saved": current}
    return render(request, "disclosures/checks.html", context)
