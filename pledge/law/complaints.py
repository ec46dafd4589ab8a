"""Data protection complaints to the controller: DPA 2018 s.164A (inserted by DUAA 2025 s.103, from 19 June 2026).

s.164A(3): the controller must acknowledge receipt "before the end of the period of 30 days beginning when the
complaint is received". The ICO's guidance (12 Feb 2026) counts day 1 as the **day after** receipt, and moves a
deadline on a weekend or bank holiday to the next working day (uk-rules.md §9) — unlike the SAR month, where the
day of receipt is day 1. The investigation starts on receipt, and a complaint resolved within the period needs no
separate acknowledgement. The ICO expects a person to complain to it within 3 months of their last meaningful
contact with the organisation. The 30 days is a configurable default. No Django imports.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from pledge.law.calendar import BankHolidayCalendar, next_working_day_on_or_after
from pledge.law.deadlines import add_calendar_months

ACKNOWLEDGEMENT_DAYS = 30  # s.164A(3)
ICO_ESCALATION_MONTHS = 3  # ICO "What to expect": complain to the ICO within 3 months of last contact
COMMENCEMENT = date(2026, 6, 19)  # SI 2026/82; complaints received before then fall outside s.164A


def acknowledgement_due(received: date, calendar: BankHolidayCalendar, *, days: int = ACKNOWLEDGEMENT_DAYS) -> date:
    """The last day to acknowledge a complaint: day ``days`` counting the day after receipt as day 1, moved to the
    next working day in the council's nation when it is not one (s.164A(3); ICO guidance)."""
    if days < 1:
        raise ValueError("the acknowledgement period must be at least one day")
    return next_working_day_on_or_after(received + timedelta(days=days), calendar)


@dataclass(frozen=True)
class AcknowledgementDuty:
    """Whether an acknowledgement is (still) owed, and by when."""

    due: date
    owed: bool  # False once acknowledged, or resolved with an outcome inside the period
    late: bool  # acknowledged (or still unacknowledged) after ``due``


def acknowledgement_duty(
    *,
    received: date,
    today: date,
    calendar: BankHolidayCalendar,
    acknowledged_on: date | None = None,
    outcome_sent_on: date | None = None,
    days: int = ACKNOWLEDGEMENT_DAYS,
) -> AcknowledgementDuty:
    """The s.164A(3) duty for one complaint on ``today``: an outcome inside the period discharges it (ICO)."""
    due = acknowledgement_due(received, calendar, days=days)
    if outcome_sent_on is not None and outcome_sent_on <= due and acknowledged_on is None:
        return AcknowledgementDuty(due=due, owed=False, late=False)
    if acknowledged_on is not None:
        return AcknowledgementDuty(due=due, owed=False, late=acknowledged_on > due)
    return AcknowledgementDuty(due=due, owed=True, late=today > due)


def ico_escalation_by(last_contact: date, *, months: int = ICO_ESCALATION_MONTHS) -> date:
    """The date by which the ICO expects a complaint to it, 3 months after the last contact (guidance, not law)."""
    return add_calendar_months(last_contact, months)


def in_scope_of_section_164a(received: date) -> bool:
    """Whether s.164A applies: complaints received on or after its commencement (SI 2026/82 reg 7 [UNVERIFIED])."""
    return received >= COMMENCEMENT
