"""Fixtures for breach tests: a frozen London clock, staff of each role, signed-in clients and a reported breach."""

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client

from pledge.breaches import services
from pledge.breaches.models import Breach
from pledge.core.models import User
from pledge.core.roles import Role

LONDON = ZoneInfo("Europe/London")
AWARE = datetime(2026, 12, 24, 16, 30, tzinfo=LONDON)


@pytest.fixture
def at(time_machine: Any) -> Callable[[datetime], datetime]:
    """Freeze the clock at the given moment."""

    def freeze(moment: datetime) -> datetime:
        time_machine.move_to(moment, tick=False)
        return moment

    return freeze


@pytest.fixture
def staff(db: None) -> Callable[[Role], User]:
    def make(role: Role) -> User:
        user, _ = User.objects.get_or_create(
            username=f"{role.value}-person", defaults={"role": role, "email": f"{role.value}@anyshire.example"}
        )
        return user

    return make


@pytest.fixture
def client_as(staff: Callable[[Role], User]) -> Callable[[Role], Client]:
    def sign_in(role: Role) -> Client:
        client = Client()
        client.force_login(staff(role))
        return client

    return sign_in


@pytest.fixture
def breach(staff: Callable[[Role], User], at: Callable[[datetime], datetime]) -> Breach:
    """A breach a caseworker reported on Christmas Eve 2026, the DPO's clock frozen 31 hours later."""
    at(datetime(2026, 12, 24, 17, 0, tzinfo=LONDON))
    reported = services.report_breach(
        actor=staff(Role.CASEWORKER),
        description="A response was emailed to the wrong resident.",
        aware_at=AWARE,
        data_categories="Name, address, council tax account",
        people_affected=1,
    )
    at(datetime(2026, 12, 25, 23, 30, tzinfo=LONDON))
    return reported
