"""Letters to the requester, from plain-text Django templates a council can override, as blocks, HTML and PDF.

Each letter is ``casework/letters/<kind>.txt``. Templates are found in the usual loader order (the ``DIRS`` of
the Django template engine first, then each app's ``templates``), so a council changes the wording by putting its
own file at the same path in a directory listed earlier. The text is read as: ``## `` starts a heading, ``### `` a
subheading, ``- `` a list item, and a blank line ends a paragraph. The response is ``casework/letters/response/
<case kind>.txt``, with its content from ``response_letters``. Autoescaping is off while rendering: the blocks
are escaped again when they become HTML or PDF.
"""

import copy
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.template import Context, Engine

from pledge.casework import response_letters
from pledge.casework.clock import clock_stops_for_clarification, deadline_for
from pledge.casework.impact import SERVICE_IMPACT_WARNING, has_service_impact, impact_lines
from pledge.casework.models import Case
from pledge.casework.services import OBJECT_TYPE
from pledge.casework.states import CaseState
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.law.calendar import OutsideCalendarError
from pledge.law.exemptions import COMPLAINTS_TO_CONTROLLER_FROM, REFUSAL_GROUNDS, RefusalGround, refusal_must_state
from pledge.notices.downloads import blocks_file
from pledge.notices.generation import load_ico_details
from pledge.register.services import council_controller

Block = dict[str, Any]


