"""Loading a bank-holiday feed and finding the calendars in force. Other apps call these, not the model."""

import hashlib
from typing import Any

from django.db import transaction

from pledge.calendars.models import LoadedCalendar
from pledge.core import audit
from pledge.core.models import AuditAction
from pledge.law.calendar import BankHolidayCalendar, Nation, describe_years, read_gov_uk_feed, shipped_calendars


def load_calendar(*, data: bytes, source: str, actor: Any) -> LoadedCalendar:
    """Validate ``data`` as a gov.uk feed and make it the calendar in force, with an audit event.

    Raises ``CalendarError`` (listing every fault) before anything is saved when the feed is invalid.
    """
    calendars = read_gov_uk_feed(data)
    years = "; ".join(f"{nation.value} {calendar.describe_years()}" for nation, calendar in calendars.items())
    digest = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        event = audit.record(
            actor=actor,
            action=AuditAction.IMPORT,
            object_type="calendar",
            object_ref=source,
            summary=f"Loaded bank holidays (sha256 {digest[:12]}): {years}",
        )
        return LoadedCalendar.objects.create(
            raw_json=data.decode("utf-8"), source=source[:255], sha256=digest, loaded_by=event.actor_label
        )


def current_calendars() -> dict[Nation, BankHolidayCalendar]:
    """The calendars of the newest loaded feed, or of the feed shipped with Pledge when none has been loaded."""
    newest = LoadedCalendar.objects.order_by("-loaded_at", "-id").only("raw_json").first()
    if newest is None:
        return shipped_calendars()
    return read_gov_uk_feed(newest.raw_json.encode("utf-8"))


def current_calendar(nation: Nation) -> BankHolidayCalendar:
    """The calendar in force for one nation."""
    return current_calendars()[Nation(nation)]


def calendar_in_force() -> tuple[str, dict[Nation, str]]:
    """Where the calendars in force came from and the years each nation covers, for display."""
    newest = LoadedCalendar.objects.order_by("-loaded_at", "-id").first()
    origin = "the feed shipped with Pledge" if newest is None else str(newest)
    return origin, {nation: describe_years(calendar.years) for nation, calendar in current_calendars().items()}
