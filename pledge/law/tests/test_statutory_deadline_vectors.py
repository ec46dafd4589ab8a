"""The 18 worked vectors of spec §1.3 (England and Wales), each a row: the due date at the end of the day."""

from datetime import date

import pytest

from pledge.law.calendar import BankHolidayCalendar, Nation, shipped_calendars
from pledge.law.deadlines import RequestKind, statutory_deadline

SHIPPED = shipped_calendars()[Nation.ENGLAND_AND_WALES]

# The shipped gov.uk feed stops at 2027; the spec lists the 2028 holidays "computed by rule, not yet published".
ENGLAND_2028 = BankHolidayCalendar(
    nation=Nation.ENGLAND_AND_WALES,
    holidays=frozenset(
        date(2028, month, day)
        for month, day in [(1, 3), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)]
    ),
    years=frozenset({2028}),
)

VECTORS = [
    # number, received, keyword arguments, calendar, start, due
    (1, date(2024, 1, 1), {}, SHIPPED, date(2024, 1, 1), date(2024, 2, 1)),
    (2, date(2024, 11, 25), {}, SHIPPED, date(2024, 11, 25), date(2024, 12, 27)),
    (3, date(2026, 9, 3), {}, SHIPPED, date(2026, 9, 3), date(2026, 10, 5)),
    (4, date(2026, 1, 31), {}, SHIPPED, date(2026, 1, 31), date(2026, 3, 2)),
    (5, date(2026, 1, 30), {}, SHIPPED, date(2026, 1, 30), date(2026, 3, 2)),
    (6, date(2028, 1, 31), {}, ENGLAND_2028, date(2028, 1, 31), date(2028, 2, 29)),
    (7, date(2028, 2, 29), {}, ENGLAND_2028, date(2028, 2, 29), date(2028, 3, 29)),
    (8, date(2027, 1, 29), {}, SHIPPED, date(2027, 1, 29), date(2027, 3, 1)),
    (9, date(2026, 3, 31), {}, SHIPPED, date(2026, 3, 31), date(2026, 4, 30)),
    (10, date(2026, 3, 6), {}, SHIPPED, date(2026, 3, 6), date(2026, 4, 7)),
    (11, date(2026, 4, 25), {}, SHIPPED, date(2026, 4, 25), date(2026, 5, 26)),
    (12, date(2026, 7, 31), {}, SHIPPED, date(2026, 7, 31), date(2026, 9, 1)),
    (13, date(2026, 11, 25), {}, SHIPPED, date(2026, 11, 25), date(2026, 12, 29)),
    (14, date(2026, 11, 28), {}, SHIPPED, date(2026, 11, 28), date(2026, 12, 29)),
    (15, date(2026, 11, 30), {"extended": True}, SHIPPED, date(2026, 11, 30), date(2027, 3, 1)),
    (16, date(2026, 10, 31), {"extended": True}, SHIPPED, date(2026, 10, 31), date(2027, 2, 1)),
    (
        17,
        date(2026, 3, 2),
        {"pauses": [(date(2026, 3, 5), date(2026, 3, 12))], "request_kind": RequestKind.ACCESS},
        SHIPPED,
        date(2026, 3, 2),
        date(2026, 4, 10),
    ),
    (18, date(2026, 6, 10), {"id_received": date(2026, 6, 15)}, SHIPPED, date(2026, 6, 15), date(2026, 7, 15)),
]


@pytest.mark.parametrize(
    ("received", "options", "calendar", "start", "due"),
    [pytest.param(*row[1:], id=f"vector-{row[0]}") for row in VECTORS],
)
def test_the_spec_vector_is_due_on_the_spec_date(received, options, calendar, start, due) -> None:
    deadline = statutory_deadline(received=received, calendar=calendar, **options)

    assert (deadline.start, deadline.due) == (start, due)


def test_vector_15_needs_the_extension_notice_by_wednesday_30_december_2026() -> None:
    deadline = statutory_deadline(received=date(2026, 11, 30), extended=True, calendar=SHIPPED)

    assert deadline.extension_notice_by == date(2026, 12, 30)


def test_vector_17_counts_eight_paused_days() -> None:
    deadline = statutory_deadline(
        received=date(2026, 3, 2), pauses=[(date(2026, 3, 5), date(2026, 3, 12))], calendar=SHIPPED
    )

    assert deadline.paused_days == 8


def test_the_shipped_calendar_refuses_the_2028_vectors() -> None:
    with pytest.raises(ValueError, match="outside the bank-holiday calendar for england-and-wales"):
        statutory_deadline(received=date(2028, 1, 31), calendar=SHIPPED)
