"""Hidden content in PDF files (ISO 32000-1): text under black boxes, annotations, attached files, document
information and XMP metadata, and earlier revisions kept by incremental saving (§7.5.6).

An incrementally saved PDF appends each edit to the end of the file; a reader shows the last revision, but every
earlier one, including text that was "deleted" or "redacted", is still in the bytes.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, StreamObject

from pledge.redaction.leaks.findings import Collector, LeakKind, Severity
from pledge.redaction.leaks.pdf_layout import page_layout
from pledge.redaction.leaks.xmp import identifying_fields

MAX_REVISIONS_READ = 10
REVISION_END = re.compile(rb"startxref\s+\d+\s+%%EOF")
SILENT_ANNOTATIONS = {"/Link", "/Popup"}
INFO_KEYS = {"/Author": Severity.MEDIUM, "/Title": Severity.LOW, "/Subject": Severity.LOW, "/Keywords": Severity.LOW}
STANDARD_INFO = {"/Creator", "/Producer", "/CreationDate", "/ModDate", "/Trapped", *INFO_KEYS}
GENERATOR_KEYS = ("/PTEX.",)  # pdfTeX's banner: the program, not a person
# ReportLab fills these in when a program sets nothing; they name no one.
GENERATOR_DEFAULTS = {"anonymous", "untitled", "unspecified", "pledge"}

logging.getLogger("pypdf").setLevel(logging.ERROR)


class EncryptedPdf(ValueError):
    """The PDF needs a password to open."""


def open_pdf(data: bytes) -> PdfReader:
    """A reader for the PDF in ``data``; opens files encrypted with an empty user password, refuses the others."""
    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise EncryptedPdf("the PDF is password-protected")
    return reader


def scan_pdf(path: Path, found: Collector) -> None:
    """Report covered text, annotations, attachments, metadata and earlier revisions."""
    data = path.read_bytes()
    try:
        reader = open_pdf(data)
    except EncryptedPdf:
        found.add(
            LeakKind.UNREADABLE, "file", "the PDF is password-protected, so it cannot be checked", auto_fixable=False
        )
        return
    for number, page in enumerate(reader.pages, start=1):
        for index, text in enumerate(page_layout(page).covered(), start=1):
            found.add(
                LeakKind.TEXT_UNDER_BLACK_BOX,
                f"page {number} text {index}",
                "text is drawn under a black box: copying the page reveals it",
                quote=text,
            )
        _scan_annotations(page, number, found)
    for name in reader.attachments:
        found.add(LeakKind.EMBEDDED_FILE, f"attachment '{name}'", "a file is attached to the PDF", quote=name)
    _scan_metadata(reader, found)
    _scan_history(data, reader, found)


def _scan_annotations(page: Any, number: int, found: Collector) -> None:
    for index, reference in enumerate(page.get("/Annots") or [], start=1):
        annotation = reference.get_object()
        if not isinstance(annotation, DictionaryObject):
            continue
        subtype = str(annotation.get("/Subtype", "/Unknown"))
        if subtype in SILENT_ANNOTATIONS:
            continue
        location = f"page {number} annotation {index} ({subtype.lstrip('/')})"
        if subtype == "/FileAttachment":
            spec = annotation.get("/FS")
            name = str(spec.get_object().get("/F", "")) if spec is not None else ""
            found.add(LeakKind.EMBEDDED_FILE, location, "a file is attached to the page", quote=name)
            continue
        if subtype == "/Widget":
            value = annotation.get("/V", annotation.get("/Parent", {}).get("/V", "") if "/Parent" in annotation else "")
            if str(value).strip():
                found.add(LeakKind.ANNOTATION, location, "a form field holds a value", quote=str(value))
            continue
        author = str(annotation.get("/T", "")).strip()
        contents = str(annotation.get("/Contents", "")).strip()
        summary = (
            "a redaction mark that was never applied: the text under it is still there"
            if subtype == "/Redact"
            else "a comment or mark-up annotation"
        )
        found.add(
            LeakKind.ANNOTATION,
            location,
            summary,
            quote=f"{author}: {contents}" if author and contents else contents or author,
        )


def _scan_metadata(reader: PdfReader, found: Collector) -> None:
    info: dict[str, Any] = dict(reader.metadata or {})
    for key, value in info.items():
        text = str(value).strip()
        if key.startswith(GENERATOR_KEYS) or text.strip("()").lower() in GENERATOR_DEFAULTS:
            continue
        if text and (key in INFO_KEYS or key not in STANDARD_INFO):
            found.add(
                LeakKind.METADATA,
                f"document information {key.lstrip('/')}",
                "a document property is filled in",
                severity=INFO_KEYS.get(key, Severity.MEDIUM),
                quote=text,
            )
    metadata = reader.root_object.get("/Metadata")
    if metadata is None:
        return
    stream = metadata.get_object()
    packet = stream.get_data() if isinstance(stream, StreamObject) else b""
    for name, text in identifying_fields(packet):
        found.add(
            LeakKind.METADATA, f"XMP {name}", "the XMP metadata packet names it", severity=Severity.MEDIUM, quote=text
        )


def revision_ends(data: bytes) -> list[int]:
    """Byte offsets where each saved revision of the PDF ends."""
    return [match.end() for match in REVISION_END.finditer(data)]


def _scan_history(data: bytes, reader: PdfReader, found: Collector) -> None:
    ends = revision_ends(data)
    expected = 2 if b"/Linearized" in data[:1024] else 1
    if len(ends) <= expected:
        return
    final_lines = set(_lines(reader))
    removed: list[str] = []
    # The most recent earlier revisions are the likeliest to differ from what is shown; a cap keeps a file saved
    # hundreds of times from taking minutes.
    for end in ends[expected - 1 : -1][-MAX_REVISIONS_READ:]:
        try:
            removed += [line for line in _lines(open_pdf(data[:end])) if line not in final_lines]
        except Exception:  # noqa: BLE001 - an unreadable old revision is still history; the finding stands
            continue
    earlier = len(ends) - expected
    summary = f"the file keeps {earlier} earlier saved version(s)"
    if removed:
        summary += " with text no longer shown"
    found.add(
        LeakKind.INCREMENTAL_SAVE_HISTORY,
        "file revisions",
        summary,
        severity=Severity.HIGH if removed else Severity.MEDIUM,
        quote=" / ".join(dict.fromkeys(removed)),
    )


def _lines(reader: PdfReader) -> list[str]:
    lines = []
    for page in reader.pages:
        lines += [" ".join(line.split()) for line in (page.extract_text() or "").splitlines() if line.strip()]
    return lines
