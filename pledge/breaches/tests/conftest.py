"""Fixtures for breach tests: a frozen London clock, staff of each role, signed-in clients and a reported breach."""

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from pledge.breaches import services
from pledge.breaches.models import Breach
from pledge.core.models import User
from pledge.core.roles import Role

LONDON = ZoneInfo("Europe/London")
AWARE = datetime(2026, 12, 24, 16, 30, tzinfo=LONDON)


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
