"""The public "make a data protection request" journey: a start page, one question per page, check your
answers, and a confirmation reached through a signed link that carries no personal data."""

import logging
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.views.decorators.http import require_GET, require_http_methods

from pledge.casework.impact import SERVICE_IMPACT_WARNING, has_service_impact
from pledge.casework.models import Case, CaseKind
from pledge.casework.services import CaseworkError
from pledge.rights.forms import CCTV_DETAILS_HINT
from pledge.rights.journey import (
    SESSION_KEY,
    STEPS,
    STEPS_BY_SLUG,
    Answers,
    Step,
    about_someone_who_has_died,
    applicable_steps,
    cleaned_answers,
    first_unanswered,
    next_step,
    previous_step,
)
from pledge.rights.submissions import already_sent, new_submission_token, send_request_once
from pledge.site.contacts import dpo_contact

logger = logging.getLogger(__name__)

CONFIRMATION_SALT = "pledge.rights.request-confirmation"
# The one-time token of the check-your-answers form, so sending it twice opens one case.
SUBMISSION_KEY = "rights_request_submission"
CONFIRMATION_MAX_AGE_SECONDS = 24 * 3600

# What each answer is called on the check-your-answers page.
ROW_KEYS = {
    "kind": "What you want to do",
    "for_whom": "Who it is for",
    "relationship": "Your relationship to them",
    "subject_name": "Their name",
    "living": "Are they alive",
    "name": "Your name",
    "email": "Email address",
    "address": "Postal address",
    "details": "Your request",
}


def _answers(request: HttpRequest) -> dict[str, Any]:
    # Reading the session does not create it: the cookie only starts when the first answer is saved.
    return dict(request.session.get(SESSION_KEY, {}))


def _step_url(step: Step, *, changing: bool = False) -> str:
    url = reverse("rights:question", kwargs={"slug": step.slug})
    return f"{url}?change=1" if changing else url


def _form_for(step: Step, answers: Answers, data: Any = None) -> forms.Form:
    form = step.form_class(data=data) if data is not None else step.form_class(initial=dict(answers))
    if "details" in form.fields and answers.get("kind") == CaseKind.ACCESS_CCTV:
        form.fields["details"].help_text = CCTV_DETAILS_HINT
    return form


def _after_saving(answers: Answers, step: Step, *, changing: bool) -> HttpResponse:
    if changing:
        missing = first_unanswered(answers)
        return redirect(_step_url(missing, changing=True) if missing else reverse("rights:check_answers"))
    following = next_step(answers, step)
    return redirect(_step_url(following) if following else reverse("rights:check_answers"))


def _back_link(answers: Answers, step: Step, *, changing: bool) -> str:
    if changing:
        return reverse("rights:check_answers")
    previous = previous_step(answers, step)
    return _step_url(previous) if previous else reverse("rights:start")


