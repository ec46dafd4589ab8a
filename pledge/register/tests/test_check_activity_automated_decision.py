"""A significant solely automated decision needs its logic and Art 22C safeguards, and not (ea) (Arts 22A-22D)."""

from pledge.register.consistency import Finding, check_activity
from pledge.register.tests.factories import TODAY, activity_record

LOGIC = "We score applications against the published eligibility criteria."
SAFEGUARDS = "We tell you the decision, and an officer reviews it if you ask."


def check(record: dict) -> list[Finding]:
    return check_activity(record, controller_kind="council", recipients={}, today=TODAY)


def adm_record(**overrides: object) -> dict:
    adm = {"automated_decision": True, "automated_decision_logic": LOGIC, "automated_decision_safeguards": SAFEGUARDS}
    return activity_record(**{**adm, **overrides})


def test_it_accepts_an_automated_decision_with_its_logic_and_safeguards() -> None:
    assert check(adm_record()) == []


def test_it_refuses_an_automated_decision_without_its_logic() -> None:
    assert check(adm_record(automated_decision_logic="")) == [
        Finding("automated_decision_logic", "automated decision without the logic involved (Art 13(2)(f))")
    ]


def test_it_refuses_an_automated_decision_without_safeguards() -> None:
    assert check(adm_record(automated_decision_safeguards="")) == [
        Finding("automated_decision_safeguards", "automated decision without Art 22C safeguards")
    ]


def test_it_refuses_an_automated_decision_on_recognised_legitimate_interests() -> None:
    findings = check(adm_record(lawful_basis="ea", outside_public_tasks=True))

    assert findings == [Finding("automated_decision", "Art 22B: no significant automated decision on Art 6(1)(ea)")]


def test_it_refuses_an_automated_decision_on_special_category_data_without_9_2_a_or_g() -> None:
    record = adm_record(special_categories=["health"], art9_condition="h", schedule1_conditions=["sch1-p1-2"])

    assert check(record) == [
        Finding("automated_decision", "Art 22B: an automated decision on special category data needs 9(2)(a) or (g)")
    ]


def test_it_accepts_an_automated_decision_on_special_category_data_with_explicit_consent() -> None:
    assert check(adm_record(special_categories=["health"], art9_condition="a")) == []


def test_it_accepts_an_automated_decision_on_special_category_data_in_the_substantial_public_interest() -> None:
    record = adm_record(
        special_categories=["health"],
        art9_condition="g",
        schedule1_conditions=["sch1-p2-6"],
        appropriate_policy_document="APD v3",
    )

    assert check(record) == []


def test_it_asks_nothing_of_an_activity_without_an_automated_decision() -> None:
    assert check(activity_record(automated_decision=False, lawful_basis="ea", outside_public_tasks=True)) == []
