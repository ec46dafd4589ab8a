"""FOI, EIR and FOISA clocks (uk-rules.md §13): working days UK-wide, day 1 the first working day after receipt."""

from datetime import date

import pytest

from pledge.law.calendar import Nation, OutsideCalendarError, shipped_calendars
from pledge.law.foi import (
    FeePause,
    ReceiptRule,
    Regime,
    internal_review_due,
    nth_working_day_after,
    request_clock,
    within_time,
    working_days_between,
    working_days_for,
)

CALENDARS = shipped_calendars()
UK = working_days_for(Regime.FOI, CALENDARS)
SCOTLAND = working_days_for(Regime.FOISA, CALENDARS)


def clock(received: date, **kwargs):
    return request_clock(regime=kwargs.pop("regime", Regime.FOI), received=received, calendar=UK, **kwargs)


def test_a_request_received_on_14_may_2025_is_due_on_12_june_skipping_the_spring_bank_holiday() -> None:
    assert clock(date(2025, 5, 14)).due == date(2025, 6, 12)


def test_a_scottish_bank_holiday_is_a_non_working_day_for_an_english_council_under_foia() -> None:
    # 2 Jan 2026 is a bank holiday in Scotland only; FOIA s.10(6) counts a holiday in any part of the UK.
    assert clock(date(2025, 12, 8)).due == date(2026, 1, 9)


def test_an_england_only_calendar_would_give_a_day_earlier_which_is_why_foi_uses_the_union() -> None:
    england = CALENDARS[Nation.ENGLAND_AND_WALES]
    assert date(2026, 1, 2) not in england.holidays
    assert date(2026, 1, 2) in UK.holidays


def test_northern_ireland_holidays_count_too() -> None:
    assert not UK.is_working_day(date(2026, 3, 17))  # St Patrick's Day
    assert not UK.is_working_day(date(2025, 7, 14))  # Battle of the Boyne (substitute day)


def test_an_eir_extension_runs_to_the_fortieth_working_day() -> None:
    eir = clock(date(2025, 12, 8), regime=Regime.EIR, extended=True)
    assert eir.due == date(2026, 1, 9)
    assert eir.extended_due == date(2026, 2, 6)
    assert eir.extension_notice_by == eir.due


def test_a_foi_public_interest_extension_is_an_estimate_twenty_working_days_past_the_deadline_by_default() -> None:
    foi = clock(date(2025, 5, 14), extended=True)
    assert foi.extended_due == nth_working_day_after(date(2025, 6, 12), 20, UK)
    assert foi.extension_notice_by == date(2025, 6, 12)  # the s.17 notice is still due on day 20


def test_the_public_interest_estimate_is_configurable() -> None:
    foi = clock(date(2025, 5, 14), extended=True, public_interest_extra_days=10)
    assert foi.extended_due == nth_working_day_after(date(2025, 6, 12), 10, UK)


def test_without_an_extension_there_is_no_extended_date_or_notice() -> None:
    foi = clock(date(2025, 5, 14))
    assert foi.extended_due is None and foi.extension_notice_by is None


def test_a_request_received_on_a_saturday_counts_from_the_next_monday_as_day_one() -> None:
    # Sat 10 May 2025: day 1 is Mon 12 May, the same as a request received on Fri 9 May.
    assert clock(date(2025, 5, 10)).due == clock(date(2025, 5, 9)).due


def test_the_next_working_day_receipt_rule_gives_one_working_day_more() -> None:
    ico = clock(date(2025, 5, 10))
    council = clock(date(2025, 5, 10), receipt_rule=ReceiptRule.NEXT_WORKING_DAY)
    assert council.counted_from == date(2025, 5, 12)
    assert council.due == nth_working_day_after(ico.due, 1, UK)


def test_the_next_working_day_rule_changes_nothing_for_a_request_received_on_a_working_day() -> None:
    assert clock(date(2025, 5, 14), receipt_rule=ReceiptRule.NEXT_WORKING_DAY).due == date(2025, 6, 12)


