"""Which parts of fulfilment apply to a case, from its kind: one table, so no view compares kinds itself."""

from pledge.casework.models import Case, CaseKind
from pledge.law.restriction import RestrictionGround

CORRECTION_KINDS = frozenset({CaseKind.RECTIFICATION})
ERASURE_KINDS = frozenset({CaseKind.ERASURE})
# Restriction is asked for directly, or offered while accuracy is contested (Art 18(1)(a)) or an objection is
# weighed (Art 18(1)(d)); the value is the ground the form suggests.
RESTRICTION_KINDS: dict[CaseKind, RestrictionGround | None] = {
    CaseKind.RESTRICTION: None,
    CaseKind.RECTIFICATION: RestrictionGround.ACCURACY_CONTESTED,
    CaseKind.OBJECTION: RestrictionGround.OBJECTION_PENDING,
}
OBJECTION_KINDS = frozenset({CaseKind.OBJECTION})
REVIEW_KINDS = frozenset({CaseKind.AUTOMATED_DECISION_REVIEW})
# Art 19 follows any rectification, erasure or restriction, so every kind that can record one lists recipients.
ART19_KINDS = CORRECTION_KINDS | ERASURE_KINDS | frozenset(RESTRICTION_KINDS)


def takes_corrections(case: Case) -> bool:
    return case.kind in CORRECTION_KINDS


def takes_erasure_outcomes(case: Case) -> bool:
    return case.kind in ERASURE_KINDS


def takes_objection_decisions(case: Case) -> bool:
    return case.kind in OBJECTION_KINDS


def takes_decision_reviews(case: Case) -> bool:
    return case.kind in REVIEW_KINDS


def takes_restrictions(case: Case) -> bool:
    return case.kind in RESTRICTION_KINDS


def suggested_ground(case: Case) -> RestrictionGround | None:
    """The Art 18(1) ground the restriction form starts on for this kind of case, if any."""
    return RESTRICTION_KINDS.get(CaseKind(case.kind))


def lists_recipients(case: Case) -> bool:
    return case.kind in ART19_KINDS


def applies_at_all(case: Case) -> bool:
    """True when the case page shows the fulfilment panel."""
    return lists_recipients(case) or takes_decision_reviews(case)
