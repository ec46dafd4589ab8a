"""What every system generator shares: the population, its own random stream, and the ground-truth writers."""

import random
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .population import REFERENCE_DATE, Household, Person, Population
from .quirks import EMAIL_AND_PHONE, Hazard, View, choose_hazard, render
from .schema import SystemSpec, TableSpec
from .sinks import Sink, TableWriter

Progress = Callable[[str, int, int], None]


@dataclass
class Truth:
    """``ground_truth.csv`` (record -> person, hazard), ``mentions.csv`` and ``invalid_identifiers.csv``."""

    records: Any  # csv writers
    mentions: Any
    invalid: Any
    by_system: Counter[str] = field(default_factory=Counter)
    by_hazard: Counter[str] = field(default_factory=Counter)


class SystemOutput:
    """Rows for one system's tables; rows that belong to a person also go to the ground truth."""

    def __init__(self, system: SystemSpec, sink: Sink, truth: Truth) -> None:
        self.system = system
        self.sink = sink
        self.truth = truth
        self.writers: dict[str, TableWriter] = {}
        self.key_positions: dict[str, int] = {}
        for table in system.tables:
            self.writers[table.name] = sink.writer(table)
            self.key_positions[table.name] = table.column_names.index(table.key)

    def add(self, table: str, row: Sequence[Any], person: Person | None = None, hazard: Hazard | None = None) -> None:
        self.writers[table].add(row)
        if person is not None and hazard is not None:
            key = row[self.key_positions[table]]
            self.truth.records.writerow(
                (self.system.slug, self.system.stored_name(table), key, person.person_id, hazard.value)
            )
            self.truth.by_system[self.system.slug] += 1
            self.truth.by_hazard[hazard.value] += 1

    def mention(self, table: str, key: str, person: Person, role: str) -> None:
        """A free-text row names this resident (the record's subject, a relative, a neighbour), as written there.
        Staff named in notes are not residents and are not listed."""
        written = f"{person.given} {person.family}"
        row = (self.system.slug, self.system.stored_name(table), key, person.person_id, role, written)
        self.truth.mentions.writerow(row)

    def invalid(self, table: str, key: str, field_name: str, value: str, reason: str) -> None:
        self.truth.invalid.writerow((self.system.slug, self.system.stored_name(table), key, field_name, value, reason))

    def close(self) -> None:
        self.sink.close()


@dataclass
class Context:
    """One system's view of the estate: the population and a random stream seeded for this system alone."""

    population: Population
    rng: random.Random
    out: SystemOutput
    progress: Progress | None
    households: dict[str, Household]

    def record(
        self,
        person: Person,
        weights: Mapping[Hazard, float],
        *,
        has_dob: bool = True,
        contact: frozenset[str] = EMAIL_AND_PHONE,
    ) -> tuple[Hazard, View]:
        """The hazard and record of ``person`` in a system holding a date of birth or not, and these contact fields."""
        household = self.households[person.household_id]
        hazard = choose_hazard(person, household, weights, self.rng, has_dob=has_dob, contact=contact)
        return hazard, render(person, household, hazard, self.rng, contact)

    def day_between(self, start: date, end: date = REFERENCE_DATE) -> date:
        span = max(0, (end - start).days)
        return start + timedelta(days=self.rng.randint(0, span))

    def tick(self, done: int, total: int) -> None:
        if self.progress and done % 50000 == 0 and done < total:
            self.progress(self.out.system.slug, done, total)


def dmy(value: date | None) -> str:
    """A date as many council systems show it: 'dd/mm/yyyy' (empty when missing)."""
    return value.strftime("%d/%m/%Y") if value else ""


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def neighbour(ctx: Context, person: Person) -> Person:
    """Someone living on the same street (or anyone, if the street has no one else yet)."""
    people = ctx.population.people
    for _ in range(6):
        other = people[max(0, min(len(people) - 1, person.index + ctx.rng.randint(-40, 40)))]
        if other.address.street_id == person.address.street_id and other.household_id != person.household_id:
            return other
    return people[ctx.rng.randrange(len(people))]


def tables(*specs: TableSpec) -> tuple[TableSpec, ...]:
    return specs
