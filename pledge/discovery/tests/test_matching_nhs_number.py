"""NHS numbers in the identity index (P072): Modulus 11 checked at import; an exact match outranks similarity."""

from pledge.discovery.matching import IdentityIndex, Query
from pledge.discovery.tests.identity_fixtures import ListConnector, record

VALID = "943 476 5919"
INVALID = "943 476 5918"


def build(tmp_path, records):
    return IdentityIndex.build(connectors=[ListConnector("care", records)], path=tmp_path / "index")


def test_an_exact_valid_nhs_number_outranks_name_and_date_of_birth_similarity(tmp_path):
    index = build(tmp_path, [
        record("care", "A", full_name="Ann Lee", date_of_birth="1990-01-01", postcode="HP19 8FF"),
        record("care", "B", full_name="Anne Leigh", date_of_birth="1991-01-01", nhs_number=VALID),
    ])  # fmt: skip
    found = index.find(Query(name="Ann Lee", date_of_birth="1990-01-01", nhs_number="9434765919"), min_probability=0)
    assert [match.ref.key for match in found][:2] == ["B", "A"]
    assert any(item.field == "nhs_number" and item.level == "exact" for item in found[0].evidence)


def test_an_invalid_nhs_number_is_rejected_at_import_and_counted(tmp_path):
    index = build(tmp_path, [
        record("care", "A", full_name="Ann Lee", date_of_birth="1990-01-01", nhs_number=INVALID),
        record("care", "B", full_name="Bo Ray", date_of_birth="1970-01-01", nhs_number=VALID),
    ])  # fmt: skip
    assert index.meta["rejected_nhs_numbers"] == 1
    assert index.find(Query(nhs_number=INVALID), min_probability=0) == []
    assert [match.ref.key for match in index.find(Query(nhs_number=VALID))] == ["B"]


def test_different_nhs_numbers_count_against_a_match(tmp_path):
    index = build(tmp_path, [record("care", "A", full_name="Ann Lee", date_of_birth="1990-01-01", nhs_number=VALID)])
    found = index.find(Query(name="Ann Lee", date_of_birth="1990-01-01", nhs_number="4010232137"), min_probability=0)
    evidence = {item.field: item for item in found[0].evidence}
    assert evidence["nhs_number"].level == "disagree"
    assert evidence["nhs_number"].weight < 0
