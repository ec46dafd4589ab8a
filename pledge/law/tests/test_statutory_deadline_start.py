"""R1.2/R1.8: the clock starts at the latest of receipt, identity, authority and fee; earlier dates are refused."""

from datetime import date
from typing import Any

import pytest

from pledge.law.calendar import Nation, shipped_calendars
from pledge.law.deadlines import clock_start, statutory_deadline

ENGLAND = shipped_calendars()[Nation.ENGLAND_AND_WALES]


def piece(field: str, day: date) -> dict[str, Any]:
    """Keyword arguments giving one of id_received, authority_received or fee_received."""
    return {field: day}


def test_without_other_dates_the_clock_starts_on_receipt() -> None:
    assert clock_start(received=date(2026, 6, 10)) == date(2026, 6, 10)


@pytest.mark.parametrize("field", ["id_received", "authority_received", "fee_received"])
def test_the_clock_starts_when_the_last_missing_piece_arrives(field) -> None:
    deadline = statutory_deadline(received=date(2026, 6, 10), calendar=ENGLAND, **piece(field, date(2026, 6, 15)))

    assert deadline.start == date(2026, 6, 15)
    assert deadline.due == date(2026, 7, 15)


def test_the_latest_of_identity_authority_and_fee_wins() -> None:
    start = clock_start(
        received=date(2026, 6, 1),
        id_received=date(2026, 6, 8),
        authority_received=date(2026, 6, 19),
        fee_received=date(2026, 6, 3),
    )

    assert start == date(2026, 6, 19)


def test_a_piece_arriving_the_same_day_as_the_request_changes_nothing() -> None:
    assert clock_start(received=date(2026, 6, 10), id_received=date(2026, 6, 10)) == date(2026, 6, 10)


@pytest.mark.parametrize("field", ["id_received", "authority_received", "fee_received"])
def test_it_refuses_a_piece_that_arrived_before_the_request(field) -> None:
    with pytest.raises(ValueError, match=rf"{field} \(2026-06-09\) is before the request was received \(2026-06-10\)"):
        statutory_deadline(received=date(2026, 6, 10), calendar=ENGLAND, **piece(field, date(2026, 6, 9)))