class LetterKind(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement"
    ID_REQUEST = "id_request", "Request for proof of identity"
    CLARIFICATION = "clarification", "Request for clarification"
    EXTENSION = "extension", "Extension of the deadline"
    REFUSAL = "refusal", "Refusal to act on the request"
    RESPONSE = "response", "Response to the request"


NOT_YET_REASONS: dict[str, str] = {
    LetterKind.ID_REQUEST: "no proof of identity or authority has been asked for on this case",
    LetterKind.CLARIFICATION: "no clarification has been asked for on this case",
    LetterKind.EXTENSION: "this case has not been extended",
    LetterKind.REFUSAL: "this request has not been refused",
    LetterKind.RESPONSE: "no register activities have been chosen for this request",
}


def letter_applies(case: Case, kind: LetterKind | str) -> bool:
    """Whether the case has reached the point where this letter is sent (an acknowledgement always is)."""
    if kind == LetterKind.ID_REQUEST:
        asked = case.state == CaseState.AWAITING_ID
        return asked or case.id_received_on is not None or case.authority_received_on is not None
    if kind == LetterKind.CLARIFICATION:
        return case.clarifications.exists()
    if kind == LetterKind.EXTENSION:
        return case.extended
    if kind == LetterKind.REFUSAL:
        return bool(case.refusal_ground)
    if kind == LetterKind.RESPONSE:
        return not response_letters.response_blocked(case)
    return True


def letter_links(case: Case) -> list[dict[str, Any]]:
    """Every letter for the case page, each marked whether it applies yet."""
    return [{"kind": k.value, "title": k.label, "applies": letter_applies(case, k)} for k in LetterKind]


def letter_text(*, case: Case, kind: LetterKind | str, today: date, **response: str) -> str:
    """The letter of ``kind`` for ``case``, dated ``today``, as rendered text; ``response`` is the response's
    ``outcome`` and ``reasons`` (see ``response_letters``)."""
    chosen = LetterKind(kind)
    path = f"casework/letters/{chosen.value}.txt"
    context = letter_context(case=case, kind=chosen, today=today)
    if chosen == LetterKind.RESPONSE:
        path = response_letters.response_template(case)
        context.update(response_letters.response_context(case=case, today=today, **response))
    return Engine.get_default().get_template(path).render(Context(context, autoescape=False))


def letter_blocks(*, case: Case, kind: LetterKind | str, today: date, **response: str) -> list[Block]:
    """The letter of ``kind`` for ``case``, dated ``today``, as blocks (headings, paragraphs, lists)."""
    return text_to_blocks(letter_text(case=case, kind=kind, today=today, **response))


def letter_pdf(*, case: Case, kind: LetterKind | str, today: date, **response: str) -> bytes:
    """The letter as a PDF, built by the same code as notice downloads."""
    return blocks_pdf(
        blocks=letter_blocks(case=case, kind=kind, today=today, **response), case=case, title=LetterKind(kind).label
    )


def blocks_pdf(*, blocks: list[Block], case: Case, title: str) -> bytes:
    """Letter blocks as a PDF headed with the council's name and the case reference."""
    council = council_details()
    return blocks_file(
        blocks,
        "pdf",
        title=title,
        author=council["name"],
        footer=f"{council['name']}. Our reference: {case.reference}.",
    )


def record_letter_seen(*, case: Case, kind: LetterKind | str, actor: Any, fmt: str) -> None:
    """One audit row for reading (VIEW) or downloading (EXPORT) a letter: kind and reference only, never the name."""
    label = LetterKind(kind).label.lower()
    if fmt == "pdf":
        summary, action = f"Letter downloaded as PDF: {label}", AuditAction.EXPORT
    else:
        summary, action = f"Letter viewed: {label}", AuditAction.VIEW
    record(actor=actor, action=action, object_type=OBJECT_TYPE, object_ref=case.reference, summary=summary)


def council_details() -> dict[str, str]:
    """The council's name, address and complaint route, from the register (the settings name if none is set up)."""
    controller = council_controller()
    # A bare path means nothing on paper: name the page unless the council's website makes it a full address.
    on_our_website = "the How to complain page of our website"
    if controller is None:
        name = str(settings.PLEDGE_COUNCIL["name"])
        return {"name": name, "address": "", "email": "", "phone": "", "dpo_email": "", "complaints": on_our_website}
    complaints = controller.complaints_url or "/how-to-complain/"
    if complaints.startswith("/"):
        complaints = controller.website.rstrip("/") + complaints if controller.website else on_our_website
    return {
        "name": controller.name,
        "address": ", ".join(line.strip() for line in controller.address.splitlines() if line.strip()),
        "email": controller.email,
        "phone": controller.phone,
        "dpo_email": controller.dpo_email,
        "complaints": complaints,
    }


def letter_context(*, case: Case, kind: LetterKind, today: date) -> dict[str, Any]:
    """Everything a letter template may use: the council, the case, its statutory dates, the ICO."""
    context: dict[str, Any] = {
        "kind": kind.value,
        "today": today,
        "case": case,
        "kind_label": case.get_kind_display(),
        "council": council_details(),
        "ico": load_ico_details(),
        "awaiting_proof": case.state == CaseState.AWAITING_ID,
        "due_on": case.due_on,
        "extension_notice_by": case.extension_notice_by,
        "dates_known": True,
    }
    try:
        deadline = deadline_for(case)
        context["clock_start"] = deadline.start
        context["original_due_on"] = deadline_for(_as_extended(case, False)).due
        context["extended_due_on"] = deadline_for(_as_extended(case, True)).due
    except (OutsideCalendarError, ValueError):
        context["dates_known"] = False
    context.update(_clarification_context(case, today))
    context.update(_refusal_context(case, today))
    context["service_impact"] = SERVICE_IMPACT_WARNING if has_service_impact(case.kind) else ""
    context["impact_lines"] = impact_lines(case)
    return context


def _as_extended(case: Case, extended: bool) -> Case:
    """An unsaved copy of the case, extended or not, to work out the other due date without changing the case."""
    twin = copy.copy(case)
    twin.extended = extended
    return twin


def _clarification_context(case: Case, today: date) -> dict[str, Any]:
    latest = case.clarifications.order_by("-asked_on", "-id").first()
    return {
        "clarification_asked_on": latest.asked_on if latest else today,
        "clock_stops": clock_stops_for_clarification(case),
    }


def _refusal_context(case: Case, today: date) -> dict[str, Any]:
    ground = REFUSAL_GROUNDS.get(RefusalGround(case.refusal_ground)) if case.refusal_ground else None
    return {
        "refused_on": case.refused_on or today,
        "ground_title": ground.title if ground else "[the ground for refusing]",
        "ground_provision": ground.provision if ground else "[the provision]",
        "refusal_reasons": case.refusal_reasons or "[the reasons for not acting on the request]",
        "must_state": refusal_must_state(today),
        # DPA 2018 s.164A: from 19 June 2026 a refusal also states the right to complain to the council.
        "complain_to_council": today >= COMPLAINTS_TO_CONTROLLER_FROM,
    }


def text_to_blocks(text: str) -> list[Block]:
    """Rendered letter text as blocks: ``## `` a heading, ``- `` a list item, blank lines between paragraphs."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("## ", "### ", "- ")):
            if paragraph:
                blocks.append({"type": "p", "text": " ".join(paragraph)})
                paragraph = []
        if line.startswith("## "):
            blocks.append({"type": "h2", "text": line[3:].strip()})
        elif line.startswith("### "):
            blocks.append({"type": "h3", "text": line[4:].strip()})
        elif line.startswith("- "):
            if not blocks or blocks[-1]["type"] != "ul":
                blocks.append({"type": "ul", "items": []})
            blocks[-1]["items"].append(line[2:].strip())
        elif line:
            paragraph.append(line)
    if paragraph:
        blocks.append({"type": "p", "text": " ".join(paragraph)})
    return blocks


def blocks_to_text(blocks: list[Block]) -> str:
    """Blocks back to plain text that ``text_to_blocks`` reads the same way: the form a sent letter is kept in."""
    parts = []
    for block in blocks:
        if block["type"] == "ul":
            parts.append("\n".join(f"- {item}" for item in block["items"]))
        elif block["type"] in ("h2", "h3"):
            parts.append(("## " if block["type"] == "h2" else "### ") + block["text"])
        else:
            parts.append(block["text"])
    return "\n\n".join(parts) + "\n"
