"""Lawful bases (Art 6(1)) and special-category conditions (Art 9(2)) as the register names them."""

from pledge.law.bases import (
    ART9_LABELS,
    ART9_NEEDING_SCHEDULE_1,
    BASES_NEEDING_LEGISLATION,
    SPECIAL_CATEGORY_LABELS,
    Art9Condition,
    LawfulBasis,
    SpecialCategory,
)


def test_it_names_the_seven_art_6_1_bases_by_their_letters() -> None:
    assert [b.value for b in LawfulBasis] == ["a", "b", "c", "d", "e", "ea", "f"]


def test_every_basis_has_a_label_citing_its_letter_and_a_plain_english_reason() -> None:
    for basis in LawfulBasis:
        assert basis.label.startswith(f"Art 6(1)({basis.value}) ")
        assert basis.plain_english


def test_recognised_legitimate_interests_is_labelled_as_such() -> None:
    assert LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS.label == "Art 6(1)(ea) recognised legitimate interests"


def test_only_legal_obligation_and_public_task_need_the_legislation_named() -> None:
    assert BASES_NEEDING_LEGISLATION == {LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.PUBLIC_TASK}


def test_it_names_the_eight_art_9_1_special_categories() -> None:
    assert len(SpecialCategory) == 8
    assert set(SPECIAL_CATEGORY_LABELS) == set(SpecialCategory)


def test_it_names_the_ten_art_9_2_conditions_with_labels() -> None:
    assert [c.value for c in Art9Condition] == list("abcdefghij")
    for condition in Art9Condition:
        assert ART9_LABELS[condition].startswith(f"Art 9(2)({condition.value}) ")


def test_conditions_b_g_h_i_and_j_need_a_schedule_1_condition() -> None:
    assert {c.value for c in ART9_NEEDING_SCHEDULE_1} == {"b", "g", "h", "i", "j"}
