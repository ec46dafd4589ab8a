"""Public newsletter pages: sign up, confirm, unsubscribe and the preference centre. None needs signing in: the
signed link in the email is the credential. A bad link shows what is wrong and changes nothing."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt

from pledge.consent.models import Channel
from pledge.newsletters import services, tokens
from pledge.newsletters.forms import PreferencesForm, SignupForm
from pledge.newsletters.lists import NewsletterInvalid, active_lists
from pledge.newsletters.models import SubscriptionState


def show_problems(form: forms.Form, invalid: NewsletterInvalid) -> None:
    for key, message in invalid.problems.items():
        form.add_error(key if key in form.fields else None, message)


def _link_problem(request: HttpRequest, problem: tokens.TokenProblem) -> HttpResponse:
    return render(request, "newsletters/link_problem.html", {"problem": str(problem)}, status=400)


def signup(request: HttpRequest) -> HttpResponse:
    """The sign-up form: pick newsletters, give an address, get a confirmation link (double opt-in)."""
    form = SignupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_subscription(
                email=form.cleaned_data["email"],
                list_slugs=form.cleaned_data["lists"],
                channel=Channel.WEB,
                actor="the subscriber",
            )
        except NewsletterInvalid as invalid:
            show_problems(form, invalid)
        else:
            return redirect("newsletters:check_email")
    return render(request, "newsletters/signup.html", {"form": form, "lists": active_lists()})


def check_email(request: HttpRequest) -> HttpResponse:
    return render(request, "newsletters/check_email.html", {"days": tokens.confirm_days()})


def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks; POST confirms. A mail scanner that follows the link therefore cannot subscribe anybody."""
    try:
        subscription = tokens.read_confirm_token(token)
    except tokens.TokenProblem as problem:
        return _link_problem(request, problem)
    if request.method != "POST":
        waiting = subscription.memberships.filter(state=SubscriptionState.PENDING).select_related("newsletter")
        return render(request, "newsletters/confirm.html", {"waiting": [m.newsletter for m in waiting]})
    try:
        confirmed = services.confirm_subscription(token=token)
    except tokens.TokenProblem as problem:
        return _link_problem(request, problem)
    context = {"confirmed": confirmed, "preferences_token": tokens.preferences_token(subscription)}
    return render(request, "newsletters/confirmed.html", context)


# RFC 8058 one-click unsubscribe: a mail client POSTs "List-Unsubscribe=One-Click" to the List-Unsubscribe URL with
# no cookies and no CSRF token, so this one view is exempt from CSRF. That is safe here: the signed token in the URL
# is the credential, and the worst a forged cross-site POST could do is what the token's holder may do anyway,
# unsubscribe that address. GET never unsubscribes (link scanners follow links); it shows a button.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with an "Unsubscribe" button. POST: unsubscribed, at once, without signing in (P086)."""
    try:
        found = tokens.read_unsubscribe_token(token)
    except tokens.TokenProblem as problem:
        return _link_problem(request, problem)
    newsletter = None
    if found.list_id is not None:
        newsletter = found.subscription.memberships.filter(newsletter_id=found.list_id).first()
    context: dict[str, Any] = {
        "newsletter": newsletter.newsletter if newsletter else None,
        "everything": found.list_id is None,
    }
    if request.method != "POST":
        return render(request, "newsletters/unsubscribe.html", context)
    try:
        result = services.unsubscribe(token=token)
    except tokens.TokenProblem as problem:
        return _link_problem(request, problem)
    context |= {"result": result, "preferences_token": tokens.preferences_token(found.subscription)}
    return render(request, "newsletters/unsubscribed.html", context)


def preferences(request: HttpRequest, token: str) -> HttpResponse:
    """The preference centre (P084): change newsletters, unsubscribe from everything, see the consent history."""
    try:
        subscription = tokens.read_preferences_token(token)
    except tokens.TokenProblem as problem:
        return _link_problem(request, problem)
    current = [
        str(pk)
        for pk in subscription.memberships.filter(state=SubscriptionState.CONFIRMED).values_list(
            "newsletter_id", flat=True
        )
    ]
    form = PreferencesForm(request.POST if request.method == "POST" else None, initial={"lists": current})
    saved: services.Unsubscribed | services.PreferenceChange | None = None
    if request.method == "POST":
        if request.POST.get("action") == "all":
            saved = services.unsubscribe_from_all(subscription=subscription)
            form = PreferencesForm(initial={"lists": []})
        elif form.is_valid():
            try:
                saved = services.change_preferences(subscription=subscription, list_ids=form.cleaned_data["lists"])
            except NewsletterInvalid as invalid:
                show_problems(form, invalid)
            else:
                form = PreferencesForm(initial={"lists": form.cleaned_data["lists"]})
    context = {"form": form, "saved": saved, "history": services.consent_history(subscription)}
    return render(request, "newsletters/preferences.html", context)
