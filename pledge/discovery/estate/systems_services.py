"""Front-line services: libraries (CSV, initials, missing dates of birth), garden waste (XLSX, household emails),
parking and ANPR (permits, penalty notices, keepers and number-plate reads), and the CCTV incident log (CSV)."""

from datetime import date, datetime, timedelta
from typing import Any

from pledge.discovery.sources import IdentityField as F
from pledge.discovery.sources import SystemKind

from . import identifiers, names
from .context import Context, dmy, iso
from .population import Person
from .quirks import EMAIL_ONLY, NO_CONTACT, PHONE_ONLY, Hazard
from .schema import Column, SystemSpec, TableSpec

H = Hazard

LIBRARIES = SystemSpec(
    slug="libraries",
    name="Libraries (membership and loans)",
    register_system="library-system",
    controller="anyshire-council",
    kind=SystemKind.FILES,
    location="libraries",
    tables=(
        TableSpec(
            name="members",
            key="card_number",
            retention_rule="library-membership",
            trigger_column="last_active_on",
            columns=(
                Column("card_number"),
                Column("name", identity=F.FULL_NAME, category="name, address and contact details"),
                Column("address", identity=F.ADDRESS, category="name, address and contact details"),
                Column("postcode", identity=F.POSTCODE, category="name, address and contact details"),
                Column("email", identity=F.EMAIL, category="name, address and contact details"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="name, address and date of birth"),
                Column("joined_on"),
                Column("last_active_on"),
            ),
        ),
        TableSpec(
            name="loans",
            key="loan_id",
            parent_table="members",
            parent_key="card_number",
            columns=(
                Column("loan_id"),
                Column("card_number"),
                Column("title", category="current loans and reservations"),
                Column("borrowed_on", category="current loans and reservations"),
                Column("returned_on"),
            ),
        ),
    ),
)

LIBRARY_WEIGHTS = {
    H.CLEAN: 22, H.INITIALS: 38, H.MISSING_DOB: 22, H.TYPO: 5, H.MOVED: 5, H.HOUSEHOLD: 4, H.CHANGED_SURNAME: 4,
}  # fmt: skip


