"""A 2,000-person estate has every system, every hazard, valid identifiers, and ground truth that points at rows."""

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from pledge.discovery.estate import SYSTEMS, Hazard, generate_estate
from pledge.discovery.estate.identifiers import is_valid_nhs_number
from pledge.discovery.sources import IdentityField

from .estate_reading import column_names, read_csv, systems, table_rows

EXPECTED_SYSTEMS = {
    "council-tax", "benefits", "adult-social-care", "childrens-services", "housing", "libraries", "garden-waste",
    "parking", "cctv", "newsletters", "webchat", "crm", "electoral-register", "mailbox",
}  # fmt: skip


@pytest.fixture(scope="module")
def estate(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("estate")
    generate_estate(people=2000, seed=7, out=out)
    return out


@pytest.fixture(scope="module")
def people(estate: Path) -> dict[str, dict[str, str]]:
    return {row["person_id"]: row for row in read_csv(estate / "people.csv")}


def test_it_writes_every_system_with_the_mapped_columns(estate: Path) -> None:
    configured = systems(estate)
    assert {system["slug"] for system in configured} == EXPECTED_SYSTEMS
    for system in configured:
        for table in system["tables"]:
            present = column_names(estate, system, table["name"])
            for mapping in table["columns"]:
                assert mapping["column"] in present, (system["slug"], table["name"], mapping["column"])
            if "identity" in str(table["columns"]):
                assert all(IdentityField(m["identity"]) for m in table["columns"] if "identity" in m)


def test_every_ground_truth_row_points_at_a_record_that_exists(estate: Path, people: dict) -> None:
    configured = {system["slug"]: system for system in systems(estate)}
    keys: dict[tuple[str, str], set[str]] = {}
    truth = read_csv(estate / "ground_truth.csv")
    assert len(truth) > 4000
    for row in truth:
        place = (row["system"], row["table"])
        if place not in keys:
            system = configured[row["system"]]
            key = next(table["key"] for table in system["tables"] if table["name"] == row["table"])
            keys[place] = {str(record[key]) for record in table_rows(estate, system, row["table"])}
        assert row["key"] in keys[place], row
        assert row["person_id"] in people


def test_every_hazard_occurs_in_a_two_thousand_person_estate(estate: Path) -> None:
    seen = Counter(row["hazard"] for row in read_csv(estate / "ground_truth.csv"))
    assert set(seen) == {hazard.value for hazard in Hazard}
    assert seen["clean"] > sum(seen.values()) * 0.4


def test_nhs_numbers_are_valid_except_the_labelled_invalid_ones(estate: Path, people: dict) -> None:
    assert all(is_valid_nhs_number(person["nhs_number"]) for person in people.values())
    invalid = {(row["table"], row["key"]) for row in read_csv(estate / "invalid_identifiers.csv")}
    care = next(system for system in systems(estate) if system["slug"] == "adult-social-care")
    clients = table_rows(estate, care, "clients")
    failing = {("clients", row["client_id"]) for row in clients if not is_valid_nhs_number(row["nhs_number"])}
    assert failing == invalid
    assert 0 < len(failing) < len(clients) * 0.1


def test_twins_share_a_birthday_surname_and_home_but_not_a_given_name(people: dict) -> None:
    twins = [person for person in people.values() if person["twin_of"]]
    assert twins
    for person in twins:
        twin = people[person["twin_of"]]
        assert twin["twin_of"] == person["person_id"]
        assert (twin["date_of_birth"], twin["family_name"], twin["address"]) == (
            person["date_of_birth"], person["family_name"], person["address"],
        )  # fmt: skip
        assert twin["given_name"] != person["given_name"]


def test_namesakes_share_a_full_name_and_street_but_not_a_birthday_or_house(estate: Path, people: dict) -> None:
    namesakes = {row["person_id"] for row in read_csv(estate / "ground_truth.csv") if row["hazard"] == "namesake"}
    assert len(namesakes) > 10
    by_name = defaultdict(list)
    for person in people.values():
        by_name[(person["given_name"], person["family_name"])].append(person)
    for person_id in namesakes:
        person = people[person_id]
        street = person["address"].split(" ", 1)[1]
        others = [
            other
            for other in by_name[(person["given_name"], person["family_name"])]
            if other is not person and other["address"].split(" ", 1)[1] == street
        ]
        assert others, person_id
        assert all(o["date_of_birth"] != person["date_of_birth"] and o["address"] != person["address"] for o in others)


def test_household_records_share_contact_details_and_surname_with_a_relative(estate: Path, people: dict) -> None:
    households = defaultdict(list)
    for person in people.values():
        households[person["household_id"]].append(person)
    crm = next(system for system in systems(estate) if system["slug"] == "crm")
    contacts = {row["contact_id"]: row for row in table_rows(estate, crm, "contacts")}
    rows = [r for r in read_csv(estate / "ground_truth.csv") if r["hazard"] == "household" and r["system"] == "crm"]
    assert rows
    for row in rows:
        person, record = people[row["person_id"]], contacts[row["key"]]
        relatives = [
            other
            for other in households[person["household_id"]]
            if other is not person and other["family_name"] == person["family_name"]
        ]
        assert relatives
        assert record["email"] != person["email"] or record["phone"] != person["phone"]


def test_changed_surname_records_hold_a_former_surname(estate: Path, people: dict) -> None:
    electoral = next(system for system in systems(estate) if system["slug"] == "electoral-register")
    electors = {row["elector_number"]: row for row in table_rows(estate, electoral, "electors")}
    rows = [r for r in read_csv(estate / "ground_truth.csv") if r["hazard"] == "changed_surname"]
    checked = 0
    for row in rows:
        if row["system"] == "electoral-register":
            assert electors[row["key"]]["surname"] in people[row["person_id"]]["previous_names"].split(" | ")
            checked += 1
    assert checked


def test_the_systems_file_names_real_register_slugs() -> None:
    import yaml
    from django.conf import settings

    register = settings.BASE_DIR / "demo" / "anyshire" / "register"
    system_slugs = {item["slug"] for item in yaml.safe_load((register / "systems.yaml").read_text())["systems"]}
    controllers = {item["slug"] for item in yaml.safe_load((register / "controllers.yaml").read_text())["controllers"]}
    rules = {item["slug"] for item in yaml.safe_load((register / "retention.yaml").read_text())["retention_rules"]}
    for spec, _ in SYSTEMS:
        assert spec.register_system in system_slugs
        assert spec.controller in controllers
        for table in spec.tables:
            assert not table.retention_rule or table.retention_rule in rules
    assert {spec.slug: spec.controller for spec, _ in SYSTEMS}["electoral-register"] == "anyshire-ero"


def test_case_notes_name_other_people_and_the_mentions_say_who(estate: Path) -> None:
    mentions = read_csv(estate / "mentions.csv")
    roles = Counter(row["role"] for row in mentions if row["system"] == "adult-social-care")
    assert roles["subject"] and roles["relative"] and roles["neighbour"]
    care = next(system for system in systems(estate) if system["slug"] == "adult-social-care")
    notes = {row["note_id"]: row["body"] for row in table_rows(estate, care, "case_notes")}
    for row in mentions:
        if row["system"] == "adult-social-care":
            assert row["name"] in notes[row["key"]]
