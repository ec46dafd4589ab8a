"""Test fixtures shared by the apps' test suites (loaded as a pytest plugin by the root conftest): a frozen clock,
one member of staff per role, and a client signed in as one."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Role


@pytest.fixture
def at(time_machine: Any) -> Callable[[datetime], datetime]:
    """Freeze the clock at the given moment."""

    def freeze(moment: datetime) -> datetime:
        time_machine.move_to(moment, tick=False)
        return moment

    return freeze


@pytest.fixture
def staff(db: None) -> Callable[[Role], User]:
    """The one member of staff of each role ("<role>-person", with an @anyshire.example address)."""

    def make(role: Role) -> User:
        user, _ = User.objects.get_or_create(
            username=f"{role.value}-person", defaults={"role": role, "email": f"{role.value}@anyshire.example"}
        )
        return user

    return make


@pytest.fixture
def client_as(staff: Callable[[Role], User]) -> Callable[[Role], Client]:
    """A test client signed in as that role's member of staff."""

    def sign_in(role: Role) -> Client:
        client = Client()
        client.force_login(staff(role))
        return client

    return sign_in
