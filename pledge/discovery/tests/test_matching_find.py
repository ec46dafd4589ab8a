"""Finding one person's records in the identity index despite typos, nicknames, households and moves (P070)."""

import pytest

from pledge.discovery.matching import CANDIDATE_THRESHOLD, IdentityIndex, Query
from pledge.discovery.sources import RecordKey
from pledge.discovery.tests.identity_fixtures import ListConnector, record

HOME = {"address": "14 Mill Lane, Aylesbury", "postcode": "HP19 8FF"}

COUNCIL_TAX = [
    record("council-tax", "CT1", full_name="SMITH, Robert", date_of_birth="03/02/1980", email="smiths@example.com",
           phone="01296 395000", **HOME),
    record("council-tax", "CT2", full_name="SMITH, Mary", date_of_birth="05/07/1982", email="smiths@example.com",
           phone="01296 395000", **HOME),
    record("council-tax", "CT3", full_name="JONES, Margaret", date_of_birth="11/11/1950",
           address="2 Church Street, Aylesbury", postcode="HP20 1AB"),
]  # fmt: skip
LIBRARIES = [
    record("libraries", "L1", given_name="Bob", family_name="Smith", date_of_birth="1980-02-03",
           email="smiths@example.com"),
    # Robert's twin brother: same birthday, surname, address and household phone.
    record("libraries", "L2", given_name="Richard", family_name="Smith", date_of_birth="1980-02-03",
           phone="+441296395000", **HOME),
    record("libraries", "L3", given_name="Peggy", family_name="Jones", date_of_birth="1950-11-11",
           address="9 Old Road, Thame", postcode="OX9 3AA"),
    record("libraries", "L4", given_name="Robert", family_name="Smith", date_of_birth="1961-08-21",
           address="40 Mill Lane, Aylesbury", postcode="HP19 8FG"),
]  # fmt: skip


@pytest.fixture
def index(tmp_path):
    return IdentityIndex.build(
        connectors=[ListConnector("council-tax", COUNCIL_TAX), ListConnector("libraries", LIBRARIES)],
        path=tmp_path / "index",
    )


def refs(matches):
    return [str(match.ref) for match in matches]


ROBERT = Query(name="Robert Smith", date_of_birth="1980-02-03", email="smiths@example.com", phone="01296 395000",
               address="14 Mill Lane", postcode="HP19 8FF")  # fmt: skip


def test_it_finds_a_person_across_systems_with_a_nickname_and_another_date_format(index):
    found = refs(index.find(ROBERT))
    assert "council-tax/people/CT1" in found
    assert "libraries/people/L1" in found


def test_it_does_not_confuse_the_requester_with_a_twin_sharing_household_identifiers(index):
    found = refs(index.find(ROBERT))
    assert "libraries/people/L2" not in found
    assert "council-tax/people/CT2" not in found


def test_it_does_not_confuse_the_requester_with_a_namesake_on_the_same_street(index):
    assert "libraries/people/L4" not in refs(index.find(ROBERT))


def test_it_finds_a_mover_through_the_previous_address_she_gives(index):
    query = Query(name="Margaret Jones", date_of_birth="1950-11-11", address="9 Old Road, Thame", postcode="OX9 3AA",
                  previous_addresses=("2 Church Street, Aylesbury HP20 1AB",))  # fmt: skip
    found = index.find(query)
    assert refs(found)[:2] == ["libraries/people/L3", "council-tax/people/CT3"] or set(refs(found)[:2]) == {
        "libraries/people/L3",
        "council-tax/people/CT3",
    }
    peggy = next(match for match in found if str(match.ref) == "libraries/people/L3")
    given = next(item for item in peggy.evidence if item.field == "given_name")
    assert given.level == "nickname"
    assert "Margaret" in given.detail


def test_it_finds_a_number_written_locally_under_its_international_form(index):
    found = index.find(Query(name="Richard Smith", phone="01296 395000"), min_probability=0.0)
    assert "libraries/people/L2" in refs(found)


def test_every_match_explains_each_field_with_a_weight(index):
    match = index.find(ROBERT)[0]
    assert 0 < match.probability <= 1
    assert {item.field for item in match.evidence} >= {"given_name", "family_name", "date_of_birth"}
    assert all(isinstance(item.weight, float) and item.detail for item in match.evidence)
    assert match.summary


def test_it_skips_excluded_records(index):
    excluded = {RecordKey(system="council-tax", table="people", key="CT1")}
    assert "council-tax/people/CT1" not in refs(index.find(ROBERT, exclude=excluded))


def test_it_returns_matches_most_probable_first_and_at_most_the_limit(index):
    found = index.find(ROBERT, min_probability=0.0, limit=3)
    assert len(found) <= 3
    assert [match.probability for match in found] == sorted((match.probability for match in found), reverse=True)


def test_the_default_threshold_leaves_out_weak_candidates(index):
    assert all(match.probability >= CANDIDATE_THRESHOLD for match in index.find(ROBERT))


def test_opening_an_index_never_built_is_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        IdentityIndex.open(tmp_path / "nothing")


def test_an_opened_index_finds_the_same_as_the_built_one(index):
    reopened = IdentityIndex.open(index.path)
    assert refs(reopened.find(ROBERT)) == refs(index.find(ROBERT))


def test_it_leaves_linked_child_rows_without_a_name_to_their_parent(tmp_path):
    records = [
        record("care", "C1", table="clients", full_name="Ann Lee", date_of_birth="1990-01-01"),
        record("care", "N1", table="notes", phone="01296 395000"),
        record("care", "K1", table="carers", full_name="Bo Lee", phone="01296 395000"),
    ]
    connector = ListConnector("care", records, child_tables=["notes", "carers"])
    index = IdentityIndex.build(connectors=[connector], path=tmp_path / "i")
    assert refs(index.find(Query(name="Ann Lee", date_of_birth="1990-01-01"))) == ["care/clients/C1"]
    assert refs(index.find(Query(name="Bo Lee", phone="01296 395000"))) == ["care/carers/K1"]
    assert index.meta["records"] == 2


def test_rebuilding_replaces_the_old_index(tmp_path):
    path = tmp_path / "index"
    IdentityIndex.build(connectors=[ListConnector("libraries", LIBRARIES)], path=path)
    rebuilt = IdentityIndex.build(connectors=[ListConnector("council-tax", COUNCIL_TAX)], path=path)
    assert rebuilt.meta["records"] == len(COUNCIL_TAX)
    assert all(match.ref.system == "council-tax" for match in rebuilt.find(ROBERT, min_probability=0.0))


def test_it_reports_progress_while_building(tmp_path):
    seen = []
    IdentityIndex.build(connectors=[ListConnector("libraries", LIBRARIES)], path=tmp_path / "i",
                        progress=lambda done, total: seen.append(done))  # fmt: skip
    assert seen and seen[-1] == len(LIBRARIES)
