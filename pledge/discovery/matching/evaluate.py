"""How well the identity index finds people in a generated estate (``pledge demo estate``), by hazard.

For each sampled person in ``people.csv`` the query is what the person would type on a request form (name, date
of birth, email, phone, current address and postcode, previous addresses and names). The records returned at or
above the threshold are checked against ``ground_truth.csv``:

* recall (per hazard): of the person's records carrying that hazard, the share returned. A linked child row that
  is not indexed (a tenancy under its tenant) counts as returned when its parent record is.
* precision (per hazard): of the returned records carrying that hazard, the share that are the person's. A wrong
  record counts against the hazard of that record (returning a twin's record counts against "twin").
* latency: wall-clock time of each ``find``, p50 and p95.

``bench/identity.py`` reuses ``evaluate`` and ``query_for`` so both engines are measured the same way.
"""

import csv
import random
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pledge.discovery.matching.index import CANDIDATE_THRESHOLD, IdentityIndex
from pledge.discovery.matching.profile import Query

MULTI = " | "  # how people.csv joins several previous addresses or names
Ref = tuple[str, str, str]


@dataclass
class HazardFigures:
    """Counts for one hazard class; ``recall`` and ``precision`` are None when there is nothing to measure."""

    expected: int = 0
    found: int = 0
    returned: int = 0
    correct: int = 0

    @property
    def recall(self) -> float | None:
        return self.found / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.returned if self.returned else None


@dataclass
class Evaluation:
    """Figures per hazard and overall, lookup latencies in milliseconds, and examples of what went wrong."""

    hazards: dict[str, HazardFigures] = field(default_factory=lambda: defaultdict(HazardFigures))
    latencies_ms: list[float] = field(default_factory=list)
    people: int = 0
    unlabelled: int = 0  # records returned that the ground truth does not list
    misses: list[tuple[str, Ref, str]] = field(default_factory=list)  # (person, record, hazard)
    false_matches: list[tuple[str, Ref, str, float]] = field(default_factory=list)

    @property
    def overall(self) -> HazardFigures:
        total = HazardFigures()
        for figures in self.hazards.values():
            total.expected += figures.expected
            total.found += figures.found
            total.returned += figures.returned
            total.correct += figures.correct
        return total

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else 0.0

    def table(self) -> str:
        """The figures as a plain-text table."""
        lines = [f"{'hazard':<16}{'records':>8}{'recall':>9}{'returned':>9}{'precision':>10}"]
        rows = sorted(self.hazards.items()) + [("overall", self.overall)]
        for name, figures in rows:
            recall = f"{figures.recall:.4f}" if figures.recall is not None else "-"
            precision = f"{figures.precision:.4f}" if figures.precision is not None else "-"
            lines.append(f"{name:<16}{figures.expected:>8}{recall:>9}{figures.returned:>9}{precision:>10}")
        lines.append(
            f"{self.people} people looked up; p50 {self.percentile(0.5):.1f} ms, p95 {self.percentile(0.95):.1f} ms"
            f"; {self.unlabelled} returned records not in the ground truth"
        )
        return "\n".join(lines)


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(MULTI.strip()) if part.strip())


def query_for(person: dict[str, str]) -> Query:
    """What this person would type on a request form, from their ``people.csv`` row."""
    return Query(
        name=f"{person['given_name']} {person['family_name']}",
        date_of_birth=person["date_of_birth"],
        email=person["email"],
        phone=person["phone"],
        postcode=person["postcode"],
        address=person["address"],
        previous_addresses=_split(person.get("previous_addresses", "")),
        previous_names=_split(person.get("previous_names", "")),
    )


def read_people(estate: Path) -> list[dict[str, str]]:
    with (estate / "people.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_truth(estate: Path) -> tuple[dict[Ref, tuple[str, str]], dict[str, list[Ref]]]:
    """Record -> (person, hazard), and person -> their records."""
    owner: dict[Ref, tuple[str, str]] = {}
    records: dict[str, list[Ref]] = defaultdict(list)
    with (estate / "ground_truth.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            ref = (row["system"], row["table"], row["key"])
            owner[ref] = (row["person_id"], row["hazard"])
            records[row["person_id"]].append(ref)
    return owner, records


Finder = Callable[[Query], Iterable[tuple[Ref, float]]]


def evaluate(
    *,
    estate: Path,
    index: IdentityIndex | None = None,
    finder: Finder | None = None,
    parents: dict[Ref, Ref] | None = None,
    people: int | None = 2000,
    seed: int = 1,
    threshold: float = CANDIDATE_THRESHOLD,
) -> Evaluation:
    """Look up a sample of ``people`` (all when None) and measure recall, precision and latency by hazard.
    Pass an ``index``, or any ``finder`` (query -> (record, probability)) to measure another engine the same way."""
    if index is not None:
        parents = index.parents()

        def finder(query: Query) -> list[tuple[Ref, float]]:
            found = index.find(query, limit=200, min_probability=threshold)
            return [((m.ref.system, m.ref.table, m.ref.key), m.probability) for m in found]

    assert finder is not None, "give an index or a finder"
    parents = parents or {}
    owner, records = read_truth(estate)
    everyone = read_people(estate)
    chosen = everyone if people is None or people >= len(everyone) else random.Random(seed).sample(everyone, people)
    result = Evaluation(people=len(chosen))
    for person in chosen:
        started = time.perf_counter()
        returned = {ref: chance for ref, chance in finder(query_for(person)) if chance >= threshold}
        result.latencies_ms.append((time.perf_counter() - started) * 1000)
        _score_person(result, person["person_id"], returned, owner, records.get(person["person_id"], []), parents)
    return result


def _score_person(
    result: Evaluation,
    person: str,
    returned: dict[Ref, float],
    owner: dict[Ref, tuple[str, str]],
    expected: list[Ref],
    parents: dict[Ref, Ref],
) -> None:
    for ref in expected:
        hazard = owner[ref][1]
        figures = result.hazards[hazard]
        figures.expected += 1
        if ref in returned or parents.get(ref) in returned:
            figures.found += 1
        else:
            result.misses.append((person, ref, hazard))
    for ref, chance in returned.items():
        if ref not in owner:
            result.unlabelled += 1
            continue
        who, hazard = owner[ref]
        figures = result.hazards[hazard]
        figures.returned += 1
        if who == person:
            figures.correct += 1
        else:
            result.false_matches.append((person, ref, hazard, chance))


def hazard_counts(estate: Path) -> Counter[str]:
    """Records per hazard in the estate's ground truth."""
    owner, _ = read_truth(estate)
    return Counter(hazard for _, hazard in owner.values())
