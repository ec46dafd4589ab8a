"""Issue 5 done-when, on a generated Anyshire estate and the demo register: an erasure plan keeps the council-tax
records under their retention rule and erases the newsletter subscription."""

import csv
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings, settings
from django.core.management import call_command

from pledge.casework.models import CaseKind
from pledge.core.models import User
from pledge.discovery.estate.generate import generate_estate
from pledge.fulfilment.plan_build import build_plan
from pledge.fulfilment.plan_execute import execute_plan
from pledge.fulfilment.plan_models import OwnerTask, RetainReason, StepAction, StepState
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.plan_estate import confirm_records

DAY = date(2026, 12, 1)
DEMO_REGISTER = settings.BASE_DIR / "demo" / "anyshire" / "register"


@pytest.fixture(scope="module")
def estate_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("estate")
    generate_estate(people=40, seed=1, out=folder)
    return folder


def person_records(folder: Path, *, in_systems: set[str]) -> tuple[str, ...]:
    """Every record of the first person who has records in all of ``in_systems``, from the ground truth."""
    by_person: dict[str, list[str]] = {}
    with (folder / "ground_truth.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            by_person.setdefault(row["person_id"], []).append(f"{row['system']}/{row['table']}/{row['key']}")
    for refs in by_person.values():
        if in_systems <= {ref.split("/")[0] for ref in refs}:
            return tuple(refs)
    raise AssertionError("no such person in the estate")


def test_erasure_keeps_council_tax_under_its_rule_and_erases_the_newsletter_subscription(
    db: None,
    estate_folder: Path,
    settings: LazySettings,
    caseworker: User,
    today: Callable[[date], date],
) -> None:
    call_command("register", "import", str(DEMO_REGISTER))
    settings.PLEDGE_SYSTEMS = estate_folder / "systems.yaml"
    today(DAY)
    refs = person_records(estate_folder, in_systems={"council-tax", "newsletters"})
    case = make_case(kind=CaseKind.ERASURE, received_on=DAY - timedelta(days=5), activities=(), actor=caseworker)
    confirm_records(case=case, actor=caseworker, refs=refs)

    plan = build_plan(case=case, actor=caseworker)
    assert plan.problems == []
    steps = list(plan.steps.all())
    council_tax = [s for s in steps if s.system == "council-tax"]
    assert council_tax and all(s.retain_reason == RetainReason.RETENTION_RULE for s in council_tax)
    assert all("Council tax account records" in s.reason for s in council_tax)
    newsletter = [s for s in steps if s.system == "newsletters"]
    assert newsletter and all(s.action == StepAction.ERASE for s in newsletter)
    assert "rest on Art 6(1)(a)" in newsletter[0].reason
    electoral = [s for s in steps if s.system == "electoral-register"]
    assert all(s.retain_reason == RetainReason.SEPARATE_CONTROLLER for s in electoral)

    execute_plan(plan=plan, actor=caseworker, erase_ground="consent_withdrawn")
    with (estate_folder / "newsletters" / "subscribers.csv").open(encoding="utf-8") as handle:
        left = {row["subscriber_id"] for row in csv.DictReader(handle)}
    assert not {s.key for s in newsletter} & left
    assert all(s.state == StepState.DONE for s in plan.steps.filter(system="newsletters"))
    read_only = {s.system for s in steps if not s.writable and s.action != StepAction.RETAIN}
    assert read_only == set(OwnerTask.objects.filter(plan=plan).values_list("system", flat=True))
