"""Fellegi-Sunter scoring with the corrections councils need: term frequencies and households.

Each field's agreement level has an m probability (how often a true match shows it) and a u probability (how often
two different people do); the evidence is the log2 Bayes factor log2(m/u), summed over fields and added to the
prior log-odds. ``training`` learns m and u from the data; the values here are starting points.

Two corrections matter for councils (issue 5, P070):

* Term frequency: agreeing on "Smith" says less than agreeing on "Oyelaran"; an exact name or postcode agreement
  uses the frequency of that value instead of the average u.
* Households: people at one address share its address, postcode, email, phone and usually surname. Those fields
  are evidence of the household, not of the person, and are not independent of each other. So the place evidence
  (address, postcode, email, phone) is capped at what identifying the household is worth: from the prior odds up
  to "one of the k people who share this value", k learned from the index (how many different given names share
  the value). Within a household, agreeing surname and date of birth are then worth only their within-household
  rates (siblings share a surname, twins a birthday), while a different given name or date of birth keeps its full
  weight against. A twin or a parent therefore stays a different person.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from pledge.discovery.matching.compare import LEVELS, Field, Level, Outcome
from pledge.discovery.sources import RecordKey

PLACE_FIELDS = (Field.ADDRESS, Field.POSTCODE, Field.EMAIL, Field.PHONE)
TF_FIELDS = (Field.GIVEN_NAME, Field.FAMILY_NAME, Field.POSTCODE)
MIN_PROBABILITY = 1e-9
# People have several emails and phones over the years, and give a system whichever they used then (or the
# household's): a different one is weak evidence against, however rarely record pairs in the sample differ.
CONTACT_DISAGREE_FLOOR = -2.0

# Starting values (m, u) per field and level, from published council and FEBRL linkage studies; learned values
# replace them when the index is built.
DEFAULT_PARAMETERS: dict[str, dict[str, tuple[float, float]]] = {
    Field.GIVEN_NAME: {"exact": (0.85, 0.01), "nickname": (0.05, 0.002), "close": (0.05, 0.005),
                       "initial": (0.04, 0.05), "disagree": (0.01, 0.933)},
    Field.FAMILY_NAME: {"exact": (0.88, 0.002), "former": (0.88, 0.002), "close": (0.06, 0.005),
                        "disagree": (0.03, 0.993)},
    Field.DATE_OF_BIRTH: {"exact": (0.93, 4e-5), "close": (0.05, 3e-4), "disagree": (0.02, 0.9996)},
    Field.EMAIL: {"exact": (0.6, 1e-6), "disagree": (0.4, 1.0)},
    Field.PHONE: {"exact": (0.6, 1e-6), "disagree": (0.4, 1.0)},
    Field.POSTCODE: {"exact": (0.75, 3e-5), "former": (0.75, 3e-5), "close": (0.03, 3e-4), "disagree": (0.07, 1.0)},
    Field.ADDRESS: {"exact": (0.7, 1e-5), "former": (0.7, 1e-5), "close": (0.05, 3e-5), "neighbour": (0.005, 3e-4),
                    "disagree": (0.1, 1.0)},
    Field.NHS_NUMBER: {"exact": (0.99, 1e-8), "disagree": (0.01, 1.0)},
    Field.NI_NUMBER: {"exact": (0.98, 1e-8), "disagree": (0.02, 1.0)},
    Field.REFERENCE: {"exact": (0.9, 1e-6), "close": (0.05, 1e-5), "disagree": (0.05, 1.0)},
}  # fmt: skip

# How often two different people in one household agree (u within a household).
DEFAULT_HOUSEHOLD_U: dict[str, dict[str, float]] = {
    Field.GIVEN_NAME: {"exact": 0.04, "nickname": 0.01, "close": 0.02, "initial": 0.15},
    Field.FAMILY_NAME: {"exact": 0.75, "former": 0.05, "close": 0.1},
    Field.DATE_OF_BIRTH: {"exact": 0.02, "close": 0.01},
}


@dataclass(frozen=True)
class FieldEvidence:
    """How one field compared: its level, the log2 Bayes factor it contributed, and why, in plain English."""

    field: str
    level: str
    weight: float
    detail: str


@dataclass(frozen=True)
class Match:
    """A record that may be the person looked for, with the probability and the evidence field by field."""

    ref: RecordKey
    probability: float
    evidence: tuple[FieldEvidence, ...]
    summary: dict[str, str]


@dataclass
class Parameters:
    """Everything the scorer needs: m/u per field and level, household u, and the prior odds of a match."""

    mu: dict[str, dict[str, tuple[float, float]]] = field(default_factory=lambda: dict(DEFAULT_PARAMETERS))
    household_u: dict[str, dict[str, float]] = field(default_factory=lambda: dict(DEFAULT_HOUSEHOLD_U))
    prior_bits: float = -20.0  # log2 odds that a record picked at random is the person looked for
    method: str = "defaults"

    def weight(self, name: Field, level: Level) -> float:
        """log2(m/u); a disagreement never counts for a match, however the estimates fell."""
        m, u = self.mu[name][level]
        weight = math.log2(max(m, MIN_PROBABILITY) / max(u, MIN_PROBABILITY))
        return min(weight, 0.0) if level in (Level.DISAGREE, Level.NEIGHBOUR) else weight

    def household_weight(self, name: Field, level: Level) -> float | None:
        u = self.household_u.get(name, {}).get(level)
        if u is None:
            return None
        m = self.mu[name][level][0]
        return math.log2(max(m, MIN_PROBABILITY) / max(u, MIN_PROBABILITY))

    def to_json(self) -> dict[str, object]:
        return {"mu": self.mu, "household_u": self.household_u, "prior_bits": self.prior_bits, "method": self.method}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "Parameters":
        mu = {str(f): {str(lv): (float(v[0]), float(v[1])) for lv, v in levels.items()}
              for f, levels in data["mu"].items()}  # type: ignore[attr-defined]  # fmt: skip
        household = {str(f): {str(lv): float(v) for lv, v in levels.items()}
                     for f, levels in data["household_u"].items()}  # type: ignore[attr-defined]  # fmt: skip
        for name, levels in DEFAULT_PARAMETERS.items():  # a field added since the index was built keeps defaults
            mu.setdefault(name, dict(levels))
        return cls(mu=mu, household_u=household, prior_bits=float(data["prior_bits"]),  # type: ignore[arg-type]
                   method=str(data.get("method", "")))  # fmt: skip


@dataclass
class Frequencies:
    """What the index knows about the query's own values: how common each is, and how many people share it."""

    share: dict[tuple[Field, str], float] = field(default_factory=dict)  # share of records holding the value
    sharers: dict[str, int] = field(default_factory=dict)  # 'e:..', 'p:..', 'a:..' -> distinct people sharing it


