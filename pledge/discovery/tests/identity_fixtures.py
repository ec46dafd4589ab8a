"""A connector over a list of records (a real implementation of the Connector protocol, for the matching tests)."""

from collections.abc import Iterator, Sequence

from pledge.discovery.sources import (
    IdentityField,
    RecordKey,
    SourceRecord,
    SystemConfig,
    SystemKind,
    TableConfig,
    Write,
)


class ListConnector:
    """A system whose records are a Python list; read-only."""

    def __init__(self, slug: str, records: Sequence[SourceRecord], *, child_tables: Sequence[str] = ()) -> None:
        tables = {record.ref.table for record in records}
        self.config = SystemConfig(
            slug=slug,
            name=slug,
            kind=SystemKind.FILES,
            location="",
            tables=[
                TableConfig(name=name, key="id", columns=[], parent_table="clients" if name in child_tables else "")
                for name in sorted(tables)
            ],
        )
        self.records = list(records)

    def check(self) -> list[str]:
        return []

    def iter_records(self, *, batch_size: int = 5000) -> Iterator[list[SourceRecord]]:
        for start in range(0, len(self.records), batch_size):
            yield self.records[start : start + batch_size]

    def fetch(self, refs: Sequence[RecordKey]) -> list[SourceRecord]:
        wanted = set(refs)
        return [record for record in self.records if record.ref in wanted]

    def apply(self, writes: Sequence[Write]) -> None:
        raise NotImplementedError


def record(system: str, key: str, *, table: str = "people", **identity: str) -> SourceRecord:
    """A record of ``system`` with identity fields named as IdentityField values."""
    return SourceRecord(
        ref=RecordKey(system=system, table=table, key=key),
        identity={IdentityField(name): value for name, value in identity.items()},
    )
