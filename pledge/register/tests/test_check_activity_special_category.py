"""Special category and criminal offence data need their conditions (Arts 9, 10; DPA 2018 s.10, Sch 1)."""

import pytest

from pledge.register.consistency import Finding, check_activity
from pledge.register.tests.factories import TODAY, activity_record


def check(record: dict) -> list[Finding]:
    return check_activity(record, controller_kind="council", recipients={}, today=TODAY)


def test_it_refuses_special_category_data_without_an_art_9_condition() -> None:
    assert check(activity_record(special_categories=["health"])) == [
        Finding("art9_condition", "special category data without an Art 9(2) condition")
    ]


@pytest.mark.parametrize("condition", ["a", "c", "d", "e", "f"])
def test_it_accepts_an_art_9_condition_that_needs_no_schedule_1_condition(condition: str) -> None:
    assert check(activity_record(special_categories=["health"], art9_condition=condition)) == []


@pytest.mark.parametrize("condition", ["b", "g", "h", "i", "j"])
def test_it_refuses_a_condition_needing_schedule_1_without_one(condition: str) -> None:
    assert check(activity_record(special_categories=["health"], art9_condition=condition)) == [
        Finding("schedule1_conditions", f"Art 9(2)({condition}) needs a DPA 2018 Sch 1 condition (s.10)")
    ]


def test_it_accepts_a_schedule_1_condition_that_needs_no_policy_document() -> None:
    record = activity_record(special_categories=["health"], art9_condition="h", schedule1_conditions=["sch1-p1-2"])

    assert check(record) == []


def test_it_refuses_a_schedule_1_condition_needing_a_policy_document_without_one() -> None:
    record = activity_record(
        special_categories=["health"], art9_condition="g", schedule1_conditions=["sch1-p2-6", "sch1-p2-18"]
    )

    assert check(record) == [
        Finding("appropriate_policy_document", "sch1-p2-6, sch1-p2-18 needs an appropriate policy document")
    ]


def test_it_accepts_a_schedule_1_condition_with_its_policy_document() -> None:
    record = activity_record(
        special_categories=["health"],
        art9_condition="g",
        schedule1_conditions=["sch1-p2-18"],
        appropriate_policy_document="APD v3 (2026)",
    )

    assert check(record) == []


def test_it_refuses_criminal_offence_data_without_a_schedule_1_condition() -> None:
    assert check(activity_record(criminal_offence_data=True)) == [
        Finding("schedule1_conditions", "criminal offence data without a DPA 2018 Sch 1 condition (s.10(5))")
    ]


def test_it_accepts_criminal_offence_data_under_a_part_3_condition() -> None:
    assert check(activity_record(criminal_offence_data=True, schedule1_conditions=["sch1-p3-33"])) == []


def test_it_ignores_an_unknown_schedule_1_code_when_looking_for_a_policy_document() -> None:
    assert check(activity_record(criminal_offence_data=True, schedule1_conditions=["sch1-p9-99"])) == []
