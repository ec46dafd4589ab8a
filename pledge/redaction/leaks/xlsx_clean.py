"""Flattening a workbook to a values-only copy of what a reader sees on its visible sheets.

A fresh workbook is written rather than the old one edited: whatever the scanner does not know about (pivot caches,
external link caches, VBA, embedded objects, drawings, custom XML) is simply not copied, so it cannot survive.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell

from pledge.redaction.leaks.ooxml import Package
from pledge.redaction.leaks.xlsx_scan import Sheet, _shared_strings, _shows_nothing, read_sheets

GENERAL = "General"


class HiddenCells(StrEnum):
    """What flattening does with hidden rows and columns of visible sheets."""

    REMOVE = "remove"  # they were hidden for a reason: leave them out (the default), with ;;; cells
    UNHIDE = "unhide"  # keep them, visible, for a reviewer who has checked them


def _hidden_layout(source: Path) -> dict[str, Sheet]:
    with Package(source) as package:
        workbook_part = package.main_part("xl/workbook.xml")
        rels = {rel.rel_id: rel for rel in package.rels(workbook_part)}
        shared = _shared_strings(package, rels.values())
        return {sheet.name: sheet for sheet in read_sheets(package, package.xml(workbook_part), rels, shared)}


def flatten_xlsx(source: Path, target: Path, *, hidden_cells: HiddenCells = HiddenCells.REMOVE) -> None:
    """Write to ``target`` the visible sheets' cell values (cached results for formulas), and nothing else."""
    layout = _hidden_layout(source)
    # Read-only in, write-only out: both stream rows, which keeps a 100,000-cell sheet to seconds.
    values = load_workbook(source, data_only=True, read_only=True)
    out = Workbook(write_only=True)
    try:
        for worksheet in values.worksheets:
            sheet = layout.get(worksheet.title)
            if sheet is not None and sheet.state == "visible":
                _copy_sheet(worksheet, out.create_sheet(title=worksheet.title), sheet, hidden_cells)
    finally:
        values.close()
    if not out.worksheets:
        out.create_sheet(title="Sheet1")
    out.properties.creator = "Pledge"
    out.save(target)


def _copy_sheet(worksheet: Any, copy: Any, sheet: Sheet, hidden_cells: HiddenCells) -> None:
    remove = hidden_cells is HiddenCells.REMOVE
    skip_rows = sheet.hidden_rows if remove else set()
    skip_columns = sheet.hidden_columns if remove else set()
    for row_number, row in enumerate(worksheet.iter_rows(min_row=1, min_col=1), start=1):
        if row_number in skip_rows:
            continue
        copy.append(
            [_copy_value(cell, copy, remove) for column, cell in enumerate(row, start=1) if column not in skip_columns]
        )


def _copy_value(cell: Any, copy: Any, remove_invisible: bool) -> Any:
    value = getattr(cell, "value", None)
    format_code = getattr(cell, "number_format", GENERAL) or GENERAL
    if value is None or (remove_invisible and _shows_nothing(format_code)):
        return None
    new = WriteOnlyCell(copy, value=value)
    if isinstance(value, str):
        new.data_type = "s"  # a cached text that starts with "=" stays text, not a formula
    if format_code != GENERAL and not _shows_nothing(format_code):
        new.number_format = format_code
    return new
