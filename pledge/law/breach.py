"""Personal data breaches: the 72-hour ICO clock, the risk assessment and who must be told (UK GDPR Arts 33, 34).

The clock (Art 33(1); spec uk-rules.md §5 B1): the controller reports to the ICO "without undue delay and, where
feasible, not later than 72 hours after having become aware of it". The text counts hours, not working days, so the
deadline is **72 elapsed hours** after awareness: aware Thu 24 Dec 2026 16:30 -> report by Sun 27 Dec 2026 16:30,
Christmas and the weekend included. Across a change of the clocks the 72 hours are still 72 real hours, so the
deadline shown on London's clock moves by the hour the clocks moved: aware Fri 23 Oct 2026 12:00 BST -> report by
Mon 26 Oct 2026 11:00 GMT (the clocks went back on Sun 25 Oct). Python adds a ``timedelta`` to a zoned datetime on
the wall clock, which would give 12:00 and one hour too many; every sum here is done in UTC for that reason.

A report later than 72 hours must give the reasons for the delay (Art 33(1), last sentence). A breach that is
"unlikely to result in a risk to the rights and freedoms" of people need not be reported, but it is still documented
with the reasons for not reporting (Art 33(5); ICO expectation, B3). People are told without undue delay when the
risk is high (Art 34(1)), in clear and plain language with at least Art 33(3)(b)-(d) (Art 34(2)), unless one of the
three Art 34(3) exceptions applies: (a) the data was unintelligible to anyone not authorised (e.g. encrypted), (b)
later measures mean the high risk is no longer likely, (c) telling each person would need disproportionate effort, in
which case a public communication is made instead.

The recommendation (``recommend``) follows the ICO's and ENISA's approach of likelihood times severity, with two
council rules that are policy, not law, and say so in their reasons: special category (Art 9) or criminal offence
(Art 10) data raises the severity by one step, and a breach affecting ``MANY_PEOPLE`` or more is never called
"unlikely to result in a risk". It recommends; the DPO decides and records why.

No Django imports.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

ICO_HOURS = 72
# Hours after awareness at which the DPO is reminded that no ICO decision is recorded yet.
ALERT_HOURS = (24, 60)
# From this many people, a breach is not treated as unlikely to result in a risk (council policy).
MANY_PEOPLE = 100


class Likelihood(StrEnum):
    """How likely it is that people suffer the consequences."""

    REMOTE = "remote"
    POSSIBLE = "possible"
    LIKELY = "likely"


class Severity(StrEnum):
    """How bad the consequences would be for the people affected."""

    MINIMAL = "minimal"
    SIGNIFICANT = "significant"
    SEVERE = "severe"


class RiskLevel(StrEnum):
    """Art 33(1) and 34(1): unlikely to result in a risk, a risk, or a high risk."""

    NONE = "none"
    RISK = "risk"
    HIGH = "high"


class Art34Exception(StrEnum):
    """Art 34(3): when a high-risk breach need not be communicated to each person."""

    UNINTELLIGIBLE = "unintelligible"  # (a)
    MEASURES_TAKEN = "measures_taken"  # (b)
    DISPROPORTIONATE = "disproportionate"  # (c): a public communication instead


EXCEPTION_LABELS = {
    Art34Exception.UNINTELLIGIBLE: "Art 34(3)(a): the data was unintelligible to anyone not authorised to see it",
    Art34Exception.MEASURES_TAKEN: "Art 34(3)(b): measures taken since mean the high risk is no longer likely",
    Art34Exception.DISPROPORTIONATE: "Art 34(3)(c): telling each person would need disproportionate effort, so "
    "a public communication is made instead",
}

_ORDER = {
    Likelihood.REMOTE: 1,
    Likelihood.POSSIBLE: 2,
    Likelihood.LIKELY: 3,
    Severity.MINIMAL: 1,
    Severity.SIGNIFICANT: 2,
    Severity.SEVERE: 3,
}
_SEVERITIES = [Severity.MINIMAL, Severity.SIGNIFICANT, Severity.SEVERE]


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("breach times must carry a time zone")
    return moment.astimezone(UTC)


def ico_deadline(*, aware_at: datetime) -> datetime:
    """72 elapsed hours after awareness (Art 33(1)), in ``aware_at``'s time zone; real hours across clock changes."""
    return (_utc(aware_at) + timedelta(hours=ICO_HOURS)).astimezone(aware_at.tzinfo)


def hours_since(*, aware_at: datetime, now: datetime) -> float:
    """Elapsed hours from awareness to ``now`` (negative if ``now`` is earlier)."""
    return (_utc(now) - _utc(aware_at)).total_seconds() / 3600


