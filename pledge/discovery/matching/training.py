"""Learning the Fellegi-Sunter parameters from the index's own records (no labelled data needed).

The method, as Splink does it:

1. u (how often two different people agree) from random pairs of records: nearly every random pair is two
   different people. A level seen fewer than ``MIN_COUNT`` times among the random pairs keeps its starting value
   (never more than what the sample could have missed).
2. m (how often the same person agrees) by expectation maximisation with u held fixed, over pairs that share a
   blocking key, in two sessions so that no field's m is learned from pairs chosen because that field agrees:
   pairs born on the same day give m for every field but date of birth; pairs sharing an email, a phone or a
   postcode and family name give m for date of birth.
3. Household u (how often two different people in one household agree on given name, family name and date of
   birth) by expectation maximisation with m held fixed, over pairs that share an email, phone or dwelling.

4. A "former" level (the record holds a previous address or surname the requester gave) takes the exact level's
   m and u: what the requester says they used to be is as telling as what they are now, and pairs of records
   rarely show former values, so EM cannot learn them.

No m is let below ``M_FLOOR``, so one field that never disagreed in the sample cannot veto a match on its own.
Records are sampled (``SAMPLE_RECORDS``) so training takes seconds on millions of records. With too few pairs to
learn from (a test index, a tiny system) the starting values stand.
"""

import math
import random
import sqlite3
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from pledge.discovery.matching.compare import LEVELS, Field, Level, compare_profiles
from pledge.discovery.matching.model import DEFAULT_HOUSEHOLD_U, DEFAULT_PARAMETERS, Parameters
from pledge.discovery.matching.names import Nicknames
from pledge.discovery.matching.profile import Profile

SAMPLE_RECORDS = 300_000
MAX_PAIRS = 60_000
MIN_PAIRS = 2_000
MIN_RECORDS = 500  # fewer records than this teach nothing reliable; the starting values stand
MIN_COUNT = 10
M_FLOOR = 1e-4  # no level is impossible for a true match, however clean the sample: one slip must not veto
# Household u never goes below what is known about families, whatever a sample shows: about 1 in 60 UK births is
# a twin or more (ONS, Birth characteristics), so brothers and sisters share a birthday that often; a child is
# sometimes named after a parent; most households share a surname.
HOUSEHOLD_U_FLOOR: dict[Field, dict[Level, float]] = {
    Field.DATE_OF_BIRTH: {Level.EXACT: 0.02, Level.CLOSE: 0.005},
    Field.GIVEN_NAME: {Level.EXACT: 0.01, Level.NICKNAME: 0.002, Level.CLOSE: 0.005, Level.INITIAL: 0.05},
    Field.FAMILY_NAME: {Level.EXACT: 0.3, Level.CLOSE: 0.02},
}
FORMER_FIELDS = (Field.FAMILY_NAME, Field.POSTCODE, Field.ADDRESS)
ITERATIONS = 25
FIELDS = list(LEVELS)
PERSON_FIELDS = (Field.GIVEN_NAME, Field.FAMILY_NAME, Field.DATE_OF_BIRTH)
HOUSEHOLD_FIELDS = (Field.ADDRESS, Field.POSTCODE, Field.EMAIL, Field.PHONE)


def encode(pairs: Iterable[tuple[Profile, Profile]], nicknames: Nicknames) -> np.ndarray:
    """The comparison vectors of the pairs: one row per pair, the level's position per field, -1 when missing."""
    rows = []
    for a, b in pairs:
        outcomes = compare_profiles(a, b, nicknames)
        rows.append([_position(name, outcomes[name][0]) for name in FIELDS])
    return np.array(rows, dtype=np.int8).reshape(-1, len(FIELDS))


def _position(name: Field, level: Level) -> int:
    return LEVELS[name].index(level) if level != Level.MISSING else -1


