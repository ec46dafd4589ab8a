"""Revenues and housing: council tax (surname-first names, joint holders, closed accounts at old homes), benefits
(NI numbers, dd/mm/yyyy dates) and housing (tenants and their tenancies, past ones at previous addresses)."""

from datetime import date
from typing import Any

from pledge.discovery.sources import IdentityField as F
from pledge.discovery.sources import SystemKind

from .context import Context, dmy, iso
from .population import Person
from .quirks import PHONE_ONLY, Hazard, View, base_hazard, render
from .schema import Column, SystemSpec, TableSpec

H = Hazard

COUNCIL_TAX = SystemSpec(
    slug="council-tax",
    name="Council Tax (Revenues)",
    register_system="revenues-benefits-system",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="council_tax.sqlite",
    tables=(
        TableSpec(
            name="accounts",
            key="account_ref",
            retention_rule="council-tax-account",
            trigger_column="closed_on",
            restriction_column="restricted",
            columns=(
                Column("account_ref", identity=F.ACCOUNT_REFERENCE, category="account balance and payment history"),
                Column("holder_name", identity=F.FULL_NAME, category="name"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="date of birth"),
                Column("email", identity=F.EMAIL, category="contact details"),
                Column("phone", identity=F.PHONE, category="contact details"),
                Column("property_address", identity=F.ADDRESS, category="address and previous address"),
                Column("postcode", identity=F.POSTCODE, category="address and previous address"),
                Column("uprn", identity=F.UPRN, category="address and previous address"),
                Column("balance", "REAL", category="account balance and payment history"),
                Column("discount", category="student status and evidence of exemptions"),
                Column("opened_on"),
                Column("closed_on"),
                Column("restricted", "INTEGER"),
            ),
        ),
        TableSpec(
            name="joint_holders",
            key="joint_id",
            parent_table="accounts",
            parent_key="account_ref",
            retention_rule="council-tax-account",
            columns=(
                Column("joint_id"),
                Column("account_ref"),
                Column("holder_name", identity=F.FULL_NAME, category="household members"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="date of birth"),
                Column("email", identity=F.EMAIL, category="contact details"),
                Column("phone", identity=F.PHONE, category="contact details"),
            ),
        ),
        TableSpec(
            name="notes",
            key="note_id",
            parent_table="accounts",
            parent_key="account_ref",
            retention_rule="council-tax-account",
            columns=(
                Column("note_id"),
                Column("account_ref"),
                Column("written_on"),
                Column("body", free_text=True, category="account balance and payment history"),
            ),
        ),
    ),
)

COUNCIL_TAX_WEIGHTS = {
    H.CLEAN: 55, H.TYPO: 8, H.NICKNAME: 3, H.INITIALS: 6, H.NAME_ORDER: 4, H.MISSING_DOB: 12, H.HOUSEHOLD: 8,
    H.CHANGED_SURNAME: 4,
}  # fmt: skip

NOTE_TEXTS = (
    "Customer called to set up a direct debit on the 1st of the month.",
    "Single person discount reviewed; still eligible.",
    "Reminder issued for missed instalment.",
    "Customer asked for the bill to be split over 12 months.",
    "Moving-in date confirmed by the landlord.",
)


