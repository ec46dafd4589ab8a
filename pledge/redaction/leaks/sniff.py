"""Which scanner a file needs, decided from its first bytes (and its parts, for Office files), not from its name."""

from __future__ import annotations

import zipfile
from enum import StrEnum
from pathlib import Path

PLAIN_TEXT_SUFFIXES = {".txt", ".csv", ".tsv"}


class FileType(StrEnum):
    """The formats the leak scanner can check, plus the ones it must refuse."""

    XLSX = "xlsx"
    DOCX = "docx"
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    PLAIN_TEXT = "plain_text"
    LEGACY_OFFICE = "legacy_office"
    OTHER_ZIP = "other_zip"
    UNKNOWN = "unknown"


def sniff(path: Path, head: bytes) -> FileType:
    """The type of the file at ``path`` whose first bytes are ``head``."""
    if head.startswith(b"\xff\xd8\xff"):
        return FileType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType.PNG
    if b"%PDF-" in head[:1024]:
        return FileType.PDF
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # .xls, .doc and password-protected .xlsx/.docx are all OLE compound files.
        return FileType.LEGACY_OFFICE
    if head.startswith(b"PK\x03\x04"):
        return _office_type(path)
    if path.suffix.lower() in PLAIN_TEXT_SUFFIXES and _is_plain_text(head):
        return FileType.PLAIN_TEXT
    return FileType.UNKNOWN


def _office_type(path: Path) -> FileType:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        # A damaged .xlsx or .docx should be reported as unreadable, not as a type Pledge does not know.
        return {".xlsx": FileType.XLSX, ".docx": FileType.DOCX}.get(path.suffix.lower(), FileType.OTHER_ZIP)
    if "xl/workbook.xml" in names or any(name.endswith("/workbook.xml") for name in names):
        return FileType.XLSX
    if "word/document.xml" in names:
        return FileType.DOCX
    return FileType.OTHER_ZIP


def _is_plain_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The head may end part-way through a character.
        if error.start < len(head) - 3:
            return False
        text = head[: error.start].decode("utf-8")
    return all(char.isprintable() or char in "\t\r\n\f" for char in text)
