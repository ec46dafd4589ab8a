"""Scanning a file for hidden content: one entry point that picks the scanner and never raises.

A file the scanner cannot check is itself a finding (it must not leave Pledge unchecked), and so is a file it
cannot read: a release must be blocked by doubt, not waved through by a crash.
"""

from __future__ import annotations

import hashlib
import logging
import os
import zipfile
from collections.abc import Iterable
from pathlib import Path

from pypdf.errors import PyPdfError

from pledge.redaction.leaks.findings import Collector, Finding, LeakKind
from pledge.redaction.leaks.ooxml import Package, UnsafeXml
from pledge.redaction.leaks.sniff import FileType, sniff

logger = logging.getLogger(__name__)

READ_HEAD = 4096


def file_digest(path: Path) -> str:
    """The SHA-256 of the file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def scan_file(path: str | os.PathLike[str]) -> list[Finding]:
    """Every finding in the file at ``path``; an unreadable, missing or unsupported file is one finding."""
    target = Path(path)
    name = str(target)
    try:
        digest = file_digest(target)
        with target.open("rb") as handle:
            head = handle.read(READ_HEAD)
    except OSError as error:
        missing = Collector(file=name, digest="")
        missing.add(
            LeakKind.UNREADABLE, "file", f"the file cannot be opened ({type(error).__name__})", auto_fixable=False
        )
        return missing.findings
    found = Collector(file=name, digest=digest)
    file_type = sniff(target, head)
    try:
        _dispatch(file_type, target, found)
    except (zipfile.BadZipFile, UnsafeXml, PyPdfError, KeyError, ValueError, OSError, EOFError, SyntaxError) as error:
        _unreadable(found, file_type, error)
    except Exception as error:  # noqa: BLE001 - a damaged file must block release, never crash the release
        logger.warning("leak scan of a %s file failed: %s", file_type, type(error).__name__)
        _unreadable(found, file_type, error)
    return found.findings


def _unreadable(found: Collector, file_type: FileType, error: BaseException) -> None:
    found.add(
        LeakKind.UNREADABLE,
        "file",
        f"the {file_type} file is damaged or cannot be parsed ({type(error).__name__})",
        auto_fixable=False,
    )


def _dispatch(file_type: FileType, path: Path, found: Collector) -> None:
    from pledge.redaction.leaks.docx_scan import scan_docx
    from pledge.redaction.leaks.image_scan import scan_image_bytes
    from pledge.redaction.leaks.pdf_scan import scan_pdf
    from pledge.redaction.leaks.xlsx_scan import scan_xlsx

    if file_type is FileType.XLSX:
        with Package(path) as package:
            scan_xlsx(package, found)
    elif file_type is FileType.DOCX:
        with Package(path) as package:
            scan_docx(package, found)
    elif file_type is FileType.PDF:
        scan_pdf(path, found)
    elif file_type in (FileType.JPEG, FileType.PNG):
        scan_image_bytes(path.read_bytes(), found)
    elif file_type is FileType.PLAIN_TEXT:
        return  # plain text has no layers, properties or history to hide anything in
    else:
        found.add(LeakKind.UNSUPPORTED_TYPE, "file", _UNSUPPORTED[file_type], auto_fixable=False)


_UNSUPPORTED = {
    FileType.LEGACY_OFFICE: "a legacy or password-protected Office file cannot be checked: save it as .xlsx or .docx",
    FileType.OTHER_ZIP: "this zip or Office format cannot be checked (only .xlsx and .docx are)",
    FileType.UNKNOWN: "this file type cannot be checked: convert it to PDF, .xlsx, .docx, JPEG, PNG or plain text",
}


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The given files, with each folder replaced by the files inside it (sorted, recursively)."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(child for child in path.rglob("*") if child.is_file()))
        else:
            files.append(path)
    return files


def release_check(paths: Iterable[str | os.PathLike[str]]) -> list[Finding]:
    """Every finding in every file about to leave Pledge; release only when the list is empty or each is cleared.

    Folders are scanned recursively. Missing, unreadable and unsupported files are findings, so an empty list always
    means every file was checked and found clean. Never raises for a bad file.
    """
    findings: list[Finding] = []
    for path in expand_paths(paths):
        findings.extend(scan_file(path))
    return findings
