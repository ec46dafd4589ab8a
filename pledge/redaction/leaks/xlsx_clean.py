"""Flattening a workbook to a values-only copy of what a reader sees on its visible sheets.

A fresh workbook is written rather than the old one edited: whatever the scanner does not know about (pivot caches,
external link caches, VBA, embedded objects, drawings, custom XML) is simply not copied, so it cannot survive.
"""

from __future__ import annotations

import bisect
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

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
    values = load_workbook(source, data_only=True)
    out = Workbook()
    out.remove(out.active)  # type: ignore[arg-type]
    for worksheet in values.worksheets:
        sheet = layout.get(worksheet.title)
        if sheet is None or sheet.state != "visible":
            continue
        copy = out.create_sheet(title=worksheet.title)
        skip_rows = sorted(sheet.hidden_rows) if hidden_cells is HiddenCells.REMOVE else []
        skip_columns = sorted(sheet.hidden_columns) if hidden_cells is HiddenCells.REMOVE else []
        for row in worksheet.iter_rows():
            for cell in row:
                if cell.value is None or _skipped(cell.row, skip_rows) or _skipped(cell.column, skip_columns):
                    continue
                if hidden_cells is HiddenCells.REMOVE and _shows_nothing(cell.number_format):
                    continue
                new_row = cell.row - bisect.bisect_left(skip_rows, cell.row)
                new_column = cell.column - bisect.bisect_left(skip_columns, cell.column)
                _copy_value(cell, copy.cell(row=new_row, column=new_column))
    if not out.worksheets:
        out.create_sheet(title="Sheet1")
    out.properties.creator = "Pledge"
    out.save(target)


def _skipped(index: int, skip: list[int]) -> bool:
    position = bisect.bisect_left(skip, index)
    return position < len(skip) and skip[position] == index


def _copy_value(cell: Any, new: Any) -> None:
    new.value = cell.value
    if isinstance(cell.value, str):
        new.data_type = "s"  # a cached text that starts with "=" stays text, not a formula
    if cell.number_format != GENERAL and not _shows_nothing(cell.number_format):
        new.number_format = cell.number_format
