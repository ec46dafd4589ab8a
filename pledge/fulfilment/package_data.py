"""What goes into a package: the case's confirmed records, fetched in full from the connected systems, kept as a
snapshot (a JSON document) that the report and the machine-readable files are assembled from.

Only confirmed records are fetched: a record the matcher proposed and nobody confirmed is never released.
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.utils import timezone

from pledge.casework.models import Case
from pledge.discovery.models import SystemSearch
from pledge.discovery.services import IDENTIFIER_LABELS, confirmed_records, latest_finished_run
from pledge.discovery.sources import RecordKey, SourceRecord, SystemConfig, SystemKind

FETCH_BATCH = 200  # records fetched at a time, so progress moves on a large package
Snapshot = dict[str, Any]


def confirmed_refs(case: Case) -> list[RecordKey]:
    """The records caseworkers confirmed as the requester's on the latest finished run (the discovery service)."""
    return list(confirmed_records(case=case))


def search_statement(case: Case) -> list[dict[str, Any]]:
    """Art 15(1A): each system the latest run searched (with its hit count) or excluded (with the reason)."""
    run = latest_finished_run(case)
    if run is None:
        return []
    searches = SystemSearch.objects.filter(run=run).order_by("system_name", "id")
    return [
        {"system": s.system_name, "state": s.get_state_display(), "hits": s.hits, "reason": s.reason} for s in searches
    ]


def searched_with(case: Case) -> tuple[list[str], date | None]:
    """Art 15(1A): the kinds of identifier the latest run searched with (labels, not values) and when it ran."""
    run = latest_finished_run(case)
    if run is None:
        return [], None
    used = [label for key, label in IDENTIFIER_LABELS.items() if run.identifiers.get(key)]
    return used, timezone.localdate(run.finished_at) if run.finished_at else None


def load_configs() -> dict[str, SystemConfig]:
    """The connected systems by slug, from ``PLEDGE_SYSTEMS``."""
    from pledge.discovery.connectors import load_systems

    return {config.slug: config for config in load_systems(settings.PLEDGE_SYSTEMS)}


def plain(value: Any) -> Any:
    """A column's value as JSON holds it: dates as ISO text, decimals and other types as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"[{len(value)} bytes of binary data]"
    return str(value)


def _mapping(config: SystemConfig) -> dict[str, dict[str, dict[str, Any]]]:
    return {
        table.name: {
            c.column: {
                "identity": c.identity.value if c.identity else "",
                "category": c.category,
                "free_text": c.free_text,
            }
            for c in table.columns
        }
        for table in config.tables
    }


def _record(found: SourceRecord) -> dict[str, Any]:
    return {
        "table": found.ref.table,
        "key": found.ref.key,
        "columns": {name: plain(value) for name, value in found.columns.items()},
    }


def fetch_snapshot(
    *,
    refs: Iterable[RecordKey],
    configs: dict[str, SystemConfig],
    systems: set[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> Snapshot:
    """Fetch every record in ``refs`` (only ``systems``, if given) from its system; ``progress(done)`` after each
    batch. Records of a system that is not configured any more are listed under ``missing``."""
    by_system: dict[str, list[RecordKey]] = {}
    for ref in refs:
        if systems is None or ref.system in systems:
            by_system.setdefault(ref.system, []).append(ref)
    snapshot: Snapshot = {"systems": [], "missing": []}
    done = 0
    for slug in sorted(by_system):
        wanted = by_system[slug]
        config = configs.get(slug)
        if config is None:
            snapshot["missing"].extend(str(ref) for ref in wanted)
            done += len(wanted)
            continue
        from pledge.discovery.connectors import connect

        connector = connect(config)
        records: dict[str, dict[str, Any]] = {}
        for start in range(0, len(wanted), FETCH_BATCH):
            for found in connector.fetch(wanted[start : start + FETCH_BATCH]):
                records[str(found.ref)] = _record(found)
            done += len(wanted[start : start + FETCH_BATCH])
            if progress:
                progress(done)
        snapshot["systems"].append(
            {
                "slug": slug,
                "name": config.name,
                "register_system": config.register_system,
                "controller": config.controller,
                "columns": _mapping(config),
                "records": list(records.values()),
            }
        )
    return snapshot


def add_messages(snapshot: Snapshot, *, configs: dict[str, SystemConfig], addresses: set[str]) -> int:
    """P074: add every email to or from the requester's verified ``addresses`` in each connected mailbox (found by
    exact address, so no confirmation is needed); how many messages were added."""
    from pledge.discovery.connectors import MailboxConnector, connect, find_messages

    added = 0
    by_slug = {system["slug"]: system for system in snapshot["systems"]}
    for slug, config in sorted(configs.items()):
        if config.kind is not SystemKind.MAILBOX or not addresses:
            continue
        connector = connect(config)
        assert isinstance(connector, MailboxConnector)
        found = find_messages(connector, addresses)
        if not found:
            continue
        system = by_slug.get(slug)
        if system is None:
            system = {
                "slug": slug,
                "name": config.name,
                "register_system": config.register_system,
                "controller": config.controller,
                "columns": _mapping(config),
                "records": [],
            }
            snapshot["systems"].append(system)
        have = {(r["table"], r["key"]) for r in system["records"]}
        for record in found:
            if (record.ref.table, record.ref.key) not in have:
                system["records"].append(_record(record))
                added += 1
    return added


def free_text_columns(system: dict[str, Any], table: str) -> list[str]:
    """The columns of ``table`` marked as free text that may name other people."""
    return [name for name, info in system["columns"].get(table, {}).items() if info.get("free_text")]


def provided_columns(system: dict[str, Any], table: str) -> set[str]:
    """Art 20(1): the columns holding data the person provided: mapped to an identity field or a register data
    category, and not free text (case notes and transcripts are the council's own record of what happened)."""
    return {
        name
        for name, info in system["columns"].get(table, {}).items()
        if (info.get("identity") or info.get("category")) and not info.get("free_text")
    }
