"""The states a rights-request case moves through, and which moves are allowed. No Django imports.

One table answers "may this case go from here to there?", so no view or service compares state strings itself.
Waiting for identity is not a pause: the clock has not started (spec R1.8). Waiting for clarification stops the
clock for access requests only (R1.7); the state is the same for every kind, the law module decides the days.
"""

from enum import StrEnum


class CaseState(StrEnum):
    RECEIVED = "received"
    AWAITING_ID = "awaiting_id"
    AWAITING_CLARIFICATION = "awaiting_clarification"
    IN_PROGRESS = "in_progress"
    EXTENDED = "extended"
    RESPONDED = "responded"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"


STATE_LABELS: dict[CaseState, str] = {
    CaseState.RECEIVED: "Received",
    CaseState.AWAITING_ID: "Awaiting identity",
    CaseState.AWAITING_CLARIFICATION: "Awaiting clarification",
    CaseState.IN_PROGRESS: "In progress",
    CaseState.EXTENDED: "Extended",
    CaseState.RESPONDED: "Responded",
    CaseState.CLOSED: "Closed",
    CaseState.WITHDRAWN: "Withdrawn",
}

_S = CaseState
TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    _S.RECEIVED: frozenset(
        {_S.AWAITING_ID, _S.AWAITING_CLARIFICATION, _S.IN_PROGRESS, _S.EXTENDED, _S.RESPONDED, _S.WITHDRAWN}
    ),
    # A requester who never proves who they are, or never clarifies, lets the council close the case (R1.7 note).
    # Refusing because the requester cannot be identified (Art 11(2), 12(2)) answers a case still awaiting proof.
    _S.AWAITING_ID: frozenset({_S.IN_PROGRESS, _S.RESPONDED, _S.WITHDRAWN, _S.CLOSED}),
    _S.AWAITING_CLARIFICATION: frozenset({_S.IN_PROGRESS, _S.WITHDRAWN, _S.CLOSED}),
    _S.IN_PROGRESS: frozenset({_S.AWAITING_ID, _S.AWAITING_CLARIFICATION, _S.EXTENDED, _S.RESPONDED, _S.WITHDRAWN}),
    # Clarification is sought early (ICO); once extended, the case runs to its response.
    _S.EXTENDED: frozenset({_S.RESPONDED, _S.WITHDRAWN}),
    _S.RESPONDED: frozenset({_S.CLOSED}),
    _S.CLOSED: frozenset(),
    _S.WITHDRAWN: frozenset(),
}

OPEN_STATES: frozenset[CaseState] = frozenset(
    {_S.RECEIVED, _S.AWAITING_ID, _S.AWAITING_CLARIFICATION, _S.IN_PROGRESS, _S.EXTENDED}
)


class IllegalTransitionError(ValueError):
    """A move the transitions table does not allow."""

    def __init__(self, from_state: CaseState, to_state: CaseState) -> None:
        self.from_state, self.to_state = CaseState(from_state), CaseState(to_state)
        super().__init__(
            f"A case that is {STATE_LABELS[self.from_state].lower()} cannot become "
            f"{STATE_LABELS[self.to_state].lower()}"
        )


def can_move(from_state: str, to_state: str) -> bool:
    """True when a case in ``from_state`` may move to ``to_state``; unknown states raise ValueError."""
    return CaseState(to_state) in TRANSITIONS[CaseState(from_state)]


def check_move(from_state: str, to_state: str) -> CaseState:
    """The target state when the move is allowed, else ``IllegalTransitionError``."""
    if not can_move(from_state, to_state):
        raise IllegalTransitionError(CaseState(from_state), CaseState(to_state))
    return CaseState(to_state)


def is_open(state: str) -> bool:
    """True while the council still owes the requester a response."""
    return CaseState(state) in OPEN_STATES
