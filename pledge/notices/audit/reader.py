"""Read a privacy notice (.txt, .md, .html, .pdf) into sections, paragraphs and sentences.

Section awareness matters for the Art 13/14 audit: a terse list item under "Your rights" is
evidence for Art 13(2)(b) / 14(2)(c) even though it never says "right". Every sentence keeps its
source line (and page, for PDFs) so that findings can be checked by a person.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, replace

from .models import AuditReadError, Document, Link, Paragraph, Section, Sentence

TEXT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
PDF_SUFFIXES = (".pdf",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + PDF_SUFFIXES

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-{2,})\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•●▪◦–]|\d{1,2}[.)]|\([a-z0-9]\))\s+")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)([^*_]{2,80})\1\s*:?\s*$")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")
_ANGLE_LINK = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s)\]>\"']+", re.I)
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "no.", "art.", "reg.", "para.", "st.", "mr.", "mrs.", "ms.", "dr.", "vs.")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(\[]?[A-Z0-9])")
_TERMINAL = (".", ":", ";", ",", "!")
_LABEL = re.compile(r"^([^:]{2,90}?):\s+(?=\S)")
_LABEL_WORDS = 10
_NUMBERED = re.compile(r"(?:part|section|step|chapter|appendix|annex|schedule)\s+\w+", re.I)
_LEAD_IN = re.compile(r"\s*:\s*$|(?<=\bthe following)\s*$|(?<=\bincluding)\s*$|(?<=\bsuch as)\s*$", re.I)
_HTML_DROP = ("script", "style", "nav", "noscript", "template", "svg", "head", "button", "select", "iframe")
_HTML_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_HTML_BLOCKS = (
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "address",
    "blockquote",
    "pre",
    "caption",
    "div",
    "section",
    "article",
    "main",
    "footer",
    "header",
    "aside",
    "figcaption",
    "summary",
    "legend",
    "label",
    "span",
    "a",
    "strong",
    "b",
    "em",
)


@dataclass
class RawLine:
    """One logical line before grouping: a heading, a list item or running text (or a blank)."""

    kind: str  # "heading" | "item" | "text" | "blank"
    text: str
    line: int
    page: int | None = None
    level: int = 2


def read_document(data: bytes, *, filename: str) -> Document:
    """Read ``data`` according to the suffix of ``filename``; raise ``AuditReadError`` if it cannot."""
    name = filename.lower()
    if name.endswith(PDF_SUFFIXES) or data[:5] == b"%PDF-":
        return _build(filename, "pdf", *_pdf_lines(data))
    if name.endswith(HTML_SUFFIXES):
        return _build(filename, "html", *_html_lines(_decode(data, filename)))
    if name.endswith(TEXT_SUFFIXES) or "." not in name.rsplit("/", 1)[-1]:
        return read_text(_decode(data, filename), filename=filename)
    raise AuditReadError(f"{filename}: unsupported file type (use .txt, .md, .html or .pdf)")


def read_text(text: str, *, filename: str = "<text>") -> Document:
    """Read plain text or markdown (markdown headings, setext underlines and title-like lines)."""
    if re.search(r"<(html|body|p|h[1-6]|div)\b", text[:2000], re.I) and filename.lower().endswith(HTML_SUFFIXES):
        return _build(filename, "html", *_html_lines(text))
    return _build(filename, "text", *_text_lines(text))


def _decode(data: bytes, filename: str) -> str:
    if b"\x00" in data[:1024]:
        raise AuditReadError(f"{filename}: looks like a binary file, not a text notice")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AuditReadError(f"{filename}: cannot decode the text (not UTF-8 or Windows-1252)")


def _clean_inline(text: str, line: int, page: int | None, links: list[Link]) -> str:
    """Strip markdown link syntax and emphasis, recording link targets."""

    def link(match: re.Match[str]) -> str:
        links.append(Link(match.group(2), line, page))
        label = match.group(1).strip()
        return label if label else match.group(2)

    text = _MD_LINK.sub(link, text)
    for match in _ANGLE_LINK.finditer(text):
        links.append(Link(match.group(1), line, page))
    text = _ANGLE_LINK.sub(lambda m: m.group(1).removeprefix("mailto:"), text)
    for match in _BARE_URL.finditer(text):
        links.append(Link(match.group(0), line, page))
    text = _EMPHASIS.sub("", text)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lstrip(">").strip()


def _text_lines(text: str, page: int | None = None, first_line: int = 1) -> tuple[list[RawLine], list[Link]]:
    links: list[Link] = []
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[RawLine] = []
    for offset, source in enumerate(raw):
        number = first_line + offset
        if _SETEXT.match(source) and out and out[-1].kind == "text" and raw[offset - 1].strip():
            out[-1].kind, out[-1].level = "heading", 1 if source.strip().startswith("=") else 2
            continue
        heading = _MD_HEADING.match(source)
        bold = _BOLD_LINE.match(source)
        if not source.strip():
            out.append(RawLine("blank", "", number, page))
        elif heading:
            out.append(
                RawLine(
                    "heading", _clean_inline(heading.group(2), number, page, links), number, page, len(heading.group(1))
                )
            )
        elif bold:
            out.append(RawLine("heading", bold.group(2).strip(), number, page, 4))
        elif _BULLET.match(source):
            out.append(
                RawLine("item", _clean_inline(_BULLET.sub("", source, count=1), number, page, links), number, page)
            )
        else:
            out.append(RawLine("text", _clean_inline(source, number, page, links), number, page))
    _demote_long_headings(out)
    _promote_title_lines(out)
    return out, links


def _demote_long_headings(lines: list[RawLine]) -> None:
    """A 'heading' that is really a sentence (e.g. ``#### By using our site you agree...``) is text."""
    for line in lines:
        if line.kind == "heading" and (len(line.text.split()) > 14 or line.text.endswith(".")):
            line.kind = "text"


def _title_like(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 12 or text.endswith(_TERMINAL) or "@" in text or "://" in text:
        return False
    if not (words[0][0].isupper() or words[0][0].isdigit()) or re.fullmatch(r"[\d\s().+-]+", text):
        return False
    if label_of(text) and not _NUMBERED.fullmatch(label_of(text)):  # "Legal basis: public task" is a fact line
        return False
    return not re.search(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", text)


def _promote_title_lines(lines: list[RawLine]) -> None:
    """Short title-like lines followed by running text (or by another heading) are headings."""
    following_kind = ""
    following_long = False
    for line in reversed(lines):
        if line.kind == "blank":
            continue
        if (
            line.kind == "text"
            and _title_like(line.text)
            and (following_kind == "heading" or (following_kind in ("text", "item") and following_long))
        ):
            line.kind, line.level = "heading", 3
        following_kind = line.kind
        following_long = line.kind == "heading" or len(line.text.split()) >= 6 or line.kind == "item"


def _html_lines(markup: str) -> tuple[list[RawLine], list[Link]]:
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(_HTML_DROP):
        tag.decompose()
    links = [Link(str(a["href"]), a.sourceline or 0) for a in soup.find_all("a", href=True)]
    out: list[RawLine] = []
    root = soup.body or soup
    for tag in root.find_all(True):
        if not isinstance(tag, Tag):
            continue
        if tag.name in _HTML_HEADINGS:
            text = _squash(tag.get_text(" "))
            if text:
                out.append(RawLine("heading", text, tag.sourceline or 0, None, int(tag.name[1])))
        elif tag.name in _HTML_BLOCKS and not tag.find(_HTML_BLOCKS_SET) and not tag.find(_HTML_HEADINGS):
            if tag.find_parent(_HTML_HEADINGS) or _inside_leaf(tag):
                continue
            text = _squash(tag.get_text(" "))
            if text:
                out.append(RawLine("item" if tag.name == "li" else "text", text, tag.sourceline or 0))
    return out, links


_HTML_BLOCKS_SET = (
    "p",
    "li",
    "td",
    "th",
    "dd",
    "dt",
    "address",
    "blockquote",
    "pre",
    "div",
    "section",
    "article",
    "main",
    "footer",
    "header",
    "aside",
    "caption",
    "figcaption",
    "summary",
    "legend",
)


def _inside_leaf(tag: object) -> bool:
    """Inline tags (a, span, strong...) are read as part of their enclosing block, not on their own."""
    name = getattr(tag, "name", "")
    if name not in ("span", "a", "strong", "b", "em", "label"):
        return False
    parent = getattr(tag, "parent", None)
    return parent is not None and getattr(parent, "name", "") not in ("body", "[document]")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _pdf_lines(data: bytes) -> tuple[list[RawLine], list[Link]]:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise AuditReadError("the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except AuditReadError:
        raise
    except Exception as error:  # pypdf raises many types for broken files
        raise AuditReadError(f"cannot read the PDF ({type(error).__name__}: {error})") from error
    if not "".join(pages).strip():
        raise AuditReadError("the PDF has no extractable text (a scanned image?)")
    out: list[RawLine] = []
    links: list[Link] = []
    for number, text in enumerate(pages, start=1):
        lines, page_links = _text_lines(text, page=number)
        out.extend(lines)
        out.append(RawLine("blank", "", 0, number))
        links.extend(page_links)
    return out, links


def _joins(previous: RawLine, line: RawLine) -> bool:
    """Whether ``line`` continues ``previous`` (a soft-wrapped line)."""
    if previous.kind not in ("text", "item") or line.kind != "text" or not previous.text:
        return False
    if line.text[:1].islower():
        return True
    if previous.kind == "item" or label_of(line.text):  # a new "Label: value" fact line is not a soft wrap
        return False
    return not previous.text.endswith((".", ":", ";", "!", "?")) and len(previous.text.split()) >= 8


def _build(filename: str, kind: str, lines: list[RawLine], links: list[Link]) -> Document:
    sections: list[Section] = [Section("", 1, 0, ())]
    path: list[tuple[int, str]] = []
    blocks: list[list[RawLine]] = []
    for line in lines:
        if line.kind == "heading":
            _flush(sections[-1], blocks, len(sections) - 1)
            path = [p for p in path if p[0] < line.level] + [(line.level, line.text)]
            sections.append(Section(line.text, line.line, line.level, tuple(t for _, t in path)))
        elif line.kind == "blank":
            blocks.append([])
        elif blocks and blocks[-1] and _joins(blocks[-1][-1], line):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    _flush(sections[-1], blocks, len(sections) - 1)
    return Document(filename, kind, [s for s in sections if s.paragraphs or s.heading], links)


def _flush(section: Section, blocks: list[list[RawLine]], number: int) -> None:
    paragraphs = [_paragraph(block, section, number) for block in blocks if block]
    _attach_lists([p for p in paragraphs if p.sentences])
    section.paragraphs.extend(p for p in paragraphs if p.sentences)
    blocks.clear()


def _paragraph(block: list[RawLine], section: Section, number: int) -> Paragraph:
    text, starts = "", []
    for raw in block:
        starts.append((len(text), raw.line))
        text += raw.text + " "
    item = block[0].kind == "item"
    sentences = [
        Sentence(piece, _line_at(starts, offset), block[0].page, section.headings, number, 0, item, label_of(piece))
        for offset, piece in split_sentences(text.strip())
    ]
    return Paragraph(sentences, block[0].line, block[0].page)


def label_of(text: str) -> str:
    """The label of a "Label: value" line ("Where we get it from: the person, DWP"), or ``""``."""
    match = _LABEL.match(text)
    if not match or len(match.group(1).split()) > _LABEL_WORDS or re.search(r"https?$|www$", match.group(1)):
        return ""
    return match.group(1).strip()


def _attach_lists(paragraphs: list[Paragraph]) -> None:
    """A lead-in ending with a colon ("We share it with these recipients:") owns the list items after it.

    The lead-in sentence gets the items' text (``items``) and a ``label`` (the lead-in without its
    colon); each item gets ``lead_in``. The classifier then reads lead-in and items as one statement.
    """
    for pos, paragraph in enumerate(paragraphs):
        last = paragraph.sentences[-1]
        if last.is_list_item or not _LEAD_IN.search(last.text):
            continue
        following = []
        for other in paragraphs[pos + 1 :]:
            if not other.sentences[0].is_list_item:
                break
            following.append(other)
        if not following:
            continue
        lead = _LEAD_IN.sub("", last.text).strip()
        items = tuple(p.text for p in following)
        paragraph.sentences[-1] = replace(last, label=lead, items=items)
        for other in following:
            other.sentences[:] = [replace(s, lead_in=lead) for s in other.sentences]


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    line = starts[0][1]
    for start, number in starts:
        if start <= offset:
            line = number
    return line


def split_sentences(text: str) -> list[tuple[int, str]]:
    """Split running text into sentences, returning ``(offset, sentence)``; abbreviations are kept whole."""
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        candidate = text[start : match.start()].rstrip()
        last_word = candidate.rsplit(" ", 1)[-1].lower()
        if last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.){1,3}", last_word):
            continue
        if candidate:
            pieces.append((start, candidate))
        start = match.end()
    if text[start:].strip():
        pieces.append((start, text[start:].strip()))
    return pieces
