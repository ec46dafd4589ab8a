"""Data structures shared by the notice audit: the parsed document and the report.

The report answers, item by item, the UK GDPR Art 13/14 right-to-be-informed checklist
(``uk-rules.md`` §4, PN01-PN16) for one privacy notice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class ItemStatus(StrEnum):
    """What the notice text says about one checklist item.

    ``found``: the text gives the information the item asks for (an explicit statement that it does
    not apply, such as "we do not transfer your data outside the UK", also counts).
    ``unclear``: the text touches the topic but falls short of the item (e.g. a DPO with no contact route).
    ``missing``: nothing in the text addresses the item.
    """

    FOUND = "found"
    UNCLEAR = "unclear"
    MISSING = "missing"


@dataclass(frozen=True)
class Sentence:
    """One sentence (or list item) with where it came from; ``page`` is set for PDFs only.

    Structure that real notices rely on is kept with the sentence (see ``structure.py``):

    - ``label``: the topic phrase of a "Label: value" line ("How long we keep it" in
      "How long we keep it: 6 years after..."), or the whole lead-in of a list ("The kinds of personal
      information we use are", without the colon).
    - ``items``: on a lead-in sentence ending with a colon, the list items it introduces.
    - ``lead_in``: on a list item, the lead-in of its list (read like a heading for that item).
    - ``unit``: set by the classifier on the lead-in read together with its items as one statement.
    """

    text: str
    line: int
    page: int | None = None
    headings: tuple[str, ...] = ()
    section: int = 0
    index: int = 0
    is_list_item: bool = False
    label: str = ""
    items: tuple[str, ...] = ()
    lead_in: str = ""
    unit: bool = False

    @property
    def where(self) -> str:
        """A human-readable location: ``line 12`` or ``page 2 line 7``."""
        return f"page {self.page} line {self.line}" if self.page else f"line {self.line}"

    @property
    def value(self) -> str:
        """What a "Label: value" line says about its label (the items, for a lead-in); empty if no label."""
        if self.items:
            return "; ".join(self.items)
        if self.label and self.text.startswith(self.label + ":"):
            return self.text[len(self.label) + 1 :].strip()
        return ""

    @property
    def values(self) -> list[str]:
        """The separate things a label or lead-in lists: its items, or the value split at ``;`` and ``,``."""
        if self.items:
            return list(self.items)
        return [v.strip(" .") for v in re.split(r"[;,]\s*", self.value) if v.strip(" .")]

    @property
    def display(self) -> str:
        """The text shown as evidence: a lead-in with its first three items, joined readably."""
        if not self.unit:
            return self.text
        more = f"; … ({len(self.items) - 3} more)" if len(self.items) > 3 else ""
        return f"{self.label}: {'; '.join(i.rstrip('.;') for i in self.items[:3])}{more}"


@dataclass
class Paragraph:
    """A run of sentences the author wrote together (a paragraph or one list item)."""

    sentences: list[Sentence]
    line: int
    page: int | None = None

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass
class Section:
    """Text under one heading; ``headings`` is the heading path from the top of the document."""

    heading: str
    line: int
    level: int
    headings: tuple[str, ...]
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]


@dataclass
class Link:
    """A hyperlink target found in the markup (markdown or HTML), with its line."""

    url: str
    line: int
    page: int | None = None


@dataclass
class Document:
    """A privacy notice read into sections, paragraphs and sentences."""

    filename: str
    kind: str
    sections: list[Section]
    links: list[Link] = field(default_factory=list)

    @property
    def sentences(self) -> list[Sentence]:
        return [s for sec in self.sections for s in sec.sentences]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [p for sec in self.sections for p in sec.paragraphs]


@dataclass(frozen=True)
class Flag:
    """An extra finding that is not a checklist item (invalid consent, repealed law, ICO details...)."""

    code: str
    message: str
    text: str
    line: int
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "text": self.text, "line": self.line, "page": self.page}


@dataclass(frozen=True)
class ItemResult:
    """The decision for one checklist item with its evidence sentences (best first, at most three)."""

    id: str
    status: ItemStatus
    evidence: tuple[Sentence, ...] = ()
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "status": str(self.status), "evidence": [s.display for s in self.evidence]}


@dataclass
class AuditReport:
    """The audit of one notice: 16 item results in PN order, flags and readability."""

    file: str
    items: list[ItemResult]
    flags: list[Flag]
    readability: dict[str, Any]

    def status_of(self, item_id: str) -> ItemStatus:
        """The status reported for ``item_id`` (e.g. ``"PN03"``)."""
        for item in self.items:
            if item.id == item_id:
                return item.status
        raise KeyError(item_id)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: ``{"file", "items": [{"id", "status", "evidence"}], "flags", "readability"}``."""
        return {
            "file": self.file,
            "items": [item.to_dict() for item in self.items],
            "flags": [flag.to_dict() for flag in self.flags],
            "readability": self.readability,
        }


class AuditReadError(ValueError):
    """The file cannot be read as a notice (unsupported type, broken or image-only PDF, bad encoding)."""
