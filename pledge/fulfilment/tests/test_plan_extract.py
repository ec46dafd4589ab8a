"""P065: an objection to profiling keeps the person out of the activity's next input extract until it is decided."""

import csv
import io
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.management import call_command

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent, User
from pledge.fulfilment.plan_extract import write_extract
from pledge.fulfilment.services import record_objection_decision
from pledge.fulfilment.tests.factories import make_case, make_restriction
from pledge.fulfilment.tests.plan_estate import Estate, build_estate, confirm_records, register_estate_systems
from pledge.register.models import ProcessingActivity, System

DAY = date(2026, 12, 1)


@pytest.fixture
def profiling(register: None, settings: LazySettings, tmp_path: Path) -> ProcessingActivity:
    built: Estate = build_estate(tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = built.yaml
    register_estate_systems()
    activity = ProcessingActivity.objects.get(slug="garden-waste-subscription")
    activity.lawful_basis = "e"  # public task, so the objection is weighed and can carry on (Art 21(1))
    activity.save(update_fields=["lawful_basis"])
    activity.systems.set([System.objects.get(slug="newsletters-system")])
    return activity


def extract_keys(activity: ProcessingActivity, actor: User) -> list[str]:
    out = io.StringIO()
    write_extract(activity=activity, out=out, actor=actor)
    return [row["key"] for row in csv.DictReader(io.StringIO(out.getvalue()))]


def objection(actor: User, today: Callable[[date], date]):  # type: ignore[no-untyped-def]
    today(DAY)
    case = make_case(
        kind=CaseKind.OBJECTION,
        received_on=DAY - timedelta(days=1),
        activities=("garden-waste-subscription",),
        actor=actor,
    )
    confirm_records(case=case, actor=actor, refs=("newsletters/subscribers/N1",))
    return case


def test_an_undecided_objection_leaves_the_person_out_of_the_extract(
    profiling: ProcessingActivity, caseworker: User, today: Callable[[date], date]
) -> None:
    assert extract_keys(profiling, caseworker) == ["N1", "N2"]
    objection(caseworker, today)
    assert extract_keys(profiling, caseworker) == ["N2"]
    assert AuditEvent.objects.filter(summary__contains="left out 1 (objection to profiling").exists()


def test_once_decided_to_carry_on_the_person_is_back_in(
    profiling: ProcessingActivity, caseworker: User, today: Callable[[date], date]
) -> None:
    case = objection(caseworker, today)
    record_objection_decision(
        case=case,
        activity=profiling,
        outcome="carry_on",
        carry_on_ground="compelling_grounds",
        reasons="Needed to plan the collection rounds",
        decided_on=DAY,
        actor=caseworker,
    )
    assert extract_keys(profiling, caseworker) == ["N1", "N2"]


def test_once_decided_to_stop_the_person_stays_out(
    profiling: ProcessingActivity, caseworker: User, today: Callable[[date], date]
) -> None:
    case = objection(caseworker, today)
    record_objection_decision(
        case=case, activity=profiling, outcome="stopped", how_stopped="Flagged", decided_on=DAY, actor=caseworker
    )
    assert extract_keys(profiling, caseworker) == ["N2"]


def test_restricted_records_are_left_out_too(
    profiling: ProcessingActivity, caseworker: User, today: Callable[[date], date]
) -> None:
    today(DAY)
    case = make_case(kind=CaseKind.RESTRICTION, received_on=DAY, actor=caseworker)
    make_restriction(
        case=case, system=System.objects.get(slug="newsletters-system"), reference="N2", actor=caseworker, on=DAY
    )
    assert extract_keys(profiling, caseworker) == ["N1"]


def test_the_command_writes_the_extract(profiling: ProcessingActivity, caseworker: User, tmp_path: Path, today) -> None:  # type: ignore[no-untyped-def]
    objection(caseworker, today)
    out = tmp_path / "extract.csv"
    errors = io.StringIO()
    call_command("extract", "garden-waste-subscription", "--out", str(out), stderr=errors)
    assert [row["key"] for row in csv.DictReader(out.open(encoding="utf-8"))] == ["N2"]
    assert "1 records written" in errors.getvalue()
