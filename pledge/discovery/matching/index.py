"""The identity index: every record of every connected system, blocked and scored against a requester's details.

``IdentityIndex.build`` streams each connector's records, normalises them, files each under its blocking keys,
counts how common each name and postcode is and how many people share each email, phone and address, learns the
Fellegi-Sunter parameters from the data (``training``) and writes the index (``store``). ``find`` looks a person
up: the records sharing a blocking key with the query are scored field by field (``model``) and returned with a
probability and the evidence (P070). Rows of linked child tables without a name of their own (case notes, a
tenancy's address, a contact's calls) are not indexed: they belong to their parent record, and fetching the parent
returns them. Child rows that name a person (a council-tax joint holder, a child's carer) are someone else, so they
are indexed as records in their own right.
"""

import math
import re
import time
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from pledge.discovery.matching import store
from pledge.discovery.matching.compare import Field, Level, Outcome, compare_family, compare_given, compare_profiles
from pledge.discovery.matching.model import FieldEvidence, Frequencies, Match, Parameters, probability, score
from pledge.discovery.matching.names import Nicknames, soundex
from pledge.discovery.matching.profile import Profile, Query, blocking_keys, profile_from_identity, profile_from_query
from pledge.discovery.matching.training import learn_parameters, sample_profiles
from pledge.discovery.sources import Connector, IdentityField, RecordKey, SourceRecord, TableConfig

# A match at or above this probability is a candidate for a caseworker to confirm (see README, "Identity matching").
CANDIDATE_THRESHOLD = 0.5
BLOCK_CAP = 5000  # a blocking key shared by more records than this (a council's switchboard number) is not used
MAX_CANDIDATES = 1500  # records scored per lookup: those sharing the most blocking keys with the query
DOUBT_LOW, DOUBT_HIGH = 0.01, 0.999  # the probabilities where a second look at a record's contacts can matter
ENRICH_BITS = 10.0  # matches this sure (odds 1000:1) lend their emails, phones and addresses to a second pass

NAME_FIELDS = (IdentityField.FULL_NAME, IdentityField.GIVEN_NAME, IdentityField.FAMILY_NAME)
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


def person_signature(profile: Profile, nicknames: Nicknames) -> int:
    """Who a record seems to be about, for counting the people who share a value: the sound of the formal given
    name (Bob, Robert and Robret count as one); 0 when the record has only an initial."""
    if len(profile.first) < 2 or not profile.order_known:  # "Smith Robert": which word is the given name?
        return 0
    return store.stable_hash(soundex(nicknames.canonical(profile.first)))


