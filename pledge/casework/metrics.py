"""The metrics page's figures for a reporting period: one light query, the sums in ``tally``, charts and CSV rows.

Cases are counted in the period they were received in. The query reads a dozen columns per case, never a name,
address, email or free text, so neither the page nor the CSV files can carry personal data.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef

from pledge.casework.charts import BarChart, bar_chart
from pledge.casework.clock import clock_stops_for_clarification
from pledge.casework.models import Case, CaseKind, Channel, Clarification
from pledge.casework.regimes import RIGHTS_REQUEST_KINDS
from pledge.casework.states import STATE_LABELS, CaseState, is_open
from pledge.casework.tally import CaseFacts, Figures, Tally, tally
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.law.reporting import TIMELINESS_LABELS, Period, month_label, months_in, timeliness

EXPORT_OBJECT_TYPE = "case_metrics"
_COLUMNS = (
    "reference",
    "kind",
    "channel",
    "state",
    "received_on",
    "due_on",
    "responded_on",
    "extended",
    "refused_on",
    "id_received_on",
    "authority_received_on",
    "clarified",
)


def _clock_running(*, state: str, kind: str, received: date) -> bool:
    """False while waiting for proof (R1.8), or for clarification of an access request (Art 12A(5))."""
    if state == CaseState.AWAITING_ID:
        return False
    if state == CaseState.AWAITING_CLARIFICATION:
        return not clock_stops_for_clarification(Case(kind=kind, received_on=received))
    return True


def case_facts(*, period: Period, today: date) -> Iterator[CaseFacts]:
    """The facts of every case received in ``period``, oldest first, judged on time or late as of ``today``."""
    rows = (
        Case.objects.filter(
            received_on__gte=period.start, received_on__lte=period.end, kind__in=sorted(RIGHTS_REQUEST_KINDS)
        )
        .annotate(clarified=Exists(Clarification.objects.filter(case=OuterRef("pk"))))
        .order_by("received_on", "id")
        .values_list(*_COLUMNS)
    )
    for (
        reference,
        kind,
        channel,
        state,
        received,
        due,
        responded,
        extended,
        refused,
        id_on,
        auth_on,
        asked,
    ) in rows.iterator(chunk_size=2000):
        yield CaseFacts(
            reference=reference,
            kind=kind,
            channel=channel,
            state=state,
            received=received,
            due=due,
            responded=responded,
            extended=extended,
            refused=refused is not None,
            waited_for_proof=state == CaseState.AWAITING_ID or id_on is not None or auth_on is not None,
            asked_to_clarify=asked,
            outcome=timeliness(
                due=due,
                responded=responded,
                still_open=is_open(state),
                clock_running=_clock_running(state=state, kind=kind, received=received),
                today=today,
            ),
        )


def period_figures(*, period: Period, today: date) -> Figures:
    """The period's figures, with a row for every kind, channel and month to date, even when it is zero."""
    return tally(
        case_facts(period=period, today=today),
        period=period,
        months=months_in(period, until=today),
        kinds=CaseKind.values,
        channels=Channel.values,
    )


def percent_text(value: float | None) -> str:
    return "No figure" if value is None else f"{value:.1f}%"


def days_text(value: float | None) -> str:
    if value is None:
        return "No figure"
    return f"{value:g} day" if value == 1 else f"{value:g} days"


def _kind_label(key: str) -> str:
    return str(CaseKind(key).label)


def _channel_label(key: str) -> str:
    return str(Channel(key).label)


def _month_label(key: str) -> str:
    return month_label(date.fromisoformat(key))


# The columns a table can show: heading, and how to write a group's figure.
_COLUMNS_SHOWN: dict[str, tuple[str, Any]] = {
    "received": ("Received", lambda t: str(t.received)),
    "on_time": ("Answered on time", lambda t: str(t.on_time)),
    "late": ("Late", lambda t: str(t.late)),
    "percent": ("Percentage on time", lambda t: percent_text(t.on_time_percentage)),
    "median": ("Median time to respond", lambda t: days_text(t.median_days)),
    "extended": ("Extended", lambda t: str(t.extended)),
    "proof": ("Waited for proof", lambda t: str(t.waited_for_proof)),
    "clarify": ("Asked to clarify", lambda t: str(t.asked_to_clarify)),
}


@dataclass(frozen=True)
class Section:
    """One chart and the table of its figures, which says the same thing in rows (for the table component)."""

    chart: BarChart
    caption: str
    head: list[dict[str, str]]
    rows: list[list[dict[str, str]]]


def _section(
    chart: BarChart, *, first: str, groups: list[Tally], labels: dict[str, str], columns: list[str]
) -> Section:
    head = [{"text": first}] + [{"text": _COLUMNS_SHOWN[c][0], "format": "numeric"} for c in columns]
    rows = [
        [{"text": labels[t.key]}] + [{"text": _COLUMNS_SHOWN[c][1](t), "format": "numeric"} for c in columns]
        for t in groups
    ]
    return Section(
        chart=chart,
        caption=f"The figures in the chart: {chart.title[0].lower()}{chart.title[1:]}",
        head=head,
        rows=rows,
    )


