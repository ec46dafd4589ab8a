"""Consent pages: staff find a person and see or key in what they said (VIEW_CONSENT, RECORD_CONSENT), and the public
one-step opt-out of promotional messages (P079).

People are found by a POSTed email address, turned at once into the pseudonymous subject id; only that id appears in
URLs. The public opt-out never says whether an address was known: every valid address gets the same answer.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from pledge.consent import services, tables
from pledge.consent.forms import (
    ChannelForm,
    FindPersonForm,
    PublicOptOutForm,
    RecordConsentForm,
    RepresentativeConsentForm,
    WithdrawForm,
)
from pledge.consent.models import Channel, ConsentPurpose, PurposeKind
from pledge.consent.services import ConsentRefused, Representative
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission

SECTION = "consent"
# The label the ledger shows as who captured a resident's own opt-out on the website.
PUBLIC_ACTOR = "public opt-out page"


@require_permission(Permission.VIEW_CONSENT)
@require_http_methods(["GET", "POST"])
def find_person(request: HttpRequest) -> HttpResponse:
    """Search by email address (POST only) and go to the person's history, named by subject id."""
    form = FindPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        subject = person if services.SUBJECT_PATTERN.match(person) else services.subject_for_email(person)
        return redirect("consent:person", subject=subject)
    status = 400 if form.errors else 200
    return render(request, "consent/find.html", {"staff_section": SECTION, "form": form}, status=status)


def _subject(subject: str) -> str:
    try:
        return services.check_subject(subject)
    except ConsentRefused:
        raise Http404("No such subject") from None


@require_permission(Permission.VIEW_CONSENT)
def person(request: HttpRequest, subject: str) -> HttpResponse:
    """Everything the ledger holds about one person, oldest first, and what each purpose reads as now."""
    subject = _subject(subject)
    events = services.history(subject=subject)
    purposes = ConsentPurpose.objects.order_by("kind", "name")
    current = [
        (
            purpose.name,
            services.consent_status(subject=subject, purpose=purpose.slug)
            if purpose.kind == PurposeKind.SHARING
            else services.may_send(subject=subject, purpose=purpose.slug),
        )
        for purpose in purposes
    ]
    context = {
        "staff_section": SECTION,
        "subject": subject,
        "history_head": tables.HISTORY_HEAD,
        "history_rows": tables.history_rows(events),
        "representative_head": tables.REPRESENTATIVE_HEAD,
        "representative_rows": tables.representative_rows(events),
        "current_head": tables.CURRENT_HEAD,
        "current_rows": tables.current_rows(current),
        "can_record": request.user.has_pledge_permission(Permission.RECORD_CONSENT),  # type: ignore[union-attr]
    }
    return render(request, "consent/person.html", context)


def _form_page(
    request: HttpRequest, *, subject: str, form: forms.Form, title: str, button: str, intro: str = ""
) -> HttpResponse:
    context = {
        "staff_section": SECTION,
        "subject": subject,
        "form": form,
        "title": title,
        "button": button,
        "intro": intro,
    }
    return render(request, "consent/record.html", context, status=400 if form.errors else 200)


def _refused(form: forms.Form, refused: ConsentRefused) -> None:
    # The service refused after the form passed: show it as a form error, with nothing saved.
    form.add_error(None, str(refused))


@require_permission(Permission.RECORD_CONSENT)
@require_http_methods(["GET", "POST"])
def record_consent(request: HttpRequest, subject: str) -> HttpResponse:
    """P079, P080: key in a consent given by phone, letter or in person, with the wording version used."""
    subject = _subject(subject)
    form = RecordConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if _save_consent(request, form, subject=subject, representative=None):
            messages.success(request, "Consent recorded.")
            return redirect("consent:person", subject=subject)
    return _form_page(request, subject=subject, form=form, title="Record a consent", button="Record the consent")


@require_permission(Permission.RECORD_CONSENT)
@require_http_methods(["GET", "POST"])
def record_representative_consent(request: HttpRequest, subject: str) -> HttpResponse:
    """P081: key in a consent given on the person's behalf, with the representative's identity and authority."""
    subject = _subject(subject)
    form = RepresentativeConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        representative = Representative(
            name=data["representative_name"],
            relationship=data["representative_relationship"],
            authority_evidence=data["representative_authority"],
        )
        if _save_consent(request, form, subject=subject, representative=representative):
            messages.success(request, "Consent given by a representative recorded.")
            return redirect("consent:person", subject=subject)
    return _form_page(
        request,
        subject=subject,
        form=form,
        title="Record a consent given by a representative",
        button="Record the consent",
        intro="Only for someone with the legal authority to decide for the person, such as an attorney under a "
        "lasting power of attorney, a deputy, or a parent of a young child. It is shown apart from the person's own.",
    )


