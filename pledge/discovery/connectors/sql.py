"""A connected SQL system (PostgreSQL, MariaDB/MySQL, SQLite, SQL Server) read through SQLAlchemy Core.

Rows are streamed with server-side cursors (``stream_results`` and ``yield_per``) so an index build never holds a
whole table in memory; every value goes in as a bound parameter and every identifier is quoted by SQLAlchemy.
SQL Server works through a ``mssql+pyodbc://`` URL when pyodbc and an ODBC driver are installed (not tested here).
A SQLite file is opened read-only unless the system is writable, so a mistyped path never creates an empty one.
"""

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence
from functools import cached_property
from typing import Any
from urllib.parse import quote

from sqlalchemy import Column, Engine, MetaData, Table, create_engine, delete, func, inspect, select, update
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, NoSuchTableError, SQLAlchemyError
from sqlalchemy.pool import QueuePool

from pledge.discovery.connectors.records import (
    KEY_SAMPLE,
    Closing,
    ConnectionFailed,
    RecordMaker,
    WriteFailed,
    as_text,
    children_of,
    chunks,
    expand_variables,
    key_problems,
    keys_by_table,
    missing_variables,
    record_of,
    table_named,
    wanted_columns,
)
from pledge.discovery.sources import (
    ReadOnlySystem,
    RecordKey,
    SourceRecord,
    SystemConfig,
    TableConfig,
    Write,
    WriteAction,
)

IN_CHUNK = 500  # keys per IN (...) clause: below every driver's bound-parameter limit


