"""A corpus of deliberately leaky files, one per kind of hidden content, built from scratch (fictional Anyshire
Council people only), plus ordinary files that must come out clean.

The tests build it in a temporary folder; ``python -m pledge.redaction.leaks.corpus [DIR]`` writes it to a folder
and prints, per case, whether the scanner found the leak and whether cleaning removed it.
"""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pledge.redaction.leaks import corpus_office, corpus_pdf
from pledge.redaction.leaks.findings import LeakKind

Builder = Callable[[Path], None]


@dataclass(frozen=True)
class CorpusCase:
    """One leaky file: its name, the kind the scanner must report, how to build it, and a secret it hides."""

    name: str
    kind: LeakKind
    build: Builder
    secret: str


LEAKY: list[CorpusCase] = [
    CorpusCase("hidden-sheet.xlsx", LeakKind.HIDDEN_SHEET, corpus_office.hidden_sheet, "Mary Example"),
    CorpusCase("very-hidden-sheet.xlsx", LeakKind.VERY_HIDDEN_SHEET, corpus_office.very_hidden_sheet, "AB123456C"),
    CorpusCase("hidden-rows.xlsx", LeakKind.HIDDEN_ROWS_COLUMNS, corpus_office.hidden_rows, "Peter Sample"),
    CorpusCase("hidden-columns.xlsx", LeakKind.HIDDEN_ROWS_COLUMNS, corpus_office.hidden_columns, "07700 900123"),
    CorpusCase("named-range.xlsx", LeakKind.NAMED_RANGE, corpus_office.named_range, "Rosa Placeholder"),
    CorpusCase("pivot-cache.xlsx", LeakKind.PIVOT_CACHE, corpus_office.pivot_cache, "Mary Example"),
    CorpusCase("cell-note.xlsx", LeakKind.COMMENT, corpus_office.cell_note, "neighbour at number 4"),
    CorpusCase("external-link.xlsx", LeakKind.EXTERNAL_LINK, corpus_office.external_link, "hr-server"),
    CorpusCase("properties.xlsx", LeakKind.DOCUMENT_PROPERTY, corpus_office.xlsx_properties, "Jane Officer"),
    CorpusCase("invisible-format.xlsx", LeakKind.HIDDEN_TEXT, corpus_office.invisible_format, "Peter Sample"),
    CorpusCase("tracked-deletion.docx", LeakKind.TRACKED_CHANGE, corpus_office.tracked_changes, "4 Mill Lane"),
    CorpusCase("review-comment.docx", LeakKind.COMMENT, corpus_office.docx_comment, "do not disclose"),
    CorpusCase("hidden-run.docx", LeakKind.HIDDEN_TEXT, corpus_office.hidden_run, "on the child protection"),
    CorpusCase("hidden-style.docx", LeakKind.HIDDEN_TEXT, corpus_office.hidden_style, "police intelligence"),
    CorpusCase("docx-properties.docx", LeakKind.DOCUMENT_PROPERTY, corpus_office.docx_properties, "Jane Officer"),
    CorpusCase("document-variable.docx", LeakKind.METADATA, corpus_office.document_variable, "Rosa Placeholder"),
    CorpusCase("photo-in-letter.docx", LeakKind.EXIF_GPS, corpus_office.docx_gps_picture, "GPS"),
    CorpusCase("black-box.pdf", LeakKind.TEXT_UNDER_BLACK_BOX, corpus_pdf.black_box, "Peter Sample"),
    CorpusCase("sticky-note.pdf", LeakKind.ANNOTATION, corpus_pdf.sticky_note, "previous address"),
    CorpusCase("unapplied-redaction.pdf", LeakKind.ANNOTATION, corpus_pdf.unapplied_redaction, "Peter Sample"),
    CorpusCase("attachment.pdf", LeakKind.EMBEDDED_FILE, corpus_pdf.attachment, "residents.csv"),
    CorpusCase("info-metadata.pdf", LeakKind.METADATA, corpus_pdf.info_metadata, "Jane Officer"),
    CorpusCase("xmp-metadata.pdf", LeakKind.METADATA, corpus_pdf.xmp_metadata, "Rosa Placeholder"),
    CorpusCase("incremental-save.pdf", LeakKind.INCREMENTAL_SAVE_HISTORY, corpus_pdf.incremental_save, "Mary Example"),
    CorpusCase("gps.jpg", LeakKind.EXIF_GPS, corpus_office.gps_jpeg, "GPS"),
    CorpusCase("camera-owner.jpg", LeakKind.EXIF_OTHER, corpus_office.camera_owner_jpeg, "Jane Officer"),
    CorpusCase("xmp-gps.jpg", LeakKind.EXIF_GPS, corpus_office.xmp_gps_jpeg, "exif:GPSLatitude"),
    CorpusCase("gps.png", LeakKind.EXIF_GPS, corpus_office.gps_png, "GPS"),
    CorpusCase("text-chunk.png", LeakKind.METADATA, corpus_office.png_text_chunk, "Mary Example"),
]

