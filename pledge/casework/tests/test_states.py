"""The case state table: every pair of states is either allowed or refused, as the table says."""

import itertools

import pytest

from pledge.casework.states import (
    OPEN_STATES,
    STATE_LABELS,
    TRANSITIONS,
    CaseState,
    IllegalTransitionError,
    can_move,
    check_move,
    is_open,
)

S = CaseState
ALLOWED = {
    (S.RECEIVED, S.AWAITING_ID),
    (S.RECEIVED, S.AWAITING_CLARIFICATION),
    (S.RECEIVED, S.IN_PROGRESS),
    (S.RECEIVED, S.EXTENDED),
    (S.RECEIVED, S.RESPONDED),
    (S.RECEIVED, S.WITHDRAWN),
    (S.AWAITING_ID, S.IN_PROGRESS),
    (S.AWAITING_ID, S.RESPONDED),  # a refusal: the requester cannot be identified (Art 11(2), 12(2))
    (S.AWAITING_ID, S.WITHDRAWN),
    (S.AWAITING_ID, S.CLOSED),
    (S.AWAITING_CLARIFICATION, S.IN_PROGRESS),
    (S.AWAITING_CLARIFICATION, S.WITHDRAWN),
    (S.AWAITING_CLARIFICATION, S.CLOSED),
    (S.IN_PROGRESS, S.AWAITING_ID),
    (S.IN_PROGRESS, S.AWAITING_CLARIFICATION),
    (S.IN_PROGRESS, S.EXTENDED),
    (S.IN_PROGRESS, S.RESPONDED),
    (S.IN_PROGRESS, S.WITHDRAWN),
    (S.EXTENDED, S.RESPONDED),
    (S.EXTENDED, S.WITHDRAWN),
    (S.RESPONDED, S.CLOSED),
}
ALL_PAIRS = list(itertools.product(CaseState, CaseState))


@pytest.mark.parametrize(("from_state", "to_state"), ALL_PAIRS)
def test_it_allows_exactly_the_moves_in_the_table(from_state: CaseState, to_state: CaseState) -> None:
    assert can_move(from_state, to_state) == ((from_state, to_state) in ALLOWED)


@pytest.mark.parametrize(("from_state", "to_state"), [p for p in ALL_PAIRS if p not in ALLOWED])
def test_check_move_refuses_an_illegal_move_with_a_readable_message(from_state: CaseState, to_state: CaseState) -> None:
    with pytest.raises(IllegalTransitionError, match="cannot become") as refused:
        check_move(from_state, to_state)
    assert refused.value.from_state == from_state
    assert refused.value.to_state == to_state


@pytest.mark.parametrize(("from_state", "to_state"), sorted(ALLOWED))
def test_check_move_returns_the_target_of_a_legal_move(from_state: CaseState, to_state: CaseState) -> None:
    assert check_move(from_state.value, to_state.value) is to_state


def test_every_state_has_a_label_and_a_row_in_the_table() -> None:
    assert set(STATE_LABELS) == set(CaseState) == set(TRANSITIONS)


def test_no_state_moves_to_itself() -> None:
    assert not any(can_move(state, state) for state in CaseState)


def test_closed_and_withdrawn_are_final() -> None:
    assert TRANSITIONS[S.CLOSED] == TRANSITIONS[S.WITHDRAWN] == frozenset()


def test_every_state_can_be_reached_from_received() -> None:
    reached, frontier = {S.RECEIVED}, [S.RECEIVED]
    while frontier:
        for target in TRANSITIONS[frontier.pop()]:
            if target not in reached:
                reached.add(target)
                frontier.append(target)
    assert reached == set(CaseState)


def test_every_open_state_can_still_finish() -> None:
    assert all(TRANSITIONS[state] & {S.RESPONDED, S.CLOSED, S.WITHDRAWN} for state in OPEN_STATES)


def test_open_means_a_response_is_still_owed() -> None:
    assert {state for state in CaseState if is_open(state)} == OPEN_STATES
    assert not is_open("responded")


def test_an_unknown_state_is_an_error_not_a_refusal() -> None:
    with pytest.raises(ValueError):
        can_move("lost", S.CLOSED)
