"""R1.6: an extension runs three months from the start; the requester must hear of it within the first month."""

from datetime import date

from pledge.law.calendar import Nation, shipped_calendars
from pledge.law.deadlines import statutory_deadline

ENGLAND = shipped_calendars()[Nation.ENGLAND_AND_WALES]


def test_an_unextended_request_is_due_after_one_month_and_shows_what_an_extension_would_allow() -> None:
    deadline = statutory_deadline(received=date(2026, 11, 30), calendar=ENGLAND)

    assert deadline.due == date(2026, 12, 30)
    assert deadline.extended_due == date(2027, 3, 1)
    assert deadline.extension_notice_by == date(2026, 12, 30)


def test_an_extended_request_is_due_three_months_from_the_start_not_from_receipt() -> None:
    deadline = statutory_deadline(
        received=date(2026, 6, 10), id_received=date(2026, 6, 15), extended=True, calendar=ENGLAND
    )

    assert deadline.due == date(2026, 9, 15)
    assert deadline.extension_notice_by == date(2026, 7, 15)


def test_the_extended_due_date_rolls_to_a_working_day() -> None:
    # 31 May 2026 + 3 months = Mon 31 Aug 2026, the Summer bank holiday.
    deadline = statutory_deadline(received=date(2026, 5, 31), extended=True, calendar=ENGLAND)

    assert deadline.due == date(2026, 9, 1)


def test_the_extension_notice_date_rolls_like_the_one_month_deadline() -> None:
    # Raw one-month date Sat 3 Oct 2026.
    deadline = statutory_deadline(received=date(2026, 9, 3), extended=True, calendar=ENGLAND)

    assert deadline.extension_notice_by == date(2026, 10, 5)
    assert deadline.due == date(2026, 12, 3)


def test_an_unextended_request_near_the_end_of_the_calendar_still_gets_its_deadline() -> None:
    from datetime import date

    from pledge.law.calendar import parse_gov_uk_feed
    from pledge.law.deadlines import statutory_deadline

    feed = {
        nation: {
            "division": nation,
            "events": [{"title": "New Year", "date": "2027-01-01", "notes": "", "bunting": True}],
        }
        for nation in ("england-and-wales", "scotland", "northern-ireland")
    }
    calendar = parse_gov_uk_feed(feed)[next(iter(parse_gov_uk_feed(feed)))]
    deadline = statutory_deadline(received=date(2027, 11, 1), calendar=calendar)
    assert deadline.due == date(2027, 12, 1)
    assert deadline.extended_due is None
