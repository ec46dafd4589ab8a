"""Fixtures for API tests: the minimal register, staff and service tokens of each role, and a caller."""

from collections.abc import Callable
from typing import Any

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.core.models import ServiceToken, User
from pledge.core.roles import Role
from pledge.register.models import Service

MINIMAL_REGISTER = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture(autouse=True)
def api_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "pledge.api.tests.urls"


@pytest.fixture
def register(db: None) -> None:
    call_command("register", "import", str(MINIMAL_REGISTER))


@pytest.fixture
def make_user(db: None) -> Callable[..., User]:
    def make(*, role: Role, username: str = "", leads: tuple[str, ...] = ()) -> User:
        user = User.objects.create_user(username=username or f"{role.value}-user", password=None, role=role)
        for slug in leads:
            Service.objects.get(slug=slug).leads.add(user)
        return user

    return make


@pytest.fixture
def make_token(db: None) -> Callable[..., str]:
    def make(*, role: Role, name: str = "") -> str:
        _, raw = ServiceToken.issue(name=name or f"{role.value}-system", role=role)
        return raw

    return make
