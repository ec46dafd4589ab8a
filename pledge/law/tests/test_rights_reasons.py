"""Each refusal in the rights matrix carries the legal reason a notice or letter can quote (spec §2)."""

import pytest

from pledge.law.bases import LawfulBasis
from pledge.law.rights import Right, RightAnswer, rights_for_activity


def answer(right: Right, **kwargs: object) -> RightAnswer:
    return next(a for a in rights_for_activity(**kwargs) if a.right is right)  # type: ignore[arg-type]


@pytest.mark.parametrize("basis", [LawfulBasis.CONSENT, LawfulBasis.CONTRACT])
def test_it_gives_portability_for_consent_or_contract_processed_by_automated_means(basis: LawfulBasis) -> None:
    portability = answer(Right.PORTABILITY, basis=basis, automated_processing=True)

    assert portability.applies
    assert "Art 20(1)" in portability.reason


@pytest.mark.parametrize("basis", [LawfulBasis.CONSENT, LawfulBasis.CONTRACT])
def test_it_refuses_portability_for_manual_processing(basis: LawfulBasis) -> None:
    portability = answer(Right.PORTABILITY, basis=basis, automated_processing=False)

    assert not portability.applies
    assert "Art 20(1)(b)" in portability.reason


@pytest.mark.parametrize(
    "basis",
    [
        LawfulBasis.LEGAL_OBLIGATION,
        LawfulBasis.VITAL_INTERESTS,
        LawfulBasis.PUBLIC_TASK,
        LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS,
        LawfulBasis.LEGITIMATE_INTERESTS,
    ],
)
def test_it_refuses_portability_on_other_bases_even_when_automated(basis: LawfulBasis) -> None:
    portability = answer(Right.PORTABILITY, basis=basis, automated_processing=True)

    assert not portability.applies
    assert "Art 20(1)(a)" in portability.reason


def test_it_refuses_erasure_for_a_legal_obligation_under_art_17_3_b() -> None:
    erasure = answer(Right.ERASURE, basis=LawfulBasis.LEGAL_OBLIGATION)

    assert not erasure.applies
    assert erasure.reason.startswith("Art 17(3)(b)")
    assert "legal obligation" in erasure.reason


def test_it_refuses_erasure_for_a_public_task_under_art_17_3_b_but_invites_a_request() -> None:
    erasure = answer(Right.ERASURE, basis=LawfulBasis.PUBLIC_TASK)

    assert not erasure.applies
    assert erasure.reason.startswith("Art 17(3)(b)")
    assert "public interest" in erasure.reason
    assert "you can still ask" in erasure.reason


@pytest.mark.parametrize(
    "basis",
    [LawfulBasis.PUBLIC_TASK, LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS, LawfulBasis.LEGITIMATE_INTERESTS],
)
def test_it_gives_the_art_21_1_objection_for_e_ea_and_f(basis: LawfulBasis) -> None:
    objection = answer(Right.OBJECTION, basis=basis)

    assert objection.applies
    assert "(e), (ea) or (f)" in objection.reason


def test_it_tells_a_consenting_person_to_withdraw_rather_than_object() -> None:
    objection = answer(Right.OBJECTION, basis=LawfulBasis.CONSENT)

    assert not objection.applies
    assert "withdraw consent instead" in objection.reason


@pytest.mark.parametrize("basis", [LawfulBasis.CONTRACT, LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.VITAL_INTERESTS])
def test_it_refuses_the_art_21_1_objection_for_b_c_and_d(basis: LawfulBasis) -> None:
    assert not answer(Right.OBJECTION, basis=basis).applies


def test_it_gives_withdrawal_of_consent_only_for_consent() -> None:
    withdraw = answer(Right.WITHDRAW_CONSENT, basis=LawfulBasis.CONSENT)

    assert withdraw.applies
    assert "Art 7(3)" in withdraw.reason
    assert all(
        not answer(Right.WITHDRAW_CONSENT, basis=basis).applies
        for basis in LawfulBasis
        if basis is not LawfulBasis.CONSENT
    )


@pytest.mark.parametrize("basis", list(LawfulBasis))
def test_it_makes_the_direct_marketing_objection_absolute_whatever_the_basis(basis: LawfulBasis) -> None:
    marketing = answer(Right.OBJECT_DIRECT_MARKETING, basis=basis, direct_marketing=True, law_enforcement=True)

    assert marketing.applies
    assert "absolute" in marketing.reason


def test_it_offers_no_direct_marketing_objection_when_there_is_no_marketing() -> None:
    assert not answer(Right.OBJECT_DIRECT_MARKETING, basis=LawfulBasis.CONSENT).applies


@pytest.mark.parametrize("basis", [LawfulBasis.CONSENT, LawfulBasis.CONTRACT])
def test_part_3_law_enforcement_removes_portability(basis: LawfulBasis) -> None:
    portability = answer(Right.PORTABILITY, basis=basis, automated_processing=True, law_enforcement=True)

    assert not portability.applies
    assert "Part 3" in portability.reason


@pytest.mark.parametrize("basis", [LawfulBasis.PUBLIC_TASK, LawfulBasis.LEGITIMATE_INTERESTS])
def test_part_3_law_enforcement_removes_the_objection(basis: LawfulBasis) -> None:
    objection = answer(Right.OBJECTION, basis=basis, law_enforcement=True)

    assert not objection.applies
    assert "Part 3" in objection.reason


def test_part_3_law_enforcement_keeps_access_rectification_erasure_and_restriction() -> None:
    answers = {a.right: a.applies for a in rights_for_activity(basis=LawfulBasis.CONSENT, law_enforcement=True)}

    assert answers[Right.ACCESS]
    assert answers[Right.RECTIFICATION]
    assert answers[Right.ERASURE]
    assert answers[Right.RESTRICTION]


@pytest.mark.parametrize("basis", list(LawfulBasis))
def test_it_applies_the_adm_safeguards_to_a_significant_automated_decision_on_any_basis(basis: LawfulBasis) -> None:
    adm = answer(Right.AUTOMATED_DECISIONS, basis=basis, significant_automated_decision=True)

    assert adm.applies
    assert "22A-22D" in adm.reason


def test_it_offers_no_adm_rights_without_a_significant_automated_decision() -> None:
    assert not answer(Right.AUTOMATED_DECISIONS, basis=LawfulBasis.PUBLIC_TASK, automated_processing=True).applies


def test_an_answer_takes_its_title_from_the_right() -> None:
    assert answer(Right.PORTABILITY, basis=LawfulBasis.CONTRACT).title == "Right to data portability"
