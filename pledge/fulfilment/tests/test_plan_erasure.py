"""An erasure plan keeps council-tax records under their retention rule and erases the newsletter subscription."""

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.conf import LazySettings

from pledge.casework.models import CaseKind
from pledge.core.models import AuditEvent, User
from pledge.fulfilment.checks import FulfilmentError
from pledge.fulfilment.models import ErasureOutcome
from pledge.fulfilment.plan_build import build_plan
from pledge.fulfilment.plan_execute import complete_owner_task, execute_plan
from pledge.fulfilment.plan_models import OwnerTask, PlanState, RetainReason, StepAction, StepState
from pledge.fulfilment.tests.factories import make_case
from pledge.fulfilment.tests.plan_estate import Estate, build_estate, confirm_records, register_estate_systems
from pledge.register.models import System
from pledge.retention.services import place_legal_hold

DAY = date(2026, 12, 1)


@pytest.fixture
def estate(register: None, settings: LazySettings, tmp_path: Path) -> Estate:
    built = build_estate(tmp_path / "estate")
    settings.PLEDGE_SYSTEMS = built.yaml
    register_estate_systems()
    return built


@pytest.fixture
def erasure_case(estate: Estate, caseworker: User, today: Callable[[date], date]):  # type: ignore[no-untyped-def]
    today(DAY)
    case = make_case(kind=CaseKind.ERASURE, received_on=DAY - timedelta(days=3), actor=caseworker)
    confirm_records(case=case, actor=caseworker)
    return case


def steps_by_ref(plan):  # type: ignore[no-untyped-def]
    return {step.ref_text: step for step in plan.steps.all()}


def test_the_dry_run_keeps_council_tax_under_its_retention_rule_and_erases_the_newsletter(erasure_case, caseworker):  # type: ignore[no-untyped-def]
    plan = build_plan(case=erasure_case, actor=caseworker)
    steps = steps_by_ref(plan)
    kept = steps["council-tax/accounts/CT1"]
    assert kept.action == StepAction.RETAIN and kept.retain_reason == RetainReason.RETENTION_RULE
    assert "Six years after the account closes (Limitation Act 1980 s.5) until 31 March 2030" in kept.reason
    assert steps["council-tax/accounts/CT2"].action == StepAction.ERASE  # closed in 2015: its six years are over
    assert steps["newsletters/subscribers/N1"].action == StepAction.ERASE
    assert steps["electoral/electors/E1"].retain_reason == RetainReason.SEPARATE_CONTROLLER
    assert plan.state == PlanState.DRY_RUN
    assert all(step.state == StepState.PLANNED for step in steps.values())


