"""Fixtures for complaint tests: a frozen clock, a caseworker and signed-in clients of each role."""

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Role

LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def today(time_machine: Any) -> Callable[[date], date]:
    """Freeze the clock at noon in London on the given day."""

    def freeze(day: date) -> date:
        time_machine.move_to(datetime.combine(day, time(12), tzinfo=LONDON), tick=False)
        return day

    return freeze


@pytest.fixture
def caseworker(db: None) -> User:
    return User.objects.create_user(username="casey", password=None, role=Role.CASEWORKER)


@pytest.fixture
def client_as(db: None) -> Callable[[Role], Client]:
    def sign_in(role: Role) -> Client:
        user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
        client = Client()
        client.force_login(user)
        return client

    return sign_in
