"""Login session lifetime (P089-P091): without "remember me" a browser-session cookie and a server session that ends
``PLEDGE_SESSION_SECONDS`` (48 hours) after sign-in; with it, ``PLEDGE_REMEMBER_ME_SECONDS`` (14 days)."""

from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

BROWSER_SESSION_KEY = "pledge_browser_session"


def apply_session_lifetime(request: HttpRequest, *, remember_me: bool) -> None:
    """Fix an absolute expiry at sign-in, so activity never stretches a session past its promised life."""
    seconds = settings.PLEDGE_REMEMBER_ME_SECONDS if remember_me else settings.PLEDGE_SESSION_SECONDS
    request.session.set_expiry(timezone.now() + timedelta(seconds=seconds))
    request.session[BROWSER_SESSION_KEY] = not remember_me


def send_login_cookie(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Without "remember me", send the session cookie with no Expires or Max-Age, so closing the browser ends it.

    Django's session middleware would give the cookie a Max-Age from the server-side expiry; the server still ends
    the session at that expiry, but the cookie itself must not outlive the browser (P089). So the session is saved
    here, the cookie set here, and the middleware told there is nothing left to send.
    """
    if not request.session.get(BROWSER_SESSION_KEY):
        return response
    request.session.save()
    response.set_cookie(
        settings.SESSION_COOKIE_NAME,
        request.session.session_key or "",
        max_age=None,
        path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN,
        secure=bool(settings.SESSION_COOKIE_SECURE),
        httponly=bool(settings.SESSION_COOKIE_HTTPONLY),
        samesite=settings.SESSION_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
    request.session.modified = False
    return response


def expire_login_cookies(response: HttpResponse) -> HttpResponse:
    """Send Max-Age=0 for every cookie a sign-in made (P091); the server session is already flushed by logout()."""
    response.delete_cookie(
        settings.SESSION_COOKIE_NAME,
        path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN,
        samesite=settings.SESSION_COOKIE_SAMESITE,  # type: ignore[arg-type]
    )
    return response


class BrowserSessionCookieMiddleware:
    """Keep a browser-session login cookie a browser-session cookie on every later response (P089).

    Django's session middleware resends the cookie with a Max-Age whenever a request changes the session. Placed
    before (outside) it, this strips Max-Age and Expires again when the session was opened without "remember me";
    the server still ends the session at its fixed expiry.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        session = getattr(request, "session", None)
        cookie = response.cookies.get(settings.SESSION_COOKIE_NAME)
        if session is not None and cookie is not None and cookie.value and session.get(BROWSER_SESSION_KEY):
            cookie["max-age"] = ""
            cookie["expires"] = ""
        return response
