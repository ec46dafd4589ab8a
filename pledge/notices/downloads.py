"""Notice files to download: plain text, Word (DOCX) and PDF, built from the same blocks as the page."""

import io
from typing import Any

from pledge.notices.render import notice_blocks, notice_text

FORMATS = {
    "txt": ("text/plain; charset=utf-8", "Plain text"),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
    "pdf": ("application/pdf", "PDF"),
}


def version_footer(version: Any) -> str:
    return f"Version {version.number}, effective from {version.effective_from:%d %B %Y}."


def download_links(version: Any) -> list[dict[str, Any]]:
    """Each download with its file type and size (promise P034); sizes are cached per immutable version."""
    from django.core.cache import cache

    links = []
    for fmt, (_, label) in FORMATS.items():
        key = f"notice-size:{version.pk}:{version.content_hash}:{fmt}"
        size = cache.get(key)
        if size is None:
            size = len(notice_file(version.document, fmt, footer=version_footer(version)))
            cache.set(key, size, None)
        links.append({"fmt": fmt, "label": label, "size": size})
    return links


def notice_file(document: dict[str, Any], fmt: str, *, footer: str) -> bytes:
    """The notice as a file in ``fmt`` (one of FORMATS)."""
    if fmt == "txt":
        return (notice_text(document) + "\n" + footer + "\n").encode()
    return blocks_file(
        notice_blocks(document), fmt, title=document["title"], author=document["controller"]["name"], footer=footer
    )


def blocks_file(blocks: list[dict[str, Any]], fmt: str, *, title: str, author: str, footer: str) -> bytes:
    """Blocks (headings, paragraphs, lists, links) as a Word document or a PDF."""
    if fmt == "docx":
        return _docx(blocks, title=title, author=author, footer=footer)
    if fmt == "pdf":
        return _pdf(blocks, title=title, author=author, footer=footer)
    raise ValueError(f"unknown format {fmt!r}")


def _docx(blocks: list[dict[str, Any]], *, title: str, author: str, footer: str) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = title
    doc.core_properties.author = author
    doc.core_properties.language = "en-GB"
    doc.add_heading(title, level=0)
    for block in blocks:
        kind = block["type"]
        if kind in ("h2", "h3"):
            doc.add_heading(block["text"], level=1 if kind == "h2" else 2)
        elif kind == "p":
            doc.add_paragraph(block["text"])
        elif kind == "ul":
            for item in block["items"]:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "link":
            doc.add_paragraph(f"{block['text']}: {block['href']}")
    doc.add_paragraph(footer)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _pdf(blocks: list[dict[str, Any]], *, title: str, author: str, footer: str) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    out = io.BytesIO()
    pdf = SimpleDocTemplate(out, pagesize=A4, title=title, author=author, lang="en-GB")
    story: list[Any] = [Paragraph(escape(title), styles["Title"])]
    for block in blocks:
        kind = block["type"]
        if kind in ("h2", "h3"):
            story.append(Paragraph(escape(block["text"]), styles["Heading2" if kind == "h2" else "Heading3"]))
        elif kind == "p":
            story.append(Paragraph(escape(block["text"]), styles["BodyText"]))
        elif kind == "ul" and block["items"]:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(i), styles["BodyText"])) for i in block["items"]], bulletType="bullet"
                )
            )
        elif kind == "link":
            story.append(Paragraph(f"{escape(block['text'])}: {escape(block['href'])}", styles["BodyText"]))
    story += [Spacer(1, 12), Paragraph(escape(footer), styles["Italic"])]
    pdf.build(story)
    return out.getvalue()
