"""The right each request exercises, per activity: the matrix's answer, Art 17(3) exceptions and Art 21 routes."""

import pytest

from pledge.law.bases import LawfulBasis
from pledge.law.erasure import KeepGround
from pledge.law.request_rights import (
    RIGHT_FOR_REQUEST,
    ActivityFacts,
    all_rights,
    erasure_exceptions,
    right_for_request,
    verdict_for_request,
)
from pledge.law.rights import Right


def facts(basis: LawfulBasis, **flags: object) -> ActivityFacts:
    return ActivityFacts(name=f"Activity on {basis.value}", basis=basis, **flags)  # type: ignore[arg-type]


def test_letting_someone_else_see_a_record_and_cctv_requests_are_access() -> None:
    assert right_for_request("third_party_authorisation") is Right.ACCESS
    assert right_for_request("access_cctv") is Right.ACCESS


def test_access_applies_whatever_the_basis() -> None:
    verdict = verdict_for_request(kind="access", activities=[facts(b) for b in LawfulBasis])
    assert all(a.applies for a in verdict.activities)


def test_erasure_on_a_legal_obligation_does_not_apply_and_names_art_17_3_b() -> None:
    verdict = verdict_for_request(kind="erasure", activities=[facts(LawfulBasis.LEGAL_OBLIGATION)])
    (item,) = verdict.activities
    assert not item.applies
    assert "Art 17(3)(b)" in item.reason
    assert [n.ground for n in item.exceptions] == [KeepGround.LEGAL_OBLIGATION]
    assert not verdict.applies_to_any
    assert verdict.summary.startswith("The right to erasure does not apply to any of the activities")


def test_erasure_on_a_public_task_lists_the_public_task_exception() -> None:
    (note,) = erasure_exceptions(facts(LawfulBasis.PUBLIC_TASK))
    assert note.ground is KeepGround.PUBLIC_TASK
    assert note.provision == "Art 17(3)(b)"


def test_health_data_under_art_9_2_h_may_be_kept_for_public_health() -> None:
    grounds = [n.ground for n in erasure_exceptions(facts(LawfulBasis.CONSENT, art9_condition="h"))]
    assert grounds == [KeepGround.PUBLIC_HEALTH]
    grounds = [n.ground for n in erasure_exceptions(facts(LawfulBasis.CONSENT, art9_condition="i"))]
    assert grounds == [KeepGround.PUBLIC_HEALTH]


def test_archived_records_and_art_9_2_j_point_to_the_archiving_exception() -> None:
    assert [n.ground for n in erasure_exceptions(facts(LawfulBasis.CONSENT, archived=True))] == [KeepGround.ARCHIVING]
    assert [n.ground for n in erasure_exceptions(facts(LawfulBasis.CONSENT, art9_condition="j"))] == [
        KeepGround.ARCHIVING
    ]


def test_art_9_2_f_points_to_the_legal_claims_exception() -> None:
    notes = erasure_exceptions(facts(LawfulBasis.CONTRACT, art9_condition="f"))
    assert [n.ground for n in notes] == [KeepGround.LEGAL_CLAIMS]
    assert notes[0].provision == "Art 17(3)(e)"


def test_erasure_on_consent_applies_with_no_exception_suggested() -> None:
    (item,) = verdict_for_request(kind="erasure", activities=[facts(LawfulBasis.CONSENT)]).activities
    assert item.applies
    assert item.exceptions == ()


@pytest.mark.parametrize("basis", [LawfulBasis.PUBLIC_TASK, LawfulBasis.LEGITIMATE_INTERESTS])
def test_objection_applies_to_public_task_and_legitimate_interests(basis: LawfulBasis) -> None:
    (item,) = verdict_for_request(kind="objection", activities=[facts(basis)]).activities
    assert item.applies
    assert not item.absolute
    assert "Art 21(1)" in item.reason


@pytest.mark.parametrize("basis", [LawfulBasis.LEGAL_OBLIGATION, LawfulBasis.CONTRACT, LawfulBasis.CONSENT])
def test_objection_does_not_apply_to_other_bases(basis: LawfulBasis) -> None:
    (item,) = verdict_for_request(kind="objection", activities=[facts(basis)]).activities
    assert not item.applies


def test_an_objection_to_direct_marketing_is_absolute_whatever_the_basis() -> None:
    (item,) = verdict_for_request(
        kind="objection", activities=[facts(LawfulBasis.CONSENT, direct_marketing=True)]
    ).activities
    assert item.applies
    assert item.absolute
    assert "absolute" in item.reason


def test_portability_only_for_consent_or_contract_processed_automatically() -> None:
    verdict = verdict_for_request(
        kind="portability",
        activities=[
            facts(LawfulBasis.CONTRACT, automated_processing=True),
            facts(LawfulBasis.CONSENT, automated_processing=False),
            facts(LawfulBasis.PUBLIC_TASK, automated_processing=True),
        ],
    )
    assert [a.applies for a in verdict.activities] == [True, False, False]
    assert "Art 20(1)(b)" in verdict.activities[1].reason
    assert "Art 20(1)(a)" in verdict.activities[2].reason


def test_law_enforcement_processing_has_no_portability() -> None:
    (item,) = verdict_for_request(
        kind="portability", activities=[facts(LawfulBasis.CONSENT, automated_processing=True, law_enforcement=True)]
    ).activities
    assert not item.applies
    assert "Part 3" in item.reason


def test_withdrawing_consent_applies_only_where_consent_is_the_basis() -> None:
    verdict = verdict_for_request(
        kind="consent_withdrawal", activities=[facts(LawfulBasis.CONSENT), facts(LawfulBasis.PUBLIC_TASK)]
    )
    assert [a.applies for a in verdict.activities] == [True, False]
    assert verdict.summary == "The right to withdraw consent applies to: Activity on a."


def test_a_review_of_an_automated_decision_needs_a_significant_automated_decision() -> None:
    verdict = verdict_for_request(
        kind="automated_decision_review",
        activities=[facts(LawfulBasis.PUBLIC_TASK, significant_automated_decision=True), facts(LawfulBasis.CONSENT)],
    )
    assert [a.applies for a in verdict.activities] == [True, False]


def test_with_no_activities_the_summary_says_so() -> None:
    verdict = verdict_for_request(kind="erasure", activities=[])
    assert not verdict.applies_to_any
    assert verdict.summary == "No processing activities have been chosen for this request yet."


@pytest.mark.parametrize("kind", sorted(set(RIGHT_FOR_REQUEST) - {"objection"}))
@pytest.mark.parametrize("basis", list(LawfulBasis))
@pytest.mark.parametrize("automated", [False, True])
def test_each_verdict_is_the_matrix_answer_for_the_right_the_kind_exercises(
    kind: str, basis: LawfulBasis, automated: bool
) -> None:
    activity = facts(basis, automated_processing=automated, significant_automated_decision=automated)
    (item,) = verdict_for_request(kind=kind, activities=[activity]).activities
    answer = next(a for a in all_rights(activity) if a.right is right_for_request(kind))
    assert (item.applies, item.reason) == (answer.applies, answer.reason)
