"""Read the connected-systems YAML into ``SystemConfig`` dataclasses, reporting every problem as ``file:line: msg``.

The file says, for each council system, where it is (a SQLAlchemy URL, or a folder of CSV/XLSX files or emails),
which tables hold people, which columns hold identity fields and which register data category each holds. UK GDPR
Art 15 and the Data (Use and Access) Act 2025 expect "reasonable and proportionate" searches; a mistyped mapping
would silently drop a system from them, so the loader refuses the whole file rather than guessing.
"""

import re
from pathlib import Path
from typing import Any

from pledge.discovery.sources import ColumnMapping, IdentityField, SystemConfig, SystemKind, TableConfig
from pledge.register.yaml.loader import LocatedDict, LocatedList, Problem, load_yaml_file

SYSTEM_KEYS = {"slug", "name", "register_system", "controller", "kind", "url", "folder", "writable", "tables"}
TABLE_KEYS = {
    "name",
    "key",
    "columns",
    "parent_table",
    "parent_key",
    "retention_rule",
    "trigger_column",
    "restriction_column",
}
COLUMN_KEYS = {"column", "identity", "category", "free_text"}
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# What a mailbox is read as when its YAML names no table: one record per message (P074).
MAILBOX_TABLE = TableConfig(
    name="messages",
    key="message",
    columns=(
        ColumnMapping(column="from", identity=IdentityField.EMAIL, category="Identity and contact"),
        ColumnMapping(column="from_name", identity=IdentityField.FULL_NAME, category="Identity and contact"),
        ColumnMapping(column="to", identity=IdentityField.EMAIL, category="Identity and contact"),
        ColumnMapping(column="cc", identity=IdentityField.EMAIL, category="Identity and contact"),
        ColumnMapping(column="subject", category="Correspondence"),
        ColumnMapping(column="body", category="Correspondence", free_text=True),
    ),
)