class _Builder:
    """Accumulates records, blocking keys and value counts during a build, in compact arrays."""

    def __init__(self, path: Path, nicknames: Nicknames) -> None:
        self.path = path
        self.nicknames = nicknames
        self.connection = store.create(path)
        self.block_keys = array("q")
        self.block_records = array("q")
        self.value_hashes = array("q")
        self.value_people = array("q")
        self.people: set[int] = set()
        self.next_id = 0
        self.rejected_nhs = 0

    def is_person(self, record: SourceRecord, child: TableConfig | None) -> bool:
        """Whether to index the record: yes, unless it is a child row with no name (then it joins its parent)."""
        if child is None or any(record.identity.get(name) for name in NAME_FIELDS):
            return True
        parent_key = str(record.columns.get(child.parent_key, "")) if child.parent_key else ""
        self.connection.execute(
            "insert into children values (?, ?, ?, ?, ?)",
            (record.ref.system, record.ref.table, record.ref.key, child.parent_table, parent_key),
        )
        return False

    def add(self, records: Iterable[SourceRecord]) -> None:
        rows = []
        for record in records:
            profile = profile_from_identity(record.identity)
            if profile.rejected:
                self.rejected_nhs += 1
            record_id = self.next_id
            self.next_id += 1
            summary = {str(name): str(value) for name, value in record.identity.items() if value not in (None, "")}
            rows.append(
                (record_id, record.ref.system, record.ref.table, record.ref.key, profile.to_row(), _json(summary))
            )
            for key in blocking_keys(profile, self.nicknames):
                self.block_keys.append(store.stable_hash(key))
                self.block_records.append(record_id)
            signature = person_signature(profile, self.nicknames)
            for values in value_keys(profile).values():
                for value in values:
                    self.value_hashes.append(store.stable_hash(value))
                    self.value_people.append(signature)
            if profile.first and profile.family and profile.dob:
                self.people.add(
                    store.stable_hash(f"{self.nicknames.canonical(profile.first)}|{profile.family}|{profile.dob}")
                )
        self.connection.executemany("insert into records values (?, ?, ?, ?, ?, ?)", rows)

    def save_counts(self) -> None:
        values = np.frombuffer(self.value_hashes, dtype=np.int64)
        people = np.frombuffer(self.value_people, dtype=np.int64)
        if not len(values):
            return
        unique_values, records = np.unique(values, return_counts=True)
        pairs = np.unique(np.stack([values, people], axis=1)[people != 0], axis=0)
        sharer_values, sharers = np.unique(pairs[:, 0], return_counts=True) if len(pairs) else (values[:0], values[:0])
        sharer_count = dict(zip(sharer_values.tolist(), sharers.tolist(), strict=True))
        rows = ((h, n, sharer_count.get(h, 1)) for h, n in zip(unique_values.tolist(), records.tolist(), strict=True))
        self.connection.executemany("insert into counts values (?, ?, ?)", rows)


def _json(data: object) -> str:
    import json

    return json.dumps(data, separators=(",", ":"))


class IdentityIndex:
    """A built identity index, opened for lookups (``find``) and batch linkage."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._store = store.Store(self.path)
        self.meta = self._store.meta
        self.params = Parameters.from_json(self.meta["parameters"])  # type: ignore[arg-type]
        self.nicknames = Nicknames.load()

    @classmethod
    def open(cls, path: Path) -> "IdentityIndex":
        """The index built at ``path``; FileNotFoundError when none was built."""
        return cls(Path(path))

    @classmethod
    def build(
        cls, *, connectors: Sequence[Connector], path: Path, progress: Progress | None = None, batch_size: int = 5000
    ) -> "IdentityIndex":
        """Read every connector's records in batches and write a new index at ``path`` (replacing any old one)."""
        path = Path(path)
        started = time.monotonic()
        builder = _Builder(path, Nicknames.load())
        systems = []
        read = 0
        for connector in connectors:
            children = {table.name: table for table in connector.config.tables if table.parent_table}
            before = builder.next_id
            for batch in connector.iter_records(batch_size=batch_size):
                builder.add(record for record in batch if builder.is_person(record, children.get(record.ref.table)))
                read += len(batch)
                if progress:
                    progress(read, None)
            systems.append({"system": connector.config.slug, "records": builder.next_id - before})
        builder.save_counts()
        keys = np.frombuffer(builder.block_keys, dtype=np.int64)
        records = np.frombuffer(builder.block_records, dtype=np.int64)
        store.save_blocks(path, keys, records)
        builder.connection.commit()
        people = max(len(builder.people), 1)
        params = learn_parameters(
            profiles=sample_profiles(builder.connection), people=people, nicknames=builder.nicknames
        )
        meta = {
            "records": builder.next_id,
            "people_estimate": people,
            "rejected_nhs_numbers": builder.rejected_nhs,
            "systems": systems,
            "parameters": params.to_json(),
            "build_seconds": round(time.monotonic() - started, 1),
        }
        store.save_meta(builder.connection, meta)
        builder.connection.execute("create index records_ref on records (system, tbl, key)")
        store.finish(path, builder.connection)
        return cls(path)

    def find(
        self,
        query: Query,
        limit: int = 50,
        exclude: set[RecordKey] | frozenset[RecordKey] = frozenset(),
        *,
        min_probability: float = CANDIDATE_THRESHOLD,
    ) -> list[Match]:
        """The records that may be the person described, most probable first (an exact valid NHS number first of
        all, P072), each with the evidence field by field; records in ``exclude`` are skipped."""
        lookup = _Lookup(self, exclude)
        wanted = profile_from_query(query)
        scored = lookup.score(wanted)
        confident = [item.profile for item in scored if item.bits >= ENRICH_BITS]
        enriched = enrich(wanted, confident)
        if enriched != wanted:
            scored = lookup.score(enriched)
        chosen = [item for item in scored if item.chance >= min_probability or item.nhs_agrees]
        chosen.sort(key=lambda item: (not item.nhs_agrees, -item.bits, str(item.ref)))
        return [item.match() for item in chosen[:limit]]

    def frequencies(self, wanted: Profile) -> Frequencies:
        """How common the query's names and postcode are, and how many people share its email, phone, address."""
        keys = value_keys(wanted)
        hashed = {store.stable_hash(value): (kind, value) for kind, values in keys.items() for value in values}
        counts = self._store.counts(list(hashed))
        total = max(int(self.meta["records"]), 1)  # type: ignore[call-overload]
        freq = Frequencies()
        kinds = {"g": Field.GIVEN_NAME, "f": Field.FAMILY_NAME, "c": Field.POSTCODE}
        for h, (kind, value) in hashed.items():
            records, sharers = counts.get(h, (0, 1))
            if kind in kinds:
                freq.share[(kinds[kind], value[2:])] = max(records, 1) / total
            else:
                freq.sharers[value] = sharers
        return freq

    def parents(self) -> dict[tuple[str, str, str], tuple[str, str, str]]:
        """Linked child rows that were left to their parent record: (system, table, key) -> the parent's."""
        return self._store.parents()

    def close(self) -> None:
        self._store.connection.close()