def estimate_u(vectors: np.ndarray, defaults: dict[str, dict[str, tuple[float, float]]]) -> dict[Field, list[float]]:
    """u per field and level from random pairs (see step 1)."""
    result: dict[Field, list[float]] = {}
    for column, name in enumerate(FIELDS):
        present = vectors[:, column][vectors[:, column] >= 0]
        total = len(present)
        values = []
        for position, level in enumerate(LEVELS[name]):
            count = int((present == position).sum())
            default = defaults[name][level][1]
            values.append(count / total if count >= MIN_COUNT else min(default, MIN_COUNT / max(total, 1)))
        result[name] = values
    return result


def expectation_maximisation(
    vectors: np.ndarray,
    m: dict[Field, list[float]],
    u: dict[Field, list[float]],
    *,
    learn: str,
    fields: Iterable[Field],
    ignore: Iterable[Field],
) -> tuple[dict[Field, list[float]], float]:
    """Fellegi-Sunter EM over comparison vectors: ``learn`` is "m" or "u"; only ``fields`` are re-estimated, and
    the ``ignore`` fields (those the pairs were chosen by) take no part. Returns the probabilities and the share of
    pairs that are matches."""
    m = {name: list(values) for name, values in m.items()}
    u = {name: list(values) for name, values in u.items()}
    share = 0.1
    learning = list(fields)
    skipped = set(ignore)
    for _ in range(ITERATIONS):
        odds = np.full(len(vectors), math.log(share / (1 - share)))
        for column, name in enumerate(FIELDS):
            if name in skipped:
                continue
            ratio = np.log(np.maximum(m[name], 1e-9)) - np.log(np.maximum(u[name], 1e-9))
            levels = vectors[:, column]
            odds += np.where(levels >= 0, ratio[np.maximum(levels, 0)], 0.0)
        match = 1.0 / (1.0 + np.exp(-np.clip(odds, -50, 50)))
        share = float(np.clip(match.mean(), 1e-4, 1 - 1e-4))
        weights = match if learn == "m" else 1.0 - match
        for name in learning:
            column = FIELDS.index(name)
            levels = vectors[:, column]
            present = levels >= 0
            total = float(weights[present].sum())
            if total < 1.0:
                continue
            target = m if learn == "m" else u
            target[name] = [
                max(float(weights[present & (levels == position)].sum()) / total, 1e-6)
                for position in range(len(LEVELS[name]))
            ]
    return (m if learn == "m" else u), share


def sample_profiles(connection: sqlite3.Connection) -> list[Profile]:
    """A random sample of ``SAMPLE_RECORDS`` of the index's records (all of them in a smaller index)."""
    total = int(connection.execute("select count(*) from records").fetchone()[0])
    rng = random.Random(5)
    ids = list(range(total)) if total <= SAMPLE_RECORDS else sorted(rng.sample(range(total), SAMPLE_RECORDS))
    profiles = []
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        for (row,) in connection.execute(f"select profile from records where id in ({marks})", chunk):
            profiles.append(Profile.from_row(row))
    return profiles


class _Sample:
    """Records' profiles, paired at random or by what they share."""

    def __init__(self, profiles: list[Profile]) -> None:
        self.rng = random.Random(7)
        self.profiles = profiles if len(profiles) <= SAMPLE_RECORDS else self.rng.sample(profiles, SAMPLE_RECORDS)

    def random_pairs(self, count: int) -> list[tuple[Profile, Profile]]:
        n = len(self.profiles)
        if n < 2:
            return []
        pairs = []
        for _ in range(count):
            a, b = self.rng.randrange(n), self.rng.randrange(n)
            if a != b:
                pairs.append((self.profiles[a], self.profiles[b]))
        return pairs

    def pairs_by(self, keys_of: object) -> list[tuple[Profile, Profile]]:
        """Pairs of sampled records that share a key from ``keys_of(profile)``, at most ``MAX_PAIRS``."""
        groups: dict[str, list[int]] = defaultdict(list)
        for position, profile in enumerate(self.profiles):
            for key in keys_of(profile):  # type: ignore[operator]
                groups[key].append(position)
        found: set[tuple[int, int]] = set()
        for members in groups.values():
            if len(members) > 200:  # a huge group is mostly strangers; sample it
                members = self.rng.sample(members, 200)
            found.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
        chosen = list(found) if len(found) <= MAX_PAIRS else self.rng.sample(sorted(found), MAX_PAIRS)
        return [(self.profiles[a], self.profiles[b]) for a, b in chosen]


