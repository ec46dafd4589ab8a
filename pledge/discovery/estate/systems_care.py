"""Social care: adult clients with NHS numbers (a few mistyped, failing Modulus 11) and case notes naming the
client, relatives, neighbours and staff; children with their parents and carers."""

from datetime import date
from typing import Any

from pledge.discovery.sources import IdentityField as F
from pledge.discovery.sources import SystemKind

from . import identifiers, names
from .context import Context, iso, neighbour
from .population import Person
from .quirks import NO_CONTACT, PHONE_ONLY, Hazard, base_hazard
from .schema import Column, SystemSpec, TableSpec

H = Hazard
INVALID_NHS_EVERY = 40  # one client in 40 (the first among them) has a mistyped NHS number

ADULT_SOCIAL_CARE = SystemSpec(
    slug="adult-social-care",
    name="Adult Social Care (Anyshire Care Record)",
    register_system="social-care-system",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="adult_social_care.sqlite",
    tables=(
        TableSpec(
            name="clients",
            key="client_id",
            retention_rule="adult-social-care-record",
            trigger_column="closed_on",
            restriction_column="restricted",
            columns=(
                Column("client_id"),
                Column("nhs_number", identity=F.NHS_NUMBER, category="NHS number"),
                Column("first_name", identity=F.GIVEN_NAME, category="name, address and date of birth"),
                Column("last_name", identity=F.FAMILY_NAME, category="name, address and date of birth"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="name, address and date of birth"),
                Column("address", identity=F.ADDRESS, category="name, address and date of birth"),
                Column("postcode", identity=F.POSTCODE, category="name, address and date of birth"),
                Column("phone", identity=F.PHONE, category="contact details and next of kin"),
                Column("next_of_kin", category="contact details and next of kin"),
                Column("primary_need", category="health conditions and disabilities"),
                Column("opened_on"),
                Column("closed_on"),
                Column("restricted", "INTEGER"),
            ),
        ),
        TableSpec(
            name="case_notes",
            key="note_id",
            parent_table="clients",
            parent_key="client_id",
            retention_rule="adult-social-care-record",
            columns=(
                Column("note_id"),
                Column("client_id"),
                Column("written_on"),
                Column("author", category="care needs and care plan"),
                Column("body", free_text=True, category="care needs and care plan"),
            ),
        ),
    ),
)

CARE_WEIGHTS = {
    H.CLEAN: 60, H.TYPO: 8, H.NICKNAME: 6, H.NAME_ORDER: 4, H.MISSING_DOB: 3, H.MOVED: 8, H.HOUSEHOLD: 6,
    H.CHANGED_SURNAME: 5,
}  # fmt: skip
NEEDS = ("Physical support", "Memory and cognition", "Mental health support", "Learning disability", "Sensory support")


