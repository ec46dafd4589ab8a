"""What the leak scanner reports: one ``Finding`` per piece of content a reader of the released file could recover
without seeing it on the page.

UK GDPR Art 5(1)(f) and Art 32 (integrity and confidentiality) make an accidental disclosure in hidden spreadsheet
content a personal data breach; the ICO's 2023 advisory note to public authorities on disclosure of information
in spreadsheets names hidden sheets, hidden columns, pivot tables and metadata as the usual causes. Every finding
blocks release until it is fixed (cleaned) or cleared by a person.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import StrEnum

EXCERPT_LIMIT = 40


class LeakKind(StrEnum):
    """What kind of hidden content was found; ``label`` is the wording shown to caseworkers."""

    HIDDEN_SHEET = "hidden_sheet"
    VERY_HIDDEN_SHEET = "very_hidden_sheet"
    HIDDEN_ROWS_COLUMNS = "hidden_rows_columns"
    NAMED_RANGE = "named_range"
    PIVOT_CACHE = "pivot_cache"
    COMMENT = "comment"
    EXTERNAL_LINK = "external_link"
    DOCUMENT_PROPERTY = "document_property"
    TRACKED_CHANGE = "tracked_change"
    HIDDEN_TEXT = "hidden_text"
    METADATA = "metadata"
    TEXT_UNDER_BLACK_BOX = "text_under_black_box"
    ANNOTATION = "annotation"
    EMBEDDED_FILE = "embedded_file"
    INCREMENTAL_SAVE_HISTORY = "incremental_save_history"
    EXIF_GPS = "exif_gps"
    EXIF_OTHER = "exif_other"
    UNSUPPORTED_TYPE = "unsupported_type"
    UNREADABLE = "unreadable"

    @property
    def label(self) -> str:
        """The kind as a caseworker reads it."""
        return _LABELS[self]


_LABELS = {
    LeakKind.HIDDEN_SHEET: "Hidden sheet",
    LeakKind.VERY_HIDDEN_SHEET: "Very hidden sheet",
    LeakKind.HIDDEN_ROWS_COLUMNS: "Hidden rows or columns",
    LeakKind.NAMED_RANGE: "Named range",
    LeakKind.PIVOT_CACHE: "Pivot cache",
    LeakKind.COMMENT: "Comment or note",
    LeakKind.EXTERNAL_LINK: "External link",
    LeakKind.DOCUMENT_PROPERTY: "Document property",
    LeakKind.TRACKED_CHANGE: "Tracked change",
    LeakKind.HIDDEN_TEXT: "Hidden text",
    LeakKind.METADATA: "Metadata",
    LeakKind.TEXT_UNDER_BLACK_BOX: "Text under a black box",
    LeakKind.ANNOTATION: "Annotation",
    LeakKind.EMBEDDED_FILE: "Embedded file",
    LeakKind.INCREMENTAL_SAVE_HISTORY: "Incremental-save history",
    LeakKind.EXIF_GPS: "EXIF GPS position",
    LeakKind.EXIF_OTHER: "EXIF camera or author data",
    LeakKind.UNSUPPORTED_TYPE: "File type cannot be checked",
    LeakKind.UNREADABLE: "File cannot be read",
}


class Severity(StrEnum):
    """How much a finding is likely to expose; every severity still blocks release."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


@dataclass(frozen=True)
class Finding:
    """One piece of recoverable hidden content in one file.

    ``summary`` names what was found without quoting it; ``excerpt`` quotes at most ``EXCERPT_LIMIT`` characters so a
    reviewer can judge it, and must never be logged or put in an audit summary. ``fingerprint`` identifies the finding
    in this exact file content, so a clearance recorded against it lapses when the file changes.
    """

    file: str
    location: str
    kind: LeakKind
    severity: Severity
    summary: str
    excerpt: str = ""
    auto_fixable: bool = True
    fingerprint: str = field(default="", compare=False)

    def as_dict(self) -> dict[str, str | bool]:
        """The finding as JSON-ready values, with the kind's label."""
        values: dict[str, str | bool] = {
            key: str(value) if not isinstance(value, bool) else value for key, value in asdict(self).items()
        }
        values["kind_label"] = self.kind.label
        return values

    def describe(self) -> str:
        """One line for a terminal: where, what, and the excerpt in quotes."""
        fixable = "Pledge can fix" if self.auto_fixable else "needs a person"
        quoted = f' "{self.excerpt}"' if self.excerpt else ""
        return f"{self.file}: {self.location}: {self.kind.label} ({self.severity}, {fixable}): {self.summary}{quoted}"


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """The first ``limit`` characters of ``text`` on one line, with an ellipsis when cut."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def fingerprint(*, digest: str, kind: LeakKind, location: str, summary: str) -> str:
    """A stable id for a finding in one version of a file (the file's SHA-256, the kind, location and summary)."""
    return hashlib.sha256(f"{digest}|{kind}|{location}|{summary}".encode()).hexdigest()[:20]


class Collector:
    """Gathers one file's findings, filling in the file name and fingerprint so scanners only say what they saw."""

    def __init__(self, *, file: str, digest: str) -> None:
        self.file = file
        self.digest = digest
        self.findings: list[Finding] = []

    def add(
        self,
        kind: LeakKind,
        location: str,
        summary: str,
        *,
        severity: Severity = Severity.HIGH,
        quote: str = "",
        auto_fixable: bool = True,
    ) -> None:
        """Record one finding at ``location``."""
        self.findings.append(
            Finding(
                file=self.file,
                location=location,
                kind=kind,
                severity=severity,
                summary=summary,
                excerpt=excerpt(quote) if quote else "",
                auto_fixable=auto_fixable,
                fingerprint=fingerprint(digest=self.digest, kind=kind, location=location, summary=summary),
            )
        )
