"""``load_calendar`` and ``current_calendars``: the newest valid feed is in force, each load audited."""

import hashlib
import json
from datetime import date, timedelta

import pytest

from pledge.calendars.models import LoadedCalendar
from pledge.calendars.services import current_calendar, current_calendars, load_calendar
from pledge.calendars.tests.conftest import feed_with_2028
from pledge.core.models import AuditAction, AuditEvent, User
from pledge.law.calendar import SHIPPED_FEED, CalendarError, Nation, shipped_calendars

pytestmark = pytest.mark.django_db


def test_without_a_loaded_feed_the_shipped_calendars_are_in_force() -> None:
    assert current_calendars() == shipped_calendars()


def test_it_saves_the_feed_byte_for_byte_with_its_sha256_and_who_loaded_it(frozen_clock) -> None:
    data = json.dumps(feed_with_2028(), indent=2).encode("utf-8")

    loaded = load_calendar(data=data, source="bank-holidays-2028.json", actor="pledge calendar load")

    loaded.refresh_from_db()
    assert loaded.raw_json.encode("utf-8") == data
    assert loaded.sha256 == hashlib.sha256(data).hexdigest()
    assert loaded.source == "bank-holidays-2028.json"
    assert loaded.loaded_by == "pledge calendar load"
    assert loaded.loaded_at == frozen_clock


def test_a_loaded_feed_is_in_force_for_every_nation() -> None:
    load_calendar(data=json.dumps(feed_with_2028()).encode(), source="new.json", actor="test")

    assert current_calendar(Nation.SCOTLAND).years == {2024, 2025, 2026, 2027, 2028}
    assert date(2028, 5, 29) in current_calendars()[Nation.ENGLAND_AND_WALES].holidays


def test_it_writes_an_import_audit_event_naming_the_user_and_the_years() -> None:
    user = User.objects.create_user(username="dpo", password=None)
    data = SHIPPED_FEED.read_bytes()

    load_calendar(data=data, source="bank-holidays.json", actor=user)

    event = AuditEvent.objects.get()
    assert event.action == AuditAction.IMPORT
    assert event.object_type == "calendar"
    assert event.object_ref == "bank-holidays.json"
    assert event.actor == user
    assert event.summary == (
        f"Loaded bank holidays (sha256 {hashlib.sha256(data).hexdigest()[:12]}): "
        "england-and-wales 2024-2027; scotland 2024-2027; northern-ireland 2024-2027"
    )
    assert LoadedCalendar.objects.get().loaded_by == "dpo"


def test_the_newest_load_is_in_force(frozen_clock, time_machine) -> None:
    load_calendar(data=json.dumps(feed_with_2028()).encode(), source="with-2028.json", actor="test")
    time_machine.move_to(frozen_clock + timedelta(days=1), tick=False)
    load_calendar(data=SHIPPED_FEED.read_bytes(), source="shipped-again.json", actor="test")

    assert current_calendar(Nation.ENGLAND_AND_WALES).years == {2024, 2025, 2026, 2027}


def test_two_loads_in_the_same_instant_leave_the_later_one_in_force(frozen_clock) -> None:
    load_calendar(data=SHIPPED_FEED.read_bytes(), source="first.json", actor="test")
    load_calendar(data=json.dumps(feed_with_2028()).encode(), source="second.json", actor="test")

    assert 2028 in current_calendar(Nation.NORTHERN_IRELAND).years


def test_a_feed_with_a_byte_order_mark_is_accepted_and_kept_as_it_was() -> None:
    data = b"\xef\xbb\xbf" + SHIPPED_FEED.read_bytes()

    loaded = load_calendar(data=data, source="bom.json", actor="test")

    assert loaded.sha256 == hashlib.sha256(data).hexdigest()
    assert current_calendars() == shipped_calendars()


def test_an_invalid_feed_saves_nothing_and_audits_nothing() -> None:
    feed = feed_with_2028()
    feed["scotland"]["events"][0]["date"] = "2026-02-30"

    with pytest.raises(CalendarError, match=r"scotland.events\[0\].date: '2026-02-30' is not a date"):
        load_calendar(data=json.dumps(feed).encode(), source="bad.json", actor="test")

    assert not LoadedCalendar.objects.exists()
    assert not AuditEvent.objects.exists()
    assert current_calendars() == shipped_calendars()


def test_bytes_that_are_not_json_save_nothing() -> None:
    with pytest.raises(CalendarError, match="not valid JSON"):
        load_calendar(data=b"Date,Holiday\n2026-01-01,New Year", source="holidays.csv", actor="test")

    assert not LoadedCalendar.objects.exists()
