"""Reading the gov.uk bank-holidays.json format: every fault named, with where it is."""

import copy
import json
from datetime import date
from typing import Any

import pytest

from pledge.law.calendar import SHIPPED_FEED, CalendarError, Nation, parse_gov_uk_feed, read_gov_uk_feed


def small_feed() -> dict[str, Any]:
    """A valid feed: New Year's Day 2026 and 2027 for every nation, plus 2 January 2026 in Scotland."""

    def event(title: str, day: str) -> dict[str, Any]:
        return {"title": title, "date": day, "notes": "", "bunting": True}

    feed = {
        nation.value: {
            "division": nation.value,
            "events": [event("New Year’s Day", "2026-01-01"), event("New Year’s Day", "2027-01-01")],
        }
        for nation in Nation
    }
    feed["scotland"]["events"].append(event("2nd January", "2026-01-02"))
    return feed


def problems_of(feed: Any) -> list[str]:
    with pytest.raises(CalendarError) as error:
        parse_gov_uk_feed(feed)
    return error.value.problems


def test_it_reads_each_nations_holidays_and_years() -> None:
    calendars = parse_gov_uk_feed(small_feed())

    assert calendars[Nation.SCOTLAND].holidays == {date(2026, 1, 1), date(2027, 1, 1), date(2026, 1, 2)}
    assert calendars[Nation.ENGLAND_AND_WALES].holidays == {date(2026, 1, 1), date(2027, 1, 1)}
    assert calendars[Nation.NORTHERN_IRELAND].years == {2026, 2027}
    assert calendars[Nation.SCOTLAND].nation is Nation.SCOTLAND


def test_it_reads_the_shipped_file() -> None:
    calendars = read_gov_uk_feed(SHIPPED_FEED.read_bytes())

    assert date(2026, 11, 30) in calendars[Nation.SCOTLAND].holidays


def test_it_refuses_a_feed_that_is_not_an_object() -> None:
    assert problems_of([]) == ["the feed must be a JSON object keyed by division, not a list"]


def test_it_names_missing_and_unknown_divisions() -> None:
    feed = small_feed()
    del feed["northern-ireland"]
    feed["wales"] = feed["england-and-wales"]

    assert problems_of(feed) == ["missing division 'northern-ireland'", "unknown division 'wales'"]


def test_it_refuses_a_division_labelled_as_another() -> None:
    feed = small_feed()
    feed["scotland"]["division"] = "england-and-wales"

    assert problems_of(feed) == ["scotland.division: must be 'scotland', not 'england-and-wales'"]


def test_it_refuses_a_division_that_is_not_an_object() -> None:
    feed = small_feed()
    feed["scotland"] = ["2026-01-01"]

    assert problems_of(feed) == ["scotland: must be an object with 'division' and 'events', not a list"]


def test_it_refuses_events_that_are_not_a_list() -> None:
    feed = small_feed()
    feed["scotland"]["events"] = {"date": "2026-01-01"}

    assert problems_of(feed) == ["scotland.events: must be a list of events, not an object"]


def test_it_refuses_a_division_without_events_because_it_would_cover_no_years() -> None:
    feed = small_feed()
    feed["northern-ireland"]["events"] = []

    assert problems_of(feed) == ["northern-ireland.events: lists no bank holidays, so it covers no years"]


@pytest.mark.parametrize(
    ("bad_date", "problem"),
    [
        ("2026-02-30", "'2026-02-30' is not a date in the form YYYY-MM-DD"),
        ("30/11/2026", "'30/11/2026' is not a date in the form YYYY-MM-DD"),
        ("20261130", "'20261130' is not a date in the form YYYY-MM-DD"),
        ("2026-W48-1", "'2026-W48-1' is not a date in the form YYYY-MM-DD"),
        ("", "'' is not a date in the form YYYY-MM-DD"),
    ],
)
def test_it_refuses_a_bad_date_and_says_where_it_is(bad_date, problem) -> None:
    feed = small_feed()
    feed["scotland"]["events"][2]["date"] = bad_date

    assert problems_of(feed) == [f"scotland.events[2].date: {problem}"]


def test_it_refuses_events_with_missing_or_wrongly_typed_fields() -> None:
    feed = small_feed()
    events = feed["england-and-wales"]["events"]
    del events[0]["title"]
    events[1]["bunting"] = "yes"
    events[1]["date"] = 20270101
    events.append("2026-12-25")

    assert problems_of(feed) == [
        "england-and-wales.events[0].title: must be a string, not null (or missing)",
        "england-and-wales.events[1].date: must be a string, not a number",
        "england-and-wales.events[1].bunting: must be true or false, not a string",
        "england-and-wales.events[2]: must be an object, not a string",
    ]


def test_it_reports_every_fault_in_one_error() -> None:
    feed = copy.deepcopy(small_feed())
    feed["scotland"]["events"][0]["date"] = "2026-13-01"
    feed["northern-ireland"]["events"][1]["notes"] = None

    with pytest.raises(CalendarError) as error:
        parse_gov_uk_feed(feed)

    assert str(error.value) == (
        "scotland.events[0].date: '2026-13-01' is not a date in the form YYYY-MM-DD; "
        "northern-ireland.events[1].notes: must be a string, not null (or missing)"
    )


def test_it_refuses_bytes_that_are_not_json() -> None:
    with pytest.raises(CalendarError, match="not valid JSON: Expecting value at line 1 column 1"):
        read_gov_uk_feed(b"<html>Bank holidays</html>")


def test_it_refuses_bytes_that_are_not_utf8() -> None:
    with pytest.raises(CalendarError, match="not UTF-8"):
        read_gov_uk_feed(json.dumps(small_feed()).encode("utf-16"))


def test_a_calendar_error_is_a_value_error() -> None:
    assert issubclass(CalendarError, ValueError)
