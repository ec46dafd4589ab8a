"""Reviewing a decision made solely by automated means (UK GDPR Art 22 and, from 5 February 2026, Arts 22A-22D;
spec §2; promises P063 and P064). No Django imports.

A significant decision based solely on automated processing must come with safeguards: the person can make
representations, obtain human intervention and contest the decision (Art 22C, as Art 22(3) did before). It may be
made only under an exception: necessary for a contract with the person, required or authorised by law, or the
person's explicit consent (Art 22(2)(a)-(c) before 5 February 2026; Art 22B keeps the same three for decisions on
special category data). The review records which one the activity relies on, so it is shown and told.
"""

from dataclasses import dataclass
from enum import StrEnum


class Art22Exception(StrEnum):
    """The exception an automated decision relies on (Art 22(2)(a)-(c))."""

    CONTRACT = "a"
    AUTHORISED_BY_LAW = "b"
    EXPLICIT_CONSENT = "c"


@dataclass(frozen=True)
class ExceptionInfo:
    title: str
    provision: str
    plain: str  # for the letter: "the decision was made ..."

    @property
    def label(self) -> str:
        return f"{self.title} ({self.provision})"


ART22_EXCEPTIONS: dict[Art22Exception, ExceptionInfo] = {
    Art22Exception.CONTRACT: ExceptionInfo(
        "Necessary for a contract",
        "Art 22(2)(a)",
        "because it is necessary to enter into or carry out a contract with you",
    ),
    Art22Exception.AUTHORISED_BY_LAW: ExceptionInfo(
        "Required or authorised by law", "Art 22(2)(b)", "because the law requires or allows us to make it this way"
    ),
    Art22Exception.EXPLICIT_CONSENT: ExceptionInfo(
        "Explicit consent", "Art 22(2)(c)", "because you gave your explicit consent"
    ),
}


class ReviewResult(StrEnum):
    """What the member of staff decided after looking at the decision again."""

    CHANGED = "changed"
    STANDS = "stands"


REVIEW_RESULT_LABELS: dict[ReviewResult, str] = {
    ReviewResult.CHANGED: "Changed: the new decision replaces the automated one",
    ReviewResult.STANDS: "The decision stands",
}


def review_setup_problem(*, exception: str, law: str, inputs: str, outcome: str) -> tuple[str, str] | None:
    """``(field, message)`` when the record of the original decision is incomplete, else None.

    The inputs are what the letter gives the person (P064), and an exception under (b) names the law.
    """
    if not outcome.strip():
        return "original_outcome", "Enter what the automated decision was"
    if not inputs.strip():
        return "original_inputs", "Enter the inputs the system used for this person's decision"
    try:
        chosen = Art22Exception(exception)
    except ValueError:
        return "exception", "Select the exception the automated decision relies on"
    if chosen == Art22Exception.AUTHORISED_BY_LAW and not law.strip():
        return "exception_law", "Enter the law that requires or authorises the automated decision"
    if chosen != Art22Exception.AUTHORISED_BY_LAW and law.strip():
        return "exception_law", "Only a decision authorised by law names the law"
    return None


def review_decision_problem(*, result: str, new_decision: str, reasons: str) -> tuple[str, str] | None:
    """``(field, message)`` when the human decision is incomplete: every review gives its decision and reasons."""
    try:
        ReviewResult(result)
    except ValueError:
        return "result", "Select whether the decision changed or stands"
    if not new_decision.strip():
        return "new_decision", "Enter the decision the reviewer made"
    if not reasons.strip():
        return "reasons", "Enter the reasons for the decision: the person is told them"
    return None
