"""The shape of each generated system (tables, columns, mappings) and the ``systems.yaml`` that describes them.

``systems.yaml`` is the connected-systems file ``pledge.discovery.connectors.load_systems`` reads; its fields mirror
``SystemConfig``/``TableConfig``/``ColumnMapping`` in ``pledge.discovery.sources``.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

import yaml

from pledge.discovery.sources import IdentityField, SystemKind


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str = "TEXT"  # TEXT, INTEGER or REAL
    identity: IdentityField | None = None
    category: str = ""
    free_text: bool = False


@dataclass(frozen=True)
class TableSpec:
    name: str  # the SQL table, or the file inside the system's folder without its suffix ("members")
    key: str
    columns: Sequence[Column]
    parent_table: str = ""
    parent_key: str = ""
    retention_rule: str = ""
    trigger_column: str = ""
    restriction_column: str = ""

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass(frozen=True)
class SystemSpec:
    slug: str
    name: str
    register_system: str
    controller: str
    kind: SystemKind
    location: str  # the SQLite file name, or the folder name, inside the estate directory
    tables: Sequence[TableSpec]
    writable: bool = False
    file_format: str = "csv"  # kind files: each table is "<name>.csv" or "<name>.xlsx" in the folder
    table_prefix: str = field(default="")  # set when every SQL system shares one database (--db)

    def table(self, name: str) -> TableSpec:
        return next(table for table in self.tables if table.name == name)

    def stored_name(self, table: str) -> str:
        """The table's name where it is stored: prefixed by the system when systems share one database."""
        return f"{self.table_prefix}{table}"


def db_prefix(slug: str) -> str:
    """'council-tax' -> 'council_tax__': every SQL system's tables, side by side in one database."""
    return slug.replace("-", "_") + "__"


def _column_yaml(column: Column) -> dict[str, object]:
    entry: dict[str, object] = {"column": column.name}
    if column.identity is not None:
        entry["identity"] = column.identity.value
    if column.category:
        entry["category"] = column.category
    if column.free_text:
        entry["free_text"] = True
    return entry


def _table_yaml(system: SystemSpec, table: TableSpec) -> dict[str, object]:
    entry: dict[str, object] = {"name": system.stored_name(table.name), "key": table.key}
    if table.parent_table:
        entry["parent_table"] = system.stored_name(table.parent_table)
        entry["parent_key"] = table.parent_key
    for attribute in ("retention_rule", "trigger_column", "restriction_column"):
        if getattr(table, attribute):
            entry[attribute] = getattr(table, attribute)
    entry["columns"] = [
        _column_yaml(column) for column in table.columns if column.identity or column.category or column.free_text
    ]
    return entry


def systems_yaml(systems: Sequence[SystemSpec], *, db_url: str | None) -> str:
    """The connected-systems YAML for these generated systems (SQL ones in ``db_url`` when given)."""
    entries = []
    for system in systems:
        entry: dict[str, object] = {
            "slug": system.slug,
            "name": system.name,
            "register_system": system.register_system,
            "controller": system.controller,
            "kind": system.kind.value,
        }
        if system.kind is SystemKind.SQL:
            entry["url"] = db_url or f"sqlite:///{system.location}"
        else:
            entry["folder"] = system.location
        entry["writable"] = system.writable
        entry["tables"] = [_table_yaml(system, table) for table in system.tables]
        entries.append(entry)
    header = (
        "# Anyshire's connected systems: a synthetic estate made by `pledge demo estate` (fictional people only).\n"
        "# Relative sqlite paths and folders are relative to this file.\n"
    )
    return header + yaml.safe_dump({"systems": entries}, sort_keys=False, allow_unicode=True, width=120)