@require_GET
def someone_who_has_died(request: HttpRequest) -> HttpResponse:
    """Where a request about a person who has died goes instead (promise P048); nothing is sent from here."""
    answers = _answers(request)
    if not about_someone_who_has_died(answers):
        return redirect("rights:start")
    return render(
        request,
        "rights/someone_who_has_died.html",
        {
            "dpo": dpo_contact(),
            "foi_url": settings.PLEDGE_FOI_URL,
            "back_link": _step_url(STEPS_BY_SLUG["are-they-alive"], changing=True),
        },
    )


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Explain the rights in plain English and start the journey."""
    return render(request, "rights/start.html", {"dpo": dpo_contact(), "first_question": _step_url(STEPS[0])})


@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask one question; earlier unanswered questions come first."""
    step = STEPS_BY_SLUG[slug]
    answers = _answers(request)
    missing = first_unanswered(answers, before=step)
    if missing is not None:
        return redirect(_step_url(missing))
    if not step.applies(answers):
        return redirect("rights:check_answers")
    changing = request.GET.get("change") == "1"
    form = _form_for(step, answers, request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        answers.update(form.cleaned_data)
        request.session[SESSION_KEY] = answers
        if not request.user.is_authenticated:
            # A resident's answers live only as long as the journey needs them (cookies page says so).
            request.session.set_expiry(settings.PLEDGE_REQUEST_JOURNEY_SECONDS)
        return _after_saving(answers, step, changing=changing)
    context = {
        "form": form,
        "step": step,
        "single_question": len(form.fields) == 1,
        "back_link": _back_link(answers, step, changing=changing),
    }
    return render(request, "rights/question.html", context)


def _answer_value(form: forms.Form, name: str, value: Any) -> Any:
    field = form.fields[name]
    if isinstance(field, forms.ChoiceField):
        labels = dict(cast(list[tuple[str, str]], field.choices))
        return labels[value]
    if not value:
        return "Not given"
    return linebreaksbr(value, autoescape=True)


def _summary_rows(answers: Answers) -> list[dict[str, Any]]:
    rows = []
    for step in applicable_steps(answers):
        form = step.bound_form(answers)
        form.is_valid()
        for name in form.fields:
            key = ROW_KEYS[name]
            rows.append(
                {
                    "key": key,
                    "value_html": format_html("{}", _answer_value(form, name, form.cleaned_data[name])),
                    "actions": [
                        {"href": _step_url(step, changing=True), "text": "Change", "visually_hidden_text": key.lower()}
                    ],
                }
            )
    return rows


@require_http_methods(["GET", "POST"])
def check_answers(request: HttpRequest) -> HttpResponse:
    """Show every answer with a Change link; sending it opens the case and clears the answers."""
    if request.method == "POST" and (sent := _already_sent(request)) is not None:
        return sent
    answers = _answers(request)
    missing = first_unanswered(answers)
    if missing is not None:
        return redirect(_step_url(missing))
    if about_someone_who_has_died(answers):
        return redirect("rights:someone_who_has_died")
    if request.method == "POST":
        return _send(request, answers)
    previous = applicable_steps(answers)[-1]
    if not request.session.get(SUBMISSION_KEY):
        request.session[SUBMISSION_KEY] = new_submission_token()
    context = {
        "rows": _summary_rows(answers),
        "back_link": _step_url(previous),
        "service_impact": SERVICE_IMPACT_WARNING if has_service_impact(answers.get("kind", "")) else "",
        "submission": request.session[SUBMISSION_KEY],
    }
    return render(request, "rights/check_answers.html", context)


def _already_sent(request: HttpRequest) -> HttpResponse | None:
    """The confirmation of the case this form already opened (a second press of Send, or back and Send again)."""
    case = already_sent(token=request.POST.get("submission", ""))
    return _confirmation_redirect(case) if case is not None else None


def _send(request: HttpRequest, answers: Answers) -> HttpResponse:
    # The form carries the token; a post without one (an old page) uses this session's.
    token = request.POST.get("submission") or request.session.get(SUBMISSION_KEY) or new_submission_token()
    try:
        case = send_request_once(token=token, answers=cleaned_answers(answers), received_on=timezone.localdate())
    except CaseworkError as error:
        # The message names dates, never the requester; the answers stay so they can try again.
        logger.warning("A public rights request could not be logged: %s", error)
        return render(request, "rights/problem.html", {"dpo": dpo_contact()}, status=503)
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SUBMISSION_KEY, None)
    return _confirmation_redirect(case)


def _confirmation_redirect(case: Case) -> HttpResponse:
    token = signing.dumps({"reference": case.reference, "due_on": case.due_on.isoformat()}, salt=CONFIRMATION_SALT)
    return redirect(f"{reverse('rights:confirmation')}?{urlencode({'request': token})}")


@require_GET
def confirmation(request: HttpRequest) -> HttpResponse:
    """The reference and the date we will reply by, from the signed link (no cookie, no personal data)."""
    try:
        sent = signing.loads(
            request.GET.get("request", ""), salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE_SECONDS
        )
        due_on = parse_date(sent["due_on"])
        reference = str(sent["reference"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return redirect("rights:start")
    panel_html = format_html("Your reference number<br><strong>{}</strong>", reference)
    context = {"reference": reference, "due_on": due_on, "panel_html": panel_html}
    return render(request, "rights/confirmation.html", context)