def generate_adult_social_care(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    clients = notes = 0
    for number, person in enumerate(people, 1):
        age = person.age()
        chance = 0.3 if age >= 75 else 0.1 if age >= 65 else 0.02 if age >= 18 else 0.0
        if rng.random() >= chance:
            continue
        clients += 1
        ref = f"ASC{clients:07d}"
        hazard, view = ctx.record(person, CARE_WEIGHTS, contact=PHONE_ONLY)
        nhs = person.nhs_number
        if clients % INVALID_NHS_EVERY == 1:  # mistyped on entry: the check digit no longer agrees
            nhs = identifiers.invalid_nhs_number(nhs)
            hazard = base_hazard(person, H.TYPO)
            out.invalid("clients", ref, "nhs_number", nhs, "fails the Modulus 11 check")
        kin = _next_of_kin(person)
        opened = ctx.day_between(date(2012, 1, 1))
        closed = ctx.day_between(opened) if rng.random() < 0.25 else None
        first, last = (view.family, view.given) if view.swapped else (view.given, view.family)
        row: tuple[Any, ...] = (
            ref, nhs, first, last, iso(view.dob), view.address.line(), view.address.postcode, view.phone,
            kin.full_name if kin else "", rng.choice(NEEDS), iso(opened), iso(closed), 0,
        )  # fmt: skip
        out.add("clients", row, person, hazard)
        for _ in range(rng.randint(1, 4)):
            notes += 1
            note_id = f"CN{notes:08d}"
            author, body = _case_note(ctx, person, kin, note_id)
            out.add("case_notes", (note_id, ref, iso(ctx.day_between(opened)), author, body))
        ctx.tick(number, len(people))


def _next_of_kin(person: Person) -> Person | None:
    household = person.relatives
    return household[0] if household else None


def _case_note(ctx: Context, client: Person, kin: Person | None, note_id: str) -> tuple[str, str]:
    """A note in a social worker's words; it names the client and often relatives, a neighbour or a colleague."""
    rng, out = ctx.rng, ctx.out
    author = rng.choice(names.STAFF)
    colleague = rng.choice(names.STAFF)
    out.mention("case_notes", note_id, client, "subject")
    sentences = [f"Home visit to {client.given} {client.family}."]
    if kin is not None and rng.random() < 0.7:
        sentences.append(f"{kin.given} {kin.family} was present and said {client.given} has been more confused lately.")
        out.mention("case_notes", note_id, kin, "relative")
    if rng.random() < 0.35:
        other = neighbour(ctx, client)
        sentences.append(f"Neighbour {other.given} {other.family} at number {other.address.number} calls in most days.")
        out.mention("case_notes", note_id, other, "neighbour")
    closing = rng.choice(
        (
            f"Discussed the care plan; review with {colleague} next month.",
            "Agreed to increase home care to two calls a day.",
            f"{client.given} declined a day centre place for now.",
            f"Referred to {colleague} for an occupational therapy assessment.",
        )
    )
    sentences.append(closing)
    return author, " ".join(sentences)


CHILDRENS_SERVICES = SystemSpec(
    slug="childrens-services",
    name="Children's Services (Anyshire Care Record)",
    register_system="social-care-system",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="childrens_services.sqlite",
    tables=(
        TableSpec(
            name="children",
            key="child_id",
            retention_rule="child-protection-record",
            trigger_column="date_of_birth",
            restriction_column="restricted",
            columns=(
                Column("child_id"),
                Column("forename", identity=F.GIVEN_NAME, category="name, address and date of birth"),
                Column("surname", identity=F.FAMILY_NAME, category="name, address and date of birth"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="name, address and date of birth"),
                Column("nhs_number", identity=F.NHS_NUMBER, category="NHS number"),
                Column("address", identity=F.ADDRESS, category="name, address and date of birth"),
                Column("postcode", identity=F.POSTCODE, category="name, address and date of birth"),
                Column("school", category="education and school information"),
                Column("opened_on"),
                Column("closed_on"),
                Column("restricted", "INTEGER"),
            ),
        ),
        TableSpec(
            name="carers",
            key="carer_id",
            parent_table="children",
            parent_key="child_id",
            retention_rule="child-protection-record",
            columns=(
                Column("carer_id"),
                Column("child_id"),
                Column("carer_name", identity=F.FULL_NAME, category="family relationships"),
                Column("relationship", category="family relationships"),
                Column("phone", identity=F.PHONE, category="family relationships"),
                Column("email", identity=F.EMAIL, category="family relationships"),
                Column("address", identity=F.ADDRESS, category="family relationships"),
            ),
        ),
    ),
)

SCHOOLS = ("Anytown Primary", "Exampleton Academy", "Samplebury C of E Primary", "Testford High", "Mockley Juniors")


def generate_childrens_services(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    children = carers = 0
    for number, child in enumerate(people, 1):
        if child.age() >= 18 or rng.random() >= 0.04:
            continue
        children += 1
        ref = f"CS{children:07d}"
        hazard, view = ctx.record(child, CARE_WEIGHTS, contact=NO_CONTACT)
        opened = ctx.day_between(max(child.dob, date(2010, 1, 1)))
        first, last = (view.family, view.given) if view.swapped else (view.given, view.family)
        row: tuple[Any, ...] = (
            ref, first, last, iso(view.dob), child.nhs_number, view.address.line(), view.address.postcode,
            rng.choice(SCHOOLS), iso(opened), None, 0,
        )  # fmt: skip
        out.add("children", row, child, hazard)
        household = ctx.households[child.household_id]
        parents = [member for member in household.members if member.age() >= 18 and member.age() - child.age() >= 16]
        for parent in parents[:2]:
            carers += 1
            carer_hazard, carer = ctx.record(parent, CARE_WEIGHTS, has_dob=False)
            relationship = "mother" if parent.sex == "F" else "father"
            row = (
                f"CR{carers:07d}",
                ref,
                carer.full_name(),
                relationship,
                carer.phone,
                carer.email,
                carer.address.line(),
            )
            out.add("carers", row, parent, carer_hazard)
        ctx.tick(number, len(people))