class SystemsInvalid(Exception):
    """The systems YAML has problems; ``problems`` lists them as ``file:line: message`` strings."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the systems file")
        self.problems = problems


def load_systems(path: Path) -> list[SystemConfig]:
    """The systems configured in ``path``; raises ``SystemsInvalid`` listing every problem found, never a subset."""
    data, problems = load_yaml_file(path)
    if problems:
        raise SystemsInvalid([str(problem) for problem in problems])
    reader = _Reader(file=str(path), folder=path.resolve().parent)
    systems = reader.systems(data)
    if reader.problems:
        raise SystemsInvalid([str(problem) for problem in sorted(set(reader.problems))])
    return systems


class _Reader:
    def __init__(self, *, file: str, folder: Path) -> None:
        self.file, self.folder = file, folder
        self.problems: list[Problem] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, message))

    def systems(self, data: Any) -> list[SystemConfig]:
        if not isinstance(data, LocatedDict) or not isinstance(data.get("systems"), LocatedList):
            self.problem(getattr(data, "line", 1), "the file must be a mapping with a 'systems:' list")
            return []
        self.unknown_keys(data, {"systems"}, "the file")
        systems: list[SystemConfig] = []
        seen: dict[str, int] = {}
        for index, item in enumerate(data["systems"]):
            system = self.system(item, data["systems"].line_of(index))
            if system is None:
                continue
            if system.slug in seen:
                self.problem(
                    system.source_line, f"system slug {system.slug!r} is used twice (first at line {seen[system.slug]})"
                )
            seen.setdefault(system.slug, system.source_line)
            systems.append(system)
        return systems

    def unknown_keys(self, item: LocatedDict, allowed: set[str], what: str) -> None:
        for key in sorted(set(item) - allowed):
            self.problem(item.line_of(key), f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")

    def text(self, item: LocatedDict, key: str, *, required: bool = False) -> str:
        value = item.get(key)
        if value is None or value == "":
            if required:
                self.problem(item.line, f"missing {key!r}")
            return ""
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.problem(item.line_of(key), f"{key!r} must be text")
            return ""
        return str(value)

    def flag(self, item: LocatedDict, key: str) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            self.problem(item.line_of(key), f"{key!r} must be true or false")
            return False
        return value

    def system(self, item: Any, line: int) -> SystemConfig | None:
        if not isinstance(item, LocatedDict):
            self.problem(line, "each system must be a mapping (slug, name, kind, ...)")
            return None
        slug = self.text(item, "slug", required=True)
        self.unknown_keys(item, SYSTEM_KEYS, f"system {slug!r}")
        if slug and not SLUG.match(slug):
            self.problem(item.line_of("slug"), f"slug {slug!r} must be lower-case letters, digits and hyphens")
        kind = self.kind(item)
        tables = self.tables(item, slug, kind)
        writable = self.flag(item, "writable")
        if writable and kind is SystemKind.MAILBOX:
            self.problem(item.line_of("writable"), f"system {slug!r}: a mailbox cannot be written to by Pledge")
        elif writable and not item.get("tables"):
            self.problem(item.line_of("writable"), f"system {slug!r} is writable but has no tables to write to")
        return SystemConfig(
            slug=slug,
            name=self.text(item, "name", required=True),
            kind=kind or SystemKind.SQL,
            location=self.location(item, slug, kind),
            tables=tables,
            register_system=self.text(item, "register_system"),
            controller=self.text(item, "controller"),
            writable=writable,
            source_file=self.file,
            source_line=item.line,
        )

    def kind(self, item: LocatedDict) -> SystemKind | None:
        value = self.text(item, "kind", required=True)
        if not value:
            return None
        try:
            return SystemKind(value)
        except ValueError:
            allowed = " | ".join(kind.value for kind in SystemKind)
            self.problem(item.line_of("kind"), f"unknown kind {value!r} (allowed: {allowed})")
            return None

    def location(self, item: LocatedDict, slug: str, kind: SystemKind | None) -> str:
        wanted, unwanted = ("url", "folder") if kind is SystemKind.SQL else ("folder", "url")
        if kind is None:
            return ""
        if unwanted in item:
            self.problem(
                item.line_of(unwanted), f"system {slug!r} is kind {kind.value}: use {wanted!r}, not {unwanted!r}"
            )
        value = self.text(item, wanted, required=True)
        if not value:
            return ""
        if kind is SystemKind.SQL:
            return self.sql_url(value, item.line_of(wanted))
        path = self.folder / value if not Path(value).is_absolute() else Path(value)
        if not path.exists():
            self.problem(item.line_of(wanted), f"system {slug!r}: {value!r} does not exist (looked for {path})")
        return str(path)

    def sql_url(self, url: str, line: int) -> str:
        """A SQLite URL's relative path is made absolute against the YAML's folder; other URLs are kept as
        written, ``${ENV_VAR}`` included, so a password is only substituted when connecting."""
        match = re.match(r"^(sqlite(?:\+\w+)?):///(.*)$", url)
        # A path naming ${VARIABLES} is only known when connecting; ``check`` reports it if it is missing then.
        if not match or not match.group(2) or match.group(2).startswith(("/", ":memory:", "${")):
            if not re.match(r"^[a-z][a-z0-9+]*://", url):
                self.problem(line, f"{url!r} is not a SQLAlchemy URL (dialect+driver://user:password@host/db)")
            return url
        path = self.folder / match.group(2)
        if not path.exists():
            self.problem(line, f"the SQLite file {match.group(2)!r} does not exist (looked for {path})")
        return f"{match.group(1)}:///{path}"

    def tables(self, item: LocatedDict, slug: str, kind: SystemKind | None) -> tuple[TableConfig, ...]:
        raw = item.get("tables")
        if raw is None and kind is SystemKind.MAILBOX:
            return (MAILBOX_TABLE,)
        if not isinstance(raw, LocatedList) or not raw:
            self.problem(item.line_of("tables"), f"system {slug!r} needs a 'tables:' list with at least one table")
            return ()
        tables = [t for i, entry in enumerate(raw) if (t := self.table(entry, raw.line_of(i), slug)) is not None]
        self.check_links(tables, raw, slug)
        if kind is SystemKind.MAILBOX:
            self.check_mailbox(tables, raw, slug)
        return tuple(tables)

    def check_mailbox(self, tables: list[TableConfig], raw: LocatedList, slug: str) -> None:
        """A mailbox is one table of messages keyed by ``message`` (the file, or mbox and position)."""
        if len(tables) > 1:
            self.problem(raw.line_of(1), f"system {slug!r}: a mailbox has one table of messages, not {len(tables)}")
        for index, table in enumerate(tables):
            if table.key and table.key != MAILBOX_TABLE.key:
                self.problem(raw.line_of(index), f"system {slug!r}: a mailbox's messages are keyed by "
                             f"'{MAILBOX_TABLE.key}' (the file they are in), not {table.key!r}")  # fmt: skip

    def check_links(self, tables: list[TableConfig], raw: LocatedList, slug: str) -> None:
        names: dict[str, int] = {}
        for index, table in enumerate(tables):
            line = raw.line_of(index)
            if table.name in names:
                self.problem(line, f"system {slug!r}: table {table.name!r} is listed twice")
            names.setdefault(table.name, line)
        for index, table in enumerate(tables):
            if table.parent_table and table.parent_table not in names:
                self.problem(
                    raw.line_of(index),
                    f"system {slug!r}: table {table.name!r} names parent_table "
                    f"{table.parent_table!r}, which is not one of its tables",
                )
            if table.parent_table == table.name:
                self.problem(raw.line_of(index), f"table {table.name!r} cannot be its own parent")

    def table(self, entry: Any, line: int, slug: str) -> TableConfig | None:
        if not isinstance(entry, LocatedDict):
            self.problem(line, f"system {slug!r}: each table must be a mapping (name, key, columns)")
            return None
        name = self.text(entry, "name", required=True)
        self.unknown_keys(entry, TABLE_KEYS, f"table {name!r}")
        if "/" in name:
            self.problem(entry.line_of("name"), f"table name {name!r} cannot contain '/'")
        key = self.text(entry, "key")
        if not key:
            self.problem(entry.line, f"table {name!r} has no key column ('key:'): records could not be found again")
        parent_table, parent_key = self.text(entry, "parent_table"), self.text(entry, "parent_key")
        if bool(parent_table) != bool(parent_key):
            self.problem(entry.line, f"table {name!r} needs both parent_table and parent_key, or neither")
        return TableConfig(
            name=name,
            key=key,
            columns=self.columns(entry, name),
            parent_table=parent_table,
            parent_key=parent_key,
            retention_rule=self.text(entry, "retention_rule"),
            trigger_column=self.text(entry, "trigger_column"),
            restriction_column=self.text(entry, "restriction_column"),
        )

    def columns(self, entry: LocatedDict, table: str) -> tuple[ColumnMapping, ...]:
        raw = entry.get("columns", LocatedList())
        if not isinstance(raw, LocatedList):
            self.problem(entry.line_of("columns"), f"table {table!r}: 'columns' must be a list")
            return ()
        mappings, seen = [], set()
        for index, item in enumerate(raw):
            mapping = self.column(item, raw.line_of(index), table)
            if mapping is None:
                continue
            if mapping.column in seen:
                self.problem(raw.line_of(index), f"table {table!r}: column {mapping.column!r} is mapped twice")
            seen.add(mapping.column)
            mappings.append(mapping)
        return tuple(mappings)

    def column(self, item: Any, line: int, table: str) -> ColumnMapping | None:
        if not isinstance(item, LocatedDict):
            self.problem(line, f"table {table!r}: each column must be a mapping like {{column: ..., category: ...}}")
            return None
        name = self.text(item, "column", required=True)
        self.unknown_keys(item, COLUMN_KEYS, f"column {name!r} of table {table!r}")
        identity_text = self.text(item, "identity")
        identity = None
        if identity_text:
            try:
                identity = IdentityField(identity_text)
            except ValueError:
                allowed = ", ".join(field.value for field in IdentityField)
                self.problem(item.line_of("identity"), f"unknown identity field {identity_text!r} (allowed: {allowed})")
        return ColumnMapping(
            column=name, identity=identity, category=self.text(item, "category"), free_text=self.flag(item, "free_text")
        )
