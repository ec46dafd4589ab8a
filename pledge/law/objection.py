"""Deciding an objection, activity by activity (UK GDPR Art 21; spec §2; promise P058). No Django imports.

Art 21(1): on an activity relying on Art 6(1)(e) or (f) (and (ea), which the Data (Use and Access) Act 2025 added),
the council must stop unless it demonstrates compelling legitimate grounds that override the person's interests,
rights and freedoms, or needs the data to establish, exercise or defend legal claims. Art 21(2)-(3): an objection
to direct marketing is absolute, so the only decision is to stop. On any other basis the right does not apply, and
nothing is decided (``pledge.law.request_rights`` says why).
"""

from dataclasses import dataclass
from enum import StrEnum


class ObjectionOutcome(StrEnum):
    """What the council decided about one activity a person objected to."""

    STOPPED = "stopped"  # the objection is upheld: the processing stops
    CARRY_ON = "carry_on"  # Art 21(1): overriding grounds, written reasons given


OBJECTION_OUTCOME_LABELS: dict[ObjectionOutcome, str] = {
    ObjectionOutcome.STOPPED: "Upheld: the processing has stopped",
    ObjectionOutcome.CARRY_ON: "Not upheld: the council carries on (Art 21(1))",
}


class CarryOnGround(StrEnum):
    """The two reasons Art 21(1) allows for carrying on after an objection."""

    COMPELLING_GROUNDS = "compelling_grounds"
    LEGAL_CLAIMS = "legal_claims"


@dataclass(frozen=True)
class CarryOnInfo:
    title: str
    provision: str
    test: str

    @property
    def label(self) -> str:
        return f"{self.title} ({self.provision})"


CARRY_ON_GROUNDS: dict[CarryOnGround, CarryOnInfo] = {
    CarryOnGround.COMPELLING_GROUNDS: CarryOnInfo(
        "Compelling legitimate grounds",
        "Art 21(1)",
        "The council's compelling legitimate grounds for the processing override the person's interests, rights and "
        "freedoms, weighed against their particular situation.",
    ),
    CarryOnGround.LEGAL_CLAIMS: CarryOnInfo(
        "Legal claims",
        "Art 21(1)",
        "The processing is needed to establish, exercise or defend legal claims.",
    ),
}


def objection_problem(
    *, applies: bool, absolute: bool, outcome: str, carry_on_ground: str, reasons: str, how_stopped: str
) -> tuple[str, str] | None:
    """``(field, message)`` when the decision is not one the law allows or is incomplete, else None.

    ``applies`` and ``absolute`` are the rights engine's verdict for the activity (``ActivityVerdict``).
    """
    if not applies:
        return "activity", "The right to object does not apply to this activity, so there is nothing to decide"
    try:
        chosen = ObjectionOutcome(outcome)
    except ValueError:
        return "outcome", "Select whether the processing stops or carries on"
    if chosen == ObjectionOutcome.STOPPED:
        if carry_on_ground:
            return "carry_on_ground", "Only a decision to carry on has Art 21(1) grounds"
        if not how_stopped.strip():
            return "how_stopped", "Enter how the processing was stopped: which systems or records were flagged"
        return None
    if absolute:
        return (
            "outcome",
            "An objection to direct marketing is absolute: the processing must stop (UK GDPR Art 21(3))",
        )
    try:
        CarryOnGround(carry_on_ground)
    except ValueError:
        return "carry_on_ground", "Select the Art 21(1) ground for carrying on"
    if not reasons.strip():
        return "reasons", "Enter the reasons for carrying on: the person is told them"
    return None
