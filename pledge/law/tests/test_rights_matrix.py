"""The rights-by-basis matrix of spec §2 (UK GDPR Arts 7(3), 15-22D; DPA 2018 Part 3), cell by cell."""

from itertools import product

import pytest

from pledge.law.bases import LawfulBasis
from pledge.law.rights import Right, applicable_rights, rights_for_activity

A, B, C, D, E, EA, F = (
    LawfulBasis.CONSENT,
    LawfulBasis.CONTRACT,
    LawfulBasis.LEGAL_OBLIGATION,
    LawfulBasis.VITAL_INTERESTS,
    LawfulBasis.PUBLIC_TASK,
    LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS,
    LawfulBasis.LEGITIMATE_INTERESTS,
)

# Spec §2, one row per basis: (erasure, portability when automated, Art 21(1) objection, withdraw consent).
MATRIX = {
    A: (True, True, False, True),
    B: (True, True, False, False),
    C: (False, False, False, False),
    D: (True, False, False, False),
    E: (False, False, True, False),
    EA: (True, False, True, False),
    F: (True, False, True, False),
}

ALWAYS = {Right.INFORMED, Right.ACCESS, Right.RECTIFICATION, Right.RESTRICTION}

FLAGS = list(product([False, True], repeat=4))


def expected_rights(
    basis: LawfulBasis, *, automated: bool, marketing: bool, significant: bool, law_enforcement: bool
) -> set[Right]:
    erasure, portable, objection, withdraw = MATRIX[basis]
    rights = set(ALWAYS)
    if erasure:
        rights.add(Right.ERASURE)
    if portable and automated and not law_enforcement:
        rights.add(Right.PORTABILITY)
    if objection and not law_enforcement:
        rights.add(Right.OBJECTION)
    if marketing:
        rights.add(Right.OBJECT_DIRECT_MARKETING)
    if withdraw:
        rights.add(Right.WITHDRAW_CONSENT)
    if significant:
        rights.add(Right.AUTOMATED_DECISIONS)
    return rights


@pytest.mark.parametrize("basis", list(LawfulBasis), ids=lambda b: f"basis-{b.value}")
@pytest.mark.parametrize(
    ("automated", "marketing", "significant", "law_enforcement"),
    FLAGS,
    ids=[
        "-".join(name for name, on in zip(("auto", "dm", "adm", "part3"), flags, strict=True) if on) or "plain"
        for flags in FLAGS
    ],
)
def test_it_follows_the_matrix_for_every_basis_and_flag(
    basis: LawfulBasis, automated: bool, marketing: bool, significant: bool, law_enforcement: bool
) -> None:
    rights = applicable_rights(
        basis=basis,
        automated_processing=automated,
        direct_marketing=marketing,
        significant_automated_decision=significant,
        law_enforcement=law_enforcement,
    )

    assert set(rights) == expected_rights(
        basis, automated=automated, marketing=marketing, significant=significant, law_enforcement=law_enforcement
    )


def test_the_matrix_covers_all_seven_bases() -> None:
    assert set(MATRIX) == set(LawfulBasis)
    assert len(LawfulBasis) == 7


@pytest.mark.parametrize("basis", list(LawfulBasis))
def test_it_answers_every_right_exactly_once_with_a_reason(basis: LawfulBasis) -> None:
    answers = rights_for_activity(basis=basis)

    assert [a.right for a in answers] == list(Right)
    assert all(a.reason for a in answers)
    assert all(a.title for a in answers)


def test_it_lists_applicable_rights_in_notice_order() -> None:
    rights = applicable_rights(
        basis=A, automated_processing=True, direct_marketing=True, significant_automated_decision=True
    )

    assert rights == [r for r in Right if r is not Right.OBJECTION]
