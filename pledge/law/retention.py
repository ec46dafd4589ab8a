"""When a retention period ends, and whether a record is still inside it (UK GDPR Art 5(1)(e); spec §10).

A retention rule in the register (``register.RetentionRule``) is a trigger event (account closed, case closed, date
of birth...) plus a period in years, months and days, then an action. The spec's platform rule (uk-rules.md §10):
"due for disposal = trigger date + period (end of day)", so a record is still under retention on the day its
period ends, and may be disposed of from the next day. The rule's ``source`` (statute or the IRMS/LGA retention
guidelines a council's schedule follows) is what a plan cites when it keeps a record (Art 17(3)(b), promise P053).

Calendar arithmetic: years and months are added as calendar months, clamped to the end of a shorter month, the way
the Art 12(3) clock counts (``pledge.law.deadlines.add_calendar_months``): 31 January + 1 month is 28 (or 29)
February, and 29 February + 1 year is 28 February. Days are then added as plain days. A record whose trigger has not
happened yet (an account still open, so no closing date) has not started its period, and is under retention.

No Django imports.
"""

from dataclasses import dataclass
from datetime import date, datetime

from pledge.law.deadlines import add_calendar_months

# How systems write dates in a trigger column, tried in order after ISO 8601.
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%Y/%m/%d", "%d %B %Y", "%d %b %Y")


def retention_ends(*, trigger_date: date, years: int = 0, months: int = 0, days: int = 0) -> date:
    """The last day of the retention period: ``trigger_date`` plus the period, month ends clamped (29 Feb -> 28 Feb)."""
    if min(years, months, days) < 0:
        raise ValueError("A retention period cannot be negative")
    ends = add_calendar_months(trigger_date, years * 12 + months)
    return date.fromordinal(ends.toordinal() + days)


def is_under_retention(
    *, trigger_date: date | None, today: date, years: int = 0, months: int = 0, days: int = 0
) -> bool:
    """True while the record must be kept: its trigger has not happened yet, or ``today`` is on or before the end."""
    if trigger_date is None:
        return True
    return today <= retention_ends(trigger_date=trigger_date, years=years, months=months, days=days)


def parse_trigger_date(value: object) -> date | None:
    """The date a system holds in a trigger column (date, datetime, ISO or UK text); None when empty or unreadable.

    An unreadable date is treated like a trigger that has not happened: the caller keeps the record (the safe way
    round: a wrong date must never make a record disposable).
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


@dataclass(frozen=True)
class RetentionVerdict:
    """Whether one record is under its rule, until when, and the sentence that says so (for plans and letters)."""

    under_retention: bool
    ends_on: date | None  # None while the trigger has not happened
    explanation: str


def retention_verdict(
    *,
    rule_name: str,
    trigger_text: str,
    source: str,
    trigger_value: object,
    today: date,
    years: int = 0,
    months: int = 0,
    days: int = 0,
) -> RetentionVerdict:
    """The verdict for one record under one rule, with a plain-English reason citing the rule and its source."""
    trigger = parse_trigger_date(trigger_value)
    cited = f"{rule_name} ({source})" if source else rule_name
    if trigger is None:
        return RetentionVerdict(
            True, None, f"Kept under the retention rule {cited}: the period starts when {trigger_text}, not yet."
        )
    ends = retention_ends(trigger_date=trigger, years=years, months=months, days=days)
    if today <= ends:
        return RetentionVerdict(True, ends, f"Kept under the retention rule {cited} until {ends:%-d %B %Y}.")
    return RetentionVerdict(False, ends, f"The retention period under {cited} ended on {ends:%-d %B %Y}.")
