"""A case's statutory clock, worked out for the case's regime (``regimes``) from its dates and the calendar in force.

Rights requests use ``rights_clock`` (``pledge.law.deadlines``), complaints ``complaint_clock``
(``pledge.law.complaints``). Callers ask this module, never a regime's clock directly, so a new regime needs no
change anywhere else.
"""

from pledge.casework.models import Case
from pledge.casework.regimes import regime_for
from pledge.casework.rights_clock import CLOCK_KIND, NOT_EXTENDABLE, answered_pauses
from pledge.law.deadlines import Deadline

__all__ = ["CLOCK_KIND", "NOT_EXTENDABLE", "answered_pauses", "clock_stops_for_clarification", "deadline_for"]


def deadline_for(case: Case) -> Deadline:
    """The case's start, due and extension-notice dates under its regime; OutsideCalendarError or ValueError on
    bad dates or a kind no regime claims."""
    return regime_for(case.kind).deadline(case)


def clock_stops_for_clarification(case: Case) -> bool:
    """Whether asking this case for clarification stops its clock (R1.7: access requests from 5 Feb 2026; never a
    complaint)."""
    return regime_for(case.kind).clock_stops_for_clarification(case)
