"""Anyshire Council's demo cookie register (demo/cookies.yaml): Pledge's own cookies, Google Analytics with a
fictional measurement id, and YouTube for embedded videos. Idempotent: items are matched by name."""

from pathlib import Path

from django.conf import settings

from pledge.cookies import services
from pledge.cookies.models import CookieItem
from pledge.cookies.own import ensure_own_cookies

REGISTER = Path(settings.BASE_DIR) / "demo" / "cookies.yaml"


def load_demo() -> str:
    """Load the demo cookie register; returns a one-line summary."""
    ensure_own_cookies()
    count = services.import_register(path=REGISTER, actor="demo")
    return f"Cookie register: {count} items ({CookieItem.objects.count()} in all), version {services.current_version()}"
