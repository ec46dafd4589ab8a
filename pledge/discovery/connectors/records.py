"""What every connector shares: turning a row into a ``SourceRecord``, a table's wanted columns, its children."""

import datetime as dt
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Self

from pledge.discovery.sources import IdentityField, RecordKey, SourceRecord, SystemConfig, TableConfig

KEY_SAMPLE = 10_000  # rows read to check a key is unique: enough to catch a wrong mapping, cheap on any size


class Closing:
    """``with connect(config) as connector:`` closes what the connector opened (a database pool) at the end."""

    def close(self) -> None:
        """Release connections; reading again afterwards reopens them."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class WriteFailed(Exception):
    """A write could not be made (record missing, column missing, the system refused); nothing was changed."""


class ConnectionFailed(Exception):
    """The system could not be reached; the message never contains a password."""


def as_text(value: Any) -> str:
    """A held value as matching reads it: dates in ISO form, numbers without a trailing '.0', None as ''."""
    if type(value) is str:
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and value.time() == dt.time(0, 0):
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value).strip()


def wanted_columns(table: TableConfig) -> list[str]:
    """The columns an index read takes: the key, the parent key, every mapped column, trigger and restriction."""
    names = [table.key, table.parent_key, *(m.column for m in table.columns), table.trigger_column]
    names.append(table.restriction_column)
    return list(dict.fromkeys(name for name in names if name))


class RecordMaker:
    """Turns one table's rows into ``SourceRecord``s; the mapping is worked out once per table, not per row, as an
    index build runs this for every row of the estate."""

    def __init__(self, system: str, table: TableConfig) -> None:
        self.system, self.table, self.key = system, table.name, table.key
        groups: dict[IdentityField, list[str]] = {}
        for mapping in table.columns:
            if mapping.identity is not None:
                groups.setdefault(mapping.identity, []).append(mapping.column)
        self.single = [(field, columns[0]) for field, columns in groups.items() if len(columns) == 1]
        self.joined = [(field, columns) for field, columns in groups.items() if len(columns) > 1]

    def identity(self, row: Mapping[Any, Any]) -> dict[IdentityField, str]:
        """The identity fields of a row; several columns mapped to one field (address lines) joined by ', '."""
        identity = {}
        for field, column in self.single:
            value = row.get(column)
            text = value.strip() if type(value) is str else as_text(value)
            if text:
                identity[field] = text
        for field, columns in self.joined:
            parts = [text for column in columns if (text := as_text(row.get(column)))]
            if parts:
                identity[field] = ", ".join(dict.fromkeys(parts))
        return identity

    def __call__(self, row: Mapping[Any, Any]) -> SourceRecord:
        columns = dict(row)
        ref = RecordKey(system=self.system, table=self.table, key=as_text(columns.get(self.key)))
        return SourceRecord(ref=ref, identity=self.identity(columns), columns=columns)


def identity_of(table: TableConfig, row: Mapping[Any, Any]) -> dict[IdentityField, str]:
    """The identity fields of a row; several columns mapped to one field (address lines) are joined by ', '."""
    return RecordMaker("", table).identity(row)


def record_of(system: str, table: TableConfig, row: Mapping[Any, Any]) -> SourceRecord:
    """A row as a ``SourceRecord`` keyed by its key column's text (one row; streams use ``RecordMaker``)."""
    return RecordMaker(system, table)(row)


def children_of(config: SystemConfig, table: str) -> list[TableConfig]:
    """The tables whose rows hang under rows of ``table`` (case notes under a client)."""
    return [child for child in config.tables if child.parent_table == table and child.name != table]


def keys_by_table(config: SystemConfig, refs: Iterable[RecordKey]) -> dict[str, list[str]]:
    """The requested keys grouped per configured table, in order, without repeats; other systems' keys ignored."""
    grouped: dict[str, list[str]] = defaultdict(list)
    names = {table.name for table in config.tables}
    for ref in refs:
        if ref.system == config.slug and ref.table in names and ref.key not in grouped[ref.table]:
            grouped[ref.table].append(ref.key)
    return grouped


def table_named(config: SystemConfig, name: str) -> TableConfig:
    for table in config.tables:
        if table.name == name:
            return table
    raise WriteFailed(f"{config.slug} has no table {name!r} in its configuration")


def chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


ENV_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def missing_variables(text: str) -> list[str]:
    """The ``${NAME}`` variables in ``text`` that the environment does not set."""
    return [name for name in ENV_VARIABLE.findall(text) if name not in os.environ]


def expand_variables(text: str) -> str:
    """``text`` with each ``${NAME}`` replaced from the environment (passwords are kept out of YAML)."""
    missing = missing_variables(text)
    if missing:
        raise ConnectionFailed(f"the environment variable(s) {', '.join(missing)} are not set")
    return ENV_VARIABLE.sub(lambda match: os.environ[match.group(1)], text)


def key_problems(table: TableConfig, keys: list[Any]) -> list[str]:
    """Sentences about a key column that is empty or repeats in a sample: such keys cannot name one record."""
    problems = []
    if any(as_text(key) == "" for key in keys):
        problems.append(f"Table {table.name!r}: key column {table.key!r} is empty in some rows.")
    repeated = [key for key, times in Counter(as_text(key) for key in keys).items() if times > 1 and key]
    if repeated:
        problems.append(
            f"Table {table.name!r}: key column {table.key!r} is not unique ({len(repeated)} value(s) repeat in the "
            f"first {len(keys):,} rows)."
        )
    return problems