def test_a_paid_fees_notice_period_is_disregarded_with_both_ends_included() -> None:
    # Notice Mon 19 May, fee Wed 21 May 2025: three working days disregarded.
    paused = clock(
        date(2025, 5, 14), fee_pauses=[FeePause(notice_given=date(2025, 5, 19), fee_received=date(2025, 5, 21))]
    )
    assert paused.paused_working_days == 3
    assert paused.due == nth_working_day_after(date(2025, 6, 12), 3, UK)


def test_an_unpaid_fee_stops_the_clock_so_no_due_date_is_given() -> None:
    with pytest.raises(ValueError, match="unpaid"):
        clock(date(2025, 5, 14), fee_pauses=[FeePause(notice_given=date(2025, 5, 19), fee_received=None)])


def test_a_fees_notice_before_the_request_is_refused() -> None:
    with pytest.raises(ValueError, match="before the request"):
        clock(date(2025, 5, 14), fee_pauses=[FeePause(notice_given=date(2025, 5, 1), fee_received=date(2025, 5, 2))])


def test_a_clarified_request_is_a_new_request_with_a_fresh_clock() -> None:
    # The caller passes the clarification's date of receipt (FOIA s.1(3)); nothing carries over.
    assert clock(date(2025, 6, 2)).due == nth_working_day_after(date(2025, 6, 2), 20, UK)


def test_foisa_counts_scottish_bank_holidays_only() -> None:
    # 25 Aug 2025 is a holiday in England, Wales and NI but not in Scotland; 4 Aug is Scotland's summer holiday.
    assert SCOTLAND.is_working_day(date(2025, 8, 25))
    assert not SCOTLAND.is_working_day(date(2025, 8, 4))
    foisa = request_clock(regime=Regime.FOISA, received=date(2025, 8, 1), calendar=SCOTLAND)
    assert foisa.due == date(2025, 9, 1)
    assert clock(date(2025, 8, 1)).due == date(2025, 9, 2)  # FOIA skips both days


def test_which_nations_count_is_configuration() -> None:
    england_only = working_days_for(
        Regime.FOI, CALENDARS, non_working_nations={Regime.FOI: frozenset({Nation.ENGLAND_AND_WALES})}
    )
    assert request_clock(regime=Regime.FOI, received=date(2025, 12, 8), calendar=england_only).due == date(2026, 1, 8)


def test_a_regime_with_no_nations_configured_is_an_error() -> None:
    with pytest.raises(ValueError, match="no nations"):
        working_days_for(Regime.EIR, CALENDARS, non_working_nations={Regime.EIR: frozenset()})


def test_christmas_day_and_good_friday_are_never_working_days() -> None:
    assert not UK.is_working_day(date(2026, 12, 25))
    assert not UK.is_working_day(date(2026, 4, 3))


def test_a_date_outside_the_loaded_years_is_an_error_not_a_guess() -> None:
    with pytest.raises(OutsideCalendarError, match="2028"):
        clock(date(2027, 12, 20))


def test_working_days_between_counts_both_ends_and_refuses_a_backwards_period() -> None:
    assert working_days_between(date(2025, 5, 19), date(2025, 5, 19), UK) == 1
    assert working_days_between(date(2025, 5, 23), date(2025, 5, 27), UK) == 2  # Fri, (Sat, Sun, BH Mon), Tue
    with pytest.raises(ValueError, match="before it begins"):
        working_days_between(date(2025, 5, 20), date(2025, 5, 19), UK)


def test_nth_working_day_after_needs_a_positive_count() -> None:
    with pytest.raises(ValueError):
        nth_working_day_after(date(2025, 5, 14), 0, UK)


def test_an_internal_review_is_due_twenty_working_days_after_it_was_asked_for() -> None:
    assert internal_review_due(date(2025, 5, 14), UK) == date(2025, 6, 12)


def test_an_answer_on_the_deadline_is_in_time_and_a_day_later_is_not() -> None:
    foi = clock(date(2025, 5, 14))
    assert within_time(answered=date(2025, 6, 12), clock=foi)
    assert not within_time(answered=date(2025, 6, 13), clock=foi)


def test_an_answer_inside_an_eir_extension_is_in_time() -> None:
    eir = clock(date(2025, 12, 8), regime=Regime.EIR, extended=True)
    assert within_time(answered=date(2026, 2, 6), clock=eir)
