"""What an erasure request does to each record, and the grounds for keeping one (UK GDPR Art 17; spec §2).

Art 17(1) gives the right; Art 17(3) lists the only reasons a council may keep data it was asked to erase, and each
kept record must name one, with the reasons, so the response letter can explain why it was kept (promise P053).
No Django imports.
"""

from dataclasses import dataclass
from enum import StrEnum


class ErasureResult(StrEnum):
    """What was done to one record in one system."""

    ERASED = "erased"
    ANONYMISED = "anonymised"  # no longer personal data (UK GDPR recital 26), so it counts as erased
    KEPT = "kept"


ERASURE_RESULT_LABELS: dict[ErasureResult, str] = {
    ErasureResult.ERASED: "Erased",
    ErasureResult.ANONYMISED: "Anonymised",
    ErasureResult.KEPT: "Kept under an Art 17(3) exception",
}


class KeepGround(StrEnum):
    """The Art 17(3) exceptions a council can rely on to keep a record."""

    LEGAL_OBLIGATION = "legal_obligation"
    PUBLIC_TASK = "public_task"
    LEGAL_CLAIMS = "legal_claims"
    ARCHIVING = "archiving"
    PUBLIC_HEALTH = "public_health"
    FREEDOM_OF_EXPRESSION = "freedom_of_expression"


@dataclass(frozen=True)
class KeepGroundInfo:
    title: str
    provision: str
    test: str

    @property
    def label(self) -> str:
        return f"{self.title} ({self.provision})"


KEEP_GROUNDS: dict[KeepGround, KeepGroundInfo] = {
    KeepGround.LEGAL_OBLIGATION: KeepGroundInfo(
        "Legal obligation", "Art 17(3)(b)", "Keeping it is necessary to comply with a legal obligation on the council."
    ),
    KeepGround.PUBLIC_TASK: KeepGroundInfo(
        "Public task",
        "Art 17(3)(b)",
        "Keeping it is necessary for a task in the public interest or in the council's official authority.",
    ),
    KeepGround.LEGAL_CLAIMS: KeepGroundInfo(
        "Legal claims", "Art 17(3)(e)", "Keeping it is necessary to establish, exercise or defend legal claims."
    ),
    KeepGround.ARCHIVING: KeepGroundInfo(
        "Archiving, research or statistics",
        "Art 17(3)(d)",
        "Kept for archiving in the public interest, research or statistics (Art 89(1)), where erasing it would make "
        "that purpose impossible or seriously impair it.",
    ),
    KeepGround.PUBLIC_HEALTH: KeepGroundInfo(
        "Public health", "Art 17(3)(c)", "Keeping it is necessary for public health (Art 9(2)(h) and (i), Art 9(3))."
    ),
    KeepGround.FREEDOM_OF_EXPRESSION: KeepGroundInfo(
        "Freedom of expression and information",
        "Art 17(3)(a)",
        "Keeping it is necessary to exercise the right of freedom of expression and information.",
    ),
}


def erasure_problem(*, result: str, keep_ground: str, reasons: str) -> tuple[str, str] | None:
    """``(field, message)`` when the outcome is incomplete: a kept record needs an Art 17(3) ground and reasons."""
    try:
        chosen = ErasureResult(result)
    except ValueError:
        return "result", "Select what was done to the record"
    if chosen != ErasureResult.KEPT:
        if keep_ground:
            return "keep_ground", "Only a record that was kept has an Art 17(3) ground"
        return None
    try:
        KeepGround(keep_ground)
    except ValueError:
        return "keep_ground", "Select the Art 17(3) ground for keeping the record"
    if not reasons.strip():
        return "reasons", "Enter why the record was kept: the requester is told the reason"
    return None


def counts_as_erasure(result: str) -> bool:
    """True when the record was erased or anonymised: an erasure recipients must be told of (Art 19)."""
    return ErasureResult(result) in (ErasureResult.ERASED, ErasureResult.ANONYMISED)
