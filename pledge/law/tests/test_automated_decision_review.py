"""Arts 22-22D: a review records the original decision, its inputs and its exception; the reviewer gives reasons."""

import pytest

from pledge.law.automated_decisions import (
    ART22_EXCEPTIONS,
    Art22Exception,
    review_decision_problem,
    review_setup_problem,
)

SETUP = {"exception": "a", "law": "", "inputs": "Income £1,200 a month", "outcome": "Support reduced to £12"}


def test_the_three_exceptions_are_offered_with_their_points() -> None:
    assert [info.provision for info in ART22_EXCEPTIONS.values()] == ["Art 22(2)(a)", "Art 22(2)(b)", "Art 22(2)(c)"]
    assert ART22_EXCEPTIONS[Art22Exception.EXPLICIT_CONSENT].label == "Explicit consent (Art 22(2)(c))"


def test_a_complete_setup_has_no_problem() -> None:
    assert review_setup_problem(**SETUP) is None
    assert review_setup_problem(**{**SETUP, "exception": "b", "law": "Council Tax Reduction Schemes Regs 2012"}) is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"outcome": " "}, "original_outcome"),
        ({"inputs": ""}, "original_inputs"),
        ({"exception": ""}, "exception"),
        ({"exception": "d"}, "exception"),
        ({"exception": "b", "law": " "}, "exception_law"),
        ({"exception": "c", "law": "Some Act"}, "exception_law"),
    ],
)
def test_it_names_the_setup_field_that_is_missing_or_wrong(changes: dict[str, str], field: str) -> None:
    problem = review_setup_problem(**{**SETUP, **changes})
    assert problem is not None and problem[0] == field


@pytest.mark.parametrize(
    ("result", "decision", "reasons", "field"),
    [
        ("reconsidered", "x", "y", "result"),
        ("changed", " ", "y", "new_decision"),
        ("stands", "Support stays at £12", "", "reasons"),
    ],
)
def test_every_human_decision_gives_the_decision_and_reasons(result, decision, reasons, field) -> None:
    problem = review_decision_problem(result=result, new_decision=decision, reasons=reasons)
    assert problem is not None and problem[0] == field
    assert review_decision_problem(result="changed", new_decision="Support £30", reasons="Job started later") is None
