"""Burning redactions in: the redacted text is removed from the output, never covered by a box.

A black rectangle drawn over text in a PDF leaves the text in the file (councils have released data that way);
so ``burn_in_pdf`` builds a fresh PDF from text in which each redacted span has already been replaced by a marker
naming its exemption (Presidio's anonymizer does the replacing). Nothing of the original span reaches the file, and
markers are the same length whatever they replace, so a name's length is not given away either.
"""

import io
from collections.abc import Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

DEFAULT_MARKER = "[redacted]"


@dataclass(frozen=True)
class Cut:
    """A span to remove, [start, end), and the short label the reader sees in its place (an exemption code)."""

    start: int
    end: int
    label: str = ""


def redact_text(text: str, cuts: Iterable[Cut]) -> str:
    """``text`` with every cut replaced by '[redacted: LABEL]' (or '[redacted]'); overlapping cuts are merged."""
    # Presidio takes seconds to import: only a redaction pays for it, never loading the URLs.
    from presidio_anonymizer import AnonymizerEngine
    from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

    merged = _merge(cuts, len(text))
    if not merged:
        return text
    results = [
        RecognizerResult(entity_type=f"CUT_{i}", start=c.start, end=c.end, score=1.0) for i, c in enumerate(merged)
    ]
    operators = {
        f"CUT_{i}": OperatorConfig("replace", {"new_value": f"[redacted: {c.label}]" if c.label else DEFAULT_MARKER})
        for i, c in enumerate(merged)
    }
    return AnonymizerEngine().anonymize(text=text, analyzer_results=results, operators=operators).text  # type: ignore[arg-type]


def _merge(cuts: Iterable[Cut], length: int) -> list[Cut]:
    spans = sorted((max(0, c.start), min(length, c.end), c.label) for c in cuts if c.end > c.start)
    merged: list[Cut] = []
    for start, end, label in spans:
        if merged and start <= merged[-1].end:
            last = merged[-1]
            labels = last.label if label in last.label.split(", ") else ", ".join(x for x in (last.label, label) if x)
            merged[-1] = Cut(last.start, max(last.end, end), labels)
        else:
            merged.append(Cut(start, end, label))
    return merged


def burn_in_pdf(*, text: str, cuts: Iterable[Cut], title: str) -> bytes:
    """A new PDF of ``text`` with the cuts removed: the title as a heading, then the text paragraph by paragraph."""
    redacted = redact_text(text, cuts)
    styles = getSampleStyleSheet()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="",
        subject="",
        creator="Pledge",
        leftMargin=20 * mm,
        rightMargin=20 * mm,
    )
    story: list = [Paragraph(escape(title), styles["Heading1"]), Spacer(1, 4 * mm)]
    for paragraph in redacted.split("\n"):
        if paragraph.strip():
            story.append(Paragraph(escape(paragraph), styles["BodyText"]))
    document.build(story)
    return buffer.getvalue()