def test_a_dry_run_changes_nothing(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    build_plan(case=erasure_case, actor=caseworker)
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N1", "N2"]
    assert len(estate.accounts()) == 3


def test_executing_erases_the_subscription_from_the_file_and_keeps_the_account(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    plan = build_plan(case=erasure_case, actor=caseworker)
    execute_plan(plan=plan, actor=caseworker, erase_ground="consent_withdrawn")
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N2"]
    assert [row[0] for row in estate.accounts()] == ["CT1", "CT3"]
    outcomes = {o.record_reference: o for o in ErasureOutcome.objects.filter(case=erasure_case)}
    assert outcomes["newsletters/subscribers/N1"].result == "erased"
    assert outcomes["newsletters/subscribers/N1"].erase_ground == "consent_withdrawn"
    assert outcomes["council-tax/accounts/CT1"].result == "kept"
    assert outcomes["council-tax/accounts/CT1"].keep_ground == "legal_obligation"
    assert AuditEvent.objects.filter(summary__contains=f"Plan {plan.pk} step").count() == plan.steps.count() - 1


def test_a_read_only_system_becomes_a_task_for_its_owner(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    plan = build_plan(case=erasure_case, actor=caseworker)
    execute_plan(plan=plan, actor=caseworker, erase_ground="consent_withdrawn")
    task = OwnerTask.objects.get(plan=plan)
    assert (task.system, task.owner_role, task.state) == ("library", "Library systems manager", OwnerTask.State.OPEN)
    assert [step.key for step in task.steps.all()] == ["L1"]
    assert estate.csv_rows("library", "members")[0]["member_id"] == "L1"  # nothing written to a read-only system
    plan.refresh_from_db()
    assert plan.state == PlanState.EXECUTING

    complete_owner_task(task=task, note="Deleted in the library system on 1 December", actor=caseworker)
    plan.refresh_from_db()
    assert plan.state == PlanState.EXECUTED
    assert ErasureOutcome.objects.get(case=erasure_case, record_reference="library/members/L1").result == "erased"


def test_a_legal_hold_keeps_a_record_the_rules_would_erase(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    place_legal_hold(
        reason="Claim 26-CL-0113: keep the claimant's records",
        review_on=DAY + timedelta(days=90),
        record_refs=["newsletters/subscribers/N1"],
        actor=caseworker,
    )
    plan = build_plan(case=erasure_case, actor=caseworker)
    held = steps_by_ref(plan)["newsletters/subscribers/N1"]
    assert held.action == StepAction.RETAIN and held.retain_reason == RetainReason.LEGAL_HOLD
    assert "Claim 26-CL-0113" in held.reason
    execute_plan(plan=plan, actor=caseworker, erase_ground="consent_withdrawn")
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N1", "N2"]


def test_a_hold_on_the_case_keeps_all_its_records(erasure_case, caseworker):  # type: ignore[no-untyped-def]
    place_legal_hold(reason="ICO investigation", review_on=DAY, case=erasure_case, actor=caseworker)
    plan = build_plan(case=erasure_case, actor=caseworker)
    reasons = {step.retain_reason for step in plan.steps.all()}
    assert reasons == {RetainReason.LEGAL_HOLD, RetainReason.SEPARATE_CONTROLLER}


def test_a_failing_write_leaves_nothing_half_done(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    plan = build_plan(case=erasure_case, actor=caseworker)
    # Someone removed the expired account by hand after the dry run: the council-tax write must fail as a whole.
    import sqlite3

    with sqlite3.connect(estate.folder / "council_tax.sqlite3") as db:
        db.execute("DELETE FROM accounts WHERE account_ref = 'CT2'")
    plan.steps.filter(key="CT1").update(action=StepAction.ANONYMISE, changes={"holder": "", "email": ""})
    execute_plan(plan=plan, actor=caseworker, erase_ground="consent_withdrawn")
    failed = plan.steps.filter(system="council-tax")
    assert {step.state for step in failed} == {StepState.FAILED}
    assert estate.accounts()[0][1] == "Zebedee Unusualname"  # CT1 was not anonymised either
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N2"]
    plan.refresh_from_db()
    assert plan.state == PlanState.EXECUTING


def test_running_it_again_is_safe(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    plan = build_plan(case=erasure_case, actor=caseworker)
    execute_plan(plan=plan, actor=caseworker, erase_ground="consent_withdrawn")
    events = AuditEvent.objects.count()
    execute_plan(plan=plan, actor=caseworker)
    assert AuditEvent.objects.count() == events
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N2"]


def test_approval_needs_the_art_17_1_ground(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    plan = build_plan(case=erasure_case, actor=caseworker)
    with pytest.raises(FulfilmentError, match=r"Art 17\(1\) ground"):
        execute_plan(plan=plan, actor=caseworker)
    assert [row["subscriber_id"] for row in estate.csv_rows("newsletters", "subscribers")] == ["N1", "N2"]


def test_a_plan_needs_confirmed_records(estate, caseworker, today):  # type: ignore[no-untyped-def]
    today(DAY)
    case = make_case(kind=CaseKind.ERASURE, received_on=DAY, actor=caseworker)
    with pytest.raises(FulfilmentError, match="Confirm the requester's records"):
        build_plan(case=case, actor=caseworker)


def test_a_new_dry_run_replaces_the_old_one_and_erased_records_show_as_gone(erasure_case, caseworker):  # type: ignore[no-untyped-def]
    first = build_plan(case=erasure_case, actor=caseworker)
    execute_plan(plan=first, actor=caseworker, erase_ground="consent_withdrawn")
    complete_owner_task(task=OwnerTask.objects.get(plan=first), note="Done", actor=caseworker)
    second = build_plan(case=erasure_case, actor=caseworker)
    assert steps_by_ref(second)["newsletters/subscribers/N1"].state == StepState.GONE


def test_an_exception_recorded_on_the_case_keeps_the_record(erasure_case, caseworker):  # type: ignore[no-untyped-def]
    from pledge.fulfilment.services import record_erasure_outcome

    record_erasure_outcome(
        case=erasure_case,
        system=System.objects.get(slug="newsletters-system"),
        record_reference="N1",
        result="kept",
        keep_ground="legal_claims",
        reasons="Needed for the complaint about the mailing",
        done_on=DAY,
        actor=caseworker,
    )
    step = steps_by_ref(build_plan(case=erasure_case, actor=caseworker))["newsletters/subscribers/N1"]
    assert step.retain_reason == RetainReason.EXEMPTION
    assert "Legal claims (Art 17(3)(e))" in step.reason


def test_a_record_past_a_rule_that_anonymises_is_anonymised_not_deleted(erasure_case, caseworker, estate):  # type: ignore[no-untyped-def]
    from pledge.register.models import RetentionRule

    RetentionRule.objects.filter(slug="six-years-after-closure").update(action="anonymise")
    plan = build_plan(case=erasure_case, actor=caseworker)
    step = steps_by_ref(plan)["council-tax/accounts/CT2"]
    assert step.action == StepAction.ANONYMISE and step.changes == {"holder": "", "email": ""}
    execute_plan(plan=plan, actor=caseworker, erase_ground="no_longer_needed")
    assert estate.accounts()[1][:3] == ("CT2", "", "")
    assert ErasureOutcome.objects.get(case=erasure_case, record_reference="council-tax/accounts/CT2").result == (
        "anonymised"
    )


def test_a_rule_for_consent_based_processing_does_not_stop_erasure(erasure_case, caseworker):  # type: ignore[no-untyped-def]
    from pledge.register.models import ProcessingActivity

    ProcessingActivity.objects.filter(slug="council-tax-billing").update(lawful_basis="a")
    step = steps_by_ref(build_plan(case=erasure_case, actor=caseworker))["council-tax/accounts/CT1"]
    assert step.action == StepAction.ERASE
    assert "rest on Art 6(1)(a), not a legal obligation or public task" in step.reason
