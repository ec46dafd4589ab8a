"""The files connector: a folder of CSV and XLSX files read as tables, CSV written atomically, XLSX never."""

import csv
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from pledge.discovery.connectors import FilesConnector, WriteFailed, connect, load_systems
from pledge.discovery.sources import IdentityField, ReadOnlySystem, RecordKey, Write, WriteAction
from pledge.discovery.tests.connector_estate import write_yaml

LIBRARIES_YAML = """\
systems:
  - slug: libraries
    name: Libraries
    kind: files
    folder: libraries
    writable: {writable}
    tables:
      - name: members
        key: member_id
        restriction_column: restricted
        columns:
          - {{column: member_id, identity: account_reference, category: Identity and contact}}
          - {{column: name, identity: full_name, category: Identity and contact}}
          - {{column: email, identity: email, category: Identity and contact}}
      - name: loans
        key: loan_id
        parent_table: members
        parent_key: member_id
        columns:
          - {{column: title, category: Loans}}
      - name: events
        key: booking
        columns:
          - {{column: attendee, identity: full_name, category: Events}}
          - {{column: phone, identity: phone, category: Events}}
"""


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def libraries(tmp_path: Path, *, writable: bool = False) -> FilesConnector:
    folder = tmp_path / "libraries"
    folder.mkdir()
    members = [
        ["member_id", "name", "email", "restricted", "joined"],
        ["L1", "Bob Smith", "bob@example.com", "", "2020"],
        ["L2", "Ann Lee", "ann@example.com", "yes", "2021"],
    ]
    write_csv(folder / "members.csv", members)
    write_csv(
        folder / "loans.csv", [["loan_id", "member_id", "title"], ["1", "L1", "Middlemarch"], ["2", "L2", "Emma"]]
    )
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    rows: list[list[Any]] = [
        ["booking", "attendee", "phone"],
        [101, "Bob Smith", "01296 395000"],
        [102, "Ann Lee", None],
    ]
    for row in rows:
        sheet.append(row)
    workbook.save(folder / "events.xlsx")
    [config] = load_systems(write_yaml(tmp_path, LIBRARIES_YAML.format(writable=str(writable).lower())))
    connector = connect(config)
    assert isinstance(connector, FilesConnector)
    return connector


def test_it_reads_csv_and_xlsx_files_as_tables_in_batches(tmp_path: Path) -> None:
    connector = libraries(tmp_path)
    batches = list(connector.iter_records(batch_size=1))
    assert [len(batch) for batch in batches] == [1] * 6
    records = {str(r.ref): r for batch in batches for r in batch}
    assert records["libraries/members/L1"].identity == {
        IdentityField.ACCOUNT_REFERENCE: "L1",
        IdentityField.FULL_NAME: "Bob Smith",
        IdentityField.EMAIL: "bob@example.com",
    }
    assert records["libraries/loans/1"].columns == {"loan_id": "1", "member_id": "L1", "title": "Middlemarch"}
    assert records["libraries/events/101"].identity == {
        IdentityField.FULL_NAME: "Bob Smith",
        IdentityField.PHONE: "01296 395000",
    }


def test_fetch_returns_whole_rows_and_the_members_loans(tmp_path: Path) -> None:
    connector = libraries(tmp_path)
    found = connector.fetch([RecordKey("libraries", "members", "L1"), RecordKey("libraries", "events", "102")])
    assert [str(r.ref) for r in found] == ["libraries/members/L1", "libraries/loans/1", "libraries/events/102"]
    assert found[0].columns["joined"] == "2020"


def test_check_is_quiet_for_a_good_folder_and_counts_rows(tmp_path: Path) -> None:
    connector = libraries(tmp_path)
    assert connector.check() == []
    assert [connector.count(table) for table in connector.config.tables] == [2, 2, 2]


def test_check_reports_a_missing_file_a_missing_column_and_a_repeated_key(tmp_path: Path) -> None:
    connector = libraries(tmp_path)
    folder = tmp_path / "libraries"
    (folder / "events.xlsx").unlink()
    write_csv(folder / "loans.csv", [["loan_id", "title"], ["1", "Emma"]])
    write_csv(
        folder / "members.csv", [["member_id", "name", "email", "restricted"], ["L1", "a", "", ""], ["L1", "b", "", ""]]
    )
    assert connector.check() == [
        "Table 'members': key column 'member_id' is not unique (1 value(s) repeat in the first 2 rows).",
        "loans.csv has no column(s) member_id.",
        f"No file events.csv or events.xlsx in {folder}.",
    ]


def test_check_warns_that_a_writable_systems_workbook_cannot_be_written(tmp_path: Path) -> None:
    connector = libraries(tmp_path, writable=True)
    assert connector.check() == [
        "events.xlsx is a workbook, which Pledge does not write, but the system is marked writable: convert it to "
        "CSV or set 'writable: false'."
    ]


def test_it_refuses_to_write_to_a_read_only_folder(tmp_path: Path) -> None:
    connector = libraries(tmp_path)
    before = (tmp_path / "libraries" / "members.csv").read_bytes()
    with pytest.raises(ReadOnlySystem):
        connector.apply([Write(RecordKey("libraries", "members", "L1"), WriteAction.DELETE)])
    assert (tmp_path / "libraries" / "members.csv").read_bytes() == before


def test_it_updates_and_deletes_csv_rows_with_their_children(tmp_path: Path) -> None:
    connector = libraries(tmp_path, writable=True)
    connector.apply(
        [
            Write(RecordKey("libraries", "members", "L2"), WriteAction.UPDATE, {"restricted": "yes", "name": "Ann Li"}),
            Write(RecordKey("libraries", "members", "L1"), WriteAction.DELETE),
        ]
    )
    folder = tmp_path / "libraries"
    assert (folder / "members.csv").read_text() == (
        "member_id,name,email,restricted,joined\nL2,Ann Li,ann@example.com,yes,2021\n"
    )
    assert (folder / "loans.csv").read_text() == "loan_id,member_id,title\n2,L2,Emma\n"
    assert sorted(p.name for p in folder.iterdir()) == ["events.xlsx", "loans.csv", "members.csv"]  # no temp files


def test_a_failing_write_leaves_every_file_as_it_was(tmp_path: Path) -> None:
    connector = libraries(tmp_path, writable=True)
    folder = tmp_path / "libraries"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with pytest.raises(WriteFailed, match="nothing was changed"):
        connector.apply(
            [
                Write(RecordKey("libraries", "members", "L1"), WriteAction.DELETE),
                Write(RecordKey("libraries", "members", "L9"), WriteAction.UPDATE, {"name": "Nobody"}),
            ]
        )
    with pytest.raises(WriteFailed, match="no column"):
        connector.apply([Write(RecordKey("libraries", "members", "L1"), WriteAction.UPDATE, {"shoe": "9"})])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_it_refuses_to_write_a_workbook_and_says_why(tmp_path: Path) -> None:
    connector = libraries(tmp_path, writable=True)
    before = (tmp_path / "libraries" / "members.csv").read_bytes()
    with pytest.raises(ReadOnlySystem, match="events.xlsx is a workbook; Pledge writes CSV files only"):
        connector.apply(
            [
                Write(RecordKey("libraries", "members", "L1"), WriteAction.DELETE),
                Write(RecordKey("libraries", "events", "101"), WriteAction.DELETE),
            ]
        )
    assert (tmp_path / "libraries" / "members.csv").read_bytes() == before
