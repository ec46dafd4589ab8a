"""Restricting processing (UK GDPR Art 18; spec §2) and what must happen before a restriction is lifted.

Art 18(1) gives four grounds; Art 18(2) allows only storage of restricted data unless one of four reasons applies;
Art 18(3) says the person must be told before the restriction is lifted (promise P057). No Django imports.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class RestrictionGround(StrEnum):
    """Art 18(1)(a)-(d)."""

    ACCURACY_CONTESTED = "a"
    UNLAWFUL_KEEP = "b"
    NEEDED_FOR_LEGAL_CLAIMS = "c"
    OBJECTION_PENDING = "d"


@dataclass(frozen=True)
class GroundInfo:
    title: str
    provision: str
    test: str

    @property
    def label(self) -> str:
        return f"{self.title} ({self.provision})"


RESTRICTION_GROUNDS: dict[RestrictionGround, GroundInfo] = {
    RestrictionGround.ACCURACY_CONTESTED: GroundInfo(
        "Accuracy contested",
        "Art 18(1)(a)",
        "The person contests the accuracy of the data: restrict for the time the council needs to check it.",
    ),
    RestrictionGround.UNLAWFUL_KEEP: GroundInfo(
        "Unlawful, but the person wants it kept",
        "Art 18(1)(b)",
        "The processing is unlawful and the person asks for restriction instead of erasure.",
    ),
    RestrictionGround.NEEDED_FOR_LEGAL_CLAIMS: GroundInfo(
        "The person needs it for legal claims",
        "Art 18(1)(c)",
        "The council no longer needs the data, but the person needs it to make, exercise or defend legal claims.",
    ),
    RestrictionGround.OBJECTION_PENDING: GroundInfo(
        "Objection being considered",
        "Art 18(1)(d)",
        "The person has objected under Art 21(1): restrict while the council checks whether its grounds override.",
    ),
}

# Art 18(2): what other systems may still do with a restricted record.
PERMITTED_PROCESSING = (
    "Store the data only. Any other processing needs the person's consent, or must be for legal claims, to protect "
    "the rights of another person, or for reasons of important public interest (UK GDPR Art 18(2))."
)


def restriction_ground(value: str) -> RestrictionGround | None:
    """The ground for ``value`` ("a" to "d"), or None when it is not one."""
    try:
        return RestrictionGround(value)
    except ValueError:
        return None


def lifting_problem(*, started_on: date, told_on: date | None, lifted_on: date) -> tuple[str, str] | None:
    """``(field, message)`` when a restriction may not be lifted yet: the person must be told first (Art 18(3))."""
    if told_on is None:
        return "told_on", "Enter the date the person was told the restriction will be lifted (Art 18(3))"
    if told_on < started_on:
        return "told_on", "The person must be told after the restriction started, not before"
    if lifted_on < told_on:
        return "lifted_on", "The person must be told before the restriction is lifted (Art 18(3))"
    if lifted_on < started_on:
        return "lifted_on", "A restriction cannot be lifted before it started"
    return None
