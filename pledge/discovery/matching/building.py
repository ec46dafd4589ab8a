"""Building the identity index: each system is read and normalised into its own shard, on as many processes as the
machine has cores (forked, so connectors need not be picklable), then the shards are merged into one index.

A shard holds its records (local ids from 0), linked child rows left to their parents, the (blocking key, record)
pairs, the (value, person signature) pairs for term frequencies and sharers, and the people it seems to hold.
"""

import multiprocessing
import os
import sqlite3
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from pledge.discovery.matching import store
from pledge.discovery.matching.names import Nicknames, soundex
from pledge.discovery.matching.profile import Profile, blocking_keys, profile_from_identity
from pledge.discovery.sources import Connector, IdentityField, SourceRecord, TableConfig

NAME_FIELDS = (IdentityField.FULL_NAME, IdentityField.GIVEN_NAME, IdentityField.FAMILY_NAME)
SHARD_SCHEMA = """
create table records (id integer primary key, system text, tbl text, key text, profile text, summary text);
create table children (system text, tbl text, key text, parent_tbl text, parent_key text);
"""
Progress = Callable[[int, int | None], None]


def value_keys(profile: Profile) -> dict[str, list[str]]:
    """The values whose frequency and sharers the index counts, by kind: given name, family name, postcode (term
    frequencies), and email, phone, dwelling (how many people share them)."""
    keys = {
        "g": [profile.first] if len(profile.first) > 1 else [],
        "f": [profile.family] if profile.family else [],
        "c": [profile.postcode] if profile.postcode else [],
        "e": list(profile.emails),
        "p": list(profile.phones),
        "a": [address.key() for address in (profile.address, *profile.previous) if address and address.key()],
    }
    return {kind: [f"{kind}:{value}" for value in values] for kind, values in keys.items()}


@lru_cache(maxsize=65536)
def _signature_of(first: str, nicknames: Nicknames) -> int:
    return store.stable_hash(soundex(nicknames.canonical(first)))


def person_signature(profile: Profile, nicknames: Nicknames) -> int:
    """Who a record seems to be about, for counting the people who share a value: the sound of the formal given
    name (Bob, Robert and Robret count as one); 0 when the record has only an initial or an uncertain order."""
    if len(profile.first) < 2 or not profile.order_known:
        return 0
    return _signature_of(profile.first, nicknames)


@dataclass
class ShardSummary:
    """What one system's shard holds."""

    directory: Path
    system: str
    read: int
    records: int
    rejected_nhs: int


class _Shard:
    """Accumulates one system's records, blocking keys and value counts, in compact arrays."""

    def __init__(self, directory: Path, nicknames: Nicknames) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self.nicknames = nicknames
        self.connection = sqlite3.connect(directory / "shard.sqlite")
        self.connection.executescript("pragma journal_mode=off; pragma synchronous=off;" + SHARD_SCHEMA)
        self.block_keys, self.block_records = array("q"), array("q")
        self.value_hashes, self.value_people = array("q"), array("q")
        self.people: set[int] = set()
        self.next_id = 0
        self.rejected_nhs = 0

    def is_person(self, record: SourceRecord, child: TableConfig | None) -> bool:
        """Whether to index the record: yes, unless it is a child row with no name (then it joins its parent)."""
        if child is None or any(record.identity.get(name) for name in NAME_FIELDS):
            return True
        parent_key = str(record.columns.get(child.parent_key, "")) if child.parent_key else ""
        row = (record.ref.system, record.ref.table, record.ref.key, child.parent_table, parent_key)
        self.connection.execute("insert into children values (?, ?, ?, ?, ?)", row)
        return False

    def add(self, records: Iterable[SourceRecord]) -> None:
        rows = []
        hash_of = store.stable_hash
        for record in records:
            profile = profile_from_identity(record.identity)
            if profile.rejected:
                self.rejected_nhs += 1
            record_id = self.next_id
            self.next_id += 1
            summary = {str(name): str(value) for name, value in record.identity.items() if value not in (None, "")}
            ref = record.ref
            rows.append((record_id, ref.system, ref.table, ref.key, profile.to_row(), store.dumps(summary)))
            for key in blocking_keys(profile, self.nicknames):
                self.block_keys.append(hash_of(key))
                self.block_records.append(record_id)
            signature = person_signature(profile, self.nicknames)
            for values in value_keys(profile).values():
                for value in values:
                    self.value_hashes.append(hash_of(value))
                    self.value_people.append(signature)
            if profile.first and profile.family and profile.dob:
                canonical = self.nicknames.canonical(profile.first)
                self.people.add(hash_of(f"{canonical}|{profile.family}|{profile.dob}"))
        self.connection.executemany("insert into records values (?, ?, ?, ?, ?, ?)", rows)

    def close(self) -> None:
        self.connection.commit()
        self.connection.close()
        for name, values in (("block_keys", self.block_keys), ("block_records", self.block_records),
                             ("value_hashes", self.value_hashes), ("value_people", self.value_people)):  # fmt: skip
            np.save(self.directory / f"{name}.npy", np.frombuffer(values, dtype=np.int64))
        np.save(self.directory / "people.npy", np.fromiter(self.people, dtype=np.int64, count=len(self.people)))


