"""'Report as misdirected': the commonest council breach is a response sent to the wrong person.

From a rights case, the breach report opens pre-filled with what was sent (the case's issued letters and the
response files released to the portal), to whom it went, and whose data it was (the requester's), linked to the
case. The reporter corrects it before saving: Pledge knows what was sent, not who wrongly received it.
"""

from typing import Any

from django.utils import timezone

from pledge.casework.models import Case


def _letters(case: Case) -> list[str]:
    lines = []
    for letter in case.issued_letters.all():
        to = f" to {letter.sent_to}" if letter.sent_to else ""
        lines.append(f"- {letter.subject}, dated {letter.dated:%-d %B %Y}, {letter.get_delivery_display()}{to}")
    return lines


def _releases(case: Case) -> list[str]:
    lines = []
    for release in case.releases.prefetch_related("files"):  # type: ignore[attr-defined]
        names = ", ".join(f.original_name for f in release.files.all()) or "no files"
        when = timezone.localtime(release.released_at)
        lines.append(f"- Response files released to the portal on {when:%-d %B %Y}: {names}")
    return lines


def misdirected_initial(case: Case) -> dict[str, Any]:
    """The report form's starting values for a response on ``case`` sent to the wrong person."""
    sent = _letters(case) + _releases(case)
    what = "\n".join(sent) if sent else "- (nothing recorded as sent on the case: say what was sent)"
    description = (
        f"A response on case {case.reference} was sent to the wrong person.\n"
        f"What was sent:\n{what}\n"
        "Who received it by mistake: (say who, and how we found out)\n"
        f"Whose data: the requester on case {case.reference}"
        + (" and the person they act for" if case.on_behalf_of else "")
        + "."
    )
    return {
        "description": description,
        "data_categories": "The requester's name and contact details, and what the letters and files above contain.",
        "people_affected": 1,
        "detected_by": "",
    }