def _by_dob(profile: Profile) -> list[str]:
    return [profile.dob] if profile.dob else []


def _by_household(profile: Profile) -> list[str]:
    keys = ["e" + email for email in profile.emails] + ["p" + phone for phone in profile.phones]
    if profile.postcode and profile.family:
        keys.append(f"f{profile.postcode}{profile.family}")
    return keys


def _by_dwelling(profile: Profile) -> list[str]:
    keys = ["e" + email for email in profile.emails] + ["p" + phone for phone in profile.phones]
    if profile.address and profile.address.key():
        keys.append("a" + profile.address.key())
    return keys


def learn_parameters(*, profiles: list[Profile], people: int, nicknames: Nicknames) -> Parameters:
    """Parameters learned from these records' profiles (see the module docstring for the method); ``people`` is
    how many different people the records are thought to be about, for the prior odds."""
    params = Parameters(prior_bits=-math.log2(max(people, 2)))
    if len(profiles) < MIN_RECORDS:
        return params
    sample = _Sample(profiles)
    random_vectors = encode(sample.random_pairs(MAX_PAIRS), nicknames)
    if len(random_vectors) < MIN_PAIRS:
        return params
    u = estimate_u(random_vectors, DEFAULT_PARAMETERS)
    m = {name: [DEFAULT_PARAMETERS[name][level][0] for level in LEVELS[name]] for name in FIELDS}
    by_dob = encode(sample.pairs_by(_by_dob), nicknames)
    by_household = encode(sample.pairs_by(_by_household), nicknames)
    learned = ["u from random pairs"]
    if len(by_dob) >= MIN_PAIRS:
        others = [name for name in FIELDS if name != Field.DATE_OF_BIRTH]
        m_dob_session, _ = expectation_maximisation(
            by_dob, m, u, learn="m", fields=others, ignore=[Field.DATE_OF_BIRTH]
        )
        m.update({name: m_dob_session[name] for name in others})
        learned.append(f"m by EM over {len(by_dob)} same-birthday pairs")
    if len(by_household) >= MIN_PAIRS:
        m_house_session, _ = expectation_maximisation(
            by_household, m, u, learn="m", fields=[Field.DATE_OF_BIRTH], ignore=(*HOUSEHOLD_FIELDS, Field.FAMILY_NAME)
        )
        m[Field.DATE_OF_BIRTH] = m_house_session[Field.DATE_OF_BIRTH]
        learned.append(f"date-of-birth m by EM over {len(by_household)} shared-contact pairs")
    params.mu = {
        str(name): {str(level): (max(m[name][i], M_FLOOR), u[name][i]) for i, level in enumerate(LEVELS[name])}
        for name in FIELDS
    }
    for name in FORMER_FIELDS:  # see step 4
        params.mu[name][Level.FORMER] = params.mu[name][Level.EXACT]
    by_dwelling = encode(sample.pairs_by(_by_dwelling), nicknames)
    if len(by_dwelling) >= MIN_PAIRS:
        u_house = {name: list(values) for name, values in u.items()}
        for name in PERSON_FIELDS:
            u_house[name] = [DEFAULT_HOUSEHOLD_U[name].get(level, u[name][i]) for i, level in enumerate(LEVELS[name])]
        u_house, _ = expectation_maximisation(
            by_dwelling, m, u_house, learn="u", fields=PERSON_FIELDS, ignore=HOUSEHOLD_FIELDS
        )
        params.household_u = {
            str(name): {str(level): max(u_house[name][i], HOUSEHOLD_U_FLOOR[name].get(level, 0.0))
                        for i, level in enumerate(LEVELS[name]) if level in DEFAULT_HOUSEHOLD_U[name]}
            for name in PERSON_FIELDS
        }  # fmt: skip
        learned.append(f"household u by EM over {len(by_dwelling)} shared-dwelling pairs")
    params.method = "; ".join(learned)
    return params
