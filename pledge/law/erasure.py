"""What an erasure request does to each record, and the grounds for keeping one (UK GDPR Art 17; spec §2).

Art 17(1) gives the right on six grounds, and a record may be erased or anonymised only when one of them is
recorded (promise P052): with none, the only decision is to keep it with reasons. Art 17(3) lists the only
reasons a council may keep data it was asked to erase, and each kept record must name one, with the reasons, so
the response letter can explain why it was kept (promise P053).
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


class ErasureGround(StrEnum):
    """The Art 17(1)(a)-(f) grounds on which a person has the right to have their data erased."""

    NO_LONGER_NEEDED = "no_longer_needed"
    CONSENT_WITHDRAWN = "consent_withdrawn"
    OBJECTION_UPHELD = "objection_upheld"
    NO_LAWFUL_BASIS = "no_lawful_basis"
    LEGAL_DUTY = "legal_duty"
    CHILD_ONLINE_SERVICE = "child_online_service"


@dataclass(frozen=True)
class ErasureGroundInfo:
    title: str
    provision: str
    test: str

    @property
    def label(self) -> str:
        return f"{self.title} ({self.provision})"


ERASURE_GROUNDS: dict[ErasureGround, ErasureGroundInfo] = {
    ErasureGround.NO_LONGER_NEEDED: ErasureGroundInfo(
        "No longer needed",
        "Art 17(1)(a)",
        "The data is no longer necessary for the purposes it was collected or otherwise processed for.",
    ),
    ErasureGround.CONSENT_WITHDRAWN: ErasureGroundInfo(
        "Consent withdrawn",
        "Art 17(1)(b)",
        "The person withdrew the consent the processing relied on (Art 6(1)(a) or 9(2)(a)), and no other lawful "
        "basis applies.",
    ),
    ErasureGround.OBJECTION_UPHELD: ErasureGroundInfo(
        "Objection upheld",
        "Art 17(1)(c)",
        "The person objected under Art 21(1) and there are no overriding legitimate grounds, or objected to direct "
        "marketing under Art 21(2).",
    ),
    ErasureGround.NO_LAWFUL_BASIS: ErasureGroundInfo(
        "No lawful basis", "Art 17(1)(d)", "The data has been processed unlawfully, for example with no lawful basis."
    ),
    ErasureGround.LEGAL_DUTY: ErasureGroundInfo(
        "Legal duty to erase", "Art 17(1)(e)", "The data must be erased to comply with a legal obligation."
    ),
    ErasureGround.CHILD_ONLINE_SERVICE: ErasureGroundInfo(
        "Child's online service data",
        "Art 17(1)(f)",
        "The data was collected in offering an information society service to a child (Art 8(1)).",
    ),
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


def erasure_problem(*, result: str, keep_ground: str, reasons: str, erase_ground: str = "") -> tuple[str, str] | None:
    """``(field, message)`` when the outcome is incomplete, else None.

    An erased or anonymised record needs the Art 17(1) ground that gave the right (P052); a kept record needs an
    Art 17(3) ground and reasons. A kept record may also name the Art 17(1) ground the exception overrides.
    """
    try:
        chosen = ErasureResult(result)
    except ValueError:
        return "result", "Select what was done to the record"
    if erase_ground:
        try:
            ErasureGround(erase_ground)
        except ValueError:
            return "erase_ground", "Select the Art 17(1) ground from the list"
    if chosen != ErasureResult.KEPT:
        if keep_ground:
            return "keep_ground", "Only a record that was kept has an Art 17(3) ground"
        if not erase_ground:
            return (
                "erase_ground",
                "Select the Art 17(1) ground for erasing it: with none, the record can only be kept with reasons",
            )
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
