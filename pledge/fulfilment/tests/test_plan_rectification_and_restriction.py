"""Rectification plans apply the corrections recorded on the case; restriction plans flag records in the system and
in Pledge."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings

from pledge.casework.models import CaseKind
from pledge.core.models import User
from pledge.fulfilment.checks import FulfilmentError
from pledge.fulfilment.models import Restriction
from pledge.fulfilment.plan_build import build_plan
from pledge.fulfilment.plan_execute import execute_plan
from pledge.fulfilment.plan_models import OwnerTask, RetainReason, StepAction, StepState
from pledge.fulfilment.services import record_correction
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.plan_estate import (
    ZEB_EMAIL,
    Estate,
    build_estate,
    confirm_records,
    register_estate_systems,
)
from pledge.register.models import System

DAY = date(2026, 12, 1)


@pytest.fixture
def estate(register: None, settings: LazySettings, tmp_path: Path) -> Estate:
    built = build_estate(tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = built.yaml
    register_estate_systems()
    return built


def open_case(kind: CaseKind, actor: User, today: Callable[[date], date]):  # type: ignore[no-untyped-def]
    today(DAY)
    case = make_case(kind=kind, received_on=DAY - timedelta(days=2), actor=actor)
    confirm_records(case=case, actor=actor)
    return case


def test_a_correction_recorded_on_the_case_is_written_to_the_column_holding_the_wrong_value(
    estate: Estate, caseworker: User, today: Callable[[date], date]
) -> None:
    case = open_case(CaseKind.RECTIFICATION, caseworker, today)
    record_correction(
        case=case,
        system=System.objects.get(slug="newsletters-system"),
        record_reference="N1",
        was=ZEB_EMAIL,
        now="zeb@example.com",
        corrected_on=DAY,
        actor=caseworker,
    )
    plan = build_plan(case=case, actor=caseworker)
    step = plan.steps.get(key="N1")
    assert (step.action, step.changes) == (StepAction.CORRECT, {"email": "zeb@example.com"})
    assert plan.steps.get(key="CT1").retain_reason == RetainReason.NOTHING_TO_CHANGE
    execute_plan(plan=plan, actor=caseworker)
    assert estate.csv_rows("newsletters", "subscribers")[0]["email"] == "zeb@example.com"


def test_a_correction_no_column_matches_goes_to_the_owner(
    estate: Estate, caseworker: User, today: Callable[[date], date]
) -> None:
    case = open_case(CaseKind.RECTIFICATION, caseworker, today)
    record_correction(
        case=case,
        system=System.objects.get(slug="newsletters-system"),
        record_reference="newsletters/subscribers/N1",
        was="Lives at 1 High Street",
        now="Lives at 2 High Street",
        corrected_on=DAY,
        actor=caseworker,
    )
    plan = build_plan(case=case, actor=caseworker)
    execute_plan(plan=plan, actor=caseworker)
    step = plan.steps.get(key="N1")
    assert step.state == StepState.TASK and "should read 'Lives at 2 High Street'" in step.reason
    assert OwnerTask.objects.get(plan=plan).owner_role == "Communications manager"


def test_a_restriction_plan_flags_the_record_in_the_system_and_in_pledge(
    estate: Estate, caseworker: User, today: Callable[[date], date]
) -> None:
    case = open_case(CaseKind.RESTRICTION, caseworker, today)
    plan = build_plan(case=case, actor=caseworker)
    assert plan.steps.get(key="CT1").changes == {"restricted": "Y"}
    execute_plan(plan=plan, actor=caseworker, restriction_ground_value="a", restriction_scope="Everything we hold")
    assert [row[4] for row in estate.accounts()] == ["Y", "Y", ""]
    assert estate.csv_rows("newsletters", "subscribers")[0]["restricted"] == "Y"
    restricted = set(Restriction.objects.active().values_list("record_reference", flat=True))
    assert {"council-tax/accounts/CT1", "newsletters/subscribers/N1"} <= restricted
    # The library has no restriction column and is read-only: its owner marks it there; Pledge marks it at once.
    assert plan.steps.get(key="L1").state == StepState.TASK
    assert "library/members/L1" in restricted


def test_a_restriction_plan_needs_its_art_18_ground(
    estate: Estate, caseworker: User, today: Callable[[date], date]
) -> None:
    case = open_case(CaseKind.RESTRICTION, caseworker, today)
    plan = build_plan(case=case, actor=caseworker)
    with pytest.raises(FulfilmentError, match=r"Art 18\(1\) ground"):
        execute_plan(plan=plan, actor=caseworker, restriction_scope="All")


def test_it_refuses_a_plan_for_an_access_request(
    estate: Estate, caseworker: User, today: Callable[[date], date]
) -> None:
    case = open_case(CaseKind.ACCESS, caseworker, today)
    with pytest.raises(FulfilmentError, match="erasure, rectification and restriction"):
        build_plan(case=case, actor=caseworker)


def test_lifting_a_restriction_clears_the_flag_in_the_system(
    estate: Estate, caseworker: User, today: Callable[[date], date]
) -> None:
    from pledge.fulfilment.plan_execute import clear_restriction_flag
    from pledge.fulfilment.services import lift_restriction

    case = open_case(CaseKind.RESTRICTION, caseworker, today)
    plan = build_plan(case=case, actor=caseworker)
    execute_plan(plan=plan, actor=caseworker, restriction_ground_value="a", restriction_scope="All")
    restriction = Restriction.objects.get(record_reference="newsletters/subscribers/N1")
    assert not clear_restriction_flag(restriction=restriction, actor=caseworker)  # still in force
    lift_restriction(
        restriction=restriction,
        person_told_on=DAY,
        person_told_how="letter",
        reasons="Accuracy checked",
        lifted_on=DAY,
        actor=caseworker,
    )
    # lifting it cleared the flag through the writable connector by itself
    assert estate.csv_rows("newsletters", "subscribers")[0]["restricted"] == ""
    library = Restriction.objects.get(record_reference="library/members/L1")
    lift_restriction(
        restriction=library,
        person_told_on=DAY,
        person_told_how="letter",
        reasons="Accuracy checked",
        lifted_on=DAY,
        actor=caseworker,
    )
    assert not clear_restriction_flag(restriction=library, actor=caseworker)  # read-only: its owner clears it
