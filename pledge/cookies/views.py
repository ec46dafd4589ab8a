"""Public cookie pages: the cookies page with the register and the choice, the banner's forms, and gated embeds.

The choice forms carry no CSRF token (see preference.same_site_post) so that no cookie is set before a choice.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from pledge.cookies import config, services
from pledge.cookies.models import ConsentSource, CookieCategory, CookieItem
from pledge.cookies.preference import (
    consent_state,
    safe_next,
    same_site_post,
    store_choice,
    updated_choice,
    with_query,
)
from pledge.cookies.rules import Choice, Purpose
from pledge.site.durations import describe_duration

PURPOSE_TEXT = {
    Purpose.ANALYTICS: (
        "Do you want to accept analytics cookies?",
        "These count visits and show us how the website is used, so we can make it better.",
        "analytics cookies",
    ),
    Purpose.EMBEDDED: (
        "Do you want to accept cookies from embedded content?",
        "Videos and maps from other websites set their own cookies when they load.",
        "cookies from embedded content",
    ),
    Purpose.FUNCTIONALITY: (
        "Do you want to accept functional cookies?",
        "These remember settings you choose, so you do not have to choose them again.",
        "functional cookies",
    ),
}


def lifetime_text(item: CookieItem) -> str:
    if item.lifetime_note:
        return item.lifetime_note
    if item.lifetime_seconds is None:
        return "When you close your browser"
    return describe_duration(item.lifetime_seconds)


def _apply(request: HttpRequest, response: HttpResponse, choice: Choice, source: ConsentSource) -> HttpResponse:
    store_choice(response, choice, secure=request.is_secure())
    services.log_choice(choice=choice, source=source)
    _remove_refused_cookies(request, response, choice)
    return response


def _remove_refused_cookies(request: HttpRequest, response: HttpResponse, choice: Choice) -> None:
    """Withdrawing consent removes the cookies it covered that this site can reach (first-party ones)."""
    for item in CookieItem.objects.filter(kind="cookie"):
        purpose = services.purpose_of(item)
        if purpose is None or choice.allows(purpose) or not choice.answered(purpose):
            continue
        for name in request.COOKIES:
            if item.matches(name):
                response.delete_cookie(name)
                if config.consent_cookie_domain():
                    response.delete_cookie(name, domain=config.consent_cookie_domain())


@require_POST
@csrf_exempt
def banner_choice(request: HttpRequest) -> HttpResponse:
    """Accept or Reject on the banner; back to the same page with the confirmation message."""
    if not same_site_post(request):
        return HttpResponseForbidden("This choice must be made on this website.")
    answer = request.POST.get("cookies")
    target = safe_next(request, request.POST.get("next"))
    if answer not in {"accept", "reject"}:
        return redirect(target)
    choice = updated_choice(request, analytics=answer == "accept")
    confirmed = "accepted" if answer == "accept" else "rejected"
    return _apply(request, redirect(with_query(target, cookies=confirmed)), choice, ConsentSource.BANNER)


@require_POST
@csrf_exempt
def hide_banner(request: HttpRequest) -> HttpResponse:
    """Hide the confirmation message: the same page without it."""
    return redirect(with_query(safe_next(request, request.POST.get("next")), cookies=""))


@require_POST
@csrf_exempt
def load_embedded(request: HttpRequest) -> HttpResponse:
    """'Load content and accept its cookies' on a placeholder: consent to embedded content, then back to the page."""
    if not same_site_post(request):
        return HttpResponseForbidden("This choice must be made on this website.")
    choice = updated_choice(request, embedded=True)
    target = safe_next(request, request.POST.get("next"))
    return _apply(request, redirect(target), choice, ConsentSource.EMBED_PLACEHOLDER)


def _questions(request: HttpRequest, errors: dict[str, str]) -> list[dict]:
    state = consent_state(request)
    questions = []
    for purpose in Purpose:
        if purpose not in state.asked:
            continue
        legend, hint, _ = PURPOSE_TEXT[purpose]
        on = state.allows(purpose)
        posted = request.POST.get(purpose.value) if request.method == "POST" else None
        answered = posted is not None or (state.choice is not None and state.choice.answered(purpose))
        yes = posted == "yes" if posted is not None else on
        items = [
            {"value": "yes", "text": "Yes", "checked": answered and yes},
            {"value": "no", "text": "No", "checked": answered and not yes},
        ]
        questions.append(
            {"name": purpose.value, "legend": legend, "hint": hint, "items": items, "error": errors.get(purpose.value)}
        )
    return questions


@csrf_exempt
def cookies(request: HttpRequest) -> HttpResponse:
    """The cookies page: every item in the register, and the visitor's choice, which they can change at any time."""
    state = consent_state(request)
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not same_site_post(request):
            return HttpResponseForbidden("This choice must be made on this website.")
        answers: dict[str, bool] = {}
        for purpose in state.asked:
            value = request.POST.get(purpose.value)
            if value not in {"yes", "no"}:
                errors[purpose.value] = (
                    f"Select yes if you want to accept {PURPOSE_TEXT[purpose][2]}, or no if you do not"
                )
            else:
                answers[purpose.value] = value == "yes"
        if not errors:
            choice = updated_choice(request, **answers)
            return _apply(request, redirect("/cookies/?saved=1"), choice, ConsentSource.COOKIES_PAGE)
    elif request.method != "GET":
        return HttpResponse(status=405)
    groups = []
    items = list(CookieItem.objects.all())
    for category in CookieCategory:
        rows = [
            {"item": item, "lifetime": lifetime_text(item), "needs_consent": services.item_needs_consent(item)}
            for item in items
            if item.category == category
        ]
        if rows:
            groups.append({"category": category, "rows": rows})
    context = {
        "groups": groups,
        "questions": _questions(request, errors),
        "errors": [{"text": text, "href": f"#{name}"} for name, text in errors.items()],
        "saved": request.GET.get("saved") == "1" and not errors,
        "guidance_url": config.guidance_url(),
        "version": state.version,
        "session_lasts": describe_duration(settings.PLEDGE_SESSION_SECONDS),
        "remember_me_lasts": describe_duration(settings.PLEDGE_REMEMBER_ME_SECONDS),
    }
    return render(request, "cookies/cookies.html", context, status=400 if errors else 200)


@require_GET
def embedded_content(request: HttpRequest) -> HttpResponse:
    """A page showing how embedded videos and maps wait for consent (and where staff see the embed tag at work)."""
    return render(request, "cookies/embedded.html")
