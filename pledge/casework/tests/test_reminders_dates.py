"""Which day a case's deadline reminders fall on: N working days before the due date, and the first working day after.

Dates are England and Wales 2026 from the shipped gov.uk feed: Good Friday 3 April and Easter Monday 6 April,
Christmas Day Friday 25 December and Boxing Day's substitute Monday 28 December.
"""

from datetime import date, timedelta

import pytest

from pledge.casework.models import ReminderKind
from pledge.casework.reminders import reminder_due
from pledge.law.calendar import BankHolidayCalendar, Nation, OutsideCalendarError, is_working_day, shipped_calendars

ENGLAND = shipped_calendars()[Nation.ENGLAND_AND_WALES]
SCOTLAND = shipped_calendars()[Nation.SCOTLAND]


def reminder(today: date, due: date, *, working_days: int = 5, calendar: BankHolidayCalendar = ENGLAND) -> str | None:
    kind = reminder_due(today=today, due=due, calendar=calendar, working_days=working_days)
    return None if kind is None else kind.value


@pytest.mark.parametrize(
    ("today", "due", "expected"),
    [
        # A plain week: Monday 9 March for Monday 16 March (Tue, Wed, Thu, Fri, Mon).
        (date(2026, 3, 9), date(2026, 3, 16), "due_soon"),
        (date(2026, 3, 10), date(2026, 3, 16), None),
        (date(2026, 3, 6), date(2026, 3, 16), None),
        # Across Easter: Wednesday 1 April for Friday 10 April (Thu 2, Tue 7, Wed 8, Thu 9, Fri 10).
        (date(2026, 4, 1), date(2026, 4, 10), "due_soon"),
        (date(2026, 4, 2), date(2026, 4, 10), None),
        (date(2026, 3, 31), date(2026, 4, 10), None),
        # Across Christmas: Friday 18 December for Tuesday 29 December (Mon 21 to Thu 24, Tue 29).
        (date(2026, 12, 18), date(2026, 12, 29), "due_soon"),
        (date(2026, 12, 21), date(2026, 12, 29), None),
        # Overdue: due Thursday 2 April, first working day after is Tuesday 7 April.
        (date(2026, 4, 2), date(2026, 4, 2), None),
        (date(2026, 4, 3), date(2026, 4, 2), None),
        (date(2026, 4, 4), date(2026, 4, 2), None),
        (date(2026, 4, 6), date(2026, 4, 2), None),
        (date(2026, 4, 7), date(2026, 4, 2), "overdue"),
        (date(2026, 4, 8), date(2026, 4, 2), None),
        # Due on a Friday: overdue on the Monday, not on the weekend.
        (date(2026, 3, 14), date(2026, 3, 13), None),
        (date(2026, 3, 16), date(2026, 3, 13), "overdue"),
        # Due Thursday 24 December: overdue on Tuesday 29 December.
        (date(2026, 12, 29), date(2026, 12, 24), "overdue"),
        (date(2026, 12, 28), date(2026, 12, 24), None),
    ],
)
def test_it_picks_the_reminder_day(today: date, due: date, expected: str | None) -> None:
    assert reminder(today, due) == expected


def test_it_sends_nothing_on_a_weekend_or_bank_holiday() -> None:
    for today in (date(2026, 4, 3), date(2026, 4, 4), date(2026, 4, 5), date(2026, 4, 6)):
        for due in (today + timedelta(days=n) for n in range(-10, 20)):
            assert reminder(today, due) is None


def test_it_honours_a_different_number_of_working_days() -> None:
    assert reminder(date(2026, 4, 2), date(2026, 4, 8), working_days=2) == "due_soon"
    assert reminder(date(2026, 4, 1), date(2026, 4, 10), working_days=2) is None
    assert reminder(date(2026, 4, 10), date(2026, 4, 10), working_days=0) == "due_soon"


def test_it_uses_the_nation_of_the_case() -> None:
    # Scotland has no Easter Monday holiday: 5 working days before Friday 10 April is Thursday 2 April.
    assert reminder(date(2026, 4, 2), date(2026, 4, 10), calendar=SCOTLAND) == "due_soon"
    assert reminder(date(2026, 4, 6), date(2026, 4, 2), calendar=SCOTLAND) == "overdue"


def test_a_day_outside_the_calendar_is_an_error_not_a_guess() -> None:
    with pytest.raises(OutsideCalendarError):
        reminder(date(2030, 1, 7), date(2030, 1, 14))


@pytest.mark.parametrize("working_days", [1, 5, 10])
@pytest.mark.parametrize("nation", list(Nation))
def test_every_due_date_gets_exactly_one_reminder_of_each_kind_on_the_right_working_day(
    nation: Nation, working_days: int
) -> None:
    calendar = shipped_calendars()[nation]
    due = date(2025, 2, 1)
    while due < date(2027, 11, 1):
        if is_working_day(due, calendar):
            days = [due + timedelta(days=n) for n in range(-40, 20)]
            kinds = {
                day: reminder_due(today=day, due=due, calendar=calendar, working_days=working_days) for day in days
            }
            [soon] = [day for day, kind in kinds.items() if kind == ReminderKind.DUE_SOON]
            [late] = [day for day, kind in kinds.items() if kind == ReminderKind.OVERDUE]
            between = [soon + timedelta(days=n) for n in range(1, (due - soon).days + 1)]
            assert is_working_day(soon, calendar)
            assert sum(is_working_day(day, calendar) for day in between) == working_days
            assert late > due and is_working_day(late, calendar)
            assert not any(is_working_day(due + timedelta(days=n), calendar) for n in range(1, (late - due).days))
        due += timedelta(days=1)
