"""Builders for the leaky and clean spreadsheets, Word documents and pictures of the corpus (see ``corpus``)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.worksheet import Worksheet
from PIL import ExifTags, Image

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def _active(book: Workbook) -> Worksheet:
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    return sheet


def _workbook() -> Workbook:
    book = Workbook()
    sheet = _active(book)
    sheet.title = "Summary"
    sheet.append(["Ward", "Complaints"])
    sheet.append(["North", 12])
    sheet.append(["South", 7])
    return book


def _rewrite(path: Path, *, edits: dict[str, Callable[[bytes], bytes]], additions: dict[str, bytes]) -> None:
    """Rewrite the zip at ``path`` with some parts edited and others added."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    for name, edit in edits.items():
        parts[name] = edit(parts[name])
    parts.update(additions)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def _insert_before(marker: bytes, addition: bytes) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(marker, addition + marker, 1)


def hidden_sheet(path: Path) -> None:
    """A published summary with the source list of residents left on a hidden sheet."""
    book = _workbook()
    staff = book.create_sheet("Complainants")
    staff.append(["Name", "Address"])
    staff.append(["Mary Example", "12 High Street, Anyshire AN1 2BC"])
    staff.sheet_state = "hidden"
    book.save(path)


def very_hidden_sheet(path: Path) -> None:
    """A sheet set to "very hidden", which Excel's Unhide menu does not even list."""
    book = _workbook()
    lookup = book.create_sheet("Lookup")
    lookup.append(["NI number", "AB123456C"])
    lookup.sheet_state = "veryHidden"
    book.save(path)


def hidden_rows(path: Path) -> None:
    """A table with the rows of named individuals hidden rather than deleted."""
    book = _workbook()
    sheet = _active(book)
    sheet.append(["Peter Sample (complainant)", 1])
    sheet.row_dimensions[4].hidden = True
    book.save(path)


def hidden_columns(path: Path) -> None:
    """A table with a hidden column of phone numbers."""
    book = _workbook()
    sheet = _active(book)
    sheet["D1"] = "Contact"
    sheet["D2"] = "07700 900123"
    sheet.column_dimensions["D"].hidden = True
    book.save(path)


def named_range(path: Path) -> None:
    """A workbook-level name holding a person's name as a constant."""
    book = _workbook()
    book.defined_names["Complainant"] = DefinedName("Complainant", attr_text='"Rosa Placeholder"')
    book.save(path)


PIVOT_DEFINITION = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheDefinition xmlns="{MAIN}" xmlns:r="{R}" r:id="rId1" refreshOnLoad="0" recordCount="2">
<cacheSource type="worksheet"><worksheetSource ref="A1:B3" sheet="Arrears"/></cacheSource>
<cacheFields count="2"><cacheField name="Tenant" numFmtId="0"><sharedItems count="2"><s v="Mary Example"/>
<s v="Peter Sample"/></sharedItems></cacheField><cacheField name="Arrears" numFmtId="0">
<sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" minValue="80" maxValue="120.5"/>
</cacheField></cacheFields></pivotCacheDefinition>""".encode()
PIVOT_RECORDS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<pivotCacheRecords xmlns="{MAIN}" count="2"><r><x v="0"/><n v="120.5"/></r><r><x v="1"/><n v="80"/></r>
</pivotCacheRecords>""".encode()


def pivot_cache(path: Path) -> None:
    """A pivot summary whose source sheet was deleted: the cache still holds every tenant's record."""
    _workbook().save(path)
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    _rewrite(
        path,
        edits={
            "xl/workbook.xml": _insert_before(
                b"</workbook>",
                f'<pivotCaches xmlns:r="{R}"><pivotCache cacheId="1" r:id="rIdPivot1"/></pivotCaches>'.encode(),
            ),
            "xl/_rels/workbook.xml.rels": _insert_before(
                b"</Relationships>",
                f'<Relationship Id="rIdPivot1" Type="{R}/pivotCacheDefinition" '
                f'Target="pivotCache/pivotCacheDefinition1.xml"/>'.encode(),
            ),
            "[Content_Types].xml": _insert_before(
                b"</Types>",
                f'<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" '
                f'ContentType="{ct}.pivotCacheDefinition+xml"/>'
                f'<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" '
                f'ContentType="{ct}.pivotCacheRecords+xml"/>'.encode(),
            ),
        },
        additions={
            "xl/pivotCache/pivotCacheDefinition1.xml": PIVOT_DEFINITION,
            "xl/pivotCache/pivotCacheRecords1.xml": PIVOT_RECORDS,
            "xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                f'<Relationship Id="rId1" Type="{R}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/>'
                "</Relationships>"
            ).encode(),
        },
    )