def generate_libraries(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    members = loans = 0
    for number, person in enumerate(people, 1):
        if person.age() < 4 or rng.random() >= 0.25:
            continue
        members += 1
        card = f"2{members:09d}"
        hazard, view = ctx.record(person, LIBRARY_WEIGHTS, contact=EMAIL_ONLY)
        joined = ctx.day_between(max(person.dob, date(2005, 1, 1)))
        last = ctx.day_between(joined)
        row: tuple[Any, ...] = (
            card,
            view.full_name(),
            view.address.line(),
            view.address.postcode,
            view.email,
            dmy(view.dob),
            iso(joined),
            iso(last),
        )
        out.add("members", row, person, hazard)
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            loans += 1
            borrowed = ctx.day_between(last - timedelta(days=90), last)
            returned = borrowed + timedelta(days=21) if rng.random() < 0.8 else None
            out.add("loans", (f"L{loans:09d}", card, rng.choice(names.BOOK_TITLES), iso(borrowed), iso(returned)))
        ctx.tick(number, len(people))


GARDEN_WASTE = SystemSpec(
    slug="garden-waste",
    name="Garden Waste Subscriptions",
    register_system="crm",
    controller="anyshire-council",
    kind=SystemKind.FILES,
    location="garden_waste",
    file_format="xlsx",
    tables=(
        TableSpec(
            name="subscriptions",
            key="subscription_ref",
            retention_rule="garden-waste-subscription",
            trigger_column="ends_on",
            columns=(
                Column("subscription_ref", identity=F.ACCOUNT_REFERENCE, category="subscription history"),
                Column("customer_name", identity=F.FULL_NAME, category="name, address and email"),
                Column("email", identity=F.EMAIL, category="name, address and email"),
                Column("phone", identity=F.PHONE, category="email and phone number"),
                Column("address", identity=F.ADDRESS, category="name, address and email"),
                Column("postcode", identity=F.POSTCODE, category="name, address and email"),
                Column("uprn", identity=F.UPRN, category="name, address and email"),
                Column("bins", "INTEGER", category="number of bins"),
                Column("starts_on"),
                Column("ends_on"),
            ),
        ),
    ),
)

GARDEN_WEIGHTS = {H.HOUSEHOLD: 45, H.CLEAN: 30, H.TYPO: 6, H.NICKNAME: 6, H.INITIALS: 6, H.MOVED: 4}


def generate_garden_waste(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    households = ctx.population.households
    subscriptions = 0
    for number, household in enumerate(households, 1):
        adults = [member for member in household.members if member.age() >= 18]
        if not adults or rng.random() >= 0.22:
            continue
        subscriber = rng.choice(adults[:2])
        subscriptions += 1
        hazard, view = ctx.record(subscriber, GARDEN_WEIGHTS, has_dob=False)
        starts = date(2026, 4, 1) if rng.random() < 0.8 else date(2025, 4, 1)
        address = view.address
        row: tuple[Any, ...] = (
            f"GW{subscriptions:07d}", view.full_name(), view.email, view.phone, address.line(), address.postcode,
            address.uprn, rng.choice((1, 1, 1, 2)), starts.isoformat(), date(starts.year + 1, 3, 31).isoformat(),
        )  # fmt: skip
        out.add("subscriptions", row, subscriber, hazard)
        ctx.tick(number, len(households))


PARKING = SystemSpec(
    slug="parking",
    name="Parking Permits, Penalty Notices and ANPR",
    register_system="parking-system",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="parking.sqlite",
    tables=(
        TableSpec(
            name="vehicles",
            key="vrm",
            columns=(
                Column("vrm", category="vehicle registration"),
                Column("keeper_name", identity=F.FULL_NAME, category="registered keeper name and address"),
                Column("keeper_address", identity=F.ADDRESS, category="registered keeper name and address"),
                Column("postcode", identity=F.POSTCODE, category="registered keeper name and address"),
            ),
        ),
        TableSpec(
            name="permits",
            key="permit_ref",
            retention_rule="parking-pcn",
            trigger_column="ends_on",
            columns=(
                Column("permit_ref", identity=F.ACCOUNT_REFERENCE, category="proof of residence and vehicle ownership"),
                Column("vrm", category="vehicle registration"),
                Column("holder_name", identity=F.FULL_NAME, category="name and address"),
                Column("address", identity=F.ADDRESS, category="name and address"),
                Column("postcode", identity=F.POSTCODE, category="name and address"),
                Column("email", identity=F.EMAIL, category="name and address"),
                Column("phone", identity=F.PHONE, category="name and address"),
                Column("starts_on"),
                Column("ends_on"),
            ),
        ),
        TableSpec(
            name="penalty_notices",
            key="pcn_ref",
            retention_rule="parking-pcn",
            trigger_column="closed_on",
            columns=(
                Column("pcn_ref", identity=F.ACCOUNT_REFERENCE, category="registered keeper name and address"),
                Column("vrm", category="vehicle registration"),
                Column("issued_at", category="photographs of the vehicle"),
                Column("location"),
                Column("keeper_name", identity=F.FULL_NAME, category="registered keeper name and address"),
                Column("keeper_address", identity=F.ADDRESS, category="registered keeper name and address"),
                Column("postcode", identity=F.POSTCODE, category="registered keeper name and address"),
                Column("amount", "REAL"),
                Column("status"),
                Column("closed_on"),
            ),
        ),
        TableSpec(
            name="anpr_reads",
            key="read_id",
            parent_table="vehicles",
            parent_key="vrm",
            retention_rule="anpr-reads",
            trigger_column="read_at",
            columns=(
                Column("read_id"),
                Column("vrm", category="vehicle registration"),
                Column("site", category="date and time of entry and exit"),
                Column("camera", category="images of vehicles"),
                Column("read_at", category="date and time of entry and exit"),
            ),
        ),
    ),
)

PARKING_WEIGHTS = {H.CLEAN: 55, H.TYPO: 10, H.INITIALS: 10, H.NICKNAME: 5, H.MOVED: 12, H.CHANGED_SURNAME: 4}
PARKING_SITES = ("Testford Country Park", "Mockley Woods car park", "Anytown Market Street", "Exampleton Station")
STREETS_FOR_PCN = ("High Street, Anytown", "Market Place, Exampleton", "Station Road, Testford", "Bridge Street")


def generate_parking(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    vehicles = permits = pcns = reads = 0
    for number, person in enumerate(people, 1):
        if person.age() < 18 or rng.random() >= 0.25:
            continue
        vrm = identifiers.vehicle_registration(vehicles)
        vehicles += 1
        hazard, view = ctx.record(person, PARKING_WEIGHTS, has_dob=False, contact=NO_CONTACT)
        out.add("vehicles", (vrm, view.full_name(), view.address.line(), view.address.postcode), person, hazard)
        if rng.random() < 0.3:
            permits += 1
            permit_hazard, permit = ctx.record(person, PARKING_WEIGHTS, has_dob=False)
            row: tuple[Any, ...] = (
                f"PP{permits:07d}", vrm, permit.full_name(), permit.address.line(), permit.address.postcode,
                permit.email, permit.phone, "2026-04-01", "2027-03-31",
            )  # fmt: skip
            out.add("permits", row, person, permit_hazard)
        for _ in range(_penalties(ctx)):
            pcns += 1
            issued = datetime(2026, 1, 1) + timedelta(minutes=rng.randrange(0, 300 * 24 * 60))
            paid = rng.random() < 0.8
            row = (
                f"AY{pcns:08d}", vrm, issued.isoformat(timespec="minutes"), rng.choice(STREETS_FOR_PCN),
                view.full_name(), view.address.line(), view.address.postcode, 70.0,
                "paid" if paid else "open", iso(issued.date() + timedelta(days=14)) if paid else None,
            )  # fmt: skip
            out.add("penalty_notices", row, person, hazard)
        for _ in range(rng.choice((0, 0, 1, 2, 4))):
            reads += 1
            seen = datetime(2026, 9, 1) + timedelta(seconds=rng.randrange(0, 30 * 86400))
            site = rng.choice(PARKING_SITES)
            out.add(
                "anpr_reads",
                (f"R{reads:09d}", vrm, site, f"{site.split()[0].upper()}-CAM{rng.randint(1, 4)}", seen.isoformat()),
            )
        ctx.tick(number, len(people))


def _penalties(ctx: Context) -> int:
    return 0 if ctx.rng.random() >= 0.12 else ctx.rng.choice((1, 1, 2))


CCTV = SystemSpec(
    slug="cctv",
    name="Public Space CCTV (footage index and incident log)",
    register_system="public-space-cctv",
    controller="anyshire-council",
    kind=SystemKind.FILES,
    location="cctv",
    tables=(
        TableSpec(
            name="incidents",
            key="incident_ref",
            retention_rule="cctv-footage",
            trigger_column="started_at",
            columns=(
                Column("incident_ref"),
                Column("camera", category="images and video of people and vehicles"),
                Column("site", category="images and video of people and vehicles"),
                Column("started_at", category="incident logs"),
                Column("ended_at", category="incident logs"),
                Column("reported_by", identity=F.FULL_NAME, category="incident logs"),
                Column("reporter_phone", identity=F.PHONE, category="incident logs"),
                Column("description", free_text=True, category="incident logs"),
            ),
        ),
    ),
)

CAMERAS = ("ANY-01 Market Square", "ANY-02 Bus Station", "EXA-01 High Street", "TES-03 Riverside", "MOC-02 Car Park")
CCTV_WEIGHTS = {H.CLEAN: 60, H.TYPO: 15, H.NICKNAME: 10, H.INITIALS: 10, H.NAME_ORDER: 5}


def generate_cctv(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    incidents = 0
    for number, person in enumerate(people, 1):
        reported = person.age() >= 18 and rng.random() < 0.012
        if not reported and rng.random() >= 0.004:
            continue
        incidents += 1
        ref = f"INC{incidents:07d}"
        camera = rng.choice(CAMERAS)
        started = datetime(2026, 9, 1) + timedelta(minutes=rng.randrange(0, 30 * 24 * 60))
        ended = started + timedelta(minutes=rng.choice((5, 10, 20, 45)))
        if reported:
            hazard, view = ctx.record(person, CCTV_WEIGHTS, has_dob=False, contact=PHONE_ONLY)
            description = _incident(ctx, person, ref)
            row: tuple[Any, ...] = (ref, camera, camera.split(" ", 1)[1], started.isoformat(timespec="minutes"),
                   ended.isoformat(timespec="minutes"), view.full_name(), view.phone, description)  # fmt: skip
            out.add("incidents", row, person, hazard)
        else:
            note = "Operator noticed a disturbance; police informed."
            row = (ref, camera, camera.split(" ", 1)[1], started.isoformat(timespec="minutes"),
                   ended.isoformat(timespec="minutes"), "", "", note)  # fmt: skip
            out.add("incidents", row)
        ctx.tick(number, len(people))


def _incident(ctx: Context, reporter: Person, ref: str) -> str:
    rng = ctx.rng
    ctx.out.mention("incidents", ref, reporter, "subject")
    text = rng.choice(
        (
            f"{reporter.given} {reporter.family} reported a bicycle stolen from the rack.",
            f"{reporter.given} {reporter.family} asked for footage of a collision involving their car.",
            f"Reported by {reporter.given} {reporter.family}: a group shouting outside the shops.",
        )
    )
    if reporter.relatives and rng.random() < 0.3:
        relative = reporter.relatives[0]
        ctx.out.mention("incidents", ref, relative, "relative")
        text += f" {relative.given} {relative.family} was with them at the time."
    return text