def _tf_weight(params: Parameters, name: Field, value: str, freq: Frequencies) -> float:
    """Exact agreement on a value, weighted by how common that value is (Splink's term-frequency adjustment)."""
    average = params.weight(name, Level.EXACT)
    share = freq.share.get((name, value))
    if share is None:
        return average
    m = params.mu[name][Level.EXACT][0]
    floor = 2.0**params.prior_bits  # no value is rarer than one person
    return min(max(math.log2(m / max(share, floor)), average - 6), average + 8)


def _household_sharers(outcomes: Mapping[Field, Outcome], keys: Mapping[Field, list[str]], freq: Frequencies) -> int:
    """How many people share the household identifiers that agreed (the fewest, since the most specific decides);
    0 when no household identifier agreed."""
    counts = [
        min((freq.sharers.get(key, 1) for key in keys.get(name, [])), default=1)
        for name in (Field.ADDRESS, Field.EMAIL, Field.PHONE)
        if outcomes[name][0] in (Level.EXACT, Level.FORMER)
    ]
    return max(min(counts), 1) if counts else 0


def _neighbours_apart(outcomes: Mapping[Field, Outcome]) -> Mapping[Field, Outcome]:
    """Another house in the same postcode is a different home: the shared postcode then says nothing more (it is
    part of the address comparison), and the address counts as different. Without this, agreeing postcodes would
    make a namesake three doors down look like the requester."""
    if outcomes[Field.ADDRESS][0] != Level.NEIGHBOUR:
        return outcomes
    changed = dict(outcomes)
    changed[Field.ADDRESS] = (Level.DISAGREE, outcomes[Field.ADDRESS][1])
    if outcomes[Field.POSTCODE][0] in (Level.EXACT, Level.FORMER, Level.CLOSE):
        changed[Field.POSTCODE] = (Level.MISSING, "")
    return changed