@dataclass
class _Scored:
    ref: RecordKey
    profile: Profile
    summary: str
    bits: float
    evidence: list[FieldEvidence]
    nhs_agrees: bool
    outcomes: dict[Field, Outcome]

    @property
    def dob(self) -> Level:
        return self.outcomes[Field.DATE_OF_BIRTH][0]

    @property
    def chance(self) -> float:
        return probability(self.bits)

    def match(self) -> Match:
        return Match(ref=self.ref, probability=self.chance, evidence=tuple(self.evidence), summary=_loads(self.summary))


class _Lookup:
    """One ``find``: the candidate records fetched so far (each fetched once) and how many people share their
    emails and phones."""

    def __init__(self, index: IdentityIndex, exclude: set[RecordKey] | frozenset[RecordKey]) -> None:
        self.index = index
        self.exclude = exclude
        self.fetched: set[int] = set()
        self.candidates: list[tuple[RecordKey, Profile, str]] = []
        self.sharers: dict[str, int] = {}

    def gather(self, wanted: Profile) -> None:
        keys = blocking_keys(wanted, self.index.nicknames, query=True)
        ids, _ = self.index._store.block([store.stable_hash(key) for key in keys], cap=BLOCK_CAP)
        new = [record_id for record_id in _most_shared(ids, MAX_CANDIDATES) if record_id not in self.fetched]
        self.fetched.update(new)
        added = []
        for _, system, table, key, profile_row, summary in self.index._store.rows(new):
            ref = RecordKey(system=system, table=table, key=key)
            if ref not in self.exclude:
                added.append((ref, Profile.from_row(profile_row), summary))
        values = {f"e:{email}" for _, profile, _ in added for email in profile.emails}
        values |= {f"p:{phone}" for _, profile, _ in added for phone in profile.phones}
        hashed = {store.stable_hash(value): value for value in values - set(self.sharers)}
        for h, (_, sharers) in self.index._store.counts(list(hashed)).items():
            self.sharers[hashed[h]] = sharers
        self.candidates += added

    def score(self, wanted: Profile) -> list[_Scored]:
        """Every candidate for ``wanted`` (fetching those its blocking keys add), scored."""
        self.gather(wanted)
        freq = self.index.frequencies(wanted)
        query_values, shared = _query_values(wanted)
        params, nicknames = self.index.params, self.index.nicknames
        scored = []
        for ref, profile, summary in self.candidates:
            outcomes = compare_profiles(wanted, profile, nicknames)
            record_shared = household_contacts(profile, self.sharers, nicknames)
            bits, evidence = score(outcomes, params=params, freq=freq, query_values=query_values, shared_keys=shared,
                                   record_shared=record_shared)  # fmt: skip
            nhs_agrees = outcomes[Field.NHS_NUMBER][0] == Level.EXACT
            scored.append(_Scored(ref, profile, summary, bits, evidence, nhs_agrees, outcomes))
        self.contacts_held_elsewhere(wanted, scored)
        self.initials_shared_at_home(wanted, scored)
        return scored

    def initials_shared_at_home(self, wanted: Profile, scored: list[_Scored]) -> None:
        """A record at the requester's home with only an initial ("S. Owen") is ambiguous when someone else
        there has a given name with that initial (Sarah, besides Stephanie): the initial then counts against."""
        nicknames = self.index.nicknames
        names_at: dict[str, set[str]] = defaultdict(set)
        for item in scored:
            if item.profile.address and len(item.profile.first) > 1:
                names_at[item.profile.address.key()].add(item.profile.first)
        for item in scored:
            given = item.outcomes[Field.GIVEN_NAME][0]
            if given != Level.INITIAL or not item.profile.address or item.chance < DOUBT_LOW:
                continue
            if item.outcomes[Field.ADDRESS][0] not in (Level.EXACT, Level.FORMER):
                continue
            initial = item.profile.first[0] if len(item.profile.first) == 1 else wanted.first[:1]
            others = {
                name
                for name in names_at[item.profile.address.key()]
                if name[0] == initial and _given_outcome(wanted.first, name, nicknames) not in AGREEING_GIVEN
            }
            if others:
                weight = -math.log2(1 + len(others)) - max(_weight_of(item, "given_name"), 0.0)
                detail = f"Someone else at this address has a given name starting {initial.upper()}"
                item.evidence.append(FieldEvidence(field="given_name", level="disagree", weight=round(weight, 2),
                                                   detail=detail))  # fmt: skip
                item.bits += weight

    def contacts_held_elsewhere(self, wanted: Profile, scored: list[_Scored]) -> None:
        """A record without a date of birth whose email or phone (not the requester's) is also on a record of a
        person of the same name born on another day is most likely that other person's: it takes on that date of
        birth's disagreement (a namesake's newsletter subscription)."""
        holders: dict[str, list[_Scored]] = defaultdict(list)
        for item in scored:
            for value in (*item.profile.emails, *item.profile.phones):
                holders[value].append(item)
        mine = {*wanted.emails, *wanted.phones}
        against = self.index.params.weight(Field.DATE_OF_BIRTH, Level.DISAGREE)
        nicknames = self.index.nicknames
        for item in scored:
            if item.profile.dob or not wanted.dob or not DOUBT_LOW <= item.chance < DOUBT_HIGH:
                continue
            for value in (*item.profile.emails, *item.profile.phones):
                others = [other for other in holders[value] if other is not item and other.dob == Level.DISAGREE]
                if value not in mine and any(_same_name(item.profile, other.profile, nicknames) for other in others):
                    detail = "Its email or phone is on another record of someone of that name born on another day"
                    item.evidence.append(FieldEvidence(field="date_of_birth", level="disagree",
                                                       weight=round(against, 2), detail=detail))  # fmt: skip
                    item.bits += against
                    break


