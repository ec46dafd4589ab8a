"""Builders for the leaky and clean PDFs of the corpus (see ``corpus``)."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Text
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    StreamObject,
    TextStringObject,
)
from reportlab.pdfgen import canvas


def _letter(lines: list[str], *, author: str = "", box: tuple[float, float, float, float] | None = None) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    if author:
        pdf.setAuthor(author)
        pdf.setSubject("SAR response")
    pdf.setFont("Helvetica", 12)
    for number, line in enumerate(lines):
        pdf.drawString(72, 720 - 20 * number, line)
    if box:
        pdf.setFillColorRGB(0, 0, 0)
        pdf.rect(*box, fill=1, stroke=0)
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def black_box(path: Path) -> None:
    """A name "redacted" by drawing a black rectangle over it: the text is still on the page."""
    path.write_bytes(
        _letter(["Anyshire Council case notes", "Reported by: Peter Sample of Mill Lane"], box=(145, 695, 80, 16))
    )


def _with_writer(data: bytes, path: Path, change: object) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)  # type: ignore[operator]
    with path.open("wb") as handle:
        writer.write(handle)


def sticky_note(path: Path) -> None:
    """A sticky-note comment left by a reviewer."""
    note = Text(rect=(400, 700, 420, 720), text="Check: requester's previous address was 4 Mill Lane")
    _with_writer(
        _letter(["Your records are enclosed."]),
        path,
        lambda writer: writer.add_annotation(page_number=0, annotation=note),
    )


def unapplied_redaction(path: Path) -> None:
    """A redaction marked in an editor but never applied."""

    def mark(writer: PdfWriter) -> None:
        redact = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Redact"),
                NameObject("/Rect"): ArrayObject([FloatObject(value) for value in (145, 715, 225, 731)]),
                NameObject("/T"): TextStringObject("Jane Officer"),
            }
        )
        writer.add_annotation(page_number=0, annotation=redact)

    _with_writer(_letter(["Reported by: Peter Sample"]), path, mark)


def attachment(path: Path) -> None:
    """A response with the working spreadsheet attached."""
    _with_writer(
        _letter(["Summary enclosed."]),
        path,
        lambda writer: writer.add_attachment("residents.csv", b"name,address\nMary Example,12 High Street\n"),
    )


def info_metadata(path: Path) -> None:
    """A PDF whose document information names the officer."""
    path.write_bytes(_letter(["Your records are enclosed."], author="Jane Officer"))


XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""
 xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>Rosa Placeholder</rdf:li></rdf:Seq>
</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def xmp_metadata(path: Path) -> None:
    """A PDF whose XMP packet names a person (the Info dictionary is clean)."""

    def add(writer: PdfWriter) -> None:
        stream = StreamObject()
        stream.set_data(XMP)
        stream[NameObject("/Type")] = NameObject("/Metadata")
        stream[NameObject("/Subtype")] = NameObject("/XML")
        writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)

    _with_writer(_letter(["Your records are enclosed."]), path, add)


def incremental_save(path: Path) -> None:
    """A PDF edited and saved incrementally: the first revision, with a name, is still in the file."""
    first = _letter(["Anyshire Council case notes", "Complainant: Mary Example"])
    writer = PdfWriter(io.BytesIO(first), incremental=True)
    content = DecodedStreamObject()
    content.set_data(b"BT /F1 12 Tf 72 720 Td (Anyshire Council case notes) Tj 0 -20 Td (Complainant: [removed]) Tj ET")
    writer.pages[0].replace_contents(content)  # type: ignore[arg-type] # pypdf accepts any stream
    with path.open("wb") as handle:
        writer.write(handle)


def plain_pdf(path: Path) -> None:
    """An ordinary letter: text, a dark banner with white text on it, a rule and a web link."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFillColorRGB(0.05, 0.05, 0.2)
    pdf.rect(0, 780, 612, 62, fill=1, stroke=0)
    pdf.setFillColorRGB(1, 1, 1)
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(72, 800, "Anyshire Council")
    pdf.setFillColorRGB(0, 0, 0)
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 720, "Your request reference SAR-2026-0042 is complete.")
    pdf.line(72, 700, 540, 700)
    pdf.linkURL("https://www.example.gov.uk/", (72, 680, 300, 695))
    pdf.drawString(72, 684, "www.example.gov.uk")
    pdf.showPage()
    pdf.save()
    path.write_bytes(out.getvalue())


def damaged_pdf(path: Path) -> None:
    """A PDF header followed by nothing usable."""
    path.write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\ngarbage")


def password_pdf(path: Path) -> None:
    """A PDF that needs a password to open."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_letter(["Confidential"]))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    with path.open("wb") as handle:
        writer.write(handle)


def everything_readable(data: bytes) -> str:
    """All text (of every saved revision), annotation contents, attachment names and metadata a reader of the PDF
    could get at."""
    from pledge.redaction.leaks.pdf_scan import revision_ends

    reader = PdfReader(io.BytesIO(data))
    parts = [page.extract_text() or "" for page in reader.pages]
    for end in revision_ends(data)[:-1]:
        parts += [page.extract_text() or "" for page in PdfReader(io.BytesIO(data[:end])).pages]
    parts += [str(value) for value in (reader.metadata or {}).values()]
    parts += list(reader.attachments)
    for page in reader.pages:
        annotations = [reference.get_object() for reference in page.get("/Annots") or []]
        parts += [str(annotation.get("/Contents", "")) for annotation in annotations if hasattr(annotation, "get")]
    metadata = reader.root_object.get("/Metadata")
    if metadata is not None:
        stream = metadata.get_object()
        if isinstance(stream, StreamObject):
            parts.append(stream.get_data().decode("utf-8", "replace"))
    return "\n".join(parts)
