"""The requester portal session: a signed case id in the session, good for ``PLEDGE_PORTAL_SESSION_MINUTES``.

The value is signed with its time, so the portal stops at the same moment whether or not the session outlives it;
a resident's session cookie is set to end then too (the cookies page says so).
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.http import HttpRequest
from django.utils import timezone

from pledge.casework.models import Case

SESSION_KEY = "rights_portal"
SESSION_SALT = "pledge.rights.portal-session"


def session_minutes() -> int:
    """How long a portal session lasts (``PLEDGE_PORTAL_SESSION_MINUTES``, 60 unless set)."""
    return int(getattr(settings, "PLEDGE_PORTAL_SESSION_MINUTES", 60))


def start_portal_session(request: HttpRequest, *, case: Case) -> None:
    """Let this browser see ``case`` (and nothing else) in the portal for the session's minutes."""
    request.session.cycle_key()  # a new session id at sign-in, so a planted cookie gains nothing
    request.session[SESSION_KEY] = signing.dumps({"case": case.pk}, salt=SESSION_SALT)
    if not request.user.is_authenticated:
        request.session.set_expiry(timezone.now() + timedelta(minutes=session_minutes()))


def portal_case(request: HttpRequest) -> Case | None:
    """The case this browser's portal session is for, or None when there is none, it was tampered with or ended."""
    value = request.session.get(SESSION_KEY)
    if not value:
        return None
    try:
        data = signing.loads(value, salt=SESSION_SALT, max_age=timedelta(minutes=session_minutes()))
        return Case.objects.filter(pk=int(data["case"])).first()
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def end_portal_session(request: HttpRequest) -> None:
    """Sign out of the portal; a resident's whole session goes, a member of staff stays signed in."""
    request.session.pop(SESSION_KEY, None)
    if not request.user.is_authenticated:
        request.session.flush()
