"""Batch linkage of two files with the identity engine, and the ``pledge identity`` command."""

import csv
import json

import pytest
from django.core.management import CommandError, call_command

from pledge.discovery.matching import IdentityIndex, link
from pledge.discovery.sources import IdentityField
from pledge.discovery.tests.identity_fixtures import ListConnector, record

MAPPING = {"name": IdentityField.FULL_NAME, "dob": IdentityField.DATE_OF_BIRTH, "postcode": IdentityField.POSTCODE}
LEFT = [
    {"id": "1", "name": "Robert Smith", "dob": "1980-02-03", "postcode": "HP19 8FF"},
    {"id": "2", "name": "Margaret Jones", "dob": "1950-11-11", "postcode": "HP20 1AB"},
]
RIGHT = [
    {"id": "a", "name": "SMITH, Bob", "dob": "03/02/1980", "postcode": "hp198ff"},
    {"id": "b", "name": "Peggy Jones", "dob": "11/11/1950", "postcode": "HP20 1AB"},
    {"id": "c", "name": "Alan Smith", "dob": "12/12/1999", "postcode": "HP19 8FF"},
]


def test_it_links_each_row_to_the_same_person_in_the_other_file():
    links = {(left, right) for left, right, _ in link(LEFT, RIGHT, MAPPING, threshold=0.5)}
    assert links == {("1", "a"), ("2", "b")}


def test_linking_a_file_with_itself_can_leave_out_self_pairs():
    rows = [*LEFT, {"id": "3", "name": "Rob Smith", "dob": "1980-02-03", "postcode": "HP19 8FF"}]
    links = {(left, right) for left, right, _ in link(rows, rows, MAPPING, skip_same_id=True)}
    assert links == {("1", "3"), ("3", "1")}


def write_csv(path, rows):
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_the_link_command_writes_left_id_right_id_and_probability(tmp_path):
    write_csv(tmp_path / "left.csv", [{"ref": row["id"], "full": row["name"], "born": row["dob"]} for row in LEFT])
    write_csv(tmp_path / "right.csv", RIGHT)
    out = tmp_path / "links.csv"
    maps = [
        "--map",
        "full=full_name",
        "--map",
        "born=date_of_birth",
        "--map",
        "name=full_name",
        "--map",
        "dob=date_of_birth",
    ]
    call_command("identity", "link", str(tmp_path / "left.csv"), str(tmp_path / "right.csv"), "--out", str(out),
                 "--left-id", "ref", *maps)  # fmt: skip
    rows = list(csv.DictReader(out.open()))
    assert [(row["left_id"], row["right_id"]) for row in rows] == [("1", "a"), ("2", "b")]
    assert all(0.1 <= float(row["probability"]) <= 1 for row in rows)


def test_the_link_command_refuses_an_unknown_field(tmp_path):
    write_csv(tmp_path / "left.csv", LEFT)
    with pytest.raises(CommandError):
        call_command("identity", "link", str(tmp_path / "left.csv"), str(tmp_path / "left.csv"), "--out",
                     str(tmp_path / "o.csv"), "--map", "name=shoe_size")  # fmt: skip


def test_the_find_command_prints_candidates_with_their_evidence_as_json(tmp_path, capsys):
    path = tmp_path / "index"
    records = [record("libraries", "L1", full_name="Bob Smith", date_of_birth="1980-02-03", phone="+441296395000")]
    IdentityIndex.build(connectors=[ListConnector("libraries", records)], path=path)
    call_command("identity", "find", "--name", "Robert Smith", "--dob", "03/02/1980", "--phone", "01296 395000",
                 "--index", str(path), "--json")  # fmt: skip
    found = json.loads(capsys.readouterr().out)
    assert found[0]["ref"] == "libraries/people/L1"
    assert {item["field"] for item in found[0]["evidence"]} >= {"given_name", "phone"}


def test_the_find_command_says_when_no_index_was_built(tmp_path):
    with pytest.raises(CommandError, match="No identity index"):
        call_command("identity", "find", "--name", "Ann Lee", "--index", str(tmp_path / "none"))
