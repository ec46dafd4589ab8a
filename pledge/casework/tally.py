"""Adding up a period's requests for the metrics page: by kind, by channel and by month of receipt. No Django imports.

The facts of each case are plain values (``CaseFacts``), so the sums can be tested without a database and the
same facts feed the per-case CSV. The rules for "on time" and the median live in ``pledge.law.reporting``.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from pledge.law.reporting import Period, Timeliness, days_to_respond, median_days, month_of, percentage


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the figures need to know about one case; no names, addresses or free text."""

    reference: str
    kind: str
    channel: str
    state: str
    received: date
    due: date
    responded: date | None
    extended: bool
    refused: bool
    waited_for_proof: bool
    asked_to_clarify: bool
    outcome: Timeliness

    @property
    def days_to_respond(self) -> int | None:
        """Calendar days from receipt to the response, None while unanswered."""
        if self.responded is None:
            return None
        return days_to_respond(received=self.received, responded=self.responded)


@dataclass
class Tally:
    """The figures for one group of cases (one kind, one channel, one month, or all of them)."""

    key: str
    received: int = 0
    on_time: int = 0
    late: int = 0
    still_open: int = 0
    not_counted: int = 0
    extended: int = 0
    refused: int = 0
    waited_for_proof: int = 0
    asked_to_clarify: int = 0
    days: list[int] = field(default_factory=list)

    def add(self, facts: CaseFacts, days: int | None) -> None:
        """Count one case in this group; ``days`` is its ``days_to_respond``, worked out once for every group."""
        self.received += 1
        outcome = facts.outcome
        if outcome == Timeliness.ON_TIME:
            self.on_time += 1
        elif outcome == Timeliness.LATE:
            self.late += 1
        elif outcome == Timeliness.OPEN:
            self.still_open += 1
        else:
            self.not_counted += 1
        self.extended += facts.extended
        self.refused += facts.refused
        self.waited_for_proof += facts.waited_for_proof
        self.asked_to_clarify += facts.asked_to_clarify
        if days is not None:
            self.days.append(days)

    @property
    def answered(self) -> int:
        return len(self.days)

    @property
    def on_time_percentage(self) -> float | None:
        """On time as a share of on time plus late; None when nothing in the group is counted yet."""
        return percentage(self.on_time, self.on_time + self.late)

    @property
    def median_days(self) -> float | None:
        return median_days(self.days)


@dataclass
class Figures:
    period: Period
    total: Tally
    by_kind: list[Tally]
    by_channel: list[Tally]
    by_month: list[Tally]  # keyed by the ISO date of the month's first day

    @property
    def is_empty(self) -> bool:
        return self.total.received == 0


def tally(
    facts: Iterable[CaseFacts], *, period: Period, months: Sequence[date], kinds: Sequence[str], channels: Sequence[str]
) -> Figures:
    """Add up ``facts``; every kind, channel and month named appears, with zeros when nothing matched.

    A case outside the period, or of a kind, channel or month not named, raises ValueError: the caller's query
    and the headings must agree, or the table would not add up to the total.
    """
    total = Tally(key="all")
    by_kind = {kind: Tally(key=kind) for kind in kinds}
    by_channel = {channel: Tally(key=channel) for channel in channels}
    by_month = {month: Tally(key=month.isoformat()) for month in months}
    for case in facts:
        if not period.contains(case.received):
            raise ValueError(f"{case.reference} was received outside {period.label}")
        try:
            groups = (by_kind[case.kind], by_channel[case.channel], by_month[month_of(case.received)])
        except KeyError as missing:
            raise ValueError(f"{case.reference} has no heading for {missing}") from None
        days = case.days_to_respond
        total.add(case, days)
        for group in groups:
            group.add(case, days)
    return Figures(
        period=period,
        total=total,
        by_kind=list(by_kind.values()),
        by_channel=list(by_channel.values()),
        by_month=list(by_month.values()),
    )
