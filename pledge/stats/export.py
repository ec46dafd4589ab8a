"""Published statistics: a count table suppressed (``pledge.law.suppression``), as CSV or XLSX rows.

Hidden cells are shown as ``[c]`` (confidential), the marker the Government Statistical Service recommends, with a
note saying why. A total that is the same as a single cell (a one-column table's row total) is not printed, since
it would print the hidden cell.
"""

import csv
import io
from pathlib import Path

from openpyxl import Workbook

from pledge.law.suppression import SuppressedTable, suppress_table
from pledge.stats.tables import CountTable

HIDDEN = "[c]"


def note_for(threshold: int) -> str:
    """The note printed under every published table."""
    return (
        f"{HIDDEN}: hidden to protect privacy: a count from 1 to {threshold - 1}, or a count hidden so that a small "
        "count cannot be worked out from the totals."
    )


def published_rows(table: CountTable, *, threshold: int) -> list[list[str]]:
    """The table as rows of text, heading first, totals last, hidden cells as ``[c]``, then the note."""
    safe = suppress_table(table.counts, threshold=threshold)
    with_row_totals, with_column_totals = len(table.columns) > 1, len(table.rows) > 1
    rows = [[f"{table.row_heading} by {table.column_heading.lower()}", *table.columns]]
    if with_row_totals:
        rows[0].append("Total")
    for label, cells, total in zip(table.rows, safe.cells, safe.row_totals, strict=True):
        rows.append(
            [label, *(HIDDEN if v is None else str(v) for v in cells), *([str(total)] if with_row_totals else [])]
        )
    if with_column_totals:
        rows.append(["Total", *map(str, safe.column_totals), *([str(safe.total)] if with_row_totals else [])])
    rows += [[], [note_for(threshold)]]
    return rows


def suppressed(table: CountTable, *, threshold: int) -> SuppressedTable:
    """The suppression applied to ``table`` (for a report of how many cells were hidden and why)."""
    return suppress_table(table.counts, threshold=threshold)


def write_table(table: CountTable, *, threshold: int, out: Path) -> None:
    """Write ``out`` as CSV or, for a ``.xlsx`` name, as a one-sheet workbook; the title comes first."""
    rows = [[table.title], [], *published_rows(table, threshold=threshold)]
    if out.suffix.lower() == ".xlsx":
        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = "Table"
        for row in rows:
            # Counts as numbers so a spreadsheet can add them up; "[c]" and labels stay text.
            sheet.append([int(v) if v.isdigit() else v for v in row])
        book.save(out)
        return
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    out.write_text(buffer.getvalue(), encoding="utf-8")
