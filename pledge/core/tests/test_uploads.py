"""Uploads are accepted by their bytes as well as their names, and kept outside the web root."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from pledge.core.uploads import (
    FileType,
    UploadRejectedError,
    allowed_list,
    check_upload,
    clean_name,
    private_name,
    private_storage,
)

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
EVIDENCE = frozenset({FileType.PDF, FileType.PNG, FileType.JPEG})


def _zip(member: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<x/>")
    return buffer.getvalue()


def test_it_accepts_a_pdf_whose_bytes_are_a_pdf() -> None:
    checked = check_upload(SimpleUploadedFile("passport scan.PDF", PDF), allowed=EVIDENCE)
    assert checked.file_type == FileType.PDF
    assert checked.size == len(PDF)
    assert checked.content_type == "application/pdf"
    assert len(checked.sha256) == 64


def test_it_refuses_a_renamed_html_page_posing_as_a_pdf() -> None:
    with pytest.raises(UploadRejectedError, match="not a real PDF"):
        check_upload(SimpleUploadedFile("letter.pdf", b"<html><script>alert(1)</script>"), allowed=EVIDENCE)


def test_it_refuses_a_type_the_caller_does_not_allow() -> None:
    with pytest.raises(UploadRejectedError, match="must be a PDF, PNG image or JPEG image"):
        check_upload(SimpleUploadedFile("notes.exe", b"MZ\x90\x00"), allowed=EVIDENCE)


def test_it_refuses_an_empty_file() -> None:
    with pytest.raises(UploadRejectedError, match="empty"):
        check_upload(SimpleUploadedFile("empty.pdf", b""), allowed=EVIDENCE)


def test_it_refuses_a_file_over_the_limit() -> None:
    with pytest.raises(UploadRejectedError, match="smaller than 1 KB"):
        check_upload(SimpleUploadedFile("big.pdf", PDF + b"0" * 2000), allowed=EVIDENCE, max_bytes=1024)


def test_it_tells_a_word_document_from_a_spreadsheet_by_its_contents() -> None:
    both = frozenset({FileType.DOCX, FileType.XLSX})
    assert check_upload(SimpleUploadedFile("a.docx", _zip("word/document.xml")), allowed=both).file_type == "docx"
    with pytest.raises(UploadRejectedError, match="not a real Word document"):
        check_upload(SimpleUploadedFile("a.docx", _zip("xl/workbook.xml")), allowed=both)


def test_it_refuses_binary_posing_as_text() -> None:
    with pytest.raises(UploadRejectedError, match="not a real text file"):
        check_upload(SimpleUploadedFile("note.txt", PNG), allowed=frozenset({FileType.TXT}))


def test_it_keeps_only_the_last_part_of_a_name_with_directories() -> None:
    assert clean_name("..\\..\\windows\\evil.pdf") == "evil.pdf"
    assert clean_name("../../etc/passwd") == "passwd"
    assert clean_name('a"b<c>.pdf') == "abc.pdf"
    assert clean_name("") == "file"


def test_the_allowed_list_reads_as_english() -> None:
    assert allowed_list({FileType.PDF}) == "PDF"
    assert allowed_list({FileType.JPEG, FileType.PDF}) == "PDF or JPEG image"


def test_private_files_go_under_the_private_root_with_a_random_name(private_files: Path) -> None:
    checked = check_upload(SimpleUploadedFile("Jo Bloggs passport.pdf", PDF), allowed=EVIDENCE)
    name = private_storage().save(private_name(folder="evidence", checked=checked), io.BytesIO(PDF))
    with private_storage().open(name) as stored:
        assert stored.read() == PDF
    assert (private_files / name).is_file()
    assert "Bloggs" not in name and name.startswith("evidence/") and name.endswith(".pdf")


def test_it_accepts_an_access_package_zip() -> None:
    checked = check_upload(SimpleUploadedFile("SAR-2026-0001.zip", _zip("manifest.json")), allowed={FileType.ZIP})
    assert checked.file_type == FileType.ZIP
    assert checked.content_type == "application/zip"


def test_it_refuses_a_word_document_renamed_to_zip() -> None:
    with pytest.raises(UploadRejectedError, match="not a real zip file"):
        check_upload(SimpleUploadedFile("package.zip", _zip("word/document.xml")), allowed={FileType.ZIP})


def test_it_refuses_bytes_that_only_start_like_a_zip() -> None:
    with pytest.raises(UploadRejectedError, match="not a real zip file"):
        check_upload(SimpleUploadedFile("package.zip", b"PK\x03\x04" + b"\x00" * 40), allowed={FileType.ZIP})
