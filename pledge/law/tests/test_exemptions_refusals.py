"""Refusal grounds and what a refusal must say (R1.11), and when another person's information may be withheld."""

from datetime import date

import pytest

from pledge.law.exemptions import (
    REFUSAL_GROUNDS,
    RefusalGround,
    ThirdPartyConsent,
    refusal_must_state,
    third_party_problem,
)


def test_a_refusal_before_19_june_2026_states_reasons_the_ico_and_the_courts() -> None:
    items = refusal_must_state(date(2026, 6, 18))
    assert len(items) == 3
    assert items[0].startswith("The reasons for not acting")
    assert "Information Commissioner's Office" in items[1]
    assert "judicial remedy" in items[2]


def test_from_19_june_2026_a_refusal_also_states_the_right_to_complain_to_the_council() -> None:
    items = refusal_must_state(date(2026, 6, 19))
    assert items[:3] == refusal_must_state(date(2026, 6, 18))
    assert items[3] == "Their right to complain to the council first (DPA 2018 s.164A)"


def test_every_refusal_ground_has_its_provision() -> None:
    assert set(REFUSAL_GROUNDS) == set(RefusalGround)
    assert REFUSAL_GROUNDS[RefusalGround.MANIFESTLY_UNFOUNDED].provision == "UK GDPR Art 12(5)(b)"
    assert REFUSAL_GROUNDS[RefusalGround.MANIFESTLY_EXCESSIVE].provision == "UK GDPR Art 12(5)(b)"
    assert REFUSAL_GROUNDS[RefusalGround.CANNOT_IDENTIFY].provision == "UK GDPR Arts 11(2) and 12(2)"


def test_withholding_is_justified_when_consent_was_refused_and_disclosure_is_unreasonable() -> None:
    problem = third_party_problem(
        consent=ThirdPartyConsent.REFUSED, reasonable_without_consent=False, factors="Neighbour's health details"
    )
    assert problem is None


@pytest.mark.parametrize(
    ("consent", "reasonable", "factors", "message"),
    [
        ("", False, "x", "Say whether the other person's consent was sought"),
        (ThirdPartyConsent.GIVEN, False, "x", "para 16(2)(a)"),
        (ThirdPartyConsent.NOT_SOUGHT, None, "x", "Say whether it is reasonable"),
        (ThirdPartyConsent.NO_REPLY, True, "x", "para 16(2)(b)"),
        (ThirdPartyConsent.CANNOT_CONSENT, False, "  ", "Record the factors"),
    ],
)
def test_withholding_another_persons_information_needs_every_para_16_answer(
    consent: str, reasonable: bool | None, factors: str, message: str
) -> None:
    problem = third_party_problem(consent=consent, reasonable_without_consent=reasonable, factors=factors)
    assert problem is not None and message in problem
