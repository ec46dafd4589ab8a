"""The identity index on disk: one SQLite file of records and value counts, and two numpy arrays of blocking keys.

The index is a directory, separate from Pledge's own database so it works the same whichever database Django uses
and can be rebuilt at any time from the connected systems:

* ``identity.sqlite``: ``records`` (id, system, table, key, normalised profile, identity summary), ``counts``
  (hashed value -> how many records hold it and how many different people share it), ``children`` (linked rows
  without a name of their own, which belong to their parent record) and ``meta`` (JSON).
* ``block_keys.npy`` and ``block_records.npy``: every (blocking key hash, record id), sorted by key, read through
  memory mapping so a lookup is a binary search and opening the index costs nothing.

A build writes into a fresh ``.building`` directory and swaps it in at the end, so readers never see half an index.
"""

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import numpy as np

DATABASE = "identity.sqlite"
BLOCK_KEYS = "block_keys.npy"
BLOCK_RECORDS = "block_records.npy"

SCHEMA = """
create table records (id integer primary key, system text not null, tbl text not null, key text not null,
                      profile text not null, summary text not null);
create table counts (h integer primary key, records integer not null, sharers integer not null);
create table meta (name text primary key, value text not null);
create table children (system text not null, tbl text not null, key text not null, parent_tbl text not null,
                       parent_key text not null);
"""


def stable_hash(text: str) -> int:
    """A 63-bit hash that is the same in every process (Python's ``hash`` is salted per run)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little", signed=True)


def dumps(data: object) -> str:
    """Compact JSON."""
    return json.dumps(data, separators=(",", ":"))


def building_path(path: Path) -> Path:
    return path.with_name(path.name + ".building")


def create(path: Path) -> sqlite3.Connection:
    """A fresh, empty index database in the build directory for ``path``."""
    work = building_path(path)
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    connection = sqlite3.connect(work / DATABASE)
    connection.executescript("pragma journal_mode=off; pragma synchronous=off;" + SCHEMA)
    return connection


def save_blocks(path: Path, keys: np.ndarray, records: np.ndarray) -> None:
    """Sort the (key, record) pairs by key, drop duplicates, and write both arrays."""
    order = np.lexsort((records, keys))
    keys, records = keys[order], records[order]
    if len(keys):
        keep = np.ones(len(keys), dtype=bool)
        keep[1:] = (keys[1:] != keys[:-1]) | (records[1:] != records[:-1])
        keys, records = keys[keep], records[keep]
    work = building_path(path)
    np.save(work / BLOCK_KEYS, keys)
    np.save(work / BLOCK_RECORDS, records)


def save_meta(connection: sqlite3.Connection, meta: dict[str, object]) -> None:
    connection.executemany("insert or replace into meta values (?, ?)", [(k, json.dumps(v)) for k, v in meta.items()])


def finish(path: Path, connection: sqlite3.Connection) -> None:
    """Index the tables and swap the new index in place of the old one."""
    connection.commit()
    connection.close()
    work = building_path(path)
    if path.exists():
        old = path.with_name(path.name + ".old")
        if old.exists():
            shutil.rmtree(old)
        path.rename(old)
        work.rename(path)
        shutil.rmtree(old)
    else:
        work.rename(path)


class Store:
    """Read access to a built index."""

    def __init__(self, path: Path) -> None:
        database = path / DATABASE
        if not database.exists():
            raise FileNotFoundError(f"No identity index at {path}: build it with 'pledge identity index'")
        self.connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, check_same_thread=False)
        self.keys = np.load(path / BLOCK_KEYS, mmap_mode="r")
        self.records = np.load(path / BLOCK_RECORDS, mmap_mode="r")
        self.meta = {name: json.loads(value) for name, value in self.connection.execute("select name, value from meta")}

    def block(self, hashes: list[int], *, cap: int) -> tuple[np.ndarray, list[int]]:
        """The record ids filed under any of these key hashes (blocks bigger than ``cap`` are left out), and each
        block's size."""
        wanted = np.array(hashes, dtype=np.int64)
        low = np.searchsorted(self.keys, wanted, side="left")
        high = np.searchsorted(self.keys, wanted, side="right")
        sizes = (high - low).tolist()
        parts = [self.records[a:b] for a, b, size in zip(low, high, sizes, strict=True) if 0 < size <= cap]
        return (np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)), sizes

    def rows(self, ids: list[int]) -> list[tuple[int, str, str, str, str, str]]:
        """The stored records with these ids."""
        found: list[tuple[int, str, str, str, str, str]] = []
        for start in range(0, len(ids), 900):  # SQLite's limit on bound parameters
            chunk = ids[start : start + 900]
            marks = ",".join("?" * len(chunk))
            found += self.connection.execute(f"select * from records where id in ({marks})", chunk).fetchall()
        return found

    def parents(self) -> dict[tuple[str, str, str], tuple[str, str, str]]:
        """Child rows left to their parent record: (system, table, key) -> the parent's."""
        rows = self.connection.execute("select system, tbl, key, parent_tbl, parent_key from children")
        return {(system, table, key): (system, parent, parent_key) for system, table, key, parent, parent_key in rows}

    def counts(self, hashes: list[int]) -> dict[int, tuple[int, int]]:
        """Records holding, and people sharing, each of these value hashes (those the index has seen)."""
        if not hashes:
            return {}
        marks = ",".join("?" * len(hashes))
        sql = f"select h, records, sharers from counts where h in ({marks})"
        return {h: (n, k) for h, n, k in self.connection.execute(sql, hashes)}
