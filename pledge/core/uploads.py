"""Checking uploaded files and keeping them outside the web root.

A file is accepted by what its bytes are, not by what its name claims: the extension must be one the caller
allows *and* the first bytes must match that type, so a renamed executable or HTML page is refused. Accepted
files go to ``PLEDGE_PRIVATE_ROOT`` (never under ``STATIC_ROOT`` or ``MEDIA_ROOT``), encrypted at rest, under a
random name, and are served only by permission-checked views.
"""

import hashlib
import logging
import shlex
import subprocess
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePath
from typing import IO

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage

from pledge.core.encryption import decrypt_stream, encrypt_stream

logger = logging.getLogger(__name__)


class FileType(StrEnum):
    PDF = "pdf"
    PNG = "png"
    JPEG = "jpeg"
    DOCX = "docx"
    XLSX = "xlsx"
    TXT = "txt"
    CSV = "csv"
    EML = "eml"
    MP4 = "mp4"
    ZIP = "zip"  # an access package: the report with its data files and manifest, released as one file


@dataclass(frozen=True)
class TypeInfo:
    extensions: tuple[str, ...]
    content_type: str
    label: str


TYPES: dict[FileType, TypeInfo] = {
    FileType.PDF: TypeInfo((".pdf",), "application/pdf", "PDF"),
    FileType.PNG: TypeInfo((".png",), "image/png", "PNG image"),
    FileType.JPEG: TypeInfo((".jpg", ".jpeg"), "image/jpeg", "JPEG image"),
    FileType.DOCX: TypeInfo(
        (".docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"
    ),
    FileType.XLSX: TypeInfo(
        (".xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet"
    ),
    FileType.TXT: TypeInfo((".txt",), "text/plain; charset=utf-8", "text file"),
    FileType.CSV: TypeInfo((".csv",), "text/csv; charset=utf-8", "CSV file"),
    FileType.EML: TypeInfo((".eml",), "message/rfc822", "email message"),
    FileType.MP4: TypeInfo((".mp4",), "video/mp4", "MP4 video"),
    FileType.ZIP: TypeInfo((".zip",), "application/zip", "zip file"),
}

_SNIFF_BYTES = 8192
_SPOOL_BYTES = 8 * 1024 * 1024  # larger files spill to a temporary file rather than memory


class UploadRejectedError(ValueError):
    """The file was refused; the message says why in words fit for a form's error summary."""


@dataclass(frozen=True)
class CheckedUpload:
    file_type: FileType
    original_name: str  # the uploader's name for the file, cleaned of any directory part
    size: int
    sha256: str

    @property
    def content_type(self) -> str:
        return TYPES[self.file_type].content_type


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the sniffing boundary is still text.
        return error.start >= len(head) - 3
    return True


def _zip_member(stream: IO[bytes], member: str) -> bool:
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _plain_zip(stream: IO[bytes]) -> bool:
    """A readable zip that is not a Word or Excel file in disguise (those are zips too)."""
    return (
        not _zip_member(stream, "word/document.xml")
        and not _zip_member(stream, "xl/workbook.xml")
        and (_zip_member(stream, "manifest.json") or _readable_zip(stream))
    )


def _readable_zip(stream: IO[bytes]) -> bool:
    stream.seek(0)
    try:
        with zipfile.ZipFile(stream) as archive:
            return bool(archive.namelist())
    except zipfile.BadZipFile:
        return False


def _bytes_match(file_type: FileType, head: bytes, stream: IO[bytes]) -> bool:
    checks = {
        FileType.PDF: lambda: head.startswith(b"%PDF-"),
        FileType.PNG: lambda: head.startswith(b"\x89PNG\r\n\x1a\n"),
        FileType.JPEG: lambda: head.startswith(b"\xff\xd8\xff"),
        FileType.DOCX: lambda: head.startswith(b"PK\x03\x04") and _zip_member(stream, "word/document.xml"),
        FileType.XLSX: lambda: head.startswith(b"PK\x03\x04") and _zip_member(stream, "xl/workbook.xml"),
        FileType.MP4: lambda: head[4:8] == b"ftyp",
        FileType.ZIP: lambda: head.startswith(b"PK\x03\x04") and _plain_zip(stream),
        FileType.TXT: lambda: _looks_like_text(head),
        FileType.CSV: lambda: _looks_like_text(head),
        FileType.EML: lambda: _looks_like_text(head) and b":" in head.split(b"\n", 1)[0],
    }
    return checks[file_type]()


def clean_name(name: str) -> str:
    """The last part of an uploaded file's name, without directories or control characters, at most 150 long."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable() and ch not in '"<>|:*?').strip(" .")
    return (cleaned or "file")[-150:]


def allowed_list(allowed: frozenset[FileType] | set[FileType]) -> str:
    """'PDF, PNG image or JPEG image': the allowed types for help text and error messages, in a stable order."""
    labels = [TYPES[t].label for t in FileType if t in allowed]
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " or " + labels[-1]


def max_upload_bytes() -> int:
    return int(settings.PLEDGE_MAX_UPLOAD_BYTES)


def describe_size(size: int) -> str:
    """'5 MB', '300 KB': a size as people read it."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    return f"{max(1, round(size / 1024))} KB"


def check_upload(
    upload: File, *, allowed: frozenset[FileType] | set[FileType], max_bytes: int | None = None
) -> CheckedUpload:
    """Accept ``upload`` when it is non-empty, within the limit, and its name and bytes agree on an allowed type."""
    limit = max_upload_bytes() if max_bytes is None else max_bytes
    name = clean_name(upload.name or "")
    size = upload.size or 0
    if size == 0:
        raise UploadRejectedError("The selected file is empty")
    if size > limit:
        raise UploadRejectedError(f"The selected file must be smaller than {describe_size(limit)}")
    suffix = Path(name).suffix.lower()
    claimed = next((t for t in allowed if suffix in TYPES[t].extensions), None)
    if claimed is None:
        raise UploadRejectedError(f"The selected file must be a {allowed_list(allowed)}")
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    if not _bytes_match(claimed, head, upload):  # type: ignore[arg-type]
        raise UploadRejectedError(f"The selected file is not a real {TYPES[claimed].label}")
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return CheckedUpload(file_type=claimed, original_name=name, size=size, sha256=digest.hexdigest())


class EncryptedFileSystemStorage(FileSystemStorage):
    """Files are encrypted on the way to disk and decrypted on the way out (see ``pledge.core.encryption``).

    ``size()`` reports the size on disk; the plaintext size is recorded by whoever saved the file.
    """

    def _save(self, name: str, content: File) -> str:
        with tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES) as sealed:
            content.seek(0)
            encrypt_stream(content, sealed)  # type: ignore[arg-type]
            sealed.seek(0)
            return super()._save(name, File(sealed, name))  # type: ignore[misc]

    def _open(self, name: str, mode: str = "rb") -> File:
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError("Private files are written only through save()")
        plain = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)
        with super()._open(name, "rb") as sealed:  # type: ignore[misc]
            for block in decrypt_stream(sealed):  # type: ignore[arg-type]
                plain.write(block)
        plain.seek(0)
        return File(plain, name)


