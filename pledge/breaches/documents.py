"""The two documents a breach produces: the ICO report content (Art 33(3)(a)-(d)) and the letter to the people
affected (Art 34(2): clear and plain language, with at least Art 33(3)(b)-(d)). Each is plain text with ``## ``
headings, shown as blocks on the page and downloadable as text or PDF.
"""

from typing import Any

from django.utils import timezone

from pledge.breaches.models import Breach
from pledge.casework.letters import council_details, text_to_blocks
from pledge.law.breach import format_moment, ico_deadline, is_late
from pledge.law.ico import load_ico_details
from pledge.notices.downloads import blocks_file


def _when(moment: Any) -> str:
    return format_moment(timezone.localtime(moment)) if moment else "Not known"


def _count(n: int | None, noun: str) -> str:
    return f"about {n:,} {noun}" if n is not None else f"not yet known ({noun})"


def _contact(council: dict[str, str]) -> list[str]:
    lines = [f"- Data Protection Officer, {council['name']}"]
    lines += [
        f"- {label}: {council[key]}" for key, label in (("dpo_email", "Email"), ("phone", "Phone")) if council[key]
    ]
    if council["address"]:
        lines.append(f"- Address: {council['address']}")
    return lines


def _measures(breach: Breach) -> list[str]:
    lines = [breach.containment or "Containment not yet recorded."]
    for action in breach.actions.all():
        status = f"done {action.done_on:%-d %B %Y}" if action.done_on else "proposed"
        lines.append(f"- {action.get_kind_display()}: {action.description} ({status})")
    return lines


def ico_report_text(breach: Breach) -> str:
    """The content of the report to the ICO, in the order of Art 33(3), with the timing and any delay reasons."""
    council = council_details()
    aware = timezone.localtime(breach.aware_at)
    lines = [
        f"Breach reference: {breach.reference}. Controller: {council['name']}.",
        "",
        "## (a) The nature of the breach",
        breach.description,
        "",
        f"- When it happened: {_when(breach.occurred_at)}",
        f"- When the council became aware of it: {_when(aware)}",
        f"- Categories of personal data: {breach.data_categories}",
        f"- Special category data: {'yes' if breach.special_category else 'no'}; criminal offence data: "
        f"{'yes' if breach.criminal_offence else 'no'}",
        f"- People affected: {_count(breach.people_affected, 'people')}",
        f"- Records affected: {_count(breach.records_affected, 'records')}",
        "",
        "## (b) Contact point",
        *_contact(council),
        "",
        "## (c) Likely consequences",
        breach.likely_consequences or "Not yet assessed.",
        "",
        f"Risk assessed as: {breach.get_risk_level_display() or 'not yet assessed'}. {breach.risk_rationale}".strip(),
        "",
        "## (d) Measures taken or proposed",
        *_measures(breach),
        "",
        "## Timing",
        f"Report due by {format_moment(ico_deadline(aware_at=aware))} (72 hours after awareness, Art 33(1)).",
    ]
    if breach.ico_notified_at:
        lines.append(f"Reported on {_when(breach.ico_notified_at)}, ICO reference {breach.ico_reference}.")
        if is_late(aware_at=breach.aware_at, notified_at=breach.ico_notified_at):
            lines += ["", "## Reasons for the delay", breach.ico_delay_reasons]
    lines += ["", "Further information will be given in phases as it becomes available (Art 33(4))."]
    return "\n".join(lines)


def people_letter_text(breach: Breach) -> str:
    """The letter to the people affected, in plain language: what happened, what it may mean, what we have done,
    what they can do, and whom to contact (Art 34(2))."""
    council, ico = council_details(), load_ico_details()
    told = "phone or write to" if council["phone"] else "write to"
    lines = [
        f"Our reference: {breach.reference}",
        "",
        "## What happened",
        f"We are writing to tell you that some of your personal information was affected by a mistake or security "
        f"problem at {council['name']}. We found out about it on {timezone.localtime(breach.aware_at):%-d %B %Y}.",
        "",
        breach.description,
        "",
        "## The information involved",
        breach.data_categories,
        "",
        "## What this could mean for you",
        breach.likely_consequences or "We are still working out what this could mean for you.",
        "",
        "## What we have done",
        *_measures(breach),
        "",
        "## What you can do",
        "Be careful of unexpected phone calls, emails or letters that mention this or ask for your details. "
        f"If you think someone is using your information, {told} us straight away.",
        "",
        "## Who to contact",
        "Our Data Protection Officer can answer your questions:",
        *_contact(council),
        "",
        f"You have the right to complain to the {ico['name']}: {ico['website']}, phone {ico['phone']}.",
        "",
        "We are sorry this happened.",
    ]
    return "\n".join(lines)


DOCUMENTS = {
    "ico-report": ("Personal data breach report to the ICO", ico_report_text),
    "letter": ("A letter about your personal information", people_letter_text),
}


def document_blocks(breach: Breach, name: str) -> list[dict[str, Any]]:
    """The named document as headed blocks for the page."""
    return text_to_blocks(DOCUMENTS[name][1](breach))


def document_file(breach: Breach, name: str, fmt: str) -> tuple[bytes, str, str]:
    """The named document as (content, content type, file name), in ``txt`` or ``pdf``."""
    title, make = DOCUMENTS[name]
    text = make(breach)
    filename = f"{breach.reference}-{name}.{fmt}"
    if fmt == "txt":
        return (f"{title}\n\n{text}\n").encode(), "text/plain; charset=utf-8", filename
    council = council_details()
    pdf = blocks_file(text_to_blocks(text), "pdf", title=title, author=council["name"], footer=f"{breach.reference}.")
    return pdf, "application/pdf", filename
