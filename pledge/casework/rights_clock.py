"""The UK GDPR rights-request clock: one month (Art 12(3)), worked out by ``pledge.law.deadlines``.

Kinds map to the law module's request kinds. Withdrawing consent (Art 7(3)) and authorising someone else to see a
record are not Art 15-22 requests: the council holds them to the same one-month clock as its own long-stop, with no
pause and no extension.
"""

from datetime import date
from typing import TYPE_CHECKING

from pledge.calendars.services import current_calendar
from pledge.casework.models import CaseKind
from pledge.law.calendar import Nation
from pledge.law.deadlines import Deadline, RequestKind, paused_days, statutory_deadline

if TYPE_CHECKING:
    from pledge.casework.models import Case

CLOCK_KIND: dict[str, RequestKind] = {
    CaseKind.ACCESS: RequestKind.ACCESS,
    CaseKind.ACCESS_CCTV: RequestKind.ACCESS,
    CaseKind.RECTIFICATION: RequestKind.RECTIFICATION,
    CaseKind.ERASURE: RequestKind.ERASURE,
    CaseKind.RESTRICTION: RequestKind.RESTRICTION,
    CaseKind.OBJECTION: RequestKind.OBJECTION,
    CaseKind.PORTABILITY: RequestKind.PORTABILITY,
    CaseKind.AUTOMATED_DECISION_REVIEW: RequestKind.AUTOMATED_DECISIONS,
    # Any kind other than access gets the same arithmetic (no pause); erasure stands in for "not Art 15".
    CaseKind.CONSENT_WITHDRAWAL: RequestKind.ERASURE,
    CaseKind.THIRD_PARTY_AUTHORISATION: RequestKind.ERASURE,
}

# Art 12(3) extensions are for requests under Arts 15-22 only.
NOT_EXTENDABLE = frozenset({CaseKind.CONSENT_WITHDRAWAL, CaseKind.THIRD_PARTY_AUTHORISATION})


def answered_pauses(case: "Case") -> list[tuple[date, date]]:
    """The (asked, answered) pairs of every answered clarification; an unanswered one has not ended yet."""
    if case.pk is None:
        return []
    return [(c.asked_on, c.answered_on) for c in case.clarifications.all() if c.answered_on is not None]


def rights_deadline(case: "Case") -> Deadline:
    """The case's start, due and extension-notice dates (spec §1.2); OutsideCalendarError or ValueError on bad dates."""
    return statutory_deadline(
        received=case.received_on,
        id_received=case.id_received_on,
        authority_received=case.authority_received_on,
        fee_received=case.fee_received_on,
        pauses=answered_pauses(case),
        extended=case.extended,
        request_kind=CLOCK_KIND[case.kind],
        calendar=current_calendar(Nation(case.nation)),
    )


def rights_clock_stops_for_clarification(case: "Case") -> bool:
    """Whether asking this case for clarification stops its clock (R1.7: access requests from 5 Feb 2026)."""
    day = case.received_on
    return paused_days(received=day, start=day, pauses=[(day, day)], request_kind=CLOCK_KIND[case.kind]) > 0
