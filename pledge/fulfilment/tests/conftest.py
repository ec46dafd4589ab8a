"""Fixtures for fulfilment tests: a frozen clock, the minimal register, staff of each role and signed-in clients."""

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.register.models import System

LONDON = ZoneInfo("Europe/London")
MINIMAL_REGISTER = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def today(time_machine: Any) -> Callable[[date], date]:
    """Freeze the clock at noon in London on the given day."""

    def freeze(day: date) -> date:
        time_machine.move_to(datetime.combine(day, time(12), tzinfo=LONDON), tick=False)
        return day

    return freeze


@pytest.fixture
def register(db: None) -> None:
    """The minimal register (council tax billing shares with a mailing house and the DWP) and a second system."""
    call_command("register", "import", str(MINIMAL_REGISTER))
    System.objects.create(slug="housing-system", name="Housing system")


@pytest.fixture
def revenues(register: None) -> System:
    return System.objects.get(slug="revenues-system")


@pytest.fixture
def housing(register: None) -> System:
    return System.objects.get(slug="housing-system")


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
