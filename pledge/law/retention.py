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

Some periods run not from the event itself but from the end of the financial year (1 April to 31 March: council
tax, VAT, accounts) or of the tax year (6 April to 5 April: payroll, PAYE records) in which it happened (uk-rules.md
§10: "current year plus 6 years"). ``period_starts`` moves a trigger date to that year end; ``disposal_due`` is the
first day a record may be disposed of, the day after its period ends, which is what a disposal run compares.

No Django imports.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime

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
    return _email_date(text)


def _email_date(text: str) -> date | None:
    """An email's Date header (RFC 5322: 'Sun, 01 Mar 2026 09:00:00 +0000'), as a mailbox connector gives it."""
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


# Anchors a period can count from instead of the trigger date itself.
END_OF_FINANCIAL_YEAR = "end_of_financial_year"  # 31 March (Local Government Finance Act 1992; Accounts and Audit)
END_OF_TAX_YEAR = "end_of_tax_year"  # 5 April (Income Tax (PAYE) Regulations 2003 reg 97)


def end_of_financial_year(day: date) -> date:
    """31 March ending the financial year (1 April to 31 March) that ``day`` falls in."""
    return date(day.year if day.month <= 3 else day.year + 1, 3, 31)


def end_of_tax_year(day: date) -> date:
    """5 April ending the tax year (6 April to 5 April) that ``day`` falls in."""
    in_next = (day.month, day.day) > (4, 5)
    return date(day.year + 1 if in_next else day.year, 4, 5)


def period_starts(*, trigger_date: date, anchor: str = "") -> date:
    """The day a period counts from: the trigger date, or the end of its financial or tax year for those anchors."""
    if anchor == END_OF_FINANCIAL_YEAR:
        return end_of_financial_year(trigger_date)
    if anchor == END_OF_TAX_YEAR:
        return end_of_tax_year(trigger_date)
    if anchor:
        raise ValueError(f"Unknown retention anchor {anchor!r}")
    return trigger_date


def disposal_due(
    *, trigger_date: date | None, years: int = 0, months: int = 0, days: int = 0, anchor: str = ""
) -> date | None:
    """The first day a record may be disposed of (the day after its period ends); None while the trigger has not
    happened, so a record with no trigger date is never due."""
    if trigger_date is None:
        return None
    start = period_starts(trigger_date=trigger_date, anchor=anchor)
    return retention_ends(trigger_date=start, years=years, months=months, days=days) + timedelta(days=1)


def is_overdue(*, due_on: date, today: date, grace_days: int) -> bool:
    """True when a due record is still held more than ``grace_days`` after it became due (the queue's backlog)."""
    return (today - due_on).days > grace_days


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
