"""The cookies Pledge itself sets: every register starts with them (migration 0002) and the demo keeps them."""

from django.conf import settings

from pledge.site.durations import describe_duration

COUNCIL = settings.PLEDGE_COUNCIL.get("name", "The council")


def own_cookies() -> list[dict]:
    """Pledge's own cookies, with lifetimes from this installation's settings."""
    session = describe_duration(settings.PLEDGE_SESSION_SECONDS)
    remember = describe_duration(settings.PLEDGE_REMEMBER_ME_SECONDS)
    journey = describe_duration(getattr(settings, "PLEDGE_REQUEST_JOURNEY_SECONDS", 3600))
    portal = describe_duration(settings.PLEDGE_PORTAL_SESSION_MINUTES * 60)
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "category": "strictly_necessary",
            "purpose": (
                "Keeps council staff signed in. For members of the public it is set only when you answer the first "
                "question of a data protection request online, to remember your answers until you send the request, "
                "and when you open the emailed link to check your request, to show you that request only."
            ),
            "lifetime_seconds": None,
            "lifetime_note": (
                f"For staff: when the browser closes or after {session}, or {remember} with “remember me”; removed "
                f"when they sign out. For a request: {journey} after your last answer. "
                f"For checking your request: {portal} after you open the link."
            ),
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "category": "security",
            "purpose": (
                "Protects forms, such as the form to contact the Data Protection Officer, from being sent by another "
                "website pretending to be you."
            ),
            "lifetime_seconds": settings.CSRF_COOKIE_AGE,
            "lifetime_note": "",
        },
        {
            "name": getattr(settings, "PLEDGE_COOKIE_CONSENT_NAME", "pledge_cookie_consent"),
            "category": "strictly_necessary",
            "purpose": (
                "Remembers your cookie choices, with a random number that lets us prove what you chose. Set only "
                "when you make a choice."
            ),
            "lifetime_seconds": int(getattr(settings, "PLEDGE_COOKIE_CONSENT_SECONDS", 365 * 24 * 3600)),
            "lifetime_note": "",
        },
        {
            "name": "messages",
            "category": "strictly_necessary",
            "purpose": "Shows council staff a one-off confirmation after a change. Never set for the public.",
            "lifetime_seconds": None,
            "lifetime_note": "",
        },
    ]


def ensure_own_cookies() -> int:
    """Put back any of Pledge's own cookies missing from the register; returns how many were added."""
    from pledge.cookies.models import CookieItem

    added = 0
    for entry in own_cookies():
        _, created = CookieItem.objects.get_or_create(
            name=entry.pop("name"),
            kind="cookie",
            defaults={**entry, "provider": COUNCIL, "exemption": "strictly_necessary"},
        )
        added += created
    return added
