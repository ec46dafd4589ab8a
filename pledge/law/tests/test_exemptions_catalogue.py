"""The exemption catalogue (spec §3.2): every code in the spec, tags kept, and bad files refused with a reason."""

import json
from pathlib import Path

import pytest

from pledge.law.exemptions import (
    DEFAULT_PATH,
    ExemptionsFileError,
    Needs,
    Verification,
    catalogue,
    exemption,
    load_exemptions,
)

SPEC_CODES = {
    "THIRD_PARTY",
    "THIRD_PARTY_PROFESSIONAL",
    "CRIME_TAX",
    "LEGAL_PRIVILEGE",
    "MGMT_FORECAST",
    "NEGOTIATIONS",
    "CONF_REFERENCE",
    "EXAM",
    "LEGAL_DISCLOSURE",
    "HEALTH_SERIOUS_HARM",
    "SOCIAL_WORK_SERIOUS_HARM",
    "EDUCATION_SERIOUS_HARM",
    "CHILD_ABUSE",
}


def _write(tmp_path: Path, content: object) -> Path:
    path = tmp_path / "exemptions.json"
    path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return path


def _good_entry(**changes: object) -> dict[str, object]:
    entry = json.loads(DEFAULT_PATH.read_text(encoding="utf-8"))["exemptions"][0]
    entry.update(changes)
    return entry


def test_it_ships_every_code_in_the_spec_table() -> None:
    assert set(load_exemptions()) == SPEC_CODES


def test_the_third_party_exemption_is_para_16_and_verified() -> None:
    third_party = exemption("THIRD_PARTY")
    assert third_party.provision == "DPA 2018 Sch 2 para 16"
    assert third_party.verified
    assert third_party.needs == Needs.THIRD_PARTY_FACTORS
    assert any("consent" in item for item in third_party.must_record)


def test_an_unverified_paragraph_is_marked_in_its_label() -> None:
    crime = exemption("CRIME_TAX")
    assert crime.verification == Verification.UNVERIFIED
    assert crime.label == "Crime and taxation (DPA 2018 Sch 2 para 2) [paragraph not verified]"
    assert "[paragraph not verified]" not in exemption("THIRD_PARTY").label


def test_the_spec_verified_rows_are_exactly_third_party_health_and_social_work() -> None:
    verified = {code for code, item in catalogue().items() if item.verified}
    assert verified == {"THIRD_PARTY", "HEALTH_SERIOUS_HARM", "SOCIAL_WORK_SERIOUS_HARM"}


def test_every_serious_harm_code_needs_a_professional_opinion() -> None:
    needing = {code for code, item in catalogue().items() if item.needs == Needs.PROFESSIONAL_OPINION}
    assert needing == {"HEALTH_SERIOUS_HARM", "SOCIAL_WORK_SERIOUS_HARM", "EDUCATION_SERIOUS_HARM"}


def test_an_unknown_code_is_none() -> None:
    assert exemption("NOT_A_CODE") is None


def test_it_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExemptionsFileError, match="Cannot read the exemptions file"):
        load_exemptions(tmp_path / "absent.json")


def test_it_names_the_line_of_bad_json(tmp_path: Path) -> None:
    with pytest.raises(ExemptionsFileError, match=r"not valid JSON \(line 2\)"):
        load_exemptions(_write(tmp_path, '{\n  "exemptions": [,]\n}'))


@pytest.mark.parametrize("content", [[], {"exemptions": []}, {"exemptions": "THIRD_PARTY"}, {"other": 1}])
def test_it_refuses_a_file_without_a_list_of_exemptions(tmp_path: Path, content: object) -> None:
    with pytest.raises(ExemptionsFileError, match="non-empty list under 'exemptions'"):
        load_exemptions(_write(tmp_path, content))


def test_it_names_the_entry_and_the_missing_fields(tmp_path: Path) -> None:
    entry = _good_entry()
    del entry["provision"], entry["test"]
    with pytest.raises(ExemptionsFileError, match="entry 2: missing provision, test"):
        load_exemptions(_write(tmp_path, {"exemptions": [_good_entry(code="A"), entry]}))


def test_it_refuses_a_duplicate_code(tmp_path: Path) -> None:
    with pytest.raises(ExemptionsFileError, match="entry 2: code THIRD_PARTY appears twice"):
        load_exemptions(_write(tmp_path, {"exemptions": [_good_entry(), _good_entry()]}))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"code": " "}, "must be non-empty text"),
        ({"must_record": []}, "must_record must be a non-empty list"),
        ({"verification": "probably"}, "'probably' is not a valid Verification"),
        ({"needs": "a_lawyer"}, "'a_lawyer' is not a valid Needs"),
    ],
)
def test_it_refuses_a_bad_field(tmp_path: Path, changes: dict[str, object], message: str) -> None:
    with pytest.raises(ExemptionsFileError, match=message):
        load_exemptions(_write(tmp_path, {"exemptions": [_good_entry(**changes)]}))


def test_it_refuses_an_entry_that_is_not_an_object(tmp_path: Path) -> None:
    with pytest.raises(ExemptionsFileError, match="entry 1: each exemption must be an object"):
        load_exemptions(_write(tmp_path, {"exemptions": ["THIRD_PARTY"]}))
