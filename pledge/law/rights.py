"""Which data-subject rights apply to a processing activity, and why (UK GDPR Arts 7, 15-22D; spec §2).

The matrix follows the ICO lawful-basis table and the article text. Each answer carries the reason a
notice or a letter can quote, so the same logic writes the privacy notice and decides a request.
"""

from dataclasses import dataclass
from enum import StrEnum

from pledge.law.bases import LawfulBasis


class Right(StrEnum):
    INFORMED = "informed"
    ACCESS = "access"
    RECTIFICATION = "rectification"
    ERASURE = "erasure"
    RESTRICTION = "restriction"
    PORTABILITY = "portability"
    OBJECTION = "objection"
    OBJECT_DIRECT_MARKETING = "object_direct_marketing"
    WITHDRAW_CONSENT = "withdraw_consent"
    AUTOMATED_DECISIONS = "automated_decisions"


RIGHT_TITLES = {
    Right.INFORMED: "Right to be informed",
    Right.ACCESS: "Right of access",
    Right.RECTIFICATION: "Right to rectification",
    Right.ERASURE: "Right to erasure",
    Right.RESTRICTION: "Right to restrict processing",
    Right.PORTABILITY: "Right to data portability",
    Right.OBJECTION: "Right to object",
    Right.OBJECT_DIRECT_MARKETING: "Right to object to direct marketing",
    Right.WITHDRAW_CONSENT: "Right to withdraw consent",
    Right.AUTOMATED_DECISIONS: "Rights about automated decisions",
}

RIGHT_PLAIN_ENGLISH = {
    Right.INFORMED: "to be told how we use your information",
    Right.ACCESS: "to ask for a copy of the information we hold about you",
    Right.RECTIFICATION: "to ask us to correct information that is wrong or incomplete",
    Right.ERASURE: "to ask us to delete your information",
    Right.RESTRICTION: "to ask us to limit how we use your information",
    Right.PORTABILITY: (
        "to get the information you gave us in a machine-readable form, or have it sent to another organisation"
    ),
    Right.OBJECTION: "to object to us using your information, because of your particular situation",
    Right.OBJECT_DIRECT_MARKETING: "to tell us to stop using your information for direct marketing, at any time",
    Right.WITHDRAW_CONSENT: "to withdraw your consent at any time, as easily as you gave it",
    Right.AUTOMATED_DECISIONS: (
        "to be told about a significant decision made only by a computer, to make representations, "
        "to have a person look at it again and to contest it"
    ),
}


@dataclass(frozen=True)
class RightAnswer:
    right: Right
    applies: bool
    reason: str

    @property
    def title(self) -> str:
        return RIGHT_TITLES[self.right]


def rights_for_activity(
    *,
    basis: LawfulBasis,
    automated_processing: bool = False,
    direct_marketing: bool = False,
    significant_automated_decision: bool = False,
    law_enforcement: bool = False,
) -> list[RightAnswer]:
    """Every right, each with whether it applies to processing on ``basis`` and the legal reason.

    ``automated_processing`` is Art 20(1)(b) (processing carried out by automated means);
    ``significant_automated_decision`` is Art 22A; ``law_enforcement`` is DPA 2018 Part 3, where
    portability and objection do not exist (ss.45-48 give access, rectification, erasure, restriction).
    """
    answers = [
        RightAnswer(Right.INFORMED, True, "Arts 13 and 14 apply whatever the lawful basis."),
        RightAnswer(Right.ACCESS, True, "Art 15 applies whatever the lawful basis."),
        RightAnswer(Right.RECTIFICATION, True, "Art 16 applies whatever the lawful basis."),
        _erasure(basis),
        RightAnswer(Right.RESTRICTION, True, "Art 18 applies whatever the lawful basis."),
        _portability(basis, automated_processing, law_enforcement),
        _objection(basis, law_enforcement),
        _direct_marketing(direct_marketing),
        _withdraw_consent(basis),
        _automated(significant_automated_decision),
    ]
    return answers


def applicable_rights(**kwargs: object) -> list[Right]:
    """Just the rights that apply, in the order a notice lists them."""
    return [a.right for a in rights_for_activity(**kwargs) if a.applies]  # type: ignore[arg-type]


def _erasure(basis: LawfulBasis) -> RightAnswer:
    if basis is LawfulBasis.LEGAL_OBLIGATION:
        return RightAnswer(
            Right.ERASURE, False, "Art 17(3)(b): the processing is needed to comply with a legal obligation."
        )
    if basis is LawfulBasis.PUBLIC_TASK:
        return RightAnswer(
            Right.ERASURE,
            False,
            "Art 17(3)(b): usually not, because the processing is needed for a task in the public interest; "
            "you can still ask and we will consider it.",
        )
    return RightAnswer(Right.ERASURE, True, "Art 17(1) applies on this basis.")


def _portability(basis: LawfulBasis, automated: bool, law_enforcement: bool) -> RightAnswer:
    if law_enforcement:
        return RightAnswer(Right.PORTABILITY, False, "DPA 2018 Part 3 gives no right to data portability.")
    if basis not in (LawfulBasis.CONSENT, LawfulBasis.CONTRACT):
        return RightAnswer(Right.PORTABILITY, False, "Art 20(1)(a): only for processing based on consent or contract.")
    if not automated:
        return RightAnswer(
            Right.PORTABILITY, False, "Art 20(1)(b): only for processing carried out by automated means."
        )
    return RightAnswer(Right.PORTABILITY, True, "Art 20(1): consent or contract, and processed by automated means.")


def _objection(basis: LawfulBasis, law_enforcement: bool) -> RightAnswer:
    if law_enforcement:
        return RightAnswer(Right.OBJECTION, False, "DPA 2018 Part 3 gives no general right to object.")
    if basis in (
        LawfulBasis.PUBLIC_TASK,
        LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS,
        LawfulBasis.LEGITIMATE_INTERESTS,
    ):
        return RightAnswer(Right.OBJECTION, True, "Art 21(1): the processing relies on Art 6(1)(e), (ea) or (f).")
    if basis is LawfulBasis.CONSENT:
        return RightAnswer(Right.OBJECTION, False, "Art 21(1) does not apply to consent; withdraw consent instead.")
    return RightAnswer(Right.OBJECTION, False, "Art 21(1) applies only to Art 6(1)(e), (ea) or (f).")


def _direct_marketing(direct_marketing: bool) -> RightAnswer:
    if direct_marketing:
        return RightAnswer(Right.OBJECT_DIRECT_MARKETING, True, "Art 21(2)-(3): absolute, whatever the basis.")
    return RightAnswer(Right.OBJECT_DIRECT_MARKETING, False, "The activity involves no direct marketing.")


def _withdraw_consent(basis: LawfulBasis) -> RightAnswer:
    if basis is LawfulBasis.CONSENT:
        return RightAnswer(Right.WITHDRAW_CONSENT, True, "Art 7(3): consent may be withdrawn at any time.")
    return RightAnswer(Right.WITHDRAW_CONSENT, False, "The processing does not rely on consent.")


def _automated(significant: bool) -> RightAnswer:
    if significant:
        return RightAnswer(
            Right.AUTOMATED_DECISIONS,
            True,
            "Arts 22A-22D: a significant decision based solely on automated processing.",
        )
    return RightAnswer(Right.AUTOMATED_DECISIONS, False, "No significant decision is made solely by automated means.")
