"""Session lifetime: 2 days by default, 2 weeks with "remember me" (a seed-notice promise)."""

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def apply_session_lifetime(request: HttpRequest, *, remember_me: bool) -> None:
    """Fix an absolute expiry at sign-in, so activity never stretches a session past its promised life."""
    seconds = settings.PLEDGE_REMEMBER_ME_SECONDS if remember_me else settings.PLEDGE_SESSION_SECONDS
    request.session.set_expiry(timezone.now() + timedelta(seconds=seconds))
