"""`pledge demo load` adds the demo requests once, keeps them on a second load, and --reset makes them again."""

from datetime import date, datetime, time
from io import StringIO
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db.models import QuerySet

from pledge.casework.demo_cases import remove_demo_cases
from pledge.casework.models import Case, CaseKind, Channel
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.services import open_request
from pledge.core.models import User

TUESDAY = datetime.combine(date(2026, 11, 24), time(12), tzinfo=ZoneInfo("Europe/London"))


def requests() -> "QuerySet[Case]":
    """The rights requests: complaints, also cases, come from the complaints app's own demo."""
    return Case.objects.filter(kind__in=RIGHTS_REQUEST_KINDS)


def _load(*args: str) -> str:
    out = StringIO()
    # The estate and its index are tested in pledge/discovery; here they would only make each load slower.
    call_command("demo", "load", "--skip-estate", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def frozen(time_machine: Any) -> None:
    time_machine.move_to(TUESDAY, tick=False)


@pytest.mark.django_db
def test_loading_the_demo_twice_does_not_duplicate_the_requests(frozen: None) -> None:
    first = _load()
    count = requests().count()
    assert f"Requests: {count} (" in first
    second = _load()
    assert "Requests:" not in second
    assert requests().count() == count


@pytest.mark.django_db
def test_an_already_loaded_demo_without_requests_gets_them(frozen: None) -> None:
    _load()
    remove_demo_cases()
    assert not requests().exists()
    assert "Requests:" in _load()
    assert requests().exists()


@pytest.mark.django_db
def test_reset_makes_the_demo_requests_again_and_keeps_one_a_person_logged(frozen: None) -> None:
    _load()
    before = set(requests().values_list("reference", flat=True))
    mine = open_request(
        kind=CaseKind.ERASURE,
        channel=Channel.EMAIL,
        received_on=TUESDAY.date(),
        requester_name="Typed In By Hand",
        summary="Logged in the demo by a person.",
        actor=User.objects.get(username="caseworker"),
    )
    output = _load("--reset")
    assert f"Demo requests removed: {len(before)}" in output
    after = set(requests().values_list("reference", flat=True))
    assert mine.reference in after
    assert len(after) == len(before) + 1
    assert after.isdisjoint(before)


@pytest.mark.django_db
def test_reset_with_an_invalid_register_keeps_the_demo_requests(frozen: None, tmp_path: Path) -> None:
    _load()
    count = requests().count()
    (tmp_path / "controllers.yaml").write_text("controllers: [unclosed\n")
    with pytest.raises(CommandError, match="invalid"):
        _load("--reset", "--register", str(tmp_path))
    assert requests().count() == count
