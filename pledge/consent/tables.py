"""Rows for the staff history page: what the person said themselves, and apart from it what a representative said
on their behalf (P081), each with who captured it, when, how and the exact wording shown (P080)."""

from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from pledge.consent.models import Channel, ConsentEvent, EventAction
from pledge.consent.services import ConsentAnswer

HISTORY_HEAD = [{"text": "When"}, {"text": "What"}, {"text": "How"}, {"text": "Recorded by"}, {"text": "Wording"}]
REPRESENTATIVE_HEAD = [
    {"text": "When"},
    {"text": "What"},
    {"text": "Representative"},
    {"text": "Authority"},
    {"text": "How and by whom"},
    {"text": "Wording"},
]
CURRENT_HEAD = [{"text": "Purpose"}, {"text": "Allowed now"}, {"text": "Why"}]


def _when(event: ConsentEvent) -> str:
    return timezone.localtime(event.occurred_at).strftime("%-d %B %Y %H:%M")


def _what(event: ConsentEvent) -> SafeString:
    label = EventAction(event.action).label
    extra = " (explicit)" if event.explicit else ""
    return format_html('{}{}<br><span class="govuk-body-s">{}</span>', label, extra, event.scope)


def _how(event: ConsentEvent) -> SafeString:
    channel = Channel(event.channel).label
    if event.evidence:
        return format_html('{}<br><span class="govuk-body-s">Evidence: {}</span>', channel, event.evidence)
    return format_html("{}", channel)


def _wording(event: ConsentEvent) -> SafeString | str:
    if event.wording is None:
        return "Not needed"
    notice = f", shown with privacy notice {event.notice_version}" if event.notice_version else ""
    text = format_html(
        '{}<br><span class="govuk-body-s">SHA-256 {}{}</span>', event.wording.text, event.wording_hash, notice
    )
    details = render_to_string(
        "frontend/components/details.html", {"summary": f"Wording {event.wording_version}", "html": text}
    )
    return SafeString(details)


def _cell(value: Any) -> dict[str, Any]:
    return {"html": value} if isinstance(value, SafeString) else {"text": value}


def history_rows(events: list[ConsentEvent]) -> list[list[dict[str, Any]]]:
    """The person's own events."""
    return [
        [_cell(_when(e)), _cell(_what(e)), _cell(_how(e)), _cell(e.actor_label), _cell(_wording(e))]
        for e in events
        if not e.by_representative
    ]


def representative_rows(events: list[ConsentEvent]) -> list[list[dict[str, Any]]]:
    """Events a representative gave on the person's behalf, with their identity and authority (P081)."""
    rows = []
    for e in events:
        if not e.by_representative:
            continue
        who = format_html(
            '{}<br><span class="govuk-body-s">{}</span>', e.representative_name, e.representative_relationship
        )
        how = format_html('{}<br><span class="govuk-body-s">Recorded by {}</span>', _how(e), e.actor_label)
        rows.append(
            [
                _cell(_when(e)),
                _cell(_what(e)),
                _cell(who),
                _cell(e.representative_authority),
                _cell(how),
                _cell(_wording(e)),
            ]
        )
    return rows


def current_rows(current: list[tuple[str, ConsentAnswer]]) -> list[list[dict[str, Any]]]:
    """What each purpose reads as now."""
    return [[{"text": name}, {"html": _tag(answer)}, {"text": answer.basis}] for name, answer in current]


def _tag(answer: ConsentAnswer) -> SafeString:
    if answer.given:
        return SafeString(
            render_to_string("frontend/components/tag.html", {"text": "Yes", "classes": "govuk-tag--green"})
        )
    return SafeString(render_to_string("frontend/components/tag.html", {"text": "No", "classes": "govuk-tag--grey"}))