def household_contacts(profile: Profile, sharers: dict[str, int], nicknames: Nicknames) -> dict[Field, str]:
    """The record's contact fields that belong to a household rather than one person, with the reason: a value
    several people share in the index, an email named after the family but not the person ('thesmiths@...'), or
    a landline (UK geographic numbers, +441 and +442, ring a home)."""
    found: dict[Field, str] = {}
    if profile.emails:
        counts = [sharers.get("e:" + email, 1) for email in profile.emails]
        if min(counts) > 1:
            found[Field.EMAIL] = f"is shared by {min(counts)} people"
        elif all(_family_email(email, profile, nicknames) for email in profile.emails):
            found[Field.EMAIL] = "looks like a family's shared address"
    if profile.phones:
        counts = [sharers.get("p:" + phone, 1) for phone in profile.phones]
        if min(counts) > 1:
            found[Field.PHONE] = f"is shared by {min(counts)} people"
        elif all(phone.startswith(("+441", "+442")) for phone in profile.phones):
            found[Field.PHONE] = "is a landline, which rings a household"
    return found


def _family_email(email: str, profile: Profile, nicknames: Nicknames) -> bool:
    """Whether the email's name part holds the family name and nothing of the given name ('thejoness@')."""
    local = re.sub(r"[^a-z]", "", email.partition("@")[0])
    family = profile.family
    if len(family) < 3 or family not in local:
        return False
    rest = local.replace(family, " ", 1)
    if not profile.first:
        return True
    initials = nicknames.initials(profile.first) if len(profile.first) > 1 else {profile.first}
    return not any(word.startswith(tuple(initials)) for word in rest.split() if word)


