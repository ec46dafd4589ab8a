"""Hidden content in Excel workbooks (ECMA-376 Part 1, SpreadsheetML), read straight from the package parts.

Reading the XML rather than a spreadsheet library's model matters: libraries drop what they do not understand
(pivot caches without a table, threaded comments, external link caches), and what they drop is exactly what leaks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.etree import ElementTree

from pledge.redaction.leaks.findings import Collector, LeakKind, Severity
from pledge.redaction.leaks.ooxml import NS, R_ID, Package, element_text, scan_media_and_embeddings, scan_properties

THREADED_NS = "http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"
CELL_REF = re.compile(r"([A-Z]+)(\d+)")
BUILT_IN_NAMES = ("_xlnm.",)
S = f"{{{NS['s']}}}"
CELL, VALUE, INLINE, FORMULA = f"{S}c", f"{S}v", f"{S}is", f"{S}f"


@dataclass
class Sheet:
    """One worksheet's filled cells, what hides them, and its comments' part."""

    name: str
    state: str
    part: str
    cells: dict[tuple[int, int], tuple[str, int]] = field(default_factory=dict)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_columns: set[int] = field(default_factory=set)


def column_index(letters: str) -> int:
    """1 for A, 27 for AA."""
    index = 0
    for char in letters:
        index = index * 26 + ord(char) - 64
    return index


def column_letters(index: int) -> str:
    """A for 1, AA for 27."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def spans(numbers: Iterable[int], label: object = str) -> str:
    """Sorted numbers as ranges: 3, 5-7."""
    ordered = sorted(numbers)
    parts: list[str] = []
    start = previous = ordered[0] if ordered else 0
    for number in [*ordered[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(f"{label(start)}" if start == previous else f"{label(start)}-{label(previous)}")  # type: ignore[operator]
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def scan_xlsx(package: Package, found: Collector) -> None:
    """Report every hidden place in the workbook that holds content."""
    workbook_part = package.main_part("xl/workbook.xml")
    workbook = package.xml(workbook_part)
    rels = {rel.rel_id: rel for rel in package.rels(workbook_part)}
    shared = _shared_strings(package, rels.values())
    hiding_styles = _hiding_styles(package, rels.values())
    for sheet in read_sheets(package, workbook, rels, shared):
        _scan_sheet(sheet, found, hiding_styles)
        _scan_comments(package, sheet, found)
    _scan_defined_names(workbook, found)
    _scan_pivot_caches(package, found)
    _scan_external_links(package, found)
    scan_properties(package, found)
    scan_media_and_embeddings(package, found)


def read_sheets(package: Package, workbook: ElementTree.Element, rels: dict, shared: list[str]) -> list[Sheet]:
    """Every sheet of the workbook with its cells and hidden rows and columns read."""
    sheets = []
    for entry in workbook.findall("s:sheets/s:sheet", NS):
        rel = rels.get(entry.get(R_ID, ""))
        sheet = Sheet(name=entry.get("name", "?"), state=entry.get("state", "visible"), part=rel.target if rel else "")
        if rel and package.has(rel.target):
            _read_cells(package.xml(rel.target), sheet, shared)
        sheets.append(sheet)
    return sheets


def _shared_strings(package: Package, rels: Iterable) -> list[str]:
    for rel in rels:
        if rel.rel_type == "sharedStrings" and package.has(rel.target):
            return [element_text(item) for item in package.xml(rel.target).findall("s:si", NS)]
    return []


def _hiding_styles(package: Package, rels: Iterable) -> set[int]:
    """Cell style indexes whose number format shows nothing at all (``;;;``)."""
    for rel in rels:
        if rel.rel_type == "styles" and package.has(rel.target):
            styles = package.xml(rel.target)
            hiding = {
                fmt.get("numFmtId")
                for fmt in styles.findall("s:numFmts/s:numFmt", NS)
                if _shows_nothing(fmt.get("formatCode", ""))
            }
            xfs = styles.findall("s:cellXfs/s:xf", NS)
            return {index for index, xf in enumerate(xfs) if xf.get("numFmtId") in hiding}
    return set()


def _shows_nothing(code: str) -> bool:
    stripped = code.replace(" ", "")
    return stripped.count(";") >= 3 and set(stripped) == {";"}


def _truthy(value: str | None) -> bool:
    return value in ("1", "true")


def _tiny(size: str | None, limit: float) -> bool:
    """Whether a row height (points) or column width (characters) is too small to read: hidden in all but name."""
    try:
        return size is not None and float(size) <= limit
    except ValueError:
        return False


def _read_cells(worksheet: ElementTree.Element, sheet: Sheet, shared: list[str]) -> None:
    for col in worksheet.findall("s:cols/s:col", NS):
        zero_width = _tiny(col.get("width"), 0.5) and _truthy(col.get("customWidth"))
        if _truthy(col.get("hidden")) or zero_width:
            sheet.hidden_columns.update(range(int(col.get("min", "1")), int(col.get("max", "1")) + 1))
    row_number = 0
    for row in worksheet.iterfind(f"{S}sheetData/{S}row"):
        row_number = int(row.get("r", row_number + 1))
        if _truthy(row.get("hidden")) or (_tiny(row.get("ht"), 1.0) and _truthy(row.get("customHeight"))):
            sheet.hidden_rows.add(row_number)
        column = 0
        for cell in row:
            if cell.tag != CELL:
                continue
            match = CELL_REF.match(cell.get("r", ""))
            column = column_index(match.group(1)) if match else column + 1
            text = _cell_text(cell, shared)
            if text:
                sheet.cells[(row_number, column)] = (text, int(cell.get("s", "0")))


def _cell_text(cell: ElementTree.Element, shared: list[str]) -> str:
    # Children are compared by tag rather than found by path: this runs once per cell of every sheet.
    children = {child.tag: child for child in cell}
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = children.get(INLINE)
        return element_text(inline) if inline is not None else ""
    value = children.get(VALUE)
    raw = (value.text or "") if value is not None else ""
    if kind == "s" and raw.isdigit():
        return shared[int(raw)] if int(raw) < len(shared) else ""
    if not raw:
        formula = children.get(FORMULA)
        return (formula.text or "") if formula is not None else ""
    return raw


def _scan_sheet(sheet: Sheet, found: Collector, hiding_styles: set[int]) -> None:
    first = next(iter(sheet.cells.values()), ("", 0))[0]
    if sheet.state in ("hidden", "veryHidden"):
        kind = LeakKind.HIDDEN_SHEET if sheet.state == "hidden" else LeakKind.VERY_HIDDEN_SHEET
        how = "hidden" if sheet.state == "hidden" else "very hidden (only visible in the VBA editor)"
        found.add(
            kind,
            f"sheet '{sheet.name}'",
            f"the sheet is {how} and holds {len(sheet.cells)} filled cell(s)",
            quote=first,
        )
        return
    in_rows = {ref: value for ref, value in sheet.cells.items() if ref[0] in sheet.hidden_rows}
    if in_rows:
        rows = {row for row, _ in in_rows}
        found.add(
            LeakKind.HIDDEN_ROWS_COLUMNS,
            f"sheet '{sheet.name}' rows {spans(rows)}",
            f"{len(rows)} hidden row(s) hold {len(in_rows)} filled cell(s)",
            quote=next(iter(in_rows.values()))[0],
        )
    in_columns = {ref: value for ref, value in sheet.cells.items() if ref[1] in sheet.hidden_columns}
    if in_columns:
        columns = {column for _, column in in_columns}
        found.add(
            LeakKind.HIDDEN_ROWS_COLUMNS,
            f"sheet '{sheet.name}' columns {spans(columns, column_letters)}",
            f"{len(columns)} hidden column(s) hold {len(in_columns)} filled cell(s)",
            quote=next(iter(in_columns.values()))[0],
        )
    masked = {ref: text for ref, (text, style) in sheet.cells.items() if style in hiding_styles}
    if masked:
        (row, column), text = next(iter(masked.items()))
        found.add(
            LeakKind.HIDDEN_TEXT,
            f"sheet '{sheet.name}' from {column_letters(column)}{row}",
            f"{len(masked)} cell(s) use a number format that shows nothing (;;;)",
            quote=text,
        )


def _scan_comments(package: Package, sheet: Sheet, found: Collector) -> None:
    if not sheet.part:
        return
    legacy_refs: set[str] = set()
    rels = package.rels(sheet.part)
    for rel in rels:
        if rel.rel_type == "comments" and package.has(rel.target):
            comments = package.xml(rel.target)
            authors = [element_text(author) for author in comments.findall("s:authors/s:author", NS)]
            for comment in comments.findall("s:commentList/s:comment", NS):
                ref = comment.get("ref", "?")
                legacy_refs.add(ref)
                author_id = int(comment.get("authorId", "0"))
                author = authors[author_id] if author_id < len(authors) else ""
                body = comment.find("s:text", NS)
                text = element_text(body if body is not None else comment)
                found.add(
                    LeakKind.COMMENT,
                    f"sheet '{sheet.name}'!{ref}",
                    "a cell note is attached",
                    severity=Severity.HIGH,
                    quote=f"{author}: {text}" if author else text,
                )
    for rel in rels:
        if rel.rel_type == "threadedComment" and package.has(rel.target):
            for comment in package.xml(rel.target).findall(f"{{{THREADED_NS}}}threadedComment"):
                ref = comment.get("ref", "?")
                if ref not in legacy_refs:
                    found.add(
                        LeakKind.COMMENT,
                        f"sheet '{sheet.name}'!{ref} (thread)",
                        "a threaded comment is attached",
                        quote=element_text(comment),
                    )


def _scan_defined_names(workbook: ElementTree.Element, found: Collector) -> None:
    for defined in workbook.findall("s:definedNames/s:definedName", NS):
        name = defined.get("name", "")
        if name.startswith(BUILT_IN_NAMES):
            continue
        formula = (defined.text or "").strip()
        constant = "!" not in formula and not formula.startswith("#")
        summary = "a named range holds a constant value" if constant else "a named range points into the workbook"
        if _truthy(defined.get("hidden")):
            summary += " and is hidden"
        found.add(
            LeakKind.NAMED_RANGE,
            f"name '{name}'",
            summary,
            severity=Severity.HIGH if constant else Severity.MEDIUM,
            quote=f"{name} = {formula}",
        )


def _scan_pivot_caches(package: Package, found: Collector) -> None:
    for name in package.names:
        if not re.fullmatch(r"xl/pivotCache/pivotCacheDefinition\d*\.xml", name):
            continue
        definition = package.xml(name)
        fields = [field.get("name", "") for field in definition.findall("s:cacheFields/s:cacheField", NS)]
        items = [item.get("v", "") for item in definition.iter(f"{{{NS['s']}}}s")]
        records = 0
        for rel in package.rels(name):
            if rel.rel_type == "pivotCacheRecords" and package.has(rel.target):
                records = len(package.xml(rel.target).findall("s:r", NS))
        source = definition.find("s:cacheSource/s:worksheetSource", NS)
        origin = f" copied from {source.get('sheet', '')}!{source.get('ref', '')}" if source is not None else ""
        found.add(
            LeakKind.PIVOT_CACHE,
            name,
            f"a pivot cache keeps {records} source record(s){origin} with {len(fields)} field(s)",
            quote=", ".join(item for item in items if item) or ", ".join(fields),
        )


def _scan_external_links(package: Package, found: Collector) -> None:
    for name in package.names:
        if not re.fullmatch(r"xl/externalLinks/externalLink\d*\.xml", name):
            continue
        targets = [rel.target for rel in package.rels(name) if rel.external]
        cached = len(list(package.xml(name).iter(f"{{{NS['s']}}}v")))
        found.add(
            LeakKind.EXTERNAL_LINK,
            name,
            f"a link to another workbook, with {cached} cached value(s) copied from it",
            severity=Severity.HIGH if cached else Severity.MEDIUM,
            quote=targets[0] if targets else "",
        )
