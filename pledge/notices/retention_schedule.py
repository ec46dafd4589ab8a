"""The public retention schedule: each approved activity's rule, grouped by service (UK GDPR Art 13(2)(a))."""

import csv
import io
from dataclasses import dataclass
from typing import Any

from pledge.register.models import ProcessingActivity, Status


@dataclass(frozen=True)
class ScheduleRow:
    service: str
    activity: str
    records: str
    period: str
    source: str


def retention_schedule_rows() -> list[ScheduleRow]:
    """One row per approved activity with a retention rule, in service order."""
    activities = (
        ProcessingActivity.objects.filter(status=Status.APPROVED, retention_rule__isnull=False)
        .select_related("service", "retention_rule")
        .order_by("service__name", "name")
    )
    return [
        ScheduleRow(
            service=a.service.name,
            activity=a.name,
            records=", ".join(a.data_categories),
            period=a.retention_rule.plain_english,  # type: ignore[union-attr]
            source=a.retention_rule.source,  # type: ignore[union-attr]
        )
        for a in activities
    ]


def retention_schedule_csv(rows: list[ScheduleRow]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Service", "Activity", "Records", "How long we keep them", "Why (law or guidance)"])
    writer.writerows([r.service, r.activity, r.records, r.period, r.source] for r in rows)
    return buffer.getvalue()


def retention_schedule_blocks(rows: list[ScheduleRow]) -> list[dict[str, Any]]:
    """The schedule as document blocks, one heading per service, for the Word and PDF downloads."""
    blocks: list[dict[str, Any]] = [
        {"type": "p", "text": "How long we keep each kind of record, what happens at the end, and why."}
    ]
    service = None
    for row in rows:
        if row.service != service:
            service = row.service
            blocks += [{"type": "h2", "text": service}, {"type": "ul", "items": []}]
        blocks[-1]["items"].append(f"{row.activity}: {row.period} ({row.source})")
    return blocks
