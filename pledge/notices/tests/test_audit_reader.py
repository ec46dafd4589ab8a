"""Reading notices into sections and sentences (txt, markdown, HTML, PDF)."""

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from pledge.notices.audit import AuditReadError
from pledge.notices.audit.reader import read_document, read_text, split_sentences


def test_it_reads_markdown_and_setext_headings():
    doc = read_text("# Privacy\n\nIntro text here.\n\nYour rights\n-----------\n\n- Object to us processing.\n")
    headings = [s.heading for s in doc.sections]
    assert "Privacy" in headings and "Your rights" in headings
    rights = next(s for s in doc.sections if s.heading == "Your rights")
    assert rights.sentences[0].text == "Object to us processing." and rights.sentences[0].line == 8


def test_it_treats_short_title_like_lines_as_headings_but_not_address_blocks():
    text = (
        "How long do we keep your information?\nWe keep council tax records for six years after the account closes.\n"
        "Or write to:\nData Protection Officer\nNorthby Council\nMarket Square\nZZ1 4NB.\n"
    )
    headings = [s.heading for s in read_text(text).sections]
    assert "How long do we keep your information?" in headings
    assert "Data Protection Officer" not in headings and "Market Square" not in headings


def test_it_reads_headings_from_html_and_drops_nav_and_scripts():
    html = (
        b"<html><head><script>var a='by using this site you agree';</script></head><body>"
        b"<nav><a href='/'>Home</a> Your rights menu</nav><h2>Your rights</h2><ul><li>Ask for a copy.</li></ul>"
        b"</body></html>"
    )
    doc = read_document(html, filename="notice.html")
    assert [s.heading for s in doc.sections if s.heading] == ["Your rights"]
    assert [s.text for s in doc.sentences] == ["Ask for a copy."]


def test_it_keeps_page_and_line_numbers_for_pdfs():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 800, "Page one text.")
    pdf.showPage()
    pdf.drawString(72, 800, "Retention")
    pdf.drawString(72, 780, "We keep records for six years after the case closes.")
    pdf.save()
    doc = read_document(buffer.getvalue(), filename="notice.pdf")
    sentence = next(s for s in doc.sentences if "six years" in s.text)
    assert sentence.page == 2 and sentence.headings[-1] == "Retention"


def test_it_reports_an_unreadable_pdf_clearly():
    with pytest.raises(AuditReadError, match="PDF"):
        read_document(b"%PDF-1.4 this is not really a pdf", filename="broken.pdf")


def test_it_refuses_unsupported_file_types():
    with pytest.raises(AuditReadError, match="unsupported"):
        read_document(b"PK\x03\x04", filename="notice.docx")


def test_it_does_not_split_sentences_at_abbreviations():
    assert [s for _, s in split_sentences("We share with e.g. the police. Then we stop.")] == [
        "We share with e.g. the police.",
        "Then we stop.",
    ]
