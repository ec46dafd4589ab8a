"""A profiling activity's next input extract, without the people who objected to it (Art 21(1), promise P065).

An objection to profiling (Art 21(1): "including profiling based on those provisions") means the person's records
stay out of the activity's next input extract until the objection is decided; when it is decided that processing
stops, they stay out for good; when the council records compelling grounds to carry on (Art 21(1)), they come back.
Restricted records (Art 18(2), P056) are left out too. The people are found through their objection cases'
confirmed records (discovery); an objection case with none confirmed is reported, because its person cannot be
left out until discovery has found their records.
"""

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.db import transaction

from pledge.casework.models import Case, CaseKind
from pledge.casework.states import is_open
from pledge.core.audit import record
from pledge.core.models import AuditAction
from pledge.discovery.sources import IdentityField, RecordKey, SourceRecord, SystemConfig
from pledge.fulfilment import plan_build
from pledge.fulfilment.models import ObjectionDecision
from pledge.fulfilment.plan_guard import restricted_refs
from pledge.law.objection import ObjectionOutcome
from pledge.register.models import ProcessingActivity

HEADER = ["system", "table", "key", *[f.value for f in IdentityField], "columns"]


def is_profiling(activity: ProcessingActivity) -> bool:
    """True for an activity the register says is automated processing or an automated decision (Art 4(4), 22)."""
    return bool(activity.automated_processing or activity.automated_decision)


@dataclass
class ExtractSummary:
    written: int = 0
    left_out_objection: int = 0
    left_out_restricted: int = 0
    warnings: list[str] = field(default_factory=list)


def objecting_refs(*, activity: ProcessingActivity) -> tuple[set[RecordKey], list[str]]:
    """The records of people whose objection to ``activity`` is undecided (or decided: stop), and a warning per
    objection case whose person has no confirmed records yet."""
    decisions = {d.case_id: d for d in ObjectionDecision.objects.filter(activity=activity)}
    refs: set[RecordKey] = set()
    warnings = []
    for case in Case.objects.filter(kind=CaseKind.OBJECTION, activities=activity).order_by("id"):
        decision = decisions.get(case.pk)
        undecided = decision is None and is_open(case.state)
        if not undecided and (decision is None or decision.outcome != ObjectionOutcome.STOPPED):
            continue
        confirmed = plan_build.confirmed_refs(case)
        if not confirmed:
            warnings.append(f"Objection {case.reference}: no confirmed records yet, so nobody could be left out")
        refs.update(confirmed)
    return refs, warnings


def activity_systems(activity: ProcessingActivity, configs: list[SystemConfig]) -> list[SystemConfig]:
    """The connected systems the register lists for the activity."""
    slugs = set(activity.systems.values_list("slug", flat=True))
    return [config for config in configs if config.register_system in slugs]


def input_records(
    *, activity: ProcessingActivity, summary: ExtractSummary, configs: list[SystemConfig] | None = None
) -> Iterator[SourceRecord]:
    """The activity's input records, streamed from its systems, without objectors' and restricted records."""
    if not is_profiling(activity):
        raise ValueError(f"{activity.name} is not recorded as profiling or automated decision-making")
    chosen = configs if configs is not None else plan_build.load_configs()
    objecting, warnings = objecting_refs(activity=activity)
    summary.warnings.extend(warnings)
    restricted = restricted_refs(configs=chosen)
    for config in activity_systems(activity, chosen):
        for batch in plan_build.connect(config).iter_records():
            for source in batch:
                if source.ref in objecting:
                    summary.left_out_objection += 1
                elif source.ref in restricted:
                    summary.left_out_restricted += 1
                else:
                    summary.written += 1
                    yield source


def write_extract(
    *, activity: ProcessingActivity, out: TextIO, actor: Any, configs: list[SystemConfig] | None = None
) -> ExtractSummary:
    """Write the activity's input extract as CSV to ``out``; one audit row says how many were left out and why."""
    summary = ExtractSummary()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for source in input_records(activity=activity, summary=summary, configs=configs):
        identity = [source.identity.get(f, "") for f in IdentityField]
        columns = json.dumps(dict(source.columns), default=str, ensure_ascii=False)
        writer.writerow([source.ref.system, source.ref.table, source.ref.key, *identity, columns])
    with transaction.atomic():
        record(
            actor=actor,
            action=AuditAction.EXPORT,
            object_type="activity",
            object_ref=activity.slug,
            summary=f"Input extract: {summary.written} records; left out {summary.left_out_objection} (objection to "
            f"profiling, Art 21(1)) and {summary.left_out_restricted} (restricted, Art 18(2))",
        )
    return summary


def write_extract_file(*, activity: ProcessingActivity, path: Path, actor: Any) -> ExtractSummary:
    with path.open("w", encoding="utf-8", newline="") as handle:
        return write_extract(activity=activity, out=handle, actor=actor)
