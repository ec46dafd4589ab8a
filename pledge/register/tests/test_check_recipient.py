"""Processors need an Art 28 contract; transfers abroad need adequacy or a safeguard (Arts 28, 44-49)."""

from datetime import date

import pytest

from pledge.law.adequacy import load_adequacy
from pledge.register.consistency import Finding, check_recipient
from pledge.register.tests.factories import TODAY, processor_record, recipient_record

ADEQUACY = load_adequacy()


def check(record: dict) -> list[Finding]:
    return check_recipient(record, today=TODAY, adequacy=ADEQUACY)


def test_it_accepts_a_processor_with_a_current_contract() -> None:
    assert check(processor_record()) == []


@pytest.mark.parametrize("missing", ["contract_reference", "contract_start"])
def test_it_refuses_a_processor_without_an_art_28_contract(missing: str) -> None:
    assert check(processor_record(**{missing: None})) == [
        Finding("contract_reference", "processor without an Art 28 contract (reference and start)")
    ]


def test_it_refuses_a_processor_whose_contract_has_expired() -> None:
    assert check(processor_record(contract_end=date(2026, 11, 1))) == [
        Finding("contract_end", "processor contract expired on 2026-11-01")
    ]


def test_it_accepts_a_processor_contract_ending_today() -> None:
    assert check(processor_record(contract_end=TODAY)) == []


def test_it_accepts_a_processor_contract_with_no_end_date() -> None:
    assert check(processor_record(contract_end=None)) == []


def test_it_needs_no_contract_for_a_public_body() -> None:
    assert check(recipient_record()) == []


def test_it_accepts_a_recipient_in_an_adequate_country() -> None:
    assert check(recipient_record(country="FR")) == []


def test_it_refuses_a_recipient_in_a_country_without_adequacy_or_a_safeguard() -> None:
    assert check(recipient_record(country="FO")) == [
        Finding(
            "country",
            "transfer to FO has no UK adequacy and no safeguard (IDTA, UK Addendum, BCR) or Art 49 derogation",
        )
    ]


def test_it_asks_a_us_recipient_for_an_explicit_mechanism() -> None:
    findings = check(recipient_record(country="US"))

    assert [f.field for f in findings] == ["country"]
    assert findings[0].message.startswith("US is adequate only for")


def test_it_accepts_a_us_recipient_under_the_data_bridge() -> None:
    assert check(recipient_record(country="US", transfer_mechanism="adequacy")) == []


@pytest.mark.parametrize("mechanism", ["idta", "addendum"])
def test_it_refuses_an_idta_or_addendum_without_a_transfer_risk_assessment(mechanism: str) -> None:
    assert check(recipient_record(country="FO", transfer_mechanism=mechanism)) == [
        Finding("transfer_risk_assessment", "a restricted transfer needs a transfer risk assessment")
    ]


@pytest.mark.parametrize("mechanism", ["idta", "addendum"])
def test_it_accepts_an_idta_or_addendum_with_a_transfer_risk_assessment(mechanism: str) -> None:
    record = recipient_record(country="FO", transfer_mechanism=mechanism, transfer_risk_assessment="TRA-2026-04")

    assert check(record) == []


@pytest.mark.parametrize("mechanism", ["bcr", "derogation"])
def test_it_accepts_bcrs_or_a_derogation_without_a_transfer_risk_assessment(mechanism: str) -> None:
    assert check(recipient_record(country="FO", transfer_mechanism=mechanism)) == []


@pytest.mark.parametrize("country", ["GBR", "G", "12", "United States"])
def test_it_refuses_a_country_that_is_not_a_two_letter_code(country: str) -> None:
    assert check(recipient_record(country=country)) == [
        Finding("country", f"{country.upper()!r} is not a two-letter country code")
    ]


def test_it_treats_a_missing_country_as_the_uk() -> None:
    assert check(recipient_record(country=None)) == []


def test_it_reports_an_expired_processor_abroad_on_both_counts() -> None:
    findings = check(processor_record(contract_end=date(2026, 1, 1), country="FO"))

    assert [f.field for f in findings] == ["contract_end", "country"]