def is_late(*, aware_at: datetime, notified_at: datetime) -> bool:
    """True when the ICO was notified more than 72 hours after awareness, so reasons for the delay are due."""
    return _utc(notified_at) > _utc(aware_at) + timedelta(hours=ICO_HOURS)


@dataclass(frozen=True)
class Countdown:
    """Where a breach stands against the 72 hours: the deadline, whole hours left (0 when overdue) or overdue by."""

    deadline: datetime
    hours_left: int
    overdue: bool
    hours_overdue: int

    def sentence(self) -> str:
        """'Decide by Sun 27 Dec 2026 16:30: 41 hours left' or 'Overdue: the decision was due by ... (5 hours ago)'."""
        when = format_moment(self.deadline)
        if self.overdue:
            ago = "less than an hour ago" if self.hours_overdue == 0 else _hours(self.hours_overdue) + " ago"
            return f"Overdue: the decision was due by {when} ({ago})"
        left = "less than an hour left" if self.hours_left == 0 else _hours(self.hours_left) + " left"
        return f"Decide by {when}: {left}"


def _hours(n: int) -> str:
    return f"{n} hour" if n == 1 else f"{n} hours"


def format_moment(moment: datetime) -> str:
    """'Sun 27 Dec 2026 16:30' in the moment's own time zone."""
    return f"{moment:%a} {moment.day} {moment:%b %Y %H:%M}"