def _field_weight(
    name: Field,
    level: Level,
    detail: str,
    *,
    params: Parameters,
    freq: Frequencies,
    query_values: Mapping[Field, str],
    record_shared: Mapping[Field, str],
    in_household: bool,
) -> tuple[float, str]:
    """One field's log2 Bayes factor and its words, with the corrections in the module docstring."""
    weight = params.weight(name, level)
    if level == Level.DISAGREE and record_shared.get(name):
        return 0.0, f"{detail}, but the record's {record_shared[name]}"
    if level == Level.DISAGREE and name in (Field.EMAIL, Field.PHONE):
        return max(weight, CONTACT_DISAGREE_FLOOR), detail
    if level == Level.EXACT and name in TF_FIELDS and query_values.get(name):
        weight = _tf_weight(params, name, query_values[name], freq)
    if in_household and weight > 0 and name in (Field.GIVEN_NAME, Field.FAMILY_NAME, Field.DATE_OF_BIRTH):
        inside = params.household_weight(name, level)
        if inside is not None and inside < weight:
            return inside, detail + " (as expected within one household)"
    return weight, detail


def score(
    outcomes: Mapping[Field, Outcome],
    *,
    params: Parameters,
    freq: Frequencies,
    query_values: Mapping[Field, str],
    shared_keys: Mapping[Field, list[str]],
    record_shared: Mapping[Field, str] | None = None,
) -> tuple[float, list[FieldEvidence]]:
    """The log2 odds that the record is the person, and the evidence per field (see the module docstring).
    ``record_shared`` names the record's emails and phones that are a household's (and why): a record holding only
    a household's email or landline says nothing against the person having their own, so that disagreement is 0."""
    sharers = _household_sharers(outcomes, shared_keys, freq)
    outcomes = _neighbours_apart(outcomes)
    evidence: list[FieldEvidence] = []
    place = 0.0
    total = params.prior_bits
    for name, (level, said) in outcomes.items():
        if level == Level.MISSING:
            continue
        weight, detail = _field_weight(name, level, said, params=params, freq=freq, query_values=query_values,
                                       record_shared=record_shared or {}, in_household=bool(sharers))  # fmt: skip
        if name in PLACE_FIELDS and weight > 0:
            place += weight
        else:
            total += weight
        shown = Level.DISAGREE if level == Level.NEIGHBOUR else level
        evidence.append(FieldEvidence(field=str(name), level=str(shown), weight=round(weight, 2), detail=detail))
    if sharers:
        cap = -params.prior_bits - math.log2(sharers)
        if place > cap:
            detail = f"Address, email and phone identify a household of about {sharers}, not one person"
            evidence.append(
                FieldEvidence(field="household", level="close", weight=round(cap - place, 2), detail=detail)
            )
            place = cap
    return total + place, evidence


def probability(bits: float) -> float:
    """Log2 odds to probability."""
    if bits > 60:
        return 1.0
    if bits < -60:
        return 0.0
    return 1.0 / (1.0 + 2.0 ** (-bits))


def is_field(name: str) -> bool:
    return name in LEVELS
