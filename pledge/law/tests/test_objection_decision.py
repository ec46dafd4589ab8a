"""Art 21: an objection stops the processing unless Art 21(1) grounds are recorded; direct marketing always stops."""

import pytest

from pledge.law.objection import CARRY_ON_GROUNDS, CarryOnGround, objection_problem

STOP = {"outcome": "stopped", "carry_on_ground": "", "reasons": "", "how_stopped": "Flag set on CT-1001"}
CARRY_ON = {
    "outcome": "carry_on",
    "carry_on_ground": "compelling_grounds",
    "reasons": "Fraud checks",
    "how_stopped": "",
}


def test_stopping_needs_only_how_it_was_stopped() -> None:
    assert objection_problem(applies=True, absolute=False, **STOP) is None
    assert objection_problem(applies=True, absolute=True, **STOP) is None


def test_carrying_on_needs_an_art_21_1_ground_and_reasons() -> None:
    assert objection_problem(applies=True, absolute=False, **CARRY_ON) is None
    assert objection_problem(applies=True, absolute=False, **{**CARRY_ON, "carry_on_ground": "legal_claims"}) is None
    assert {info.provision for info in CARRY_ON_GROUNDS.values()} == {"Art 21(1)"}
    assert CARRY_ON_GROUNDS[CarryOnGround.LEGAL_CLAIMS].label == "Legal claims (Art 21(1))"


def test_an_objection_to_direct_marketing_cannot_be_overridden() -> None:
    problem = objection_problem(applies=True, absolute=True, **CARRY_ON)
    assert problem is not None and problem[0] == "outcome"
    assert "absolute" in problem[1] and "Art 21(3)" in problem[1]


def test_nothing_is_decided_where_the_right_does_not_apply() -> None:
    assert objection_problem(applies=False, absolute=False, **STOP) == (
        "activity",
        "The right to object does not apply to this activity, so there is nothing to decide",
    )


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"outcome": "maybe"}, "outcome"),
        ({**STOP, "how_stopped": "  "}, "how_stopped"),
        ({**STOP, "carry_on_ground": "legal_claims"}, "carry_on_ground"),
        ({**CARRY_ON, "carry_on_ground": ""}, "carry_on_ground"),
        ({**CARRY_ON, "carry_on_ground": "we-prefer-to"}, "carry_on_ground"),
        ({**CARRY_ON, "reasons": " "}, "reasons"),
    ],
)
def test_it_names_the_field_that_is_missing_or_wrong(changes: dict[str, str], field: str) -> None:
    values = {**STOP, **changes}
    problem = objection_problem(applies=True, absolute=False, **values)
    assert problem is not None and problem[0] == field
