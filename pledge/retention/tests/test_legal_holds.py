"""Legal holds: placed with a reason and a review date, covering a case, a system, records or a person's
identifiers; lifted with reasons; each change audited without naming the person."""

from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from pledge.core.models import AuditEvent, User
from pledge.core.roles import Role
from pledge.register.models import System
from pledge.retention.services import LegalHoldError, hold_covers, lift_legal_hold, place_legal_hold

DAY = date(2026, 12, 1)
REF = "council-tax/accounts/CT1"


@pytest.fixture
def officer(db: None, time_machine: Any) -> User:
    time_machine.move_to(datetime.combine(DAY, time(12), tzinfo=ZoneInfo("Europe/London")), tick=False)
    return User.objects.create_user(username="ig", password=None, role=Role.IG_OFFICER)


@pytest.fixture
def revenues(db: None) -> System:
    return System.objects.create(slug="revenues-system", name="Revenues")


def covers(hold: Any, *, ref: str = REF, system: int | None = None, case: int | None = None, **identity: str) -> bool:
    return hold_covers(hold, ref=ref, register_system_id=system, case_id=case, identity=identity)


def test_a_hold_on_named_records_covers_those_records_only(officer: User) -> None:
    hold = place_legal_hold(
        reason="Claim 26-CL-1", review_on=DAY + timedelta(days=30), record_refs=[REF], actor=officer
    )
    assert covers(hold) and not covers(hold, ref="council-tax/accounts/CT2")
    event = AuditEvent.objects.get(object_type="legal_hold")
    assert event.summary == f"Legal hold {hold.pk} placed (1 records), review by 31 December 2026"


def test_a_hold_on_a_persons_identifiers_matches_them_as_systems_vary_them(officer: User, revenues: System) -> None:
    hold = place_legal_hold(
        reason="ICO investigation",
        review_on=DAY,
        person_identifiers={"ni_number": "QQ 12 34 56 C"},
        system=revenues,
        actor=officer,
    )
    assert covers(hold, system=revenues.pk, ni_number="qq123456c")
    assert not covers(hold, system=revenues.pk + 1, ni_number="QQ123456C")  # another system
    assert not covers(hold, system=revenues.pk, ni_number="QQ123456D")
    assert "QQ" not in AuditEvent.objects.get(object_type="legal_hold").summary


def test_a_hold_on_a_system_alone_covers_all_of_it(officer: User, revenues: System) -> None:
    hold = place_legal_hold(reason="System migration dispute", review_on=DAY, system=revenues, actor=officer)
    assert covers(hold, system=revenues.pk) and not covers(hold, system=None)


def test_a_lifted_hold_covers_nothing(officer: User) -> None:
    hold = place_legal_hold(reason="Claim", review_on=DAY, record_refs=[REF], actor=officer)
    lift_legal_hold(hold=hold, reasons="Claim settled", actor=officer)
    assert not covers(hold)
    with pytest.raises(LegalHoldError, match="already been lifted"):
        lift_legal_hold(hold=hold, reasons="Again", actor=officer)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reason": " "}, "why the records must be kept"),
        ({"review_on": DAY - timedelta(days=1)}, "in the past"),
        ({"record_refs": []}, "Say what the hold covers"),
        ({"person_identifiers": {"name": "Zebedee"}}, "Not an identifier"),
    ],
)
def test_it_refuses_an_incomplete_hold(officer: User, kwargs: dict[str, Any], message: str) -> None:
    given: dict[str, Any] = {"reason": "Claim", "review_on": DAY, "record_refs": [REF], **kwargs}
    with pytest.raises(LegalHoldError, match=message):
        place_legal_hold(actor=officer, **given)
    assert not AuditEvent.objects.filter(object_type="legal_hold").exists()
