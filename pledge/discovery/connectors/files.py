"""A connected system that is a folder of CSV or XLSX files, one file per table (``accounts.csv``).

Files are read row by row (the csv module; openpyxl in read-only mode), never whole. A writable CSV is changed by
writing a new file beside it and atomically replacing the old one, so a crash leaves either the old file or the new,
never half of each. XLSX files are not written: Pledge would have to rewrite a workbook it cannot fully round-trip
(formulas, formatting), so it refuses with ``ReadOnlySystem`` and the plan becomes a task for the system owner.
"""

import csv
import os
import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import suppress
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from pledge.discovery.connectors.records import (
    KEY_SAMPLE,
    Closing,
    RecordMaker,
    WriteFailed,
    as_text,
    children_of,
    key_problems,
    keys_by_table,
    record_of,
    table_named,
    wanted_columns,
)
from pledge.discovery.sources import ReadOnlySystem, RecordKey, SourceRecord, SystemConfig, TableConfig, Write
from pledge.discovery.sources import WriteAction as Action

SUFFIXES = (".csv", ".xlsx")
csv.field_size_limit(16 * 1024 * 1024)  # case notes can be long; the default 128 KiB limit would stop the read


class FilesConnector(Closing):
    """Reads, and for CSV only when ``config.writable`` changes, a folder of CSV/XLSX files."""

    def __init__(self, config: SystemConfig) -> None:
        self.config = config
        self.folder = Path(config.location)

    def path_of(self, table: TableConfig) -> Path | None:
        """The file holding ``table``: ``<name>.csv`` or ``<name>.xlsx`` in the folder; None when neither exists."""
        for suffix in SUFFIXES:
            path = self.folder / f"{table.name}{suffix}"
            if path.is_file():
                return path
        return None

    def _path(self, table: TableConfig) -> Path:
        path = self.path_of(table)
        if path is None:
            raise FileNotFoundError(f"{self.config.slug}: no {table.name}.csv or {table.name}.xlsx in {self.folder}")
        return path

    def header(self, table: TableConfig) -> list[str]:
        """The column names in the file's first row."""
        return [as_text(name) for name in next(_rows(self._path(table)), [])]

    def rows(self, table: TableConfig) -> Iterator[dict[str, Any]]:
        """The file's rows as dicts keyed by the header, streamed."""
        raw = _rows(self._path(table))
        header = [as_text(name) for name in next(raw, [])]
        for values in raw:
            if any(value not in (None, "") for value in values):
                yield dict(zip(header, values, strict=False))

    # -- reading ------------------------------------------------------------------------------------------------

    def iter_records(self, *, batch_size: int = 5000) -> Iterator[list[SourceRecord]]:
        """Every mapped file's rows in batches of ``batch_size``, one file after another."""
        for table in self.config.tables:
            wanted, make = wanted_columns(table), RecordMaker(self.config.slug, table)
            rows = self.rows(table)
            while batch := list(islice(rows, batch_size)):
                yield [make({c: row.get(c) for c in wanted}) for row in batch]

    def fetch(self, refs: Sequence[RecordKey]) -> list[SourceRecord]:
        """The full rows for ``refs``, each followed by its linked child rows' records (one pass per file)."""
        records: dict[RecordKey, SourceRecord] = {}
        for name, keys in keys_by_table(self.config, refs).items():
            self._fetch_into(table_named(self.config, name), None, set(keys), records)
        return list(records.values())

    def _fetch_into(self, table: TableConfig, by: str | None, keys: set[str], records: dict) -> None:
        found = set()
        for row in self.rows(table):
            if as_text(row.get(by or table.key)) in keys:
                record = record_of(self.config.slug, table, row)
                records.setdefault(record.ref, record)
                found.add(record.ref.key)
        for child in children_of(self.config, table.name):
            if found:
                self._fetch_into(child, child.parent_key, found, records)

    def count(self, table: TableConfig) -> int:
        """How many rows the file holds."""
        return sum(1 for _ in self.rows(table))

    # -- checking -----------------------------------------------------------------------------------------------

    def check(self) -> list[str]:
        """Missing folder, files or columns and unusable keys, as sentences; empty when all is well."""
        if not self.folder.is_dir():
            return [f"The folder {self.folder} does not exist."]
        problems = []
        for table in self.config.tables:
            if self.path_of(table) is None:
                problems.append(f"No file {table.name}.csv or {table.name}.xlsx in {self.folder}.")
                continue
            if self.config.writable and self._path(table).suffix.lower() != ".csv":
                problems.append(
                    f"{table.name}.xlsx is a workbook, which Pledge does not write, but the system is marked "
                    "writable: convert it to CSV or set 'writable: false'."
                )
            if all((self.folder / f"{table.name}{suffix}").is_file() for suffix in SUFFIXES):
                problems.append(f"Both {table.name}.csv and {table.name}.xlsx exist; Pledge reads the CSV only.")
            try:
                problems.extend(self._check_table(table))
            except (OSError, ValueError, csv.Error, KeyError) as error:
                problems.append(f"{self._path(table).name} cannot be read: {error}")
        return problems

    def _check_table(self, table: TableConfig) -> list[str]:
        header = self.header(table)
        absent = [name for name in wanted_columns(table) if name not in header]
        if absent:
            return [f"{self._path(table).name} has no column(s) {', '.join(absent)}."]
        return key_problems(table, [row.get(table.key) for row in islice(self.rows(table), KEY_SAMPLE)])

    # -- writing ------------------------------------------------------------------------------------------------

    def apply(self, writes: Sequence[Write]) -> None:
        """Rewrite each affected CSV through a temporary file, then replace them all; any problem changes nothing."""
        if not self.config.writable:
            raise ReadOnlySystem(f"{self.config.name} ({self.config.slug}) is not configured as writable")
        updates, deletes = self._plan(writes)
        self._refuse_xlsx([*updates, *deletes])
        staged: list[tuple[Path, Path]] = []
        try:
            for name in dict.fromkeys([*updates, *deletes]):
                table = table_named(self.config, name)
                staged.append((self._path(table), self._rewrite(table, updates[name], deletes)))
        except BaseException:
            for _, temporary in staged:
                temporary.unlink(missing_ok=True)
            raise
        for path, temporary in staged:
            os.replace(temporary, path)

    def _plan(self, writes: Sequence[Write]) -> tuple[dict[str, dict[str, dict]], dict[str, set[str]]]:
        """Updates per table and key, and the keys deleted per table with their children's keys added."""
        updates: dict[str, dict[str, dict]] = defaultdict(dict)
        deletes: dict[str, set[str]] = defaultdict(set)
        for write in writes:
            table = table_named(self.config, write.ref.table)
            if write.ref.system != self.config.slug:
                raise WriteFailed(f"{write.ref} is not a record of {self.config.slug}")
            if write.action is Action.DELETE:
                deletes[table.name].add(write.ref.key)
            else:
                updates[table.name].setdefault(write.ref.key, {}).update(write.changes)
        for name in list(deletes):
            self._cascade(table_named(self.config, name), set(deletes[name]), deletes)
        return updates, deletes

    def _cascade(self, table: TableConfig, keys: set[str], deletes: dict[str, set[str]]) -> None:
        for child in children_of(self.config, table.name):
            if self.path_of(child) is None:
                continue
            found = {
                as_text(row.get(child.key)) for row in self.rows(child) if as_text(row.get(child.parent_key)) in keys
            }
            if found - deletes.get(child.name, set()):
                deletes[child.name] |= found
                self._cascade(child, found, deletes)

    def _refuse_xlsx(self, names: list[str]) -> None:
        for name in names:
            path = self._path(table_named(self.config, name))
            if path.suffix.lower() != ".csv":
                raise ReadOnlySystem(
                    f"{self.config.slug}: {path.name} is a workbook; Pledge writes CSV files only, so nothing was "
                    "changed (export it to CSV, or ask the system owner to make the change)"
                )

    def _rewrite(self, table: TableConfig, updates: dict[str, dict], deletes: dict[str, set[str]]) -> Path:
        path = self._path(table)
        header = self.header(table)
        unknown = sorted({column for changes in updates.values() for column in changes} - set(header))
        if unknown:
            raise WriteFailed(f"{path.name} has no column(s) {', '.join(unknown)}; nothing was changed")
        gone, parent_gone = deletes.get(table.name, set()), deletes.get(table.parent_table, set())
        seen: set[str] = set()
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below; kept on success for os.replace
            "w", dir=path.parent, prefix=f".{path.stem}.", suffix=".tmp", delete=False, encoding="utf-8", newline=""
        )
        temporary = Path(handle.name)
        try:
            with handle:
                writer = csv.DictWriter(handle, fieldnames=header, lineterminator=_line_ending(path))
                writer.writeheader()
                for row in self.rows(table):
                    key = as_text(row.get(table.key))
                    seen.add(key)
                    if key in gone or (table.parent_key and as_text(row.get(table.parent_key)) in parent_gone):
                        continue
                    changes = {column: as_text(value) for column, value in updates.get(key, {}).items()}
                    writer.writerow({**{c: as_text(v) for c, v in row.items()}, **changes})
            missing = sorted((set(updates) | gone) - seen)
            if missing:
                raise WriteFailed(f"{path.name}: no record(s) {', '.join(missing[:5])}; nothing was changed")
            shutil.copymode(path, temporary)
        except BaseException:
            with suppress(OSError):
                temporary.unlink()
            raise
        return temporary


def _rows(path: Path) -> Iterator[list[Any]]:
    """A CSV's or a workbook's first sheet's rows as lists, streamed."""
    if path.suffix.lower() == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
        return
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield ["" if value is None else value for value in values]
    finally:
        workbook.close()


def _line_ending(path: Path) -> str:
    with path.open("rb") as handle:
        return "\r\n" if b"\r\n" in handle.read(65536) else "\n"
