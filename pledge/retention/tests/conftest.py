from datetime import datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.retention.models import DisposalRun
from pledge.retention.runs import queue_run
from pledge.retention.sweep import sweep
from pledge.retention.tests.estate import TODAY, make_rules, write_estate


@pytest.fixture
def estate(db: None, connected_systems: Path, time_machine: Any) -> Path:
    """The tiny estate written where this test's PLEDGE_SYSTEMS points, its rules in the register, on TODAY."""
    time_machine.move_to(datetime.combine(TODAY, time(2), tzinfo=ZoneInfo("Europe/London")), tick=False)
    make_rules()
    write_estate(connected_systems.parent)
    return connected_systems.parent


@pytest.fixture
def dpo(db: None) -> User:
    return User.objects.create_user(username="dpo", password="x", role=Role.DPO)


def run_now(*, dry_run: bool = False, system: str = "") -> DisposalRun:
    return sweep(run=queue_run(actor=None, dry_run=dry_run, system=system, enqueue=False))