def generate_council_tax(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    accounts = notes = 0
    households = ctx.population.households
    for number, household in enumerate(households, 1):
        adults = [member for member in household.members if member.age() >= 18]
        if not adults:
            continue
        lead = adults[0]
        accounts += 1
        ref = f"CT{accounts:08d}"
        hazard, view = ctx.record(lead, COUNCIL_TAX_WEIGHTS)
        opened = ctx.day_between(date(2004, 4, 1))
        discount = "single person" if len(adults) == 1 else ""
        out.add(
            "accounts", _account_row(ref, view, round(rng.uniform(-200, 1800), 2), discount, opened, None), lead, hazard
        )
        if len(adults) > 1:
            partner = adults[1]
            joint_hazard, joint = ctx.record(partner, COUNCIL_TAX_WEIGHTS)
            row: tuple[Any, ...] = (f"{ref}-J1", ref, joint.surname_first(), iso(joint.dob), joint.email, joint.phone)
            out.add("joint_holders", row, partner, joint_hazard)
        for _ in range(rng.choice((0, 0, 1, 2))):
            notes += 1
            out.add("notes", (f"N{notes:08d}", ref, iso(ctx.day_between(opened)), rng.choice(NOTE_TEXTS)))
        if lead.previous_addresses and rng.random() < 0.6:  # the account at the home they left, now closed
            accounts += 1
            old = render(lead, household, H.MOVED, rng)
            closed = ctx.day_between(date(2012, 1, 1), opened)
            row = _account_row(f"CT{accounts:08d}", old, 0.0, "", ctx.day_between(date(2000, 4, 1), closed), closed)
            out.add("accounts", row, lead, base_hazard(lead, H.MOVED))
        ctx.tick(number, len(households))


def _account_row(ref: str, view: View, balance: float, discount: str, opened: date, closed: date | None) -> tuple:
    address = view.address
    return (
        ref,
        view.surname_first(),
        iso(view.dob),
        view.email,
        view.phone,
        address.line(),
        address.postcode,
        address.uprn,
        balance,
        discount,
        iso(opened),
        iso(closed),
        0,
    )


BENEFITS = SystemSpec(
    slug="benefits",
    name="Housing Benefit and Council Tax Support",
    register_system="revenues-benefits-system",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="benefits.sqlite",
    tables=(
        TableSpec(
            name="claims",
            key="claim_ref",
            retention_rule="benefit-claims",
            trigger_column="closed_on",
            columns=(
                Column("claim_ref", identity=F.ACCOUNT_REFERENCE, category="benefit details"),
                Column("surname", identity=F.FAMILY_NAME, category="name"),
                Column("forenames", identity=F.GIVEN_NAME, category="name"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="date of birth"),
                Column("ni_number", identity=F.NI_NUMBER, category="National Insurance number"),
                Column("address", identity=F.ADDRESS, category="address and previous address"),
                Column("postcode", identity=F.POSTCODE, category="address and previous address"),
                Column("phone", identity=F.PHONE, category="contact details"),
                Column("benefit", category="benefit details"),
                Column("weekly_amount", "REAL", category="payment and benefit details"),
                Column("opened_on"),
                Column("closed_on"),
            ),
        ),
    ),
)

BENEFIT_WEIGHTS = {
    H.CLEAN: 50, H.TYPO: 10, H.NICKNAME: 2, H.INITIALS: 2, H.NAME_ORDER: 8, H.MISSING_DOB: 2, H.MOVED: 10,
    H.HOUSEHOLD: 6, H.CHANGED_SURNAME: 6,
}  # fmt: skip


def split_names(view: View) -> tuple[str, str]:
    """(family, given) as two fields: swapped when the name order hazard applies; forenames include middles."""
    given = view.given_display + (f" {view.middle}" if view.middle else "")
    return (given, view.family) if view.swapped else (view.family, given)


def generate_benefits(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    claims = 0
    for number, person in enumerate(people, 1):
        age = person.age()
        if age < 18 or rng.random() >= (0.22 if age >= 66 else 0.1):
            continue
        claims += 1
        hazard, view = ctx.record(person, BENEFIT_WEIGHTS, contact=PHONE_ONLY)
        family, given = split_names(view)
        opened = ctx.day_between(date(2010, 4, 1))
        closed = ctx.day_between(opened) if rng.random() < 0.3 else None
        benefit = rng.choice(("Housing Benefit", "Council Tax Support", "Council Tax Support"))
        row: tuple[Any, ...] = (
            f"HB{claims:07d}", family, given, dmy(view.dob), person.ni_number, view.address.line(),
            view.address.postcode, view.phone, benefit, round(rng.uniform(5, 140), 2), iso(opened), iso(closed),
        )  # fmt: skip
        out.add("claims", row, person, hazard)
        ctx.tick(number, len(people))


HOUSING = SystemSpec(
    slug="housing",
    name="Housing Register and Tenancies",
    register_system="housing-system",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="housing.sqlite",
    tables=(
        TableSpec(
            name="tenants",
            key="tenant_id",
            retention_rule="housing-register-record",
            trigger_column="last_reviewed_on",
            columns=(
                Column("tenant_id"),
                Column("title"),
                Column("forenames", identity=F.GIVEN_NAME, category="name, address history and date of birth"),
                Column("surname", identity=F.FAMILY_NAME, category="name, address history and date of birth"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="name, address history and date of birth"),
                Column("ni_number", identity=F.NI_NUMBER, category="National Insurance number"),
                Column("phone", identity=F.PHONE, category="household members"),
                Column("email", identity=F.EMAIL, category="household members"),
                Column("address", identity=F.ADDRESS, category="name, address history and date of birth"),
                Column("postcode", identity=F.POSTCODE, category="name, address history and date of birth"),
                Column("uprn", identity=F.UPRN, category="name, address history and date of birth"),
                Column("household_size", "INTEGER", category="household members"),
                Column("last_reviewed_on"),
            ),
        ),
        TableSpec(
            name="tenancies",
            key="tenancy_id",
            parent_table="tenants",
            parent_key="tenant_id",
            retention_rule="housing-register-record",
            trigger_column="ended_on",
            columns=(
                Column("tenancy_id"),
                Column("tenant_id"),
                Column("address", identity=F.ADDRESS, category="name, address history and date of birth"),
                Column("postcode", identity=F.POSTCODE, category="name, address history and date of birth"),
                Column("uprn", identity=F.UPRN, category="name, address history and date of birth"),
                Column("started_on"),
                Column("ended_on"),
            ),
        ),
    ),
)

HOUSING_WEIGHTS = {
    H.CLEAN: 55, H.TYPO: 8, H.NICKNAME: 4, H.NAME_ORDER: 5, H.MISSING_DOB: 5, H.MOVED: 10, H.HOUSEHOLD: 8,
    H.CHANGED_SURNAME: 5,
}  # fmt: skip


def _title(person: Person) -> str:
    if person.sex == "M":
        return "Mr"
    return "Mrs" if person.previous_names else "Ms"


def generate_housing(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    households = ctx.population.households
    tenants = tenancies = 0
    for number, household in enumerate(households, 1):
        adults = [member for member in household.members if member.age() >= 18]
        if not adults or rng.random() >= 0.18:
            continue
        tenant = adults[0]
        tenants += 1
        ref = f"T{tenants:07d}"
        hazard, view = ctx.record(tenant, HOUSING_WEIGHTS)
        family, given = split_names(view)
        address = view.address
        reviewed = iso(ctx.day_between(date(2023, 1, 1)))
        row: tuple[Any, ...] = (
            ref, _title(tenant), given, family, dmy(view.dob), tenant.ni_number, view.phone, view.email,
            address.line(), address.postcode, address.uprn, len(household.members), reviewed,
        )  # fmt: skip
        out.add("tenants", row, tenant, hazard)
        started = ctx.day_between(date(2008, 1, 1), date(2025, 1, 1))
        for old in tenant.previous_addresses:  # tenancies the household held before this one
            tenancies += 1
            begun = ctx.day_between(date(1995, 1, 1), started)
            row = (
                f"TY{tenancies:07d}",
                ref,
                old.line(),
                old.postcode,
                old.uprn,
                iso(begun),
                iso(started),
            )
            out.add("tenancies", row, tenant, base_hazard(tenant, H.MOVED))
        tenancies += 1
        home = household.address
        row = (f"TY{tenancies:07d}", ref, home.line(), home.postcode, home.uprn, iso(started), None)
        out.add("tenancies", row, tenant, base_hazard(tenant, H.CLEAN))
        ctx.tick(number, len(households))
