"""Art 18(3): the person is told before a restriction is lifted; Art 18(1) has exactly four grounds."""

from datetime import date

import pytest

from pledge.law.restriction import RESTRICTION_GROUNDS, lifting_problem, restriction_ground

STARTED = date(2026, 12, 1)


def test_the_four_grounds_are_art_18_1_a_to_d() -> None:
    assert [info.provision for info in RESTRICTION_GROUNDS.values()] == [
        "Art 18(1)(a)",
        "Art 18(1)(b)",
        "Art 18(1)(c)",
        "Art 18(1)(d)",
    ]
    assert restriction_ground("d") is not None
    assert restriction_ground("e") is None


@pytest.mark.parametrize(
    ("told", "lifted"), [(date(2026, 12, 5), date(2026, 12, 9)), (date(2026, 12, 9), date(2026, 12, 9))]
)
def test_telling_the_person_first_or_the_same_day_allows_lifting(told: date, lifted: date) -> None:
    assert lifting_problem(started_on=STARTED, told_on=told, lifted_on=lifted) is None


@pytest.mark.parametrize(
    ("told", "lifted", "field"),
    [
        (None, date(2026, 12, 9), "told_on"),
        (date(2026, 12, 10), date(2026, 12, 9), "lifted_on"),
        (date(2026, 11, 30), date(2026, 12, 9), "told_on"),
    ],
)
def test_it_refuses_to_lift_before_the_person_is_told(told: date | None, lifted: date, field: str) -> None:
    problem = lifting_problem(started_on=STARTED, told_on=told, lifted_on=lifted)
    assert problem is not None and problem[0] == field
