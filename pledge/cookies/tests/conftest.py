"""Fixtures for cookie tests: the demo register, staff of each role and a stable clock."""

from collections.abc import Callable

import pytest
from django.test import Client

from pledge.cookies.demo import load_demo
from pledge.core.models import User
from pledge.core.roles import Role


@pytest.fixture
def demo_register(db: None) -> None:
    load_demo()


@pytest.fixture
def staff_client(db: None) -> Callable[[Role], Client]:
    def make(role: Role) -> Client:
        user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
        client = Client()
        client.force_login(user)
        return client

    return make
