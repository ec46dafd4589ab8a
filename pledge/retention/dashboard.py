"""Retention figures for the DPO dashboard and the retention pages: due, overdue and held, per system and per
service (P102, P104). Read from the disposal queue the last run left, so the dashboard never reads a system."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pledge.register.models import ProcessingActivity
from pledge.retention.models import BatchState, DisposalBatch, DisposalRun, DisposalTask, LegalHold, TaskState


@dataclass
class Line:
    name: str
    due: int = 0
    overdue: int = 0
    held: int = 0
    slug: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _services_by_rule() -> dict[tuple[str, int | None], list[str]]:
    """(rule slug, register system id) -> service names, from the activities that use the rule on the system."""
    found: dict[tuple[str, int | None], set[str]] = defaultdict(set)
    activities = ProcessingActivity.objects.filter(retention_rule__isnull=False).select_related(
        "service", "retention_rule"
    )
    for activity in activities.prefetch_related("systems"):
        rule = activity.retention_rule.slug  # type: ignore[union-attr]
        found[(rule, None)].add(activity.service.name)
        for system in activity.systems.all():
            found[(rule, system.pk)].add(activity.service.name)
    return {key: sorted(names) for key, names in found.items()}


def dashboard_figures(*, today: date) -> dict[str, Any]:
    """Totals (due, overdue, held, approved waiting, open owner tasks, holds to review) and lines per system and
    per service; ``today`` decides which legal holds are past their review date."""
    batches = list(DisposalBatch.objects.filter(state__in=[BatchState.DUE, BatchState.APPROVED]))
    per_system: dict[str, Line] = {}
    per_service: dict[str, Line] = {}
    services = _services_by_rule()
    for batch in batches:
        line = per_system.setdefault(batch.system, Line(batch.system_name, slug=batch.system))
        counts = (batch.due_count, batch.overdue_count, batch.held_count)
        line.due, line.overdue, line.held = (
            a + b for a, b in zip((line.due, line.overdue, line.held), counts, strict=True)
        )
        names = (
            services.get((batch.rule_slug, batch.register_system_id))
            or services.get((batch.rule_slug, None))
            or ["No service in the register"]
        )
        for name in names:
            row = per_service.setdefault(name, Line(name))
            row.due, row.overdue, row.held = (
                a + b for a, b in zip((row.due, row.overdue, row.held), counts, strict=True)
            )
    due_batches = [b for b in batches if b.state == BatchState.DUE]
    return {
        "due": sum(b.due_count for b in due_batches),
        "overdue": sum(b.overdue_count for b in due_batches),
        "held": sum(b.held_count for b in batches),
        "awaiting_approval": sum(1 for b in due_batches if b.due_count),
        "approved_waiting": sum(1 for b in batches if b.state == BatchState.APPROVED),
        "open_tasks": DisposalTask.objects.filter(state=TaskState.OPEN).count(),
        "skipped_tables": DisposalBatch.objects.filter(state=BatchState.SKIPPED).count(),
        "active_holds": LegalHold.objects.active().count(),
        "holds_to_review": LegalHold.objects.active().filter(review_on__lte=today).count(),
        "last_run": DisposalRun.objects.filter(dry_run=False).first(),
        "per_system": sorted(per_system.values(), key=lambda line: (-line.overdue, -line.due, line.name)),
        "per_service": sorted(per_service.values(), key=lambda line: (-line.overdue, -line.due, line.name)),
    }
