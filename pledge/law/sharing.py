"""Information-sharing agreements: where each stands, and which partners an activity shares with uncovered.

The ICO's Data Sharing Code of Practice (2021, made under DPA 2018 s.121) expects regular sharing between
controllers to rest on a data sharing agreement that is reviewed regularly; this module says when one is due for
review or has expired, and which partner recipients of an activity no agreement of that activity covers. Pure.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class AgreementStatus(StrEnum):
    CURRENT = "current"
    REVIEW_DUE = "review_due"  # review date within the warning period
    REVIEW_OVERDUE = "review_overdue"
    EXPIRED = "expired"
    NOT_STARTED = "not_started"


STATUS_LABELS = {
    AgreementStatus.CURRENT: "Current",
    AgreementStatus.REVIEW_DUE: "Review due",
    AgreementStatus.REVIEW_OVERDUE: "Review overdue",
    AgreementStatus.EXPIRED: "Expired",
    AgreementStatus.NOT_STARTED: "Not started",
}


def agreement_status(
    *, starts_on: date | None, review_on: date | None, expires_on: date | None, today: date, warning_days: int
) -> AgreementStatus:
    """Expired after its expiry date; not started before its start; review overdue after the review date; review
    due from ``warning_days`` before it; otherwise current. An agreement with no review date is overdue: the code
    expects every agreement to be reviewed."""
    if expires_on is not None and today > expires_on:
        return AgreementStatus.EXPIRED
    if starts_on is not None and today < starts_on:
        return AgreementStatus.NOT_STARTED
    if review_on is None or today > review_on:
        return AgreementStatus.REVIEW_OVERDUE
    if today >= review_on - timedelta(days=warning_days):
        return AgreementStatus.REVIEW_DUE
    return AgreementStatus.CURRENT


@dataclass(frozen=True)
class Uncovered:
    """An activity that shares with partners that none of its agreements names."""

    activity: str
    partners: tuple[str, ...]


def uncovered_partners(
    *, partner_recipients: Iterable[str], agreement_recipients: Iterable[Iterable[str]], agreements_in_force: int
) -> tuple[str, ...]:
    """The partners (recipient slugs) not covered: none is covered when the activity has no agreement in force;
    otherwise those no in-force agreement lists. An agreement that lists no recipients covers all the activity's
    partners (older agreements name parties only, as text)."""
    partners = sorted(set(partner_recipients))
    if not agreements_in_force:
        return tuple(partners)
    lists = [set(r) for r in agreement_recipients]
    if any(not names for names in lists):
        return ()
    covered = set().union(*lists) if lists else set()
    return tuple(p for p in partners if p not in covered)
