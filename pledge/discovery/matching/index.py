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
import shutil
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from pledge.discovery.matching import building, store
from pledge.discovery.matching.building import value_keys
from pledge.discovery.matching.compare import Field, Level, Outcome, compare_family, compare_given, compare_profiles
from pledge.discovery.matching.model import FieldEvidence, Frequencies, Match, Parameters, probability, score
from pledge.discovery.matching.names import Nicknames
from pledge.discovery.matching.profile import Profile, Query, blocking_keys, profile_from_query
from pledge.discovery.matching.training import learn_parameters, sample_profiles
from pledge.discovery.sources import Connector, RecordKey

# A match at or above this probability is a candidate for a caseworker to confirm (see the package docstring).
CANDIDATE_THRESHOLD = 0.5
BLOCK_CAP = 5000  # a blocking key shared by more records than this (a council's switchboard number) is not used
MAX_CANDIDATES = 1000  # records scored per lookup: those sharing the most blocking keys with the query
DOUBT_LOW, DOUBT_HIGH = 0.01, 0.999  # the probabilities where a second look at a record's contacts can matter
ENRICH_BITS = 10.0  # matches this sure (odds 1000:1) lend their emails, phones and addresses to a second pass

Progress = Callable[[int, int | None], None]


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
        cls,
        *,
        connectors: Sequence[Connector],
        path: Path,
        progress: Progress | None = None,
        batch_size: int = 5000,
        workers: int | None = None,
    ) -> "IdentityIndex":
        """Read every connector's records in batches and write a new index at ``path`` (replacing any old one);
        systems are read ``workers`` at a time (default: one per core)."""
        path = Path(path)
        started = time.monotonic()
        connection = store.create(path)
        work = store.building_path(path)
        shards = building.read_all(connectors, work, progress=progress, batch_size=batch_size,
                                   workers=workers or building.default_workers())  # fmt: skip
        merged = building.merge(connection, shards)
        building.save_counts(connection, merged.value_hashes, merged.value_people)
        store.save_blocks(path, merged.block_keys, merged.block_records)
        connection.commit()
        nicknames = Nicknames.load()
        params = learn_parameters(profiles=sample_profiles(connection), people=merged.people, nicknames=nicknames)
        meta = {
            "records": merged.records,
            "records_read": sum(shard.read for shard in shards),
            "people_estimate": merged.people,
            "rejected_nhs_numbers": sum(shard.rejected_nhs for shard in shards),
            "systems": [{"system": shard.system, "records": shard.records} for shard in shards],
            "parameters": params.to_json(),
            "build_seconds": round(time.monotonic() - started, 1),
        }
        store.save_meta(connection, meta)
        connection.execute("create index records_ref on records (system, tbl, key)")
        for shard in shards:
            shutil.rmtree(shard.directory, ignore_errors=True)
        store.finish(path, connection)
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
