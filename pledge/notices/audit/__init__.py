"""Audit a privacy notice against the UK GDPR Art 13/14 checklist PN01-PN16 (``uk-rules.md`` §4).

Pure Python (no Django). Public API::

    report = audit_document(data, filename="notice.pdf")        # bytes of .txt/.md/.html/.pdf
    report = audit_text(text, filename="notice.md")
    report.to_dict()  # {"file", "items": [{"id", "status", "evidence"}...], "flags", "readability"}
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pledge.law.ico import DEFAULT_ICO_FILE, load_ico_details

from .checklist import BY_ID, CHECKLIST, ITEM_IDS, ChecklistItem
from .classifier import classify
from .flags import consent_flags, cookie_claim_flags, ico_flags, legacy_flags, readability_report
from .models import AuditReadError, AuditReport, Document, Flag, ItemResult, ItemStatus, Sentence
from .reader import SUPPORTED_SUFFIXES, read_document, read_text

DEFAULT_ICO_PATH = DEFAULT_ICO_FILE

__all__ = [
    "AuditReadError",
    "AuditReport",
    "BY_ID",
    "CHECKLIST",
    "ChecklistItem",
    "DEFAULT_ICO_PATH",
    "Document",
    "Flag",
    "ITEM_IDS",
    "ItemResult",
    "ItemStatus",
    "SUPPORTED_SUFFIXES",
    "Sentence",
    "audit_document",
    "audit_parsed",
    "audit_text",
    "load_ico",
]


def load_ico(path: Path | str = DEFAULT_ICO_PATH) -> dict[str, Any]:
    """The canonical ICO contact details (promise P146), from the one loader in ``pledge.law.ico``."""
    return dict(load_ico_details(path))


def audit_parsed(
    document: Document, *, ico: dict[str, Any] | None = None, max_grade: float = 12.0, as_of: date | None = None
) -> AuditReport:
    """Audit an already-read document."""
    items = classify(document, as_of=as_of)
    summary, hard = readability_report(document, max_grade)
    flags = consent_flags(document) + cookie_claim_flags(document) + legacy_flags(document)
    flags += ico_flags(document, ico or load_ico()) + hard
    flags.sort(key=lambda f: (f.page or 0, f.line))
    return AuditReport(document.filename, items, flags, summary)


def audit_document(
    data: bytes, *, filename: str, ico: dict[str, Any] | None = None, max_grade: float = 12.0, as_of: date | None = None
) -> AuditReport:
    """Read ``data`` (.txt/.md/.html/.pdf, by ``filename``) and audit it; raises ``AuditReadError`` if unreadable.

    ``ico`` defaults to ``pledge/law/data/ico.json``; ``max_grade`` is the reading grade above which a
    paragraph is flagged; ``as_of`` (default today) decides whether DPA s.164A complaints apply to PN13.
    """
    return audit_parsed(read_document(data, filename=filename), ico=ico, max_grade=max_grade, as_of=as_of)


def audit_text(
    text: str,
    *,
    filename: str = "<text>",
    ico: dict[str, Any] | None = None,
    max_grade: float = 12.0,
    as_of: date | None = None,
) -> AuditReport:
    """Audit a notice given as text (plain text or markdown; HTML if ``filename`` ends in .html)."""
    return audit_parsed(read_text(text, filename=filename), ico=ico, max_grade=max_grade, as_of=as_of)
