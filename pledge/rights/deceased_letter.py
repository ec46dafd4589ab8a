"""The letter staff send when a request arrives (by phone, letter or email) about someone who has died (P048).

UK GDPR protects living people only (Art 4(1); DPA 2018 s.3(2)), so such a request leaves the data-protection
workflow: no case is opened and nothing about the person is stored. The letter points to the routes that remain:
the Access to Health Records Act 1990 s.3(1)(f) for a personal representative or anyone with a claim arising from
the death, and a Freedom of Information request for other records (FOIA 2000 s.1). The audit row says a letter was
produced, never to or about whom.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.template import Context, Engine

from pledge.casework.letters import council_details, text_to_blocks
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.notices.downloads import blocks_file

TITLE = "Reply to a request about someone who has died"
OBJECT_TYPE = "deceased_letter"


@dataclass(frozen=True)
class DeceasedLetter:
    """Who the reply goes to and whom it is about, as typed by staff (held only for the page, never stored)."""

    writer_name: str
    writer_address: str
    deceased_name: str
    their_reference: str = ""


def deceased_letter_text(*, letter: DeceasedLetter, today: date) -> str:
    """The reply as plain text, from ``rights/letters/deceased.txt``."""
    context: dict[str, Any] = {
        "letter": letter,
        "today": today,
        "council": council_details(),
        "foi_url": settings.PLEDGE_FOI_URL,
    }
    # Plain text for a letter, not HTML: escaping would print "&amp;" in a name like "Smith & Sons".
    template = Engine.get_default().get_template("rights/letters/deceased.txt")
    return template.render(Context(context, autoescape=False)).strip()


def deceased_letter_blocks(*, letter: DeceasedLetter, today: date) -> list[dict[str, Any]]:
    """The reply as headed blocks, for the page and the PDF."""
    return text_to_blocks(deceased_letter_text(letter=letter, today=today))


def deceased_letter_pdf(*, letter: DeceasedLetter, today: date) -> bytes:
    """The reply as a PDF headed with the council's name."""
    council = council_details()
    return blocks_file(
        deceased_letter_blocks(letter=letter, today=today),
        "pdf",
        title=TITLE,
        author=council["name"],
        footer=f"{council['name']}."
        + (f" Your reference: {letter.their_reference}." if letter.their_reference else ""),
    )


def record_deceased_letter(*, actor: Any, downloaded: bool) -> None:
    """One audit row per letter seen or downloaded: that it happened and who did it, not whom it was about."""
    record(
        actor=actor,
        action=AuditAction.EXPORT if downloaded else AuditAction.VIEW,
        object_type=OBJECT_TYPE,
        object_ref="-",
        summary="Reply about someone who has died " + ("downloaded as PDF" if downloaded else "prepared"),
    )
