"""PDF details: which dark boxes hide text, what a rebuilt PDF keeps, and how history is reported."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from pledge.redaction.leaks import LeakKind, clean, scan_file
from pledge.redaction.leaks.corpus import LEAKY, build

pytestmark = pytest.mark.db_independent


def case(name: str):  # noqa: ANN201
    return next(case for case in LEAKY if case.name == name)


def page(path: Path, draw) -> Path:  # noqa: ANN001
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont("Helvetica", 12)
    draw(pdf)
    pdf.showPage()
    pdf.save()
    path.write_bytes(out.getvalue())
    return path


def test_dark_text_drawn_on_top_of_a_black_box_is_still_hidden(folder: Path) -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.rect(60, 690, 200, 30, fill=1, stroke=0)
        pdf.drawString(72, 700, "Mary Example")

    (finding,) = scan_file(page(folder / "dark-on-dark.pdf", draw))
    assert finding.kind is LeakKind.TEXT_UNDER_BLACK_BOX
    assert finding.excerpt == "Mary Example"


def test_light_text_painted_over_by_a_black_box_is_hidden(folder: Path) -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.setFillColorRGB(1, 1, 1)
        pdf.drawString(72, 700, "Mary Example")
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(60, 690, 200, 30, fill=1, stroke=0)

    (finding,) = scan_file(page(folder / "light-under.pdf", draw))
    assert finding.kind is LeakKind.TEXT_UNDER_BLACK_BOX


def test_a_black_box_with_nothing_under_it_is_not_a_finding(folder: Path) -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.drawString(72, 700, "Name: [redacted]")
        pdf.rect(300, 600, 100, 20, fill=1, stroke=0)

    assert scan_file(page(folder / "empty-box.pdf", draw)) == []


def test_text_under_a_pale_box_is_not_reported(folder: Path) -> None:
    def draw(pdf: canvas.Canvas) -> None:
        pdf.drawString(72, 700, "Highlighted words")
        pdf.setFillColorRGB(1, 1, 0.6)
        pdf.rect(60, 690, 200, 30, fill=1, stroke=0)

    assert scan_file(page(folder / "highlight.pdf", draw)) == []


def test_the_rebuilt_pdf_keeps_the_visible_words_around_the_box(folder: Path, tmp_path: Path) -> None:
    cleaned = clean(build(case("black-box.pdf"), folder), out_dir=tmp_path)
    text = PdfReader(cleaned).pages[0].extract_text()
    assert "Anyshire Council case notes" in text
    assert "Reported by:" in text
    assert "Mill Lane" in text
    assert "Peter" not in text


def test_applying_an_unapplied_redaction_mark_removes_the_text_under_it(folder: Path, tmp_path: Path) -> None:
    source = build(case("unapplied-redaction.pdf"), folder)
    assert "Peter Sample" in PdfReader(source).pages[0].extract_text()
    cleaned = clean(source, out_dir=tmp_path)
    assert "Peter Sample" not in PdfReader(cleaned).pages[0].extract_text()


def test_the_history_finding_quotes_the_text_of_the_earlier_revision(folder: Path) -> None:
    (finding,) = scan_file(build(case("incremental-save.pdf"), folder))
    assert finding.summary == "the file keeps 1 earlier saved version(s) with text no longer shown"
    assert finding.excerpt == "Complainant: Mary Example"


def test_stripping_keeps_the_page_text_when_nothing_is_covered(folder: Path, tmp_path: Path) -> None:
    cleaned = clean(build(case("sticky-note.pdf"), folder), out_dir=tmp_path)
    assert PdfReader(cleaned).pages[0].extract_text().strip() == "Your records are enclosed."
    assert "/Annots" not in PdfReader(cleaned).pages[0]
