"""Whether the right a request asks for applies to each processing activity it concerns, and why (spec §2).

Built on the rights-by-basis matrix in ``pledge.law.rights``: this module adds what a request needs on top of
it, namely which right each kind of request exercises, the Art 17(3) exceptions that may let the council keep
data it is asked to erase, and the two routes of an objection (Art 21(1), on the person's particular situation,
and Art 21(2)-(3), direct marketing, which is absolute). No Django imports.
"""

from dataclasses import dataclass, field

from pledge.law.bases import Art9Condition, LawfulBasis
from pledge.law.erasure import KEEP_GROUNDS, KeepGround
from pledge.law.rights import RIGHT_TITLES, Right, RightAnswer, rights_for_activity

# The right each kind of request exercises, keyed by the request kind's value (casework's CaseKind).
# Letting someone else see a record is the person's right of access used through another (Art 15, Art 12(1)).
RIGHT_FOR_REQUEST: dict[str, Right] = {
    "access": Right.ACCESS,
    "access_cctv": Right.ACCESS,
    "rectification": Right.RECTIFICATION,
    "erasure": Right.ERASURE,
    "restriction": Right.RESTRICTION,
    "objection": Right.OBJECTION,
    "portability": Right.PORTABILITY,
    "automated_decision_review": Right.AUTOMATED_DECISIONS,
    "consent_withdrawal": Right.WITHDRAW_CONSENT,
    "third_party_authorisation": Right.ACCESS,
}


@dataclass(frozen=True)
class ActivityFacts:
    """What the register says about one activity that decides the rights over it."""

    name: str
    basis: LawfulBasis
    automated_processing: bool = False
    direct_marketing: bool = False
    significant_automated_decision: bool = False
    law_enforcement: bool = False
    art9_condition: str = ""
    archived: bool = False  # its retention rule ends by transfer to the archive
    legislation: tuple[str, ...] = ()


@dataclass(frozen=True)
class ErasureExceptionNote:
    """An Art 17(3) exception that may let the council keep data it was asked to erase."""

    ground: KeepGround
    provision: str
    title: str
    test: str

    @property
    def sentence(self) -> str:
        return f"{self.title} ({self.provision}): {self.test}"


@dataclass(frozen=True)
class ActivityVerdict:
    """Whether the requested right applies to one activity, the reason, and for erasure the exceptions to weigh."""

    name: str
    applies: bool
    reason: str
    exceptions: tuple[ErasureExceptionNote, ...] = ()
    absolute: bool = False  # an objection to direct marketing (Art 21(3)): nothing overrides it
    legislation: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequestVerdict:
    """The requested right across the activities a request concerns."""

    right: Right
    activities: tuple[ActivityVerdict, ...] = field(default_factory=tuple)

    @property
    def title(self) -> str:
        return RIGHT_TITLES[self.right]

    @property
    def applies_to_any(self) -> bool:
        return any(a.applies for a in self.activities)

    @property
    def applying(self) -> list[ActivityVerdict]:
        return [a for a in self.activities if a.applies]

    @property
    def not_applying(self) -> list[ActivityVerdict]:
        return [a for a in self.activities if not a.applies]

    @property
    def summary(self) -> str:
        """One plain sentence for staff and for the letter: where the right applies, or why it does not."""
        if not self.activities:
            return "No processing activities have been chosen for this request yet."
        if self.applies_to_any:
            names = ", ".join(a.name for a in self.applying)
            return f"The {self.title.lower()} applies to: {names}."
        reasons = "; ".join(f"{a.name}: {a.reason}" for a in self.activities)
        return f"The {self.title.lower()} does not apply to any of the activities this request concerns ({reasons})"


def right_for_request(kind: str) -> Right:
    """The right a request of ``kind`` exercises; KeyError for a kind this module does not know."""
    return RIGHT_FOR_REQUEST[kind]


def all_rights(facts: ActivityFacts) -> list[RightAnswer]:
    """The full rights matrix for one activity (``pledge.law.rights.rights_for_activity``)."""
    return rights_for_activity(
        basis=facts.basis,
        automated_processing=facts.automated_processing,
        direct_marketing=facts.direct_marketing,
        significant_automated_decision=facts.significant_automated_decision,
        law_enforcement=facts.law_enforcement,
    )


def verdict_for_request(*, kind: str, activities: list[ActivityFacts]) -> RequestVerdict:
    """Whether the right asked for by a request of ``kind`` applies to each activity, with the legal reason."""
    right = right_for_request(kind)
    return RequestVerdict(right=right, activities=tuple(_verdict(right, facts) for facts in activities))


def _verdict(right: Right, facts: ActivityFacts) -> ActivityVerdict:
    answers = {a.right: a for a in all_rights(facts)}
    answer = answers[right]
    if right is Right.ERASURE:
        return ActivityVerdict(
            facts.name, answer.applies, answer.reason, erasure_exceptions(facts), legislation=facts.legislation
        )
    if right is Right.OBJECTION:
        marketing = answers[Right.OBJECT_DIRECT_MARKETING]
        if marketing.applies:
            # Art 21(2)-(3): an objection to direct marketing must be obeyed, whatever the basis.
            return ActivityVerdict(facts.name, True, marketing.reason, absolute=True, legislation=facts.legislation)
    return ActivityVerdict(facts.name, answer.applies, answer.reason, legislation=facts.legislation)


def erasure_exceptions(facts: ActivityFacts) -> tuple[ErasureExceptionNote, ...]:
    """The Art 17(3) exceptions the register suggests may apply to an activity; staff decide "to the extent".

    (b) from the lawful basis (c) or (e); (c) from an Art 9(2)(h) or (i) condition; (d) from an Art 9(2)(j)
    condition or a retention rule ending in the archive; (e) from an Art 9(2)(f) condition. Legal claims may
    arise on any activity (a complaint or a claim in progress), so staff should always check for them.
    """
    found: list[KeepGround] = []
    if facts.basis is LawfulBasis.LEGAL_OBLIGATION:
        found.append(KeepGround.LEGAL_OBLIGATION)
    if facts.basis is LawfulBasis.PUBLIC_TASK:
        found.append(KeepGround.PUBLIC_TASK)
    if facts.art9_condition in (Art9Condition.HEALTH_SOCIAL_CARE, Art9Condition.PUBLIC_HEALTH):
        found.append(KeepGround.PUBLIC_HEALTH)
    if facts.archived or facts.art9_condition == Art9Condition.ARCHIVING_RESEARCH:
        found.append(KeepGround.ARCHIVING)
    if facts.art9_condition == Art9Condition.LEGAL_CLAIMS:
        found.append(KeepGround.LEGAL_CLAIMS)
    return tuple(_note(e) for e in found)


def _note(ground: KeepGround) -> ErasureExceptionNote:
    info = KEEP_GROUNDS[ground]
    return ErasureExceptionNote(ground, info.provision, info.title, info.test)


LEGAL_CLAIMS_CHECK = _note(KeepGround.LEGAL_CLAIMS)