_CONNECTORS: Sequence[Connector] = ()  # set before forking: the children read the connectors they inherit
_READ = None  # a shared counter of records read, for progress


def read_system(position: int, directory: Path, batch_size: int) -> ShardSummary:
    """Read one connector's records into a shard (runs in a worker process, or in this one)."""
    connector = _CONNECTORS[position]
    shard = _Shard(directory, Nicknames.load())
    children = {table.name: table for table in connector.config.tables if table.parent_table}
    read = 0
    for batch in connector.iter_records(batch_size=batch_size):
        shard.add(record for record in batch if shard.is_person(record, children.get(record.ref.table)))
        read += len(batch)
        if _READ is not None:
            with _READ.get_lock():
                _READ.value += len(batch)
    shard.close()
    return ShardSummary(directory, connector.config.slug, read, shard.next_id, shard.rejected_nhs)


def read_all(
    connectors: Sequence[Connector], work: Path, *, progress: Progress | None, batch_size: int, workers: int
) -> list[ShardSummary]:
    """Every connector's shard, in the order given; ``workers`` > 1 reads several systems at once."""
    global _CONNECTORS, _READ
    _CONNECTORS = connectors
    tasks = [(position, work / f"shard-{position}", batch_size) for position in range(len(connectors))]
    try:
        if workers <= 1 or len(connectors) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            summaries = []
            for task in tasks:
                summaries.append(read_system(*task))
                if progress:
                    progress(sum(summary.read for summary in summaries), None)
            return summaries
        context = multiprocessing.get_context("fork")
        _READ = context.Value("q", 0)
        with context.Pool(workers) as pool:
            pending = pool.starmap_async(read_system, tasks)
            while not pending.ready():
                pending.wait(1.0)
                if progress:
                    progress(int(_READ.value), None)
            return pending.get()
    finally:
        _CONNECTORS, _READ = (), None


def default_workers() -> int:
    """One worker per core available to this process (at least one)."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


@dataclass
class Merged:
    """The merged index's arrays and figures, once every shard is in ``connection``."""

    block_keys: np.ndarray
    block_records: np.ndarray
    value_hashes: np.ndarray
    value_people: np.ndarray
    people: int
    records: int
    seconds: float


def merge(connection: sqlite3.Connection, shards: list[ShardSummary]) -> Merged:
    """Copy each shard's rows into the index (record ids offset to follow the previous shard's) and join arrays."""
    started = time.monotonic()
    offset = 0
    parts: dict[str, list[np.ndarray]] = {name: [] for name in ("block_keys", "block_records", "value_hashes",
                                                                  "value_people", "people")}  # fmt: skip
    for shard in shards:
        connection.execute("attach database ? as shard", (str(shard.directory / "shard.sqlite"),))
        connection.execute(
            "insert into records select id + ?, system, tbl, key, profile, summary from shard.records", (offset,)
        )
        connection.execute("insert into children select * from shard.children")
        connection.commit()
        connection.execute("detach database shard")
        for name in parts:
            values = np.load(shard.directory / f"{name}.npy")
            parts[name].append(values + offset if name == "block_records" else values)
        offset += shard.records
    joined = {name: np.concatenate(values) if values else np.zeros(0, np.int64) for name, values in parts.items()}
    return Merged(
        block_keys=joined["block_keys"],
        block_records=joined["block_records"],
        value_hashes=joined["value_hashes"],
        value_people=joined["value_people"],
        people=max(len(np.unique(joined["people"])), 1),
        records=offset,
        seconds=time.monotonic() - started,
    )


def save_counts(connection: sqlite3.Connection, values: np.ndarray, people: np.ndarray) -> None:
    """Records holding each value, and the distinct people (signatures other than 0) sharing it."""
    if not len(values):
        return
    unique_values, records = np.unique(values, return_counts=True)
    known = people != 0
    pairs = np.unique(np.stack([values[known], people[known]], axis=1), axis=0)
    sharer_values, sharers = np.unique(pairs[:, 0], return_counts=True) if len(pairs) else (values[:0], values[:0])
    sharer_count = dict(zip(sharer_values.tolist(), sharers.tolist(), strict=True))
    rows = ((h, n, sharer_count.get(h, 1)) for h, n in zip(unique_values.tolist(), records.tolist(), strict=True))
    connection.executemany("insert into counts values (?, ?, ?)", rows)
