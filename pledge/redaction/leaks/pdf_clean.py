"""Cleaning a PDF. Without covered text: a fresh file with the same pages and no annotations, attachments,
metadata or earlier revisions. With text under black boxes, or under redaction marks never applied: a new PDF
rebuilt from the visible text only, so the covered words are not in the file at all (the ICO's guidance on
redaction: removing, not masking).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen import canvas

from pledge.redaction.leaks.pdf_layout import PageLayout, page_layout
from pledge.redaction.leaks.pdf_scan import open_pdf

PAGE_KEYS_DROPPED = ("/Annots", "/Metadata", "/PieceInfo", "/AA", "/Thumb")


def clean_pdf(source: Path, target: Path) -> None:
    """Write a cleaned copy of the PDF at ``source`` to ``target``."""
    reader = open_pdf(source.read_bytes())
    layouts = [page_layout(page, apply_redaction_marks=True) for page in reader.pages]
    if any(layout.covered() for layout in layouts):
        rebuild_from_visible_text(reader, layouts, target)
    else:
        strip_pdf(reader, target)


def strip_pdf(reader: PdfReader, target: Path) -> None:
    """The same pages in a new file: no annotations, attachments, document metadata or earlier revisions."""
    writer = PdfWriter()
    for page in reader.pages:
        # Dropped from the reader's page before copying: pypdf copies every object a page refers to.
        for key in PAGE_KEYS_DROPPED:
            if key in page:
                del page[key]
        writer.add_page(page)
    with target.open("wb") as handle:
        writer.write(handle)


def rebuild_from_visible_text(reader: PdfReader, layouts: list[PageLayout], target: Path) -> None:
    """A new PDF holding only the visible text at its places and the black boxes; pictures are not carried over."""
    pdf = canvas.Canvas(str(target), pageCompression=1)
    pdf.setAuthor("")
    pdf.setTitle("")
    pdf.setSubject("")
    for page, layout in zip(reader.pages, layouts, strict=True):
        _draw_page(pdf, page, layout)
        pdf.showPage()
    pdf.save()


def _draw_page(pdf: canvas.Canvas, page: Any, layout: PageLayout) -> None:
    box = page.mediabox
    pdf.setPageSize((float(box.width), float(box.height)))
    pdf.translate(-float(box.left), -float(box.bottom))
    pdf.setFillColorRGB(0, 0, 0)
    for dark in layout.boxes:
        pdf.rect(dark.x0, dark.y0, dark.x1 - dark.x0, dark.y1 - dark.y0, fill=1, stroke=0)
    for piece in layout.pieces:
        pdf.setFillColorRGB(*((0, 0, 0) if piece.dark else (1, 1, 1)))
        for x, y, text in piece.visible_runs(layout.boxes):
            pdf.setFont("Helvetica", piece.size or 10)
            pdf.drawString(x, y, text)