def countdown(*, aware_at: datetime, now: datetime) -> Countdown:
    """The 72-hour countdown at ``now``: hours left are rounded down, so '1 hour left' never hides 1h59m."""
    deadline = ico_deadline(aware_at=aware_at)
    remaining = (_utc(deadline) - _utc(now)).total_seconds()
    if remaining >= 0:
        return Countdown(deadline=deadline, hours_left=int(remaining // 3600), overdue=False, hours_overdue=0)
    return Countdown(deadline=deadline, hours_left=0, overdue=True, hours_overdue=int(-remaining // 3600))


def alerts_due(*, aware_at: datetime, now: datetime, already_sent: frozenset[int] = frozenset()) -> list[int]:
    """The reminder thresholds (hours after awareness) passed by ``now`` and not yet sent, smallest first."""
    elapsed = hours_since(aware_at=aware_at, now=now)
    return [hours for hours in ALERT_HOURS if elapsed >= hours and hours not in already_sent]


@dataclass(frozen=True)
class RiskAssessment:
    """What is known about a breach's effect on people, as the assessor records it."""

    likelihood: Likelihood
    severity: Severity
    people: int | None = None
    special_category: bool = False
    criminal_offence: bool = False
    data_unintelligible: bool = False


@dataclass(frozen=True)
class Recommendation:
    """The risk level, whether to notify the ICO (Art 33) and the people affected (Art 34), and why."""

    level: RiskLevel
    notify_ico: bool
    notify_people: bool
    reasons: tuple[str, ...]


def risk_level(assessment: RiskAssessment) -> tuple[RiskLevel, tuple[str, ...]]:
    """The level from likelihood times severity, with the council's two raising rules, and the reasons."""
    reasons: list[str] = []
    severity = assessment.severity
    if assessment.data_unintelligible:
        reasons.append(
            "The data was unintelligible to anyone not authorised to see it (for example securely encrypted, with "
            "the key safe), so the breach is unlikely to result in a risk to people."
        )
        return RiskLevel.NONE, tuple(reasons)
    if assessment.special_category or assessment.criminal_offence:
        kinds = " and ".join(
            kind
            for kind, present in (
                ("special category (Art 9)", assessment.special_category),
                ("criminal offence (Art 10)", assessment.criminal_offence),
            )
            if present
        )
        raised = _SEVERITIES[min(_SEVERITIES.index(severity) + 1, len(_SEVERITIES) - 1)]
        reasons.append(f"The data includes {kinds} data, so the severity is taken as {raised} (council policy).")
        severity = raised
    score = _ORDER[assessment.likelihood] * _ORDER[severity]
    level = RiskLevel.NONE if score <= 2 else RiskLevel.RISK if score <= 4 else RiskLevel.HIGH
    reasons.append(f"Harm is {assessment.likelihood} and would be {severity}: {_LEVEL_TEXT[level]}")
    if level is RiskLevel.NONE and (assessment.people or 0) >= MANY_PEOPLE:
        level = RiskLevel.RISK
        reasons.append(
            f"It affects {assessment.people} people ({MANY_PEOPLE} or more), so it is not treated as unlikely "
            "to result in a risk (council policy)."
        )
    return level, tuple(reasons)


_LEVEL_TEXT = {
    RiskLevel.NONE: "the breach is unlikely to result in a risk to people's rights and freedoms.",
    RiskLevel.RISK: "the breach is likely to result in a risk to people's rights and freedoms.",
    RiskLevel.HIGH: "the breach is likely to result in a high risk to people's rights and freedoms.",
}


def recommend(assessment: RiskAssessment, *, exception: Art34Exception | None = None) -> Recommendation:
    """Notify the ICO unless the breach is unlikely to result in a risk (Art 33(1)); tell people when the risk is high
    unless an Art 34(3) exception is relied on (for (c), a public communication instead)."""
    level, why = risk_level(assessment)
    reasons = list(why)
    notify_ico = level is not RiskLevel.NONE
    if notify_ico:
        reasons.append("Report it to the ICO within 72 hours of becoming aware of it (Art 33(1)).")
    else:
        reasons.append("No report to the ICO is needed, but record the breach and why it was not reported (Art 33(5)).")
    duty = communication_duty(level=level, exception=exception)
    reasons.append(duty.reason)
    return Recommendation(
        level=level, notify_ico=notify_ico, notify_people=duty.tell_each_person, reasons=tuple(reasons)
    )


@dataclass(frozen=True)
class CommunicationDuty:
    """Art 34: whether each person must be told, whether a public communication is needed instead, and why."""

    tell_each_person: bool
    public_communication: bool
    reason: str


def communication_duty(*, level: RiskLevel, exception: Art34Exception | None = None) -> CommunicationDuty:
    """Each person is told of a high-risk breach (Art 34(1)) unless an Art 34(3) exception applies; (c) needs a public
    communication instead. Below high risk no communication is required (though a council may still choose one)."""
    if level is not RiskLevel.HIGH:
        return CommunicationDuty(
            tell_each_person=False,
            public_communication=False,
            reason="The risk is not high, so telling the people affected is not required (Art 34(1)).",
        )
    if exception is None:
        return CommunicationDuty(
            tell_each_person=True,
            public_communication=False,
            reason="The risk is high: tell the people affected without undue delay, in clear and plain language "
            "(Art 34(1) and (2)).",
        )
    return CommunicationDuty(
        tell_each_person=False,
        public_communication=exception is Art34Exception.DISPROPORTIONATE,
        reason=f"The risk is high but {EXCEPTION_LABELS[exception]}.",
    )


def ico_decision_problems(
    *,
    aware_at: datetime,
    now: datetime,
    notify: bool,
    notified_at: datetime | None,
    reference: str,
    delay_reasons: str,
    reasons_not_notified: str,
) -> dict[str, str]:
    """What is missing or wrong in an ICO decision, by field; empty when it may be recorded (Arts 33(1), 33(5))."""
    problems: dict[str, str] = {}
    if not notify:
        if not reasons_not_notified.strip():
            problems["reasons_not_notified"] = "Enter why the breach is not being reported to the ICO"
        return problems
    if notified_at is None:
        problems["notified_at"] = "Enter when the breach was reported to the ICO"
        return problems
    if _utc(notified_at) < _utc(aware_at):
        problems["notified_at"] = "The report to the ICO cannot be before the council became aware of the breach"
    elif _utc(notified_at) > _utc(now):
        problems["notified_at"] = "The report to the ICO cannot be in the future"
    elif is_late(aware_at=aware_at, notified_at=notified_at) and not delay_reasons.strip():
        problems["delay_reasons"] = "The report was more than 72 hours after awareness: enter the reasons for the delay"
    if not reference.strip():
        problems["reference"] = "Enter the ICO's reference for the report"
    return problems


def people_decision_problems(
    *,
    level: RiskLevel | None,
    told: bool,
    told_at: datetime | None,
    told_how: str,
    exception: Art34Exception | None,
    now: datetime,
) -> dict[str, str]:
    """What is missing in the record of telling people (Art 34), by field; empty when it may be recorded."""
    problems: dict[str, str] = {}
    if told:
        if told_at is None:
            problems["told_at"] = "Enter when the people affected were told"
        elif _utc(told_at) > _utc(now):
            problems["told_at"] = "The date the people affected were told cannot be in the future"
        if not told_how.strip():
            problems["told_how"] = "Enter how the people affected were told, for example by letter"
    elif level is RiskLevel.HIGH and exception is None:
        problems["exception"] = (
            "The risk is high: tell the people affected, or select the Art 34(3) exception relied on"
        )
    return problems