def _save_consent(
    request: HttpRequest, form: RecordConsentForm, *, subject: str, representative: Representative | None
) -> bool:
    wording = form.chosen_wording()
    try:
        services.record_consent(
            subject=subject,
            purpose=wording.purpose.slug,
            wording_version=wording.version,
            channel=Channel(form.cleaned_data["channel"]),
            actor=request.user,
            occurred_at=form.occurred_at(),
            evidence=form.cleaned_data["evidence"],
            explicit=form.cleaned_data["explicit"],
            representative=representative,
        )
    except ConsentRefused as refused:
        _refused(form, refused)
        return False
    return True


@require_permission(Permission.RECORD_CONSENT)
@require_http_methods(["GET", "POST"])
def withdraw_consent(request: HttpRequest, subject: str) -> HttpResponse:
    """Art 7(3): key in a withdrawal of one consent given by phone, letter or in person."""
    subject = _subject(subject)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.withdraw_consent(
                subject=subject,
                purpose=form.cleaned_data["purpose"],
                channel=Channel(form.cleaned_data["channel"]),
                actor=request.user,
                occurred_at=form.occurred_at(),
                evidence=form.cleaned_data["evidence"],
            )
        except ConsentRefused as refused:
            _refused(form, refused)
        else:
            messages.success(request, "Withdrawal recorded.")
            return redirect("consent:person", subject=subject)
    return _form_page(request, subject=subject, form=form, title="Record a withdrawal", button="Record the withdrawal")


BLANKET: dict[str, dict[str, Any]] = {
    "opt-out": {
        "service": services.opt_out_of_promotional,
        "title": "Record an opt-out of promotional messages",
        "button": "Record the opt-out",
        "done": "Opt-out recorded: the person gets no more promotional messages, newsletters or marketing.",
        "intro": "The same opt-out as the one on the website (P079). Service messages, such as changes to a service "
        "the person uses, still go.",
    },
    "object": {
        "service": services.object_to_direct_marketing,
        "title": "Record an objection to direct marketing",
        "button": "Record the objection",
        "done": "Objection recorded: no direct marketing goes to this person, whatever they agreed to before.",
        "intro": "An objection to direct marketing is absolute (UK GDPR Article 21(3)): no marketing, promotional "
        "message or newsletter reads as agreed to afterwards.",
    },
}


@require_permission(Permission.RECORD_CONSENT)
@require_http_methods(["GET", "POST"])
def record_blanket(request: HttpRequest, subject: str, kind: str) -> HttpResponse:
    """P079 and Art 21(3): key in an opt-out of promotional messages or an objection to direct marketing."""
    subject = _subject(subject)
    page = BLANKET.get(kind)
    if page is None:
        raise Http404("No such change")
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        page["service"](
            subject=subject,
            channel=Channel(form.cleaned_data["channel"]),
            actor=request.user,
            evidence=form.cleaned_data["evidence"],
        )
        messages.success(request, page["done"])
        return redirect("consent:person", subject=subject)
    return _form_page(
        request, subject=subject, form=form, title=page["title"], button=page["button"], intro=page["intro"]
    )


@require_http_methods(["GET", "POST"])
def public_opt_out(request: HttpRequest) -> HttpResponse:
    """P079: a resident opts out of every non-service message in one step, with no account. The answer is the same
    whether or not the address is known, so the page cannot be used to find out who is on the council's lists."""
    form = PublicOptOutForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subject = services.subject_for_email(form.cleaned_data["email"])
        services.opt_out_of_promotional(subject=subject, channel=Channel.WEB, actor=PUBLIC_ACTOR)
        return redirect("consent:opted_out")
    status = 400 if form.errors else 200
    return render(request, "consent/public_opt_out.html", {"form": form}, status=status)


@require_GET
def public_opted_out(request: HttpRequest) -> HttpResponse:
    """The confirmation: says what stops and what still comes, never which address was entered."""
    return render(request, "consent/public_opted_out.html")
