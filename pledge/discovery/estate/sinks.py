"""Where generated rows go: a SQLite file, one shared SQLAlchemy database, CSV or XLSX files, or .eml files.

Each sink buffers rows and writes them in large batches (``executemany`` in one transaction, ``csv.writer``), so a
million-person estate writes in minutes. Output is byte-identical for the same rows: no timestamps of "now".
"""

import csv
import os
import re
import sqlite3
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from .schema import SystemSpec, TableSpec

BATCH = 20000
FIXED_ZIP_TIME = (2026, 1, 1, 0, 0, 0)


class TableWriter(Protocol):
    def add(self, row: Sequence[Any]) -> None: ...


class Sink(Protocol):
    def writer(self, table: TableSpec) -> TableWriter: ...

    def close(self) -> None: ...


class _Buffered:
    def __init__(self, flush: Any) -> None:
        self.rows: list[Sequence[Any]] = []
        self._flush = flush

    def add(self, row: Sequence[Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self._flush(self.rows)
            self.rows = []


class SqliteSink:
    """One SQLite file per system, written with journalling off (the file is rebuilt from scratch)."""

    def __init__(self, path: Path, system: SystemSpec) -> None:
        path.unlink(missing_ok=True)
        self.connection = sqlite3.connect(path)
        self.connection.execute("PRAGMA journal_mode=OFF")
        self.connection.execute("PRAGMA synchronous=OFF")
        self.system = system
        self.writers: list[_Buffered] = []

    def writer(self, table: TableSpec) -> TableWriter:
        name = self.system.stored_name(table.name)
        columns = ", ".join(
            f'"{column.name}" {column.sql_type}' + (" PRIMARY KEY" if column.name == table.key else "")
            for column in table.columns
        )
        self.connection.execute(f'CREATE TABLE "{name}" ({columns})')
        placeholders = ", ".join("?" for _ in table.columns)
        sql = f'INSERT INTO "{name}" VALUES ({placeholders})'
        buffered = _Buffered(lambda rows: self.connection.executemany(sql, rows))
        self.writers.append(buffered)
        return buffered

    def close(self) -> None:
        for buffered in self.writers:
            buffered.flush()
        self.connection.commit()
        self.connection.close()


ENV_VARIABLE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def expand_variables(url: str) -> str:
    """``url`` with each ``${NAME}`` taken from the environment, as the connectors do: ``systems.yaml`` keeps the
    ``${NAME}``, so a password given that way is never written to it."""
    missing = sorted({name for name in ENV_VARIABLE.findall(url) if name not in os.environ})
    if missing:
        raise ValueError(f"the environment variable(s) {', '.join(missing)} are not set")
    return ENV_VARIABLE.sub(lambda match: os.environ[match.group(1)], url)


class SqlAlchemySink:
    """Every SQL system in one database (``--db``), each table prefixed with its system ('council_tax__accounts')."""

    def __init__(self, url: str, system: SystemSpec) -> None:
        import sqlalchemy

        self.sa = sqlalchemy
        self.engine = sqlalchemy.create_engine(expand_variables(url))
        self.metadata = sqlalchemy.MetaData()
        self.system = system
        self.writers: list[_Buffered] = []

    def writer(self, table: TableSpec) -> TableWriter:
        sa = self.sa
        types = {"TEXT": sa.Text, "INTEGER": sa.Integer, "REAL": sa.Float}
        name = self.system.stored_name(table.name)
        # Keys are short text or integers; a key column is VARCHAR so MySQL and SQL Server can index it.
        columns = [
            sa.Column(column.name, sa.String(64), primary_key=True)
            if column.name == table.key and column.sql_type == "TEXT"
            else sa.Column(column.name, types[column.sql_type](), primary_key=column.name == table.key)
            for column in table.columns
        ]
        sa_table = sa.Table(name, self.metadata, *columns)
        sa_table.drop(self.engine, checkfirst=True)
        sa_table.create(self.engine)
        names = table.column_names

        def flush(rows: list[Sequence[Any]]) -> None:
            with self.engine.begin() as connection:
                connection.execute(sa_table.insert(), [dict(zip(names, row, strict=True)) for row in rows])

        buffered = _Buffered(flush)
        self.writers.append(buffered)
        return buffered

    def close(self) -> None:
        for buffered in self.writers:
            buffered.flush()
        self.engine.dispose()


class CsvSink:
    """A folder of CSV files, one per table, with a header row."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.handles: list[Any] = []

    def writer(self, table: TableSpec) -> TableWriter:
        handle = (self.folder / f"{table.name}.csv").open("w", newline="", encoding="utf-8")
        self.handles.append(handle)
        writer = csv.writer(handle)
        writer.writerow(table.column_names)

        class _Rows:
            def add(self, row: Sequence[Any]) -> None:
                writer.writerow(row)

        return _Rows()

    def close(self) -> None:
        for handle in self.handles:
            handle.close()


class XlsxSink:
    """A folder of XLSX workbooks (openpyxl, write-only), one sheet each, with fixed timestamps."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.books: list[tuple[Any, Path]] = []

    def writer(self, table: TableSpec) -> TableWriter:
        from datetime import datetime

        from openpyxl import Workbook

        book = Workbook(write_only=True)
        book.properties.created = book.properties.modified = datetime(2026, 1, 1)
        book.properties.creator = "Anyshire Council"
        sheet = book.create_sheet(table.name)
        sheet.append(table.column_names)
        self.books.append((book, self.folder / f"{table.name}.xlsx"))

        class _Sheet:
            def add(self, row: Sequence[Any]) -> None:
                sheet.append(list(row))

        return _Sheet()

    def close(self) -> None:
        for book, path in self.books:
            book.save(path)
            _fix_zip_times(path)


def _fix_zip_times(path: Path) -> None:
    """Rewrite the workbook's zip entries and modified date with one fixed time: same rows, same bytes."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


class MailboxSink:
    """A folder of RFC 5322 messages, one ``<key>.eml`` per row of the mailbox's one table.

    Messages are plain 7-bit text written directly (the ``email`` package takes milliseconds per message, too slow
    for a large estate); every value here is ASCII and header values are single short lines.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("MB*.eml"):  # a smaller estate written over a larger one leaves no stray messages
            old.unlink()
        self.folder = folder

    def writer(self, table: TableSpec) -> TableWriter:
        folder = self.folder

        class _Messages:
            def add(self, row: Sequence[Any]) -> None:
                key, from_address, from_name, to, sent, subject, body = row
                message_id = key.removesuffix(".eml") + "@mail.anyshire.example"
                sender = f'"{from_name}" <{from_address}>' if from_name else from_address
                text = (
                    f"Message-ID: <{message_id}>\r\nDate: {sent}\r\nFrom: {sender}\r\nTo: {to}\r\n"
                    f'Subject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="us-ascii"\r\n'
                    "Content-Transfer-Encoding: 7bit\r\n\r\n" + body.replace("\n", "\r\n")
                )
                (folder / key).write_bytes(text.encode("ascii", "replace"))

        return _Messages()

    def close(self) -> None:
        return None
