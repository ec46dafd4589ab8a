"""R1.7/R1.13: clarification stops the clock for access requests received from 5 Feb 2026, and for no others."""

from datetime import date
from typing import Any

import pytest

from pledge.law.calendar import Nation, shipped_calendars
from pledge.law.deadlines import Pause, RequestKind, paused_days, statutory_deadline

ENGLAND = shipped_calendars()[Nation.ENGLAND_AND_WALES]
MARCH_PAUSE = (date(2026, 3, 5), date(2026, 3, 12))


def test_a_pause_counts_both_its_first_and_last_day_by_default() -> None:
    deadline = statutory_deadline(received=date(2026, 3, 2), pauses=[MARCH_PAUSE], calendar=ENGLAND)

    assert deadline.paused_days == 8
    assert deadline.due == date(2026, 4, 10)


def test_exclusive_counting_can_be_chosen() -> None:
    deadline = statutory_deadline(
        received=date(2026, 3, 2), pauses=[MARCH_PAUSE], inclusive_pause=False, calendar=ENGLAND
    )

    assert deadline.paused_days == 7
    assert deadline.due == date(2026, 4, 9)


def test_a_clarification_answered_the_day_it_was_asked_pauses_one_day() -> None:
    deadline = statutory_deadline(
        received=date(2026, 3, 2), pauses=[(date(2026, 3, 5), date(2026, 3, 5))], calendar=ENGLAND
    )

    assert deadline.paused_days == 1
    assert deadline.due == date(2026, 4, 7)  # 2 Apr + 1 = Good Friday 3 Apr; then the weekend and Easter Monday


def test_several_pauses_add_up_in_any_order() -> None:
    pauses = [Pause(date(2026, 3, 20), date(2026, 3, 24)), Pause(date(2026, 3, 5), date(2026, 3, 12))]

    deadline = statutory_deadline(received=date(2026, 3, 2), pauses=pauses, calendar=ENGLAND)

    assert deadline.paused_days == 8 + 5
    assert deadline.due == date(2026, 4, 15)


def test_pauses_also_move_the_extended_due_date_and_the_extension_notice() -> None:
    deadline = statutory_deadline(received=date(2026, 3, 2), pauses=[MARCH_PAUSE], extended=True, calendar=ENGLAND)

    assert deadline.extension_notice_by == date(2026, 4, 10)
    assert deadline.due == deadline.extended_due == date(2026, 6, 10)


@pytest.mark.parametrize("kind", [kind for kind in RequestKind if kind is not RequestKind.ACCESS])
def test_pauses_are_ignored_for_every_request_other_than_access(kind) -> None:
    deadline = statutory_deadline(received=date(2026, 3, 2), pauses=[MARCH_PAUSE], request_kind=kind, calendar=ENGLAND)

    assert deadline.paused_days == 0
    assert deadline.due == date(2026, 4, 2)


def test_a_kind_given_as_plain_text_is_understood() -> None:
    kind: Any = "access"  # as a form or a database column would give it

    assert paused_days(received=date(2026, 3, 2), start=date(2026, 3, 2), pauses=[MARCH_PAUSE], request_kind=kind) == 8


def test_pauses_are_ignored_for_an_access_request_received_before_5_february_2026() -> None:
    deadline = statutory_deadline(
        received=date(2026, 2, 4), pauses=[(date(2026, 2, 6), date(2026, 2, 10))], calendar=ENGLAND
    )

    assert deadline.paused_days == 0
    assert deadline.due == date(2026, 3, 4)


def test_pauses_apply_to_an_access_request_received_on_5_february_2026() -> None:
    deadline = statutory_deadline(
        received=date(2026, 2, 5), pauses=[(date(2026, 2, 6), date(2026, 2, 10))], calendar=ENGLAND
    )

    assert deadline.paused_days == 5
    assert deadline.due == date(2026, 3, 10)


def test_only_the_days_after_the_clock_started_are_paused() -> None:
    # Clarification asked on 2 Jun and answered on 12 Jun; identity only confirmed on 8 Jun, so the clock ran
    # from 8 Jun and was stopped for 8-12 Jun inclusive: 5 days.
    deadline = statutory_deadline(
        received=date(2026, 6, 1),
        id_received=date(2026, 6, 8),
        pauses=[(date(2026, 6, 2), date(2026, 6, 12))],
        calendar=ENGLAND,
    )

    assert deadline.paused_days == 5
    assert deadline.due == date(2026, 7, 13)


def test_a_pause_wholly_before_the_clock_started_adds_nothing() -> None:
    deadline = statutory_deadline(
        received=date(2026, 6, 1),
        id_received=date(2026, 6, 8),
        pauses=[(date(2026, 6, 2), date(2026, 6, 5))],
        calendar=ENGLAND,
    )

    assert deadline.paused_days == 0


def test_it_refuses_a_pause_that_ends_before_it_starts() -> None:
    with pytest.raises(ValueError, match=r"a pause ends \(2026-03-04\) before it starts \(2026-03-05\)"):
        statutory_deadline(received=date(2026, 3, 2), pauses=[(date(2026, 3, 5), date(2026, 3, 4))], calendar=ENGLAND)


def test_it_refuses_a_pause_that_starts_before_the_request_arrived() -> None:
    with pytest.raises(ValueError, match=r"a pause starts \(2026-03-01\) before the request was received"):
        statutory_deadline(received=date(2026, 3, 2), pauses=[(date(2026, 3, 1), date(2026, 3, 4))], calendar=ENGLAND)


def test_it_refuses_overlapping_pauses_which_would_count_days_twice() -> None:
    pauses = [(date(2026, 3, 5), date(2026, 3, 12)), (date(2026, 3, 12), date(2026, 3, 14))]

    with pytest.raises(ValueError, match="pauses overlap: 2026-03-05:2026-03-12 and 2026-03-12:2026-03-14"):
        statutory_deadline(received=date(2026, 3, 2), pauses=pauses, calendar=ENGLAND)


def test_it_refuses_a_bad_pause_even_for_a_request_the_pause_does_not_apply_to() -> None:
    with pytest.raises(ValueError, match="a pause ends"):
        statutory_deadline(
            received=date(2026, 3, 2),
            pauses=[(date(2026, 3, 5), date(2026, 3, 4))],
            request_kind=RequestKind.ERASURE,
            calendar=ENGLAND,
        )
