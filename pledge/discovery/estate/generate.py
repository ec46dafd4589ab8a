"""Generate Anyshire's synthetic estate: the people, each system's files, ``systems.yaml`` and the ground truth."""

import csv
import gc
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from pledge.discovery.sources import SystemKind

from . import systems_care, systems_contact, systems_revenues, systems_services
from .context import Context, SystemOutput, Truth
from .population import Population, build_population
from .quirks import Hazard
from .schema import SystemSpec, db_prefix, systems_yaml
from .sinks import CsvSink, MailboxSink, Sink, SqlAlchemySink, SqliteSink, XlsxSink

Progress = Callable[[str, int, int], None]
Generator = Callable[[Context], None]

SYSTEMS: tuple[tuple[SystemSpec, Generator], ...] = (
    (systems_revenues.COUNCIL_TAX, systems_revenues.generate_council_tax),
    (systems_revenues.BENEFITS, systems_revenues.generate_benefits),
    (systems_care.ADULT_SOCIAL_CARE, systems_care.generate_adult_social_care),
    (systems_care.CHILDRENS_SERVICES, systems_care.generate_childrens_services),
    (systems_revenues.HOUSING, systems_revenues.generate_housing),
    (systems_services.LIBRARIES, systems_services.generate_libraries),
    (systems_services.GARDEN_WASTE, systems_services.generate_garden_waste),
    (systems_services.PARKING, systems_services.generate_parking),
    (systems_services.CCTV, systems_services.generate_cctv),
    (systems_contact.NEWSLETTERS, systems_contact.generate_newsletters),
    (systems_contact.WEBCHAT, systems_contact.generate_webchat),
    (systems_contact.CRM, systems_contact.generate_crm),
    (systems_contact.ELECTORAL_REGISTER, systems_contact.generate_electoral_register),
    (systems_contact.MAILBOX, systems_contact.generate_mailbox),
)

PEOPLE_COLUMNS = (
    "person_id", "given_name", "middle_names", "family_name", "previous_names", "date_of_birth", "email", "phone",
    "address", "postcode", "previous_addresses", "uprn", "nhs_number", "ni_number", "household_id", "twin_of",
)  # fmt: skip
MULTI = " | "


@dataclass
class EstateSummary:
    """What was generated: people, households, ground-truth records per system and per hazard, and the time."""

    people: int
    households: int
    systems_yaml: Path
    records: dict[str, int] = field(default_factory=dict)
    hazards: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [f"{self.people} people in {self.households} households, {sum(self.records.values())} records"]
        out += [f"  {system}: {count}" for system, count in self.records.items()]
        out.append("Hazards: " + ", ".join(f"{hazard} {count}" for hazard, count in self.hazards.items()))
        out.append(f"Written to {self.systems_yaml.parent} in {self.seconds:.1f}s")
        return out


def generate_estate(
    *, people: int, seed: int, out: Path, db_url: str | None = None, progress: Progress | None = None
) -> EstateSummary:
    """Write a synthetic estate of ``people`` people for ``seed`` into ``out`` (SQL systems into ``db_url``
    when given, each table prefixed with its system, e.g. ``council_tax__accounts``); the same seed always
    writes the same bytes."""
    # Millions of long-lived objects: the cyclic garbage collector would rescan them all again and again (a third
    # of the time at 200,000 people, more beyond) and would find nothing to free until the estate is written.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _generate(people=people, seed=seed, out=out, db_url=db_url, progress=progress)
    finally:
        if collecting:
            gc.enable()


def _generate(*, people: int, seed: int, out: Path, db_url: str | None, progress: Progress | None) -> EstateSummary:
    started = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    population = build_population(
        people=people, seed=seed, progress=(lambda done, total: progress("people", done, total)) if progress else None
    )
    if progress:
        progress("people", len(population.people), len(population.people))
    specs = [replace(spec, table_prefix=db_prefix(spec.slug)) if db_url and spec.kind is SystemKind.SQL else spec
             for spec, _ in SYSTEMS]  # fmt: skip
    truth_files = [
        (out / name).open("w", newline="", encoding="utf-8")
        for name in ("ground_truth.csv", "mentions.csv", "invalid_identifiers.csv")
    ]
    try:
        writers = [csv.writer(handle) for handle in truth_files]
        writers[0].writerow(("system", "table", "key", "person_id", "hazard"))
        writers[1].writerow(("system", "table", "key", "person_id", "role", "name"))
        writers[2].writerow(("system", "table", "key", "field", "value", "reason"))
        truth = Truth(records=writers[0], mentions=writers[1], invalid=writers[2])
        households = {household.household_id: household for household in population.households}
        for spec, (_, generate) in zip(specs, SYSTEMS, strict=True):
            output = SystemOutput(spec, _sink(spec, out, db_url), truth)
            context = Context(
                population=population,
                rng=random.Random(f"{seed}:{spec.slug}"),
                out=output,
                progress=progress,
                households=households,
            )
            generate(context)
            output.close()
            if progress:
                progress(spec.slug, truth.by_system[spec.slug], truth.by_system[spec.slug])
    finally:
        for handle in truth_files:
            handle.close()
    write_people(population, out / "people.csv")
    yaml_path = out / "systems.yaml"
    yaml_path.write_text(systems_yaml(specs, db_url=db_url), encoding="utf-8")
    return EstateSummary(
        people=len(population.people),
        households=len(population.households),
        systems_yaml=yaml_path,
        records={spec.slug: truth.by_system[spec.slug] for spec in specs},
        hazards={hazard.value: truth.by_hazard[hazard.value] for hazard in Hazard},
        seconds=time.perf_counter() - started,
    )


def _sink(spec: SystemSpec, out: Path, db_url: str | None) -> Sink:
    if spec.kind is SystemKind.SQL:
        return SqlAlchemySink(db_url, spec) if db_url else SqliteSink(out / spec.location, spec)
    if spec.kind is SystemKind.MAILBOX:
        return MailboxSink(out / spec.location)
    if spec.file_format == "xlsx":
        return XlsxSink(out / spec.location)
    return CsvSink(out / spec.location)


def write_people(population: Population, path: Path) -> None:
    """``people.csv``: each person's true current details, as they would give them on a request form."""
    households = {household.household_id: household for household in population.households}
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(PEOPLE_COLUMNS)
        for person in population.people:
            address = person.address
            writer.writerow(
                (
                    person.person_id, person.given, person.middle, person.family, MULTI.join(person.previous_names),
                    person.dob.isoformat(), person.email, person.mobile or households[person.household_id].landline,
                    address.line(), address.postcode,
                    MULTI.join(f"{old.line()}, {old.postcode}" for old in person.previous_addresses),
                    address.uprn, person.nhs_number, person.ni_number, person.household_id, person.twin_of,
                )
            )  # fmt: skip