def cell_note(path: Path) -> None:
    """A cell note naming a third party."""
    book = _workbook()
    _active(book)["B2"].comment = Comment("Complaint was about the neighbour at number 4", "Jane Officer")
    book.save(path)


EXTERNAL_LINK = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<externalLink xmlns="{MAIN}" xmlns:r="{R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Payroll"/>
</sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1" t="str"><v>Jane Officer</v></cell>
</row></sheetData></sheetDataSet></externalBook></externalLink>""".encode()


def external_link(path: Path) -> None:
    """A link to a payroll workbook on a council file server, with a cached value copied from it."""
    _workbook().save(path)
    _rewrite(
        path,
        edits={
            "xl/workbook.xml": lambda data: data.replace(
                b"</sheets>",
                f'</sheets><externalReferences xmlns:r="{R}"><externalReference r:id="rIdExt1"/>'
                f"</externalReferences>".encode(),
                1,
            ),
            "xl/_rels/workbook.xml.rels": _insert_before(
                b"</Relationships>",
                f'<Relationship Id="rIdExt1" Type="{R}/externalLink" '
                f'Target="externalLinks/externalLink1.xml"/>'.encode(),
            ),
            "[Content_Types].xml": _insert_before(
                b"</Types>",
                b'<Override PartName="/xl/externalLinks/externalLink1.xml" '
                b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>',
            ),
        },
        additions={
            "xl/externalLinks/externalLink1.xml": EXTERNAL_LINK,
            "xl/externalLinks/_rels/externalLink1.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                f'<Relationship Id="rId1" Type="{R}/externalLinkPath" '
                'Target="file:///\\\\hr-server\\payroll\\salaries.xlsx" TargetMode="External"/></Relationships>'
            ).encode(),
        },
    )


def xlsx_properties(path: Path) -> None:
    """A workbook whose author, last editor and a custom property name the officer and the case."""
    book = _workbook()
    book.properties.creator = "Jane Officer"
    book.properties.lastModifiedBy = "Jane Officer"
    book.custom_doc_props.append(  # type: ignore[attr-defined]
        StringProperty(name="Case", value="Mary Example complaint")
    )
    book.save(path)


def invisible_format(path: Path) -> None:
    """A cell kept but made invisible with the number format ;;;."""
    book = _workbook()
    _active(book)["C2"] = "Peter Sample"
    _active(book)["C2"].number_format = ";;;"
    book.save(path)


def plain_workbook(path: Path) -> None:
    """An ordinary published table: numbers, a date, a formula with its result and a print area."""
    book = _workbook()
    sheet = _active(book)
    sheet["A5"] = "Published"
    sheet["B5"] = date(2026, 11, 30)
    sheet["B6"] = "=SUM(B2:B3)"
    book.defined_names["_xlnm.Print_Area"] = DefinedName(
        "_xlnm.Print_Area", localSheetId=0, attr_text="Summary!$A$1:$B$6"
    )
    book.save(path)


def _document() -> WordDocument:
    document = docx.Document()
    document.add_heading("Response to your request", level=1)
    document.add_paragraph("Anyshire Council has searched its records.")
    return document


def tracked_changes(path: Path) -> None:
    """A letter where a third party's address was deleted with Track Changes on, and never accepted."""
    document = _document()
    paragraph = document.add_paragraph("The report was made ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="Jane Officer" w:date="2026-11-01T10:00:00Z">'
            '<w:r><w:t xml:space="preserve">by a neighbour</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="Jane Officer" w:date="2026-11-01T10:01:00Z">'
            '<w:r><w:delText xml:space="preserve"> who lives at 4 Mill Lane</w:delText></w:r></w:del>'
        )
    )
    document.save(str(path))


def docx_comment(path: Path) -> None:
    """A reviewer's comment left in the response."""
    document = _document()
    paragraph = document.add_paragraph("Please find your records enclosed.")
    document.add_comment(
        paragraph.runs, text="Social worker's notes: do not disclose", author="Jane Officer", initials="JO"
    )
    document.save(str(path))


def hidden_run(path: Path) -> None:
    """A sentence formatted as hidden text inside a paragraph."""
    document = _document()
    paragraph = document.add_paragraph("Your file is enclosed. ")
    paragraph.add_run("Sibling's name is on the child protection register.").font.hidden = True
    document.save(str(path))


def hidden_style(path: Path) -> None:
    """A paragraph hidden through its style rather than its own formatting."""
    document = _document()
    style = document.styles.add_style("Internal note", WD_STYLE_TYPE.PARAGRAPH)
    style.font.hidden = True
    document.add_paragraph("Holds police intelligence about the family.", style="Internal note")
    document.save(str(path))