AGREEING_GIVEN = (Level.EXACT, Level.NICKNAME, Level.CLOSE)


def _given_outcome(a: str, b: str, nicknames: Nicknames) -> Level:
    return compare_given(Profile(given=(a,)), Profile(given=(b,)), nicknames)[0]


def _weight_of(item: _Scored, name: str) -> float:
    return sum(evidence.weight for evidence in item.evidence if evidence.field == name)


def _same_name(a: Profile, b: Profile, nicknames: Nicknames) -> bool:
    given = compare_given(a, b, nicknames)[0]
    return given in (Level.EXACT, Level.NICKNAME) and compare_family(a, b)[0] == Level.EXACT


def enrich(wanted: Profile, confident: list[Profile]) -> Profile:
    """The query with the emails, phones and addresses of records it matched with near certainty added (as
    former addresses): the requester's household email on a newsletter list, or an old address they forgot."""
    if not confident:
        return wanted
    emails = dict.fromkeys((*wanted.emails, *(email for profile in confident for email in profile.emails)))
    phones = dict.fromkeys((*wanted.phones, *(phone for profile in confident for phone in profile.phones)))
    known = {address.key() for address in (wanted.address, *wanted.previous) if address}
    previous = list(wanted.previous)
    for profile in confident:
        for address in (profile.address, *profile.previous):
            if address and address.key() and address.key() not in known:
                known.add(address.key())
                previous.append(address)
    postcodes = dict.fromkeys((*wanted.previous_postcodes, *(a.postcode for a in previous if a.postcode)))
    postcodes.pop(wanted.postcode, None)
    return replace(wanted, emails=tuple(emails), phones=tuple(phones), previous=tuple(previous),
                   previous_postcodes=tuple(postcodes))  # fmt: skip


def _most_shared(ids: np.ndarray, limit: int) -> list[int]:
    """Distinct record ids, keeping the ``limit`` that share the most blocking keys with the query."""
    if not len(ids):
        return []
    unique, hits = np.unique(ids, return_counts=True)
    if len(unique) > limit:
        unique = unique[np.argsort(-hits, kind="stable")[:limit]]
    return [int(value) for value in unique]


def _query_values(wanted: Profile) -> tuple[dict[Field, str], dict[Field, list[str]]]:
    """The query's values used for term frequencies, and its household identifiers' count keys by field."""
    values = {Field.GIVEN_NAME: wanted.first, Field.FAMILY_NAME: wanted.family, Field.POSTCODE: wanted.postcode}
    keys = value_keys(wanted)
    shared = {Field.EMAIL: keys["e"], Field.PHONE: keys["p"], Field.ADDRESS: keys["a"]}
    return values, shared


def _loads(text: str) -> dict[str, str]:
    import json

    return dict(json.loads(text))


__all__ = ["CANDIDATE_THRESHOLD", "FieldEvidence", "IdentityIndex", "Match", "Query"]