def private_storage() -> FileSystemStorage:
    """The encrypted storage for private files, from settings on each call so tests can use a temporary folder."""
    root = Path(settings.PLEDGE_PRIVATE_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    return EncryptedFileSystemStorage(location=root, base_url=None)


def private_name(*, folder: str, checked: CheckedUpload) -> str:
    """A random storage name that keeps only the type's extension, so nothing about the person is in the path."""
    return f"{folder}/{uuid.uuid4().hex}{TYPES[checked.file_type].extensions[0]}"


class ScanVerdict(StrEnum):
    CLEAN = "clean"
    INFECTED = "infected"
    FAILED = "failed"  # the scanner could not say: refuse, and ask to try again later
    NOT_SCANNED = "not scanned"  # no scanner configured


@dataclass(frozen=True)
class ScanResult:
    verdict: ScanVerdict

    @property
    def accepted(self) -> bool:
        return self.verdict in (ScanVerdict.CLEAN, ScanVerdict.NOT_SCANNED)


def malware_scan_command() -> str:
    """``PLEDGE_MALWARE_SCAN_COMMAND``, e.g. ``clamdscan --no-summary --fdpass {path}``; empty when not configured."""
    return str(getattr(settings, "PLEDGE_MALWARE_SCAN_COMMAND", "") or "").strip()


def scan_for_malware(path_or_bytes: str | Path | bytes, *, timeout: float = 60) -> ScanResult:
    """Run the configured scanner on a file (bytes are written to a temporary file first): exit code 0 is clean,
    1 is infected, anything else or a timeout is a failure. Nothing about the file is logged."""
    command = malware_scan_command()
    if not command:
        return ScanResult(ScanVerdict.NOT_SCANNED)
    if isinstance(path_or_bytes, bytes):
        with tempfile.TemporaryDirectory(prefix="pledge-scan-") as folder:
            target = Path(folder) / "upload"
            target.write_bytes(path_or_bytes)
            return _run_scanner(command, target, timeout)
    return _run_scanner(command, Path(path_or_bytes), timeout)


def _run_scanner(command: str, path: Path, timeout: float) -> ScanResult:
    args = [part.replace("{path}", str(path)) for part in shlex.split(command)]
    if "{path}" not in command:
        args.append(str(path))
    try:
        done = subprocess.run(args, capture_output=True, timeout=timeout, check=False)  # noqa: S603
    except subprocess.TimeoutExpired:
        logger.error("Malware scanner timed out after %s seconds", timeout)
        return ScanResult(ScanVerdict.FAILED)
    except OSError as error:
        logger.error("Malware scanner could not be run: %s", error.strerror)
        return ScanResult(ScanVerdict.FAILED)
    if done.returncode == 0:
        return ScanResult(ScanVerdict.CLEAN)
    if done.returncode == 1:
        return ScanResult(ScanVerdict.INFECTED)
    logger.error("Malware scanner failed with exit code %s", done.returncode)
    return ScanResult(ScanVerdict.FAILED)