def sections(figures: Figures) -> list[Section]:
    """The metrics page's charts, each with the table it is drawn from."""
    months = {t.key: _month_label(t.key) for t in figures.by_month}
    kinds = {t.key: _kind_label(t.key) for t in figures.by_kind}
    channels = {t.key: _channel_label(t.key) for t in figures.by_channel}
    label = figures.period.label
    by_month, by_kind, by_channel = figures.by_month, figures.by_kind, figures.by_channel
    return [
        _section(
            bar_chart(
                slug="by-month",
                title=f"Requests received each month, {label}",
                description="One bar per month; the number at the end of each bar is the requests received.",
                labels=[months[t.key] for t in by_month],
                values=[t.received for t in by_month],
                value_texts=[str(t.received) for t in by_month],
            ),
            first="Month received",
            groups=by_month,
            labels=months,
            columns=["received", "extended", "proof", "clarify"],
        ),
        _section(
            bar_chart(
                slug="on-time-by-month",
                title=f"Percentage answered on time, by month received, {label}",
                description="One bar per month, on a scale of 0 to 100%. No figure means nothing received that "
                "month has been answered or become late yet.",
                labels=[months[t.key] for t in by_month],
                values=[t.on_time_percentage for t in by_month],
                value_texts=[percent_text(t.on_time_percentage) for t in by_month],
                maximum=100,
            ),
            first="Month received",
            groups=by_month,
            labels=months,
            columns=["on_time", "late", "percent", "median"],
        ),
        _section(
            bar_chart(
                slug="by-kind",
                title=f"Requests received by kind, {label}",
                description="One bar per kind of request; the number at the end of each bar is the requests received.",
                labels=[kinds[t.key] for t in by_kind],
                values=[t.received for t in by_kind],
                value_texts=[str(t.received) for t in by_kind],
            ),
            first="Kind of request",
            groups=by_kind,
            labels=kinds,
            columns=["received", "on_time", "late", "percent", "median", "extended"],
        ),
        _section(
            bar_chart(
                slug="by-channel",
                title=f"Requests received by channel, {label}",
                description="One bar per way a request can arrive; the number at the end of each bar is the "
                "requests received.",
                labels=[channels[t.key] for t in by_channel],
                values=[t.received for t in by_channel],
                value_texts=[str(t.received) for t in by_channel],
            ),
            first="Channel",
            groups=by_channel,
            labels=channels,
            columns=["received", "on_time", "late", "percent", "proof", "clarify"],
        ),
    ]


def headline_rows(figures: Figures) -> list[dict[str, str]]:
    """The period's headline figures, as summary-list rows."""
    t = figures.total
    return [
        {"key": "Requests received", "value": str(t.received)},
        {"key": "Answered", "value": f"{t.answered} (of which {t.refused} refused)"},
        {
            "key": "Answered on time",
            "value": f"{percent_text(t.on_time_percentage)} ({t.on_time} on time, {t.late} late)",
        },
        {"key": "Median time to respond", "value": days_text(t.median_days)},
        {"key": "Extended by two months", "value": str(t.extended)},
        {"key": "Waited for proof of identity or authority", "value": str(t.waited_for_proof)},
        {"key": "Asked to clarify the request", "value": str(t.asked_to_clarify)},
        {"key": "Still open and not yet due", "value": str(t.still_open)},
        {"key": "Withdrawn, or closed with no response owed", "value": str(t.not_counted)},
    ]


FIGURES_CSV_HEADER = [
    "period",
    "group",
    "name",
    "received",
    "answered",
    "on_time",
    "late",
    "open_not_yet_due",
    "not_counted",
    "percent_on_time",
    "median_days_to_respond",
    "extended",
    "refused",
    "waited_for_proof",
    "asked_to_clarify",
]


def _figures_row(period: Period, group: str, name: str, t: Tally) -> list[Any]:
    percent = "" if t.on_time_percentage is None else f"{t.on_time_percentage:.1f}"
    median = "" if t.median_days is None else f"{t.median_days:g}"
    return [
        period.label,
        group,
        name,
        t.received,
        t.answered,
        t.on_time,
        t.late,
        t.still_open,
        t.not_counted,
        percent,
        median,
        t.extended,
        t.refused,
        t.waited_for_proof,
        t.asked_to_clarify,
    ]


def figures_csv_rows(figures: Figures) -> list[list[Any]]:
    """Every figure on the page as CSV rows: the total, then by month, kind and channel."""
    period = figures.period
    rows = [FIGURES_CSV_HEADER, _figures_row(period, "all", "All requests", figures.total)]
    rows += [_figures_row(period, "month", _month_label(t.key), t) for t in figures.by_month]
    rows += [_figures_row(period, "kind", _kind_label(t.key), t) for t in figures.by_kind]
    rows += [_figures_row(period, "channel", _channel_label(t.key), t) for t in figures.by_channel]
    return rows


CASES_CSV_HEADER = [
    "reference",
    "kind",
    "channel",
    "state",
    "received_on",
    "due_on",
    "responded_on",
    "days_to_respond",
    "on_time",
    "extended",
    "refused",
    "waited_for_proof",
    "asked_to_clarify",
]


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def case_csv_rows(*, period: Period, today: date) -> Iterator[list[Any]]:
    """One row per case received in the period: its reference, kind, channel, dates and whether it was on time."""
    yield CASES_CSV_HEADER
    for case in case_facts(period=period, today=today):
        days = case.days_to_respond
        yield [
            case.reference,
            _kind_label(case.kind),
            _channel_label(case.channel),
            STATE_LABELS[CaseState(case.state)],
            case.received.isoformat(),
            case.due.isoformat(),
            case.responded.isoformat() if case.responded else "",
            "" if days is None else days,
            TIMELINESS_LABELS[case.outcome],
            _yes_no(case.extended),
            _yes_no(case.refused),
            _yes_no(case.waited_for_proof),
            _yes_no(case.asked_to_clarify),
        ]


def record_metrics_exported(*, period: Period, what: str, rows: int, actor: Any) -> None:
    """Note in the audit trail who downloaded which figures: the per-case file lists case references."""
    with transaction.atomic():
        record(
            actor=actor,
            action=AuditAction.EXPORT,
            object_type=EXPORT_OBJECT_TYPE,
            object_ref=period.slug,
            summary=f"Request metrics downloaded ({what}, {rows} rows) for {period.label}",
        )