UNCHECKABLE: list[CorpusCase] = [
    CorpusCase("legacy.xls", LeakKind.UNSUPPORTED_TYPE, corpus_office.legacy_office, ""),
    CorpusCase("page.html", LeakKind.UNSUPPORTED_TYPE, corpus_office.html_page, ""),
    CorpusCase("damaged.xlsx", LeakKind.UNREADABLE, corpus_office.damaged_xlsx, ""),
    CorpusCase("damaged.docx", LeakKind.UNREADABLE, corpus_office.damaged_docx, ""),
    CorpusCase("damaged.pdf", LeakKind.UNREADABLE, corpus_pdf.damaged_pdf, ""),
    CorpusCase("damaged.jpg", LeakKind.UNREADABLE, corpus_office.damaged_jpeg, ""),
    CorpusCase("password.pdf", LeakKind.UNREADABLE, corpus_pdf.password_pdf, ""),
    CorpusCase("entity-bomb.docx", LeakKind.UNREADABLE, corpus_office.entity_bomb_docx, ""),
]

CLEAN: list[tuple[str, Builder]] = [
    ("plain.xlsx", corpus_office.plain_workbook),
    ("plain.docx", corpus_office.plain_document),
    ("plain.pdf", corpus_pdf.plain_pdf),
    ("plain.jpg", corpus_office.plain_jpeg),
    ("plain.png", corpus_office.plain_png),
    ("plain.csv", corpus_office.plain_csv),
]


def build(case: CorpusCase, folder: Path) -> Path:
    """Write the case's file into ``folder`` and return its path."""
    path = folder / case.name
    case.build(path)
    return path


def secret_survives(path: Path, secret: str) -> bool:
    """Whether ``secret`` can still be read anywhere in the file: any zip part, PDF text, metadata or raw bytes,
    or (for "GPS") a GPS block in any picture."""
    data = path.read_bytes()
    if secret == "GPS":
        return _has_gps(data)
    needle = secret.encode()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as archive:
            parts = [archive.read(name) for name in archive.namelist()]
        return any(needle in part for part in parts) or any(
            _has_gps(part) for part in parts if part[:3] == b"\xff\xd8\xff"
        )
    if data.startswith(b"%PDF"):
        return needle in data or secret in corpus_pdf.everything_readable(data)
    return needle in data


def _has_gps(data: bytes) -> bool:
    from PIL import Image

    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return any(_has_gps(archive.read(name)) for name in archive.namelist() if "/media/" in name)
    try:
        with Image.open(io.BytesIO(data)) as image:
            return bool(image.getexif().get_ifd(0x8825))
    except OSError:
        return False


def run(folder: Path) -> tuple[list[tuple[str, str, bool, str]], list[tuple[str, int]]]:
    """Build every case: (file, kind, found, cleaned) per leaky or uncheckable case, with cleaned "yes", "no" or
    "refused"; and (file, number of findings) per clean file."""
    from pledge.redaction.leaks.clean import CannotClean, LeaksRemain, clean
    from pledge.redaction.leaks.scan import scan_file

    rows = []
    for case in [*LEAKY, *UNCHECKABLE]:
        path = build(case, folder)
        found = any(finding.kind is case.kind for finding in scan_file(path))
        try:
            cleaned = clean(path, out_dir=folder / "clean")
            outcome = "no" if case.secret and secret_survives(cleaned, case.secret) else "yes"
        except LeaksRemain:
            outcome = "no"
        except CannotClean:
            outcome = "refused (release stays blocked)"
        rows.append((case.name, case.kind.label, found, outcome))
    clean_rows = []
    for name, builder in CLEAN:
        builder(folder / name)
        clean_rows.append((name, len(scan_file(folder / name))))
    return rows, clean_rows


def main(argv: list[str]) -> int:
    """Print the corpus results as Markdown tables; exit 1 if any leak is missed or survives, or a clean file is
    flagged."""
    folder = Path(argv[0]) if argv else Path(tempfile.mkdtemp(prefix="pledge-leaks-"))
    folder.mkdir(parents=True, exist_ok=True)
    rows, clean_rows = run(folder)
    lines = ["| file | kind | found | cleaned |", "|---|---|---|---|"]
    lines += [f"| {name} | {kind} | {'yes' if found else 'NO'} | {cleaned} |" for name, kind, found, cleaned in rows]
    lines += ["", "| ordinary file | findings |", "|---|---|"]
    lines += [f"| {name} | {count} |" for name, count in clean_rows]
    sys.stdout.write("\n".join(lines) + "\n")
    failed = any(not found or cleaned == "no" for _, _, found, cleaned in rows) or any(n for _, n in clean_rows)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
