"""Adding up a period's cases: totals, by kind, channel and month, with zeros and no surprises."""

from dataclasses import replace
from datetime import date

import pytest

from pledge.casework.tally import CaseFacts, tally
from pledge.law.reporting import Timeliness, calendar_year, months_in

PERIOD = calendar_year(2026)
MONTHS = months_in(PERIOD)
KINDS = ["access", "erasure"]
CHANNELS = ["web", "email"]

BASE = CaseFacts(
    reference="RR-2026-000001",
    kind="access",
    channel="web",
    state="responded",
    received=date(2026, 3, 31),
    due=date(2026, 4, 30),
    responded=date(2026, 4, 10),
    extended=False,
    refused=False,
    waited_for_proof=False,
    asked_to_clarify=False,
    outcome=Timeliness.ON_TIME,
)


def add_up(*facts: CaseFacts):
    return tally(facts, period=PERIOD, months=MONTHS, kinds=KINDS, channels=CHANNELS)


def test_an_empty_period_has_every_heading_with_zeros() -> None:
    figures = add_up()
    assert figures.is_empty
    assert [t.key for t in figures.by_kind] == KINDS
    assert [t.key for t in figures.by_channel] == CHANNELS
    assert len(figures.by_month) == 12
    assert all(t.received == 0 for t in figures.by_month)
    assert (figures.total.on_time_percentage, figures.total.median_days) == (None, None)


def test_it_counts_a_case_once_in_each_grouping() -> None:
    figures = add_up(BASE)
    assert figures.total.received == 1
    assert [t.received for t in figures.by_kind] == [1, 0]
    assert [t.received for t in figures.by_channel] == [1, 0]
    march = next(t for t in figures.by_month if t.key == "2026-03-01")
    assert (march.received, march.on_time, march.days) == (1, 1, [10])


def test_a_case_is_counted_in_the_month_it_was_received_not_answered() -> None:
    figures = add_up(BASE)
    april = next(t for t in figures.by_month if t.key == "2026-04-01")
    assert april.received == 0


def test_it_adds_on_time_late_open_and_uncounted_separately() -> None:
    cases = [
        BASE,
        replace(BASE, reference="2", responded=date(2026, 5, 5), outcome=Timeliness.LATE),
        replace(BASE, reference="3", responded=None, state="in_progress", outcome=Timeliness.OPEN),
        replace(BASE, reference="4", responded=None, state="withdrawn", outcome=Timeliness.NOT_COUNTED),
    ]
    total = add_up(*cases).total
    assert (total.received, total.on_time, total.late, total.still_open, total.not_counted) == (4, 1, 1, 1, 1)
    assert total.answered == 2
    assert total.on_time_percentage == 50
    assert total.median_days == (10 + 35) / 2


def test_it_counts_extensions_refusals_and_waits() -> None:
    cases = [
        replace(BASE, extended=True),
        replace(BASE, reference="2", refused=True, waited_for_proof=True),
        replace(BASE, reference="3", asked_to_clarify=True, kind="erasure", channel="email"),
    ]
    figures = add_up(*cases)
    total = figures.total
    assert (total.extended, total.refused, total.waited_for_proof, total.asked_to_clarify) == (1, 1, 1, 1)
    erasure = figures.by_kind[1]
    assert (erasure.received, erasure.asked_to_clarify, erasure.extended) == (1, 1, 0)
    assert figures.by_channel[1].received == 1


def test_the_groupings_add_up_to_the_total() -> None:
    open_case = replace(BASE, responded=None, state="in_progress", outcome=Timeliness.OPEN)
    cases = [
        replace(
            open_case,
            reference=str(n),
            kind=KINDS[n % 2],
            channel=CHANNELS[n // 2 % 2],
            received=date(2026, n % 12 + 1, 1),
        )
        for n in range(30)
    ]
    figures = add_up(*cases)
    for grouping in (figures.by_kind, figures.by_channel, figures.by_month):
        assert sum(t.received for t in grouping) == figures.total.received == 30
        assert sum(t.still_open for t in grouping) == 30


def test_it_refuses_a_case_from_outside_the_period() -> None:
    with pytest.raises(ValueError, match="outside"):
        add_up(replace(BASE, received=date(2025, 12, 31)))


def test_it_refuses_a_case_with_no_heading() -> None:
    with pytest.raises(ValueError, match="no heading"):
        add_up(replace(BASE, kind="portability"))


def test_days_to_respond_is_none_until_answered() -> None:
    assert replace(BASE, responded=None).days_to_respond is None
    assert BASE.days_to_respond == 10
