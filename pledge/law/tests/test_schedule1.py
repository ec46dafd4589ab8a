"""DPA 2018 Schedule 1 conditions and which need an appropriate policy document (spec §6)."""

from pledge.law.schedule1 import SCHEDULE_1, part3_codes, schedule1_condition

PART_1 = [1, 2, 3, 4]
PART_2 = [6, 7, 8, 10, 11, 12, 14, 16, 17, 18, 19, 23, 24]


def test_it_finds_a_condition_by_its_code() -> None:
    condition = schedule1_condition("sch1-p2-18")

    assert condition is not None
    assert (condition.part, condition.paragraph) == (2, 18)
    assert condition.title == "Safeguarding of children and of individuals at risk"
    assert condition.needs_policy_document


def test_it_answers_none_for_an_unknown_code() -> None:
    assert schedule1_condition("sch1-p2-99") is None
    assert schedule1_condition("") is None


def test_every_code_spells_its_part_and_paragraph() -> None:
    for code, condition in SCHEDULE_1.items():
        assert code == f"sch1-p{condition.part}-{condition.paragraph}"


def test_it_holds_the_part_1_and_part_2_conditions_of_the_spec() -> None:
    paragraphs = {(c.part, c.paragraph) for c in SCHEDULE_1.values()}

    assert {(1, p) for p in PART_1} <= paragraphs
    assert {(2, p) for p in PART_2} <= paragraphs


def test_employment_needs_a_policy_document_but_the_other_part_1_conditions_do_not() -> None:
    assert SCHEDULE_1["sch1-p1-1"].needs_policy_document
    assert not any(SCHEDULE_1[f"sch1-p1-{p}"].needs_policy_document for p in (2, 3, 4))


def test_every_part_2_condition_needs_a_policy_document() -> None:
    assert all(c.needs_policy_document for c in SCHEDULE_1.values() if c.part == 2)


def test_criminal_offence_data_may_use_every_condition_in_code_order() -> None:
    codes = part3_codes()

    assert codes == sorted(SCHEDULE_1)
    assert {"sch1-p3-29", "sch1-p3-33", "sch1-p3-36"} <= set(codes)
