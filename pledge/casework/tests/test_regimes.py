"""The regime seam: every case kind belongs to one regime, which decides its clock, extension, pause and letters."""

from datetime import date

import pytest

from pledge.calendars.services import current_calendar
from pledge.casework.clock import CLOCK_KIND, clock_stops_for_clarification, deadline_for
from pledge.casework.letters import LetterKind
from pledge.casework.models import ALL_CASE_KIND_CHOICES, Case, CaseKind, ComplaintKind
from pledge.casework.regimes import REGIMES, Regime, regime_for
from pledge.casework.states import CaseState
from pledge.law.calendar import Nation
from pledge.law.deadlines import statutory_deadline

pytestmark = pytest.mark.django_db


def test_every_kind_belongs_to_exactly_one_regime() -> None:
    claimed = [kind for rules in REGIMES.values() for kind in rules.kinds]
    assert sorted(claimed) == sorted(value for value, _ in ALL_CASE_KIND_CHOICES)
    assert len(claimed) == len(set(claimed))


def test_foi_and_eir_are_declared_but_not_yet_in_use() -> None:
    assert not REGIMES[Regime.FOI].in_use
    assert not REGIMES[Regime.EIR].in_use
    with pytest.raises(ValueError, match="no clock yet"):
        REGIMES[Regime.FOI].deadline(Case(kind="access", received_on=date(2026, 11, 2)))


def test_an_unknown_kind_has_no_regime() -> None:
    with pytest.raises(ValueError):
        regime_for("parking_ticket")


def test_the_rights_regime_sends_the_rights_letters() -> None:
    assert REGIMES[Regime.RIGHTS].letter_kinds == tuple(LetterKind.values)


@pytest.mark.parametrize("kind", list(CaseKind))
def test_a_rights_request_keeps_its_one_month_clock(kind) -> None:
    case = Case(kind=kind, received_on=date(2026, 3, 31), nation=Nation.ENGLAND_AND_WALES)
    expected = statutory_deadline(
        received=date(2026, 3, 31),
        request_kind=CLOCK_KIND[kind],
        calendar=current_calendar(Nation.ENGLAND_AND_WALES),
    )
    assert deadline_for(case) == expected


def test_a_complaint_counts_30_days_from_the_day_after_receipt_and_never_extends_or_pauses() -> None:
    case = Case(kind=ComplaintKind.COMPLAINT, received_on=date(2026, 11, 26), nation=Nation.ENGLAND_AND_WALES)
    deadline = deadline_for(case)
    assert (deadline.start, deadline.due, deadline.extended_due) == (date(2026, 11, 27), date(2026, 12, 29), None)
    rules = regime_for(ComplaintKind.COMPLAINT)
    assert not rules.can_extend(ComplaintKind.COMPLAINT)
    assert not clock_stops_for_clarification(case)


def test_a_complaint_moves_through_its_own_states() -> None:
    rules = regime_for(ComplaintKind.COMPLAINT)
    assert rules.can_move(CaseState.RECEIVED, CaseState.RESPONDED)  # resolved inside 30 days: no acknowledgement
    assert not rules.can_move(CaseState.RECEIVED, CaseState.AWAITING_ID)
    assert not rules.can_move(CaseState.IN_PROGRESS, CaseState.EXTENDED)
    assert regime_for(CaseKind.ACCESS).can_move(CaseState.RECEIVED, CaseState.AWAITING_ID)
