"""Bank holidays of each UK nation, read from the gov.uk ``bank-holidays.json`` feed (spec §1.1 R1.4).

A statutory deadline that falls on a weekend or a bank holiday moves to the next working day (ICO right of
access guidance, "What should we consider when responding to a request?", Dec 2025), and the holidays
differ between England and Wales, Scotland and Northern Ireland. The holidays are data, not code: the
shipped file (``data/bank-holidays.json``) is a copy of https://www.gov.uk/bank-holidays.json and a council
can load a newer one. No Django imports.

The years a calendar covers are the years in which the feed lists at least one event for that nation (every
nation has New Year's Day, so a published year always has events). A date in any other year is an error,
never a guess: gov.uk publishes substitute days and one-off holidays (a coronation, a jubilee) that no rule
can predict.
"""

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

SHIPPED_FEED = Path(__file__).parent / "data" / "bank-holidays.json"
EVENT_FIELDS = {"title": str, "date": str, "notes": str, "bunting": bool}
SATURDAY = 5
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Nation(StrEnum):
    """A UK bank-holiday division; the values are the gov.uk feed's keys."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"


class CalendarError(ValueError):
    """A bank-holiday feed that is not in the gov.uk format; ``problems`` lists every fault found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


class OutsideCalendarError(ValueError):
    """A date in a year the loaded bank-holiday calendar does not cover."""


@dataclass(frozen=True)
class BankHolidayCalendar:
    nation: Nation
    holidays: frozenset[date]
    years: frozenset[int]

    def covers(self, day: date) -> bool:
        """Whether ``day`` falls in a year this calendar lists holidays for."""
        return day.year in self.years

    def describe_years(self) -> str:
        """The years covered as ranges, e.g. "2024-2027" or "2018-2020, 2024"."""
        return describe_years(self.years)


def describe_years(years: frozenset[int] | set[int]) -> str:
    """Consecutive years joined into ranges: {2024, 2025, 2026, 2028} -> "2024-2026, 2028"."""
    ranges: list[list[int]] = []
    for year in sorted(years):
        if ranges and year == ranges[-1][-1] + 1:
            ranges[-1].append(year)
        else:
            ranges.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in ranges) or "none"


def is_working_day(day: date, calendar: BankHolidayCalendar) -> bool:
    """Monday to Friday and not a bank holiday in ``calendar``; OutsideCalendarError outside its years."""
    if not calendar.covers(day):
        raise OutsideCalendarError(
            f"{day.isoformat()} is outside the bank-holiday calendar for {calendar.nation.value}, "
            f"which covers {calendar.describe_years()}; load a newer gov.uk bank-holidays.json"
        )
    return day.weekday() < SATURDAY and day not in calendar.holidays


def next_working_day_on_or_after(day: date, calendar: BankHolidayCalendar) -> date:
    """``day`` itself if it is a working day, else the first working day after it (R1.4)."""
    while not is_working_day(day, calendar):
        day += timedelta(days=1)
    return day


def parse_gov_uk_feed(data: Any) -> dict[Nation, BankHolidayCalendar]:
    """Every nation's calendar from a decoded gov.uk feed; CalendarError naming each fault otherwise.

    The feed must have exactly the three divisions, each ``{"division": <its key>, "events": [...]}`` with at
    least one event, and every event ``{"title": str, "date": "YYYY-MM-DD", "notes": str, "bunting": bool}``.
    """
    if not isinstance(data, dict):
        raise CalendarError([f"the feed must be a JSON object keyed by division, not {_json_type(data)}"])
    problems: list[str] = []
    expected = {nation.value for nation in Nation}
    problems += [f"missing division {key!r}" for key in sorted(expected - data.keys())]
    problems += [f"unknown division {key!r}" for key in sorted(data.keys() - expected, key=str)]
    calendars: dict[Nation, BankHolidayCalendar] = {}
    for nation in Nation:
        if nation.value in data:
            holidays = _division_holidays(nation, data[nation.value], problems)
            calendars[nation] = BankHolidayCalendar(
                nation=nation, holidays=frozenset(holidays), years=frozenset(d.year for d in holidays)
            )
    if problems:
        raise CalendarError(problems)
    return calendars


def read_gov_uk_feed(raw: bytes) -> dict[Nation, BankHolidayCalendar]:
    """Decode UTF-8 JSON bytes and parse them as a gov.uk feed; CalendarError if they are neither."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # tolerate a byte-order mark from Windows editors
    except UnicodeDecodeError:
        raise CalendarError(["the file is not UTF-8 text"]) from None
    except json.JSONDecodeError as error:
        raise CalendarError([f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"]) from None
    return parse_gov_uk_feed(data)


def shipped_calendars() -> dict[Nation, BankHolidayCalendar]:
    """The calendars of the gov.uk feed shipped with Pledge (the file is read once; each caller gets a copy)."""
    return dict(_read_shipped_feed())


@cache
def _read_shipped_feed() -> dict[Nation, BankHolidayCalendar]:
    return read_gov_uk_feed(SHIPPED_FEED.read_bytes())


def _division_holidays(nation: Nation, division: Any, problems: list[str]) -> list[date]:
    where = nation.value
    if not isinstance(division, dict):
        problems.append(f"{where}: must be an object with 'division' and 'events', not {_json_type(division)}")
        return []
    if division.get("division") != nation.value:
        problems.append(f"{where}.division: must be {nation.value!r}, not {division.get('division')!r}")
    events = division.get("events")
    if not isinstance(events, list):
        problems.append(f"{where}.events: must be a list of events, not {_json_type(events)}")
        return []
    if not events:
        problems.append(f"{where}.events: lists no bank holidays, so it covers no years")
    holidays = [_event_date(event, f"{where}.events[{index}]", problems) for index, event in enumerate(events)]
    return [day for day in holidays if day is not None]


def _event_date(event: Any, where: str, problems: list[str]) -> date | None:
    if not isinstance(event, dict):
        problems.append(f"{where}: must be an object, not {_json_type(event)}")
        return None
    faults = [
        f"{where}.{field}: must be {_json_name(kind)}, not {_json_type(event.get(field))}"
        for field, kind in EVENT_FIELDS.items()
        if not isinstance(event.get(field), kind)
    ]
    problems.extend(faults)
    if not isinstance(event.get("date"), str):
        return None
    try:
        day = date.fromisoformat(event["date"]) if ISO_DATE.fullmatch(event["date"]) else None
    except ValueError:
        day = None
    if day is None:
        problems.append(f"{where}.date: {event['date']!r} is not a date in the form YYYY-MM-DD")
        return None
    return None if faults else day


def _json_name(kind: type) -> str:
    return {str: "a string", bool: "true or false"}[kind]


def _json_type(value: Any) -> str:
    if value is None:
        return "null (or missing)"
    names = {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
