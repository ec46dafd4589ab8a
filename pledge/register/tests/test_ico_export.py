"""The register in the ICO's record-of-processing layout, as CSV or XLSX."""

import csv

import pytest
from openpyxl import load_workbook

from pledge.core.models import AuditAction, AuditEvent
from pledge.register.ico_export import COLUMNS, write_ico_record
from pledge.register.services import import_register
from pledge.register.tests.factories import MINIMAL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen_clock")]


@pytest.fixture
def register():
    import_register(directory=MINIMAL, actor="test")


def column(row: list, name: str):
    return row[COLUMNS.index(name)]


def test_it_writes_a_csv_with_the_header_and_one_row_per_activity(register, tmp_path) -> None:
    path = tmp_path / "ropa.csv"

    count = write_ico_record(path=path, actor="test")

    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert count == 2
    assert rows[0] == COLUMNS
    assert len(rows) == 3
    assert [column(r, "Purpose of processing") for r in rows[1:]] == [
        "to bill and collect council tax",
        "to collect your garden waste",
    ]


def test_it_writes_an_xlsx_that_reads_back(register, tmp_path) -> None:
    path = tmp_path / "ropa.xlsx"

    count = write_ico_record(path=path, actor="test")

    sheet = load_workbook(path).active
    rows = [[cell if cell is not None else "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert count == 2
    assert sheet.title == "Controller - processing"
    assert rows[0] == COLUMNS
    assert len(rows) == 3
    billing, garden = rows[1], rows[2]
    assert column(billing, "Business function") == "Council tax"
    assert column(billing, "Article 6 lawful basis for processing personal data") == (
        "Art 6(1)(c) legal obligation (Local Government Finance Act 1992)"
    )
    assert column(billing, "Link to contract with processor") == "Example Mailing Ltd: CON-1"
    assert column(billing, "Retention schedule (if possible)") == ("6 years after the account is closed, then destroy")
    assert "Right to erasure" not in column(billing, "Rights available to individuals")
    assert "Right to data portability" in column(garden, "Rights available to individuals")
    assert column(garden, "Record status") == "Approved"


def test_it_audits_the_export(register, tmp_path) -> None:
    write_ico_record(path=tmp_path / "ropa.csv", actor="test")

    event = AuditEvent.objects.get(action=AuditAction.EXPORT)
    assert (event.object_ref, event.summary) == ("ico-record", "2 rows")


def test_it_refuses_a_file_type_other_than_xlsx_or_csv(register, tmp_path) -> None:
    path = tmp_path / "ropa.ods"

    with pytest.raises(ValueError, match="written as .xlsx or .csv"):
        write_ico_record(path=path, actor="test")

    assert not path.exists()
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_it_writes_just_the_header_for_an_empty_register(db, tmp_path) -> None:
    path = tmp_path / "ropa.csv"

    assert write_ico_record(path=path, actor="test") == 0
    assert path.read_text(encoding="utf-8").splitlines() == [",".join(f'"{c}"' if "," in c else c for c in COLUMNS)]