def mask_url(url: str) -> str:
    """The URL with any password replaced by ***, for reports and errors."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url.split("@")[-1] if "@" in url else url


class SqlConnector(Closing):
    """Reads, and only when ``config.writable`` changes, one SQL system."""

    def __init__(self, config: SystemConfig) -> None:
        self.config = config
        self._tables: dict[str, Table] = {}

    # -- connecting ---------------------------------------------------------------------------------------------

    @cached_property
    def engine(self) -> Engine:
        try:
            url = make_url(expand_variables(self.config.location))
        except ArgumentError as error:
            raise ConnectionFailed(f"{mask_url(self.config.location)} is not a valid URL: {error}") from None
        if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
            mode = "rw" if self.config.writable else "ro"
            path = quote(url.database)
            # "sqlite://" alone would mean an in-memory database sharing one connection per thread, so a reflection
            # closing "its" connection would roll back an open write; a real pool gives each use its own.
            opener = lambda: sqlite3.connect(f"file:{path}?mode={mode}", uri=True)  # noqa: E731
            return create_engine("sqlite://", creator=opener, poolclass=QueuePool)
        try:
            return create_engine(url, pool_pre_ping=True)
        except (NoSuchModuleError, ImportError) as error:
            raise ConnectionFailed(
                f"the driver for {mask_url(self.config.location)} is not installed: {error}"
            ) from None

    def close(self) -> None:
        """Close the pooled connections (a worker calls this when a run is done)."""
        if "engine" in self.__dict__:
            self.engine.dispose()

    def _safe(self, error: BaseException) -> str:
        """A driver's message without the password, whatever the driver chose to echo."""
        message = str(getattr(error, "orig", None) or error).strip().splitlines()[0] if str(error) else repr(error)
        try:
            password = make_url(expand_variables(self.config.location)).password
        except (ArgumentError, ConnectionFailed):
            password = None
        return message.replace(password, "***") if password else message

    def _table(self, name: str) -> Table:
        if name not in self._tables:
            schema, _, bare = name.rpartition(".")
            self._tables[name] = Table(bare, MetaData(), schema=schema or None, autoload_with=self.engine)
        return self._tables[name]

    # -- reading ------------------------------------------------------------------------------------------------

    def iter_records(self, *, batch_size: int = 5000) -> Iterator[list[SourceRecord]]:
        """Every mapped table's rows in batches of ``batch_size``, one table after another, streamed."""
        for table in self.config.tables:
            yield from self._stream(table, batch_size)

    def _stream(self, table: TableConfig, batch_size: int) -> Iterator[list[SourceRecord]]:
        sql_table = self._table(table.name)
        statement = select(*(sql_table.c[name] for name in wanted_columns(table)))
        with self.engine.connect() as connection:
            streaming = connection.execution_options(stream_results=True, yield_per=batch_size)
            result = streaming.execute(statement)
            make = RecordMaker(self.config.slug, table)
            try:
                for rows in result.mappings().partitions(batch_size):
                    yield [make(row) for row in rows]
            finally:
                # A reader that stops early must close the server-side cursor before the connection is reused.
                result.close()

    def fetch(self, refs: Sequence[RecordKey]) -> list[SourceRecord]:
        """The full rows for ``refs`` (every column), each followed by its linked child rows' records."""
        records: dict[RecordKey, SourceRecord] = {}
        with self.engine.connect() as connection:
            for name, keys in keys_by_table(self.config, refs).items():
                self._fetch_into(connection, table_named(self.config, name), None, keys, records)
        return list(records.values())

    def _fetch_into(
        self,
        connection: Connection,
        table: TableConfig,
        by: str | None,
        keys: Sequence[str],
        records: dict[RecordKey, SourceRecord],
    ) -> None:
        """Rows of ``table`` whose ``by`` column (its key by default) is in ``keys``, then their children."""
        sql_table = self._table(table.name)
        column = sql_table.c[by or table.key]
        found: list[str] = []
        for chunk in chunks(_coerce(column, keys), IN_CHUNK):
            for row in connection.execute(select(sql_table).where(column.in_(chunk))).mappings():
                record = record_of(self.config.slug, table, row)
                records.setdefault(record.ref, record)
                found.append(record.ref.key)
        for child in children_of(self.config, table.name):
            if found:
                self._fetch_into(connection, child, child.parent_key, found, records)

    def count(self, table: TableConfig) -> int:
        """How many rows ``table`` holds."""
        with self.engine.connect() as connection:
            return int(connection.execute(select(func.count()).select_from(self._table(table.name))).scalar_one())

    # -- writing ------------------------------------------------------------------------------------------------

    def apply(self, writes: Sequence[Write]) -> None:
        """Make every write in one transaction; any failure rolls all of them back (``WriteFailed``)."""
        if not self.config.writable:
            raise ReadOnlySystem(f"{self.config.name} ({self.config.slug}) is not configured as writable")
        self._check_writes(writes)
        try:
            with self.engine.begin() as connection:
                for write in writes:
                    self._apply_one(connection, write)
        except SQLAlchemyError as error:
            raise WriteFailed(f"{self.config.slug}: nothing was changed: {self._safe(error)}") from None

    def _check_writes(self, writes: Sequence[Write]) -> None:
        """Refuse the whole batch before touching anything if it names an unknown table or column."""
        for write in writes:
            if write.ref.system != self.config.slug:
                raise WriteFailed(f"{write.ref} is not a record of {self.config.slug}")
            sql_table = self._table(table_named(self.config, write.ref.table).name)
            unknown = sorted(set(write.changes) - set(sql_table.c.keys()))
            if unknown:
                raise WriteFailed(f"{write.ref}: no column(s) {', '.join(unknown)}; nothing was changed")
            self._reflect_children(write.ref.table)
            if write.action is WriteAction.UPDATE and not write.changes:
                raise WriteFailed(f"{write.ref}: an update with no changes; nothing was changed")

    def _reflect_children(self, name: str) -> None:
        """Read the linked tables' definitions before the write transaction opens, not inside it."""
        for child in children_of(self.config, name):
            self._table(child.name)
            self._reflect_children(child.name)

    def _apply_one(self, connection: Connection, write: Write) -> None:
        table = table_named(self.config, write.ref.table)
        sql_table = self._table(table.name)
        key_column = sql_table.c[table.key]
        key = _coerce(key_column, [write.ref.key])
        if write.action is WriteAction.DELETE:
            self._delete_children(connection, table, key)
            statement: Any = delete(sql_table).where(key_column.in_(key))
        else:
            changes = {name: _value_for(sql_table.c[name], value) for name, value in write.changes.items()}
            statement = update(sql_table).where(key_column.in_(key)).values(changes)
        if not key or connection.execute(statement).rowcount == 0:
            raise WriteFailed(f"{write.ref} was not found; nothing was changed")

    def _delete_children(self, connection: Connection, table: TableConfig, keys: Sequence[Any]) -> None:
        """Erasure removes a record's linked rows first (grandchildren before children), so none is orphaned."""
        for child in children_of(self.config, table.name):
            child_table = self._table(child.name)
            parent_column = child_table.c[child.parent_key]
            wanted = _coerce(parent_column, [as_text(key) for key in keys])
            child_keys = list(connection.execute(select(child_table.c[child.key]).where(parent_column.in_(wanted))))
            if child_keys:
                self._delete_children(connection, child, [row[0] for row in child_keys])
            connection.execute(delete(child_table).where(parent_column.in_(wanted)))

    # -- checking -----------------------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Connection and mapping problems as sentences (never a password); empty when all is well."""
        missing = missing_variables(self.config.location)
        if missing:
            return [f"The environment variable(s) {', '.join(missing)} used in the URL are not set."]
        where = mask_url(self.config.location)
        try:
            inspector = inspect(self.engine)
            with self.engine.connect() as connection:
                connection.execute(select(1))
        except (ConnectionFailed, SQLAlchemyError, OSError) as error:
            return [f"Cannot connect to {where}: {self._safe(error)}"]
        problems: list[str] = []
        for table in self.config.tables:
            schema, _, bare = table.name.rpartition(".")
            if not inspector.has_table(bare, schema=schema or None):
                problems.append(f"Table {table.name!r} is missing from {where}.")
                continue
            try:
                problems.extend(self._check_table(table))
            except SQLAlchemyError as error:  # a permission refused on one table must not hide the others
                problems.append(f"Table {table.name!r} cannot be read: {self._safe(error)}")
        return problems

    def _check_table(self, table: TableConfig) -> list[str]:
        try:
            sql_table = self._table(table.name)
        except (NoSuchTableError, SQLAlchemyError) as error:
            return [f"Table {table.name!r} cannot be read: {self._safe(error)}"]
        absent = [name for name in wanted_columns(table) if name not in sql_table.c]
        if absent:
            return [f"Table {table.name!r} has no column(s) {', '.join(absent)}."]
        with self.engine.connect() as connection:
            keys = [row[0] for row in connection.execute(select(sql_table.c[table.key]).limit(KEY_SAMPLE))]
        return key_problems(table, keys)


def _coerce(column: Column[Any] | Any, keys: Sequence[str]) -> list[Any]:
    """Keys as text turned into the column's type, so an integer key is compared as an integer on every database
    (PostgreSQL refuses integer = text); a key that cannot be converted matches nothing."""
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return list(keys)
    if python_type is int:
        return [int(key) for key in keys if key.strip().lstrip("-").isdigit()]
    return list(keys)


def _value_for(column: Column[Any], value: Any) -> Any:
    """A plan's value for ``column``: ISO text becomes a date or datetime, digits an integer, as the column holds
    them (SQLite's Date type accepts only date objects); anything else goes to the driver unchanged."""
    if not isinstance(value, str) or not value.strip():
        return value
    try:
        python_type = column.type.python_type
    except NotImplementedError:
        return value
    try:
        if python_type is dt.datetime:
            return dt.datetime.fromisoformat(value)
        if python_type is dt.date:
            return dt.date.fromisoformat(value)
        if python_type is int and value.strip().lstrip("-").isdigit():
            return int(value)
    except ValueError:
        raise WriteFailed(
            f"{value!r} is not a valid {python_type.__name__} for column {column.name!r}; nothing was changed"
        ) from None
    return value
