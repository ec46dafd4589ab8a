"""Art 19: the sentence that tells the person who the recipients are, and the checks on a notice record."""

import pytest

from pledge.law.recipients import notice_problem, recipients_sentence


def test_no_recipients_says_there_was_no_one_to_tell() -> None:
    assert recipients_sentence(told=[], excused=[]).startswith("We have not disclosed")


def test_it_lists_the_recipients_told_with_and() -> None:
    assert recipients_sentence(told=["A Ltd", "B Council", "C Trust"], excused=[]) == (
        "We shared the information concerned with A Ltd, B Council and C Trust, and we have told them about this."
    )


def test_it_never_says_recipients_were_told_before_it_is_recorded() -> None:
    assert recipients_sentence(told=["A Ltd"], excused=["C Trust"], telling=["B Council"]) == (
        "We shared the information concerned with A Ltd, and we have told them about this. "
        "We also shared it with B Council, and we are telling them about this. "
        "We also shared it with C Trust, but did not tell them because it proved impossible or would involve "
        "disproportionate effort."
    )


def test_it_explains_the_recipients_not_told() -> None:
    assert recipients_sentence(told=[], excused=["A Ltd"]) == (
        "We shared it with A Ltd, but did not tell them because it proved impossible or would involve "
        "disproportionate effort."
    )


@pytest.mark.parametrize(
    ("outcome", "told", "method", "reasons", "field"),
    [
        ("told", False, "email", "", "told_on"),
        ("told", True, "", "", "method"),
        ("impossible", False, "", "", "reasons"),
        ("disproportionate", False, "", " ", "reasons"),
        ("maybe", True, "email", "", "outcome"),
    ],
)
def test_a_notice_record_needs_the_facts_its_outcome_needs(
    outcome: str, told: bool, method: str, reasons: str, field: str
) -> None:
    problem = notice_problem(outcome=outcome, told=told, method=method, reasons=reasons)
    assert problem is not None and problem[0] == field


def test_complete_notice_records_pass() -> None:
    assert notice_problem(outcome="told", told=True, method="letter", reasons="") is None
    assert notice_problem(outcome="impossible", told=False, method="", reasons="Company dissolved in 2019") is None
