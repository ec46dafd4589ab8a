"""Fixtures for staff-page tests: the minimal register and a signed-in user of any role."""

from collections.abc import Callable

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Role

MINIMAL_REGISTER = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def register(db: None) -> None:
    call_command("register", "import", str(MINIMAL_REGISTER))


@pytest.fixture
def client_as(db: None) -> Callable[[Role], Client]:
    def sign_in(role: Role) -> Client:
        user = User.objects.create_user(username=f"{role.value}-person", password=None, role=role)
        client = Client()
        client.force_login(user)
        return client

    return sign_in
