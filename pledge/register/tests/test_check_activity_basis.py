"""Each lawful basis brings what it needs (Arts 6(1), 6(3), 7(3), 13(1)(d); Art 6(1) last paragraph)."""

import pytest

from pledge.register.consistency import Finding, check_activity
from pledge.register.tests.factories import TODAY, activity_record


def check(record: dict, *, controller_kind: str = "council") -> list[Finding]:
    return check_activity(record, controller_kind=controller_kind, recipients={}, today=TODAY)


def test_it_accepts_a_legal_obligation_with_its_legislation() -> None:
    assert check(activity_record(lawful_basis="c")) == []


@pytest.mark.parametrize(("basis", "label"), [("c", "Art 6(1)(c) legal obligation"), ("e", "Art 6(1)(e) public task")])
def test_it_refuses_c_or_e_without_the_legislation_it_rests_on(basis: str, label: str) -> None:
    assert check(activity_record(lawful_basis=basis, legislation=[])) == [
        Finding("legislation", f"{label} needs the legislation it rests on (Art 6(3))")
    ]


@pytest.mark.parametrize("basis", ["a", "b", "d", "f"])
def test_it_needs_no_legislation_for_other_bases(basis: str) -> None:
    record = activity_record(
        lawful_basis=basis,
        legislation=[],
        consent_withdrawal_route="unsubscribe link in every email",
        vital_interests_justification="a risk to life when we cannot reach the person",
        legitimate_interests="keeping our commercial waste customers informed",
    )

    assert check(record, controller_kind="other") == []


def test_it_refuses_consent_without_a_withdrawal_route() -> None:
    assert check(activity_record(lawful_basis="a")) == [
        Finding("consent_withdrawal_route", "consent basis with no withdrawal route (Art 7(3))")
    ]


def test_it_accepts_consent_with_a_withdrawal_route() -> None:
    assert check(activity_record(lawful_basis="a", consent_withdrawal_route="email us")) == []


def test_it_refuses_vital_interests_without_a_written_justification() -> None:
    assert check(activity_record(lawful_basis="d")) == [
        Finding("vital_interests_justification", "vital interests needs a written risk justification")
    ]


def test_it_accepts_vital_interests_with_a_justification() -> None:
    assert check(activity_record(lawful_basis="d", vital_interests_justification="risk to life")) == []


def test_it_refuses_legitimate_interests_without_the_interests_stated() -> None:
    findings = check(activity_record(lawful_basis="f", outside_public_tasks=True))

    assert findings == [
        Finding("legitimate_interests", "Art 6(1)(f) needs the legitimate interests stated (Art 13(1)(d))")
    ]


@pytest.mark.parametrize("kind", ["council", "ero", "coroner", "councillor"])
def test_it_refuses_a_public_task_relying_on_legitimate_interests(kind: str) -> None:
    record = activity_record(lawful_basis="f", legitimate_interests="running the service")

    assert check(record, controller_kind=kind) == [
        Finding("lawful_basis", "a public task relying on Art 6(1)(f): public authorities cannot (Art 6(1) last para)")
    ]


def test_it_lets_a_public_authority_rely_on_legitimate_interests_outside_its_public_tasks() -> None:
    record = activity_record(lawful_basis="f", legitimate_interests="selling advertising", outside_public_tasks=True)

    assert check(record) == []


@pytest.mark.parametrize("kind", ["joint", "other"])
def test_it_lets_a_body_that_is_not_a_public_authority_rely_on_legitimate_interests(kind: str) -> None:
    record = activity_record(lawful_basis="f", legitimate_interests="running the service")

    assert check(record, controller_kind=kind) == []


def test_it_refuses_a_public_authority_relying_on_recognised_legitimate_interests_for_its_own_tasks() -> None:
    assert check(activity_record(lawful_basis="ea")) == [
        Finding("lawful_basis", "public authorities cannot rely on Art 6(1)(ea) for their own tasks")
    ]


def test_it_accepts_recognised_legitimate_interests_outside_public_tasks() -> None:
    assert check(activity_record(lawful_basis="ea", outside_public_tasks=True)) == []


def test_it_accepts_recognised_legitimate_interests_for_a_body_that_is_not_a_public_authority() -> None:
    assert check(activity_record(lawful_basis="ea"), controller_kind="other") == []


@pytest.mark.parametrize("basis", ["g", "", None, "6(1)(e)"])
def test_it_leaves_an_unknown_basis_to_the_schema_check(basis: str | None) -> None:
    assert check(activity_record(lawful_basis=basis, retention_rule=None)) == []
