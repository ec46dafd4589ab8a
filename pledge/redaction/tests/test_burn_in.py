import io

import pytest
from pypdf import PdfReader

from pledge.redaction.burn_in import Cut, burn_in_pdf, redact_text
from pledge.redaction.engine import detect
from pledge.redaction.tests.helpers import context

pytestmark = pytest.mark.db_independent

TEXT = "Mrs Smith said her neighbour Kevin Walsh (07700 900999) of 16 Mill Lane shouts.\nCase RR-2026-000123."


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_redacted_text_has_the_span_replaced_by_its_label() -> None:
    start = TEXT.index("Kevin Walsh")
    assert "[redacted: THIRD_PARTY] (" in redact_text(TEXT, [Cut(start, start + 11, "THIRD_PARTY")])


def test_overlapping_cuts_become_one() -> None:
    assert redact_text("abcdefgh", [Cut(1, 4, "A"), Cut(3, 6, "A")]) == "a[redacted: A]gh"


def test_the_pdf_contains_none_of_the_redacted_text() -> None:
    proposed = [p for p in detect(TEXT, context=context(titles=("Mrs",))) if p.redact]
    assert {TEXT[p.start : p.end] for p in proposed} >= {"Kevin Walsh", "07700 900999", "16 Mill Lane"}
    data = burn_in_pdf(text=TEXT, cuts=[Cut(p.start, p.end, "THIRD_PARTY") for p in proposed], title="Case notes")
    extracted = _pdf_text(data)
    assert "Mrs Smith said her neighbour" in extracted
    assert "RR-2026-000123" in extracted
    for secret in ("Kevin", "Walsh", "07700", "900999", "Mill Lane"):
        assert secret not in extracted
        assert secret.encode() not in data  # not hidden anywhere in the file either
