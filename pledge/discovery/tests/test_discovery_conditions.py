"""Conditions on use (P069): recorded against the person's confirmed records, honoured by disclosure checks."""

from datetime import date

import pytest

from pledge.core.models import AuditEvent
from pledge.discovery import conditions, services
from pledge.discovery.services import DiscoveryError
from pledge.discovery.sources import RecordKey
from pledge.discovery.tests.discovery_factories import freeze, make_case, make_caseworker, run_now, set_up_estate

TAX = RecordKey(system="council-tax", table="accounts", key="CT1")
OTHER = RecordKey(system="council-tax", table="accounts", key="CT3")


@pytest.mark.parametrize(
    ("named", "asked", "blocked"),
    [
        ("DWP", "the DWP fraud team", True),
        ("my former partner, Sam Doe", "Sam Doe", True),
        ("The School", "school", True),
        ("DWP", "HMRC", False),
        ("Sam Doe", "Sam Smith", False),
        ("", "anyone", False),
    ],
)
def test_a_recipient_matches_when_the_shorter_name_is_within_the_longer(named, asked, blocked) -> None:
    assert conditions.recipient_matches(named, asked) is blocked


@pytest.fixture
def confirmed_case(settings, tmp_path, time_machine, db):
    set_up_estate(settings, tmp_path)
    freeze(time_machine, date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    worker = make_caseworker()
    run = run_now(case, worker)
    services.confirm_candidate(candidate=run.candidates.get(key="CT1"), actor=worker)
    return case, worker


@pytest.mark.django_db
def test_a_condition_needs_confirmed_records(settings, tmp_path, time_machine) -> None:
    set_up_estate(settings, tmp_path)
    freeze(time_machine, date(2026, 6, 20))
    case = make_case(received_on=date(2026, 6, 10))
    with pytest.raises(DiscoveryError, match="Confirm the person's records first"):
        conditions.record_condition(case=case, recipient="DWP", detail="No", actor=make_caseworker())


def test_disclosure_checks_see_the_condition_on_the_persons_records_only(confirmed_case) -> None:
    case, worker = confirmed_case
    condition = conditions.record_condition(
        case=case, recipient="Sam Doe", detail="Do not share my address with my former partner", actor=worker
    )
    assert [r.ref for r in condition.records.all()] == [TAX]
    assert conditions.conditions_blocking(refs=[TAX], recipient="Mr Sam Doe") == [condition]
    assert conditions.conditions_blocking(refs=[OTHER], recipient="Sam Doe") == []
    assert conditions.conditions_blocking(refs=[TAX], recipient="Housing association") == []
    assert AuditEvent.objects.filter(summary=f"Condition on use {condition.pk} recorded on 1 records").exists()


def test_a_lifted_condition_no_longer_blocks_and_needs_a_reason(confirmed_case) -> None:
    case, worker = confirmed_case
    condition = conditions.record_condition(case=case, recipient="DWP", detail="Not without asking me", actor=worker)
    with pytest.raises(DiscoveryError, match="Give the reason"):
        conditions.lift_condition(condition=condition, reason="", actor=worker)
    conditions.lift_condition(condition=condition, reason="Withdrawn by phone", actor=worker)
    assert conditions.conditions_blocking(refs=[TAX], recipient="DWP") == []
    with pytest.raises(DiscoveryError, match="already been lifted"):
        conditions.lift_condition(condition=condition, reason="Again", actor=worker)


def test_a_later_case_for_the_same_person_shows_the_condition(confirmed_case) -> None:
    case, worker = confirmed_case
    condition = conditions.record_condition(case=case, recipient="DWP", detail="Not without asking me", actor=worker)
    later = make_case(received_on=date(2026, 6, 19))
    run = run_now(later, worker)
    services.confirm_candidate(candidate=run.candidates.get(key="CT1"), actor=worker)
    assert conditions.conditions_for_case(later) == [condition]
