"""Spreadsheet details: what flattening keeps, what counts as hidden, and what is not a finding."""

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from pledge.redaction.leaks import HiddenCells, LeakKind, clean, scan_file
from pledge.redaction.leaks.corpus import LEAKY, build

pytestmark = pytest.mark.db_independent


def case(name: str):  # noqa: ANN201
    return next(case for case in LEAKY if case.name == name)


def values(path: Path) -> list[tuple]:
    sheet = load_workbook(path).active
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_flattening_drops_hidden_rows_and_moves_the_next_rows_up(folder: Path, tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    for row in (["Ward", "Count"], ["North", 1], ["Peter Sample", 2], ["South", 3]):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True
    book.save(folder / "rows.xlsx")
    assert values(clean(folder / "rows.xlsx", out_dir=tmp_path)) == [("Ward", "Count"), ("North", 1), ("South", 3)]


def test_unhiding_keeps_hidden_rows_visible_instead(folder: Path, tmp_path: Path) -> None:
    cleaned = clean(build(case("hidden-rows.xlsx"), folder), out_dir=tmp_path, hidden_cells=HiddenCells.UNHIDE)
    assert ("Peter Sample (complainant)", 1) in values(cleaned)
    assert not load_workbook(cleaned).active.row_dimensions[4].hidden


def test_flattening_keeps_dates_and_numbers_of_visible_cells(folder: Path, tmp_path: Path) -> None:
    book = Workbook()
    book.active.append(["Received", datetime(2026, 11, 30), 12.5])
    hidden = book.create_sheet("Names")
    hidden.append(["Mary Example"])
    hidden.sheet_state = "hidden"
    book.save(folder / "dates.xlsx")
    cleaned = clean(folder / "dates.xlsx", out_dir=tmp_path)
    assert values(cleaned) == [("Received", datetime(2026, 11, 30), 12.5)]
    assert load_workbook(cleaned).sheetnames == ["Sheet"]


def test_hidden_rows_with_nothing_in_them_are_not_findings(folder: Path) -> None:
    book = Workbook()
    book.active.append(["Ward"])
    book.active.row_dimensions[5].hidden = True
    book.active.column_dimensions["F"].hidden = True
    book.save(folder / "empty-hidden.xlsx")
    assert scan_file(folder / "empty-hidden.xlsx") == []


def test_a_row_squashed_to_half_a_point_counts_as_hidden(folder: Path) -> None:
    book = Workbook()
    book.active.append(["Ward"])
    book.active.append(["Mary Example"])
    book.active.row_dimensions[2].height = 0.5
    book.save(folder / "squashed.xlsx")
    (finding,) = scan_file(folder / "squashed.xlsx")
    assert finding.kind is LeakKind.HIDDEN_ROWS_COLUMNS
    assert finding.location == "sheet 'Sheet' rows 2"


def test_the_pivot_cache_finding_counts_the_cached_records(folder: Path) -> None:
    (finding,) = scan_file(build(case("pivot-cache.xlsx"), folder))
    assert "2 source record(s) copied from Arrears!A1:B3" in finding.summary
    assert finding.excerpt == "Mary Example, Peter Sample"


def test_the_external_link_finding_quotes_the_linked_path(folder: Path) -> None:
    (finding,) = scan_file(build(case("external-link.xlsx"), folder))
    assert finding.excerpt.startswith("file:///\\\\hr-server")


def test_a_strict_open_xml_workbook_is_checked_too(folder: Path) -> None:
    import zipfile

    source = build(case("hidden-sheet.xlsx"), folder)
    strict = folder / "strict.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(strict, "w") as new:
        for name in old.namelist():
            data = old.read(name).replace(
                b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
                b"http://purl.oclc.org/ooxml/spreadsheetml/main",
            )
            new.writestr(name, data)
    assert [finding.kind for finding in scan_file(strict)] == [LeakKind.HIDDEN_SHEET]


def test_a_macro_project_is_reported_and_flattened_away(folder: Path, tmp_path: Path) -> None:
    import zipfile

    source = build(case("hidden-sheet.xlsx"), folder)
    with zipfile.ZipFile(source, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macros")
    kinds = {finding.kind for finding in scan_file(source)}
    assert kinds == {LeakKind.HIDDEN_SHEET, LeakKind.EMBEDDED_FILE}
    assert scan_file(clean(source, out_dir=tmp_path)) == []
