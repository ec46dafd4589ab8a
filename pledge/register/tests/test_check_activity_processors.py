"""An activity may only share with a processor that has a current Art 28 contract."""

from datetime import date

from pledge.register.consistency import Finding, check_activity
from pledge.register.tests.factories import TODAY, activity_record, processor_record, recipient_record


def check(record: dict, recipients: dict) -> list[Finding]:
    return check_activity(record, controller_kind="council", recipients=recipients, today=TODAY)


def test_it_accepts_a_processor_with_a_current_contract() -> None:
    recipients = {"mailing-house": processor_record()}

    assert check(activity_record(recipients=["mailing-house"]), recipients) == []


def test_it_refuses_a_processor_without_a_contract_reference() -> None:
    recipients = {"mailing-house": processor_record(contract_reference="")}

    assert check(activity_record(recipients=["mailing-house"]), recipients) == [
        Finding("recipients", "processor 'mailing-house' has no current Art 28 contract")
    ]


def test_it_refuses_a_processor_whose_contract_has_expired() -> None:
    recipients = {"mailing-house": processor_record(contract_end=date(2026, 10, 31))}

    assert check(activity_record(recipients=["mailing-house"]), recipients) == [
        Finding("recipients", "processor 'mailing-house' has no current Art 28 contract")
    ]


def test_it_needs_no_contract_for_a_recipient_that_is_not_a_processor() -> None:
    assert check(activity_record(recipients=["dwp"]), {"dwp": recipient_record()}) == []


def test_it_leaves_an_unknown_recipient_to_the_reference_check() -> None:
    assert check(activity_record(recipients=["nobody"]), {}) == []


def test_it_only_checks_the_processors_the_activity_uses() -> None:
    recipients = {"mailing-house": processor_record(contract_reference=""), "dwp": recipient_record()}

    assert check(activity_record(recipients=["dwp"]), recipients) == []
