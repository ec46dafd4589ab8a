"""Telling recipients of a rectification, erasure or restriction (UK GDPR Art 19; spec §2).

The council must tell each recipient to whom the data was disclosed, unless that proves impossible or involves
disproportionate effort, and must tell the person who the recipients are if they ask. No Django imports.
"""

from collections.abc import Sequence
from enum import StrEnum


class NoticeOutcome(StrEnum):
    """What happened about one recipient."""

    TOLD = "told"
    IMPOSSIBLE = "impossible"
    DISPROPORTIONATE = "disproportionate"


NOTICE_OUTCOME_LABELS: dict[NoticeOutcome, str] = {
    NoticeOutcome.TOLD: "Told",
    NoticeOutcome.IMPOSSIBLE: "Not told: telling them proved impossible (Art 19)",
    NoticeOutcome.DISPROPORTIONATE: "Not told: telling them would involve disproportionate effort (Art 19)",
}


def notice_problem(*, outcome: str, told: bool, method: str, reasons: str) -> tuple[str, str] | None:
    """``(field, message)`` when a record about a recipient is incomplete.

    Told needs the date and how; not told needs the reasons, because Art 19 excuses only impossibility or
    disproportionate effort and the council must be able to show it.
    """
    try:
        chosen = NoticeOutcome(outcome)
    except ValueError:
        return "outcome", "Select whether the recipient was told"
    if chosen == NoticeOutcome.TOLD:
        if not told:
            return "told_on", "Enter the date the recipient was told"
        if not method:
            return "method", "Select how the recipient was told"
        return None
    if not reasons.strip():
        return "reasons", "Enter why telling the recipient was impossible or would involve disproportionate effort"
    return None


def recipients_sentence(*, told: Sequence[str], excused: Sequence[str], telling: Sequence[str] = ()) -> str:
    """The lines for a letter naming the recipients (Art 19, last sentence): those told, those still being told
    (no notice recorded yet, so the letter must not say they were told), then those not told."""
    if not told and not excused and not telling:
        return "We have not disclosed the information concerned to anyone else, so there was no one else to tell."
    parts = []
    if told:
        parts.append(f"We shared the information concerned with {_listed(told)}, and we have told them about this.")
    if telling:
        shared = "We also shared it with" if told else "We shared the information concerned with"
        parts.append(f"{shared} {_listed(telling)}, and we are telling them about this.")
    if excused:
        also = "also " if told or telling else ""
        parts.append(
            f"We {also}shared it with {_listed(excused)}, but did not tell them because it proved impossible or "
            "would involve disproportionate effort."
        )
    return " ".join(parts)


def _listed(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
