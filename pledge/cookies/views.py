"""The public cookies page: every cookie Pledge sets, what it is for and how long it lasts."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from pledge.site.durations import describe_duration


@require_GET
def cookies(request: HttpRequest) -> HttpResponse:
    context = {
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "session_lasts": describe_duration(settings.PLEDGE_SESSION_SECONDS),
        "remember_me_lasts": describe_duration(settings.PLEDGE_REMEMBER_ME_SECONDS),
        "portal_lasts": describe_duration(settings.PLEDGE_PORTAL_SESSION_MINUTES * 60),
        "csrf_cookie": settings.CSRF_COOKIE_NAME,
        "csrf_lasts": describe_duration(settings.CSRF_COOKIE_AGE),
    }
    return render(request, "cookies/cookies.html", context)
