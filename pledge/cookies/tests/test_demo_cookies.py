"""The demo cookie register loads Google Analytics and YouTube on top of Pledge's own cookies, and loading it twice
changes nothing (no new version, so nobody is asked again)."""

import pytest

from pledge.cookies import services
from pledge.cookies.demo import load_demo
from pledge.cookies.models import CookieItem

pytestmark = pytest.mark.django_db


def test_loading_the_demo_twice_changes_nothing() -> None:
    first = load_demo()
    version = services.current_version()
    count = CookieItem.objects.count()
    second = load_demo()
    assert services.current_version() == version
    assert CookieItem.objects.count() == count == 8
    assert first == second == f"Cookie register: 4 items (8 in all), version {version}"


def test_the_demo_asks_about_analytics_and_embedded_content() -> None:
    load_demo()
    assert {p.value: mode for p, mode in services.purposes_asked().items()} == {
        "analytics": "consent",
        "embedded": "consent",
    }
