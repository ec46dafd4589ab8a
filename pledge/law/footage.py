"""When CCTV footage asked for in a subject access request is overwritten, and how urgent retrieving it is.

A person may ask for images of themselves under UK GDPR Art 15 like any other personal data. The ICO's guidance
on video surveillance (2022, "How can we comply with a subject access request?") says footage covered by a request
must not be deleted or overwritten once the request arrives if it still exists, and the Surveillance Camera Code of
Practice (Home Office, updated 2021, guiding principle 6) says images are kept no longer than the system's stated
retention period and then deleted. So the council has until the recorder overwrites the footage, not until the
one-month deadline, to retrieve and preserve it: a 31-day recorder can lose the footage before the response is due.

Recorders overwrite on a rolling basis: footage recorded at an instant is gone ``retention_days`` times 24 hours
later. That is elapsed time, so across a change between GMT and BST the local clock time it is overwritten at
moves by an hour, and footage recorded in the first hour after midnight can be overwritten on the day before the
calendar day ``retention_days`` later. No Django here: the caller passes aware datetimes and the local time zone.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
DEFAULT_WARNING_DAYS = 7
DEFAULT_MAX_WINDOW_HOURS = 24


class FootageUrgency(StrEnum):
    SAFE = "safe"  # more than the warning days left
    AT_RISK = "at_risk"  # overwritten within the warning days
    LAST_DAY = "last_day"  # overwritten later today
    PARTLY_OVERWRITTEN = "partly_overwritten"  # the start of the window is gone, the end is not yet
    OVERWRITTEN = "overwritten"  # the whole window is gone


NEEDS_ACTION = frozenset({FootageUrgency.AT_RISK, FootageUrgency.LAST_DAY, FootageUrgency.PARTLY_OVERWRITTEN})


def overwritten_at(*, recorded_at: datetime, retention_days: int) -> datetime:
    """The instant footage recorded at ``recorded_at`` (aware) is overwritten: ``retention_days`` x 24 hours later
    (Surveillance Camera Code of Practice principle 6: kept for the stated period, then deleted)."""
    if recorded_at.tzinfo is None:
        raise ValueError("recorded_at must be an aware datetime")
    if retention_days < 1:
        raise ValueError("retention_days must be at least 1")
    # Arithmetic in UTC is elapsed time; aware arithmetic in a ZoneInfo zone would be wall-clock time.
    return recorded_at.astimezone(ZoneInfo("UTC")) + timedelta(days=retention_days)


def overwritten_on(*, recorded_at: datetime, retention_days: int, tz: tzinfo = LONDON) -> date:
    """The local calendar day footage recorded at ``recorded_at`` is overwritten on."""
    return overwritten_at(recorded_at=recorded_at, retention_days=retention_days).astimezone(tz).date()


@dataclass(frozen=True)
class WindowStatus:
    urgency: FootageUrgency
    overwritten_at: datetime  # when the start of the window goes: the earliest footage is overwritten first
    overwritten_on: date  # its local day
    days_left: int  # whole days from today to that day; 0 on the day, negative once past


def window_status(
    *,
    start: datetime,
    end: datetime,
    retention_days: int,
    now: datetime,
    warning_days: int = DEFAULT_WARNING_DAYS,
    tz: tzinfo = LONDON,
) -> WindowStatus:
    """How urgent retrieving the footage of ``start``-``end`` is at ``now`` (ICO CCTV guidance: preserve footage
    a request covers before it is overwritten). SAFE, AT_RISK within ``warning_days`` days of the start's overwrite
    day, LAST_DAY on that day before the instant, PARTLY_OVERWRITTEN once the start is gone and OVERWRITTEN once
    the end is."""
    if warning_days < 0:
        raise ValueError("warning_days cannot be negative")
    first_gone = overwritten_at(recorded_at=start, retention_days=retention_days)
    last_gone = overwritten_at(recorded_at=end, retention_days=retention_days)
    gone_on = first_gone.astimezone(tz).date()
    days_left = (gone_on - now.astimezone(tz).date()).days
    if now >= last_gone:
        urgency = FootageUrgency.OVERWRITTEN
    elif now >= first_gone:
        urgency = FootageUrgency.PARTLY_OVERWRITTEN
    elif days_left == 0:
        urgency = FootageUrgency.LAST_DAY
    elif days_left <= warning_days:
        urgency = FootageUrgency.AT_RISK
    else:
        urgency = FootageUrgency.SAFE
    return WindowStatus(urgency=urgency, overwritten_at=first_gone, overwritten_on=gone_on, days_left=days_left)


def overwritten_before_receipt(*, end: datetime, retention_days: int, received_on: date, tz: tzinfo = LONDON) -> bool:
    """True when the whole window (its end is the last footage to go) was overwritten before the day the request
    was received, so nothing done after receipt could have kept it (the response says the footage no longer exists)."""
    last_gone = overwritten_at(recorded_at=end, retention_days=retention_days).astimezone(tz)
    return last_gone.date() < received_on


def window_problem(
    *,
    start: datetime,
    end: datetime,
    now: datetime,
    long_window_reason: str = "",
    max_hours: int = DEFAULT_MAX_WINDOW_HOURS,
) -> tuple[str, str] | None:
    """What is wrong with a window, as (which end, message), or None. The end comes after the start, neither is in
    the future, and a window longer than ``max_hours`` needs a reason: ICO CCTV guidance expects the requester to
    be asked for a date and time to search, and a search no wider than the request needs (data minimisation)."""
    if start > now:
        return "start", "The start of the window cannot be in the future"
    if end > now:
        return "end", "The end of the window cannot be in the future"
    if end <= start:
        return "end", "The end of the window must be after its start"
    if end - start > timedelta(hours=max_hours) and not long_window_reason.strip():
        return "long_window_reason", f"Give the reason the window is longer than {max_hours} hours"
    return None