def docx_properties(path: Path) -> None:
    """Author, last editor and comments properties that name the officer and the case."""
    document = _document()
    document.core_properties.author = "Jane Officer"
    document.core_properties.last_modified_by = "Jane Officer"
    document.core_properties.comments = "Draft for Mary Example's SAR"
    document.save(str(path))


def document_variable(path: Path) -> None:
    """A document variable (set by a template macro) holding a third party's name."""
    document = _document()
    document.settings.element.append(
        parse_xml(f'<w:docVars {nsdecls("w")}><w:docVar w:name="ThirdParty" w:val="Rosa Placeholder"/></w:docVars>')
    )
    document.save(str(path))


def docx_gps_picture(path: Path) -> None:
    """A letter with a phone photo whose EXIF says where it was taken."""
    document = _document()
    document.add_picture(io.BytesIO(_jpeg(gps=True)))
    document.save(str(path))


def plain_document(path: Path) -> None:
    """An ordinary letter: heading, text, a table and a picture without metadata."""
    document = _document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Reference"
    table.rows[0].cells[1].text = "SAR-2026-0042"
    document.add_picture(io.BytesIO(_jpeg()))
    document.save(str(path))


def _exif(*, gps: bool = False, owner: str = "") -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1
    if owner:
        exif[0x013B] = owner
        exif[0x010F] = "Anyphone"
    if gps:
        block = exif.get_ifd(ExifTags.IFD.GPSInfo)
        block.update({1: "N", 2: (52.0, 12.0, 30.5), 3: "W", 4: (1.0, 30.0, 2.0)})
    return exif


def _jpeg(*, gps: bool = False, owner: str = "", comment: bytes = b"") -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", (32, 24), (200, 60, 60))
    extra = {"comment": comment} if comment else {}
    image.save(out, "JPEG", exif=_exif(gps=gps, owner=owner) if gps or owner else b"", **extra)
    return out.getvalue()


def gps_jpeg(path: Path) -> None:
    """A phone photo of a home visit with its GPS position."""
    path.write_bytes(_jpeg(gps=True))


def camera_owner_jpeg(path: Path) -> None:
    """A photo whose EXIF names the officer who took it."""
    path.write_bytes(_jpeg(owner="Jane Officer"))


def gps_png(path: Path) -> None:
    """A PNG screenshot carrying an eXIf chunk with a position."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "PNG", exif=_exif(gps=True))
    path.write_bytes(out.getvalue())


XMP_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="52,12.5N" '
    b'exif:GPSLongitude="1,30.0W"/></rdf:RDF></x:xmpmeta>'
)


def xmp_gps_jpeg(path: Path) -> None:
    """A photo whose position is in its XMP packet rather than its EXIF (as some editors save it)."""
    data = _jpeg()
    payload = b"http://ns.adobe.com/xap/1.0/\x00" + XMP_GPS
    segment = b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload
    path.write_bytes(data[:2] + segment + data[2:])


def png_text_chunk(path: Path) -> None:
    """A PNG with a text chunk naming the resident."""
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Description", "Damp in Mary Example's bedroom")
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "PNG", pnginfo=info)
    path.write_bytes(out.getvalue())


def plain_jpeg(path: Path) -> None:
    """A picture with no metadata."""
    path.write_bytes(_jpeg())


def plain_png(path: Path) -> None:
    """A PNG with no metadata."""
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "white").save(out, "PNG")
    path.write_bytes(out.getvalue())


def plain_csv(path: Path) -> None:
    """A published CSV table."""
    path.write_text("ward,complaints\nNorth,12\nSouth,7\n", encoding="utf-8")


def legacy_office(path: Path) -> None:
    """The start of an OLE compound file, as .xls and .doc (and encrypted .xlsx) are."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))


def html_page(path: Path) -> None:
    """An HTML page, which can hide text in comments and styles the scanner does not read."""
    path.write_text("<html><body><!-- Mary Example --><p>Hello</p></body></html>", encoding="utf-8")


def damaged_xlsx(path: Path) -> None:
    """A spreadsheet cut short in transfer."""
    buffer = io.BytesIO()
    _workbook().save(buffer)
    path.write_bytes(buffer.getvalue()[:300])


def damaged_docx(path: Path) -> None:
    """A Word document whose main part is not XML."""
    _document().save(str(path))
    _rewrite(path, edits={"word/document.xml": lambda data: data[: len(data) // 2]}, additions={})


def damaged_jpeg(path: Path) -> None:
    """A JPEG header with nothing after it."""
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")


def entity_bomb_docx(path: Path) -> None:
    """A Word document whose main part declares entities (a "billion laughs" attempt)."""
    _document().save(str(path))
    bomb = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><w:document/>'
    _rewrite(path, edits={"word/document.xml": lambda data: bomb}, additions={})
