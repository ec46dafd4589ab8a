"""Contact channels: newsletters (CSV, writable, nicknames), webchat (sessions and transcripts), the customer
contact CRM (national-format phones in contacts, +44 E.164 in the call log), the electoral register (the Electoral
Registration Officer's, a separate controller) and the customer services mailbox (.eml files)."""

from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from typing import Any

from pledge.discovery.sources import IdentityField as F
from pledge.discovery.sources import SystemKind

from . import identifiers, names
from .context import Context, iso
from .quirks import EMAIL_ONLY, NO_CONTACT, Hazard, View, base_hazard, render
from .schema import Column, SystemSpec, TableSpec
from .systems_revenues import split_names

H = Hazard

NEWSLETTERS = SystemSpec(
    slug="newsletters",
    name="Email Newsletters",
    register_system="newsletter-platform",
    controller="anyshire-council",
    kind=SystemKind.FILES,
    location="newsletters",
    writable=True,
    tables=(
        TableSpec(
            name="subscribers",
            key="subscriber_id",
            retention_rule="newsletter-subscription",
            trigger_column="unsubscribed_on",
            columns=(
                Column("subscriber_id"),
                Column("email", identity=F.EMAIL, category="email address"),
                Column("name", identity=F.FULL_NAME),
                Column("topics", category="newsletter topics chosen"),
                Column("subscribed_on", category="date and method of consent"),
                Column("consent_method", category="date and method of consent"),
                Column("unsubscribed_on"),
            ),
        ),
    ),
)

NEWSLETTER_WEIGHTS = {H.NICKNAME: 45, H.CLEAN: 33, H.HOUSEHOLD: 10, H.TYPO: 6, H.INITIALS: 6}
TOPICS = ("What's on", "Recycling news", "Roadworks", "Libraries", "Business news", "Consultations")


def generate_newsletters(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    subscribers = 0
    for number, person in enumerate(people, 1):
        if person.age() < 18 or not person.email or rng.random() >= 0.18:
            continue
        subscribers += 1
        hazard, view = ctx.record(person, NEWSLETTER_WEIGHTS, has_dob=False, contact=EMAIL_ONLY)
        subscribed = ctx.day_between(date(2019, 1, 1))
        gone = ctx.day_between(subscribed) if rng.random() < 0.1 else None
        topics = ";".join(sorted(rng.sample(TOPICS, rng.randint(1, 3))))
        row: tuple[Any, ...] = (
            f"S{subscribers:08d}",
            view.email,
            view.full_name(),
            topics,
            iso(subscribed),
            "website form",
            iso(gone),
        )
        out.add("subscribers", row, person, hazard)
        ctx.tick(number, len(people))


WEBCHAT = SystemSpec(
    slug="webchat",
    name="Webchat",
    register_system="webchat",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="webchat.sqlite",
    tables=(
        TableSpec(
            name="sessions",
            key="session_id",
            retention_rule="webchat-transcript",
            trigger_column="ended_at",
            columns=(
                Column("session_id"),
                Column("visitor_name", identity=F.FULL_NAME, category="name"),
                Column("email", identity=F.EMAIL, category="email address"),
                Column("started_at"),
                Column("ended_at"),
                Column("topic", category="contents of the chat"),
            ),
        ),
        TableSpec(
            name="transcripts",
            key="line_id",
            parent_table="sessions",
            parent_key="session_id",
            retention_rule="webchat-transcript",
            columns=(
                Column("line_id"),
                Column("session_id"),
                Column("sent_at"),
                Column("speaker"),
                Column("message", free_text=True, category="contents of the chat"),
            ),
        ),
    ),
)

CHAT_WEIGHTS = {H.CLEAN: 45, H.NICKNAME: 20, H.TYPO: 12, H.INITIALS: 8, H.HOUSEHOLD: 10, H.NAME_ORDER: 5}
CHAT_TOPICS = ("Missed bin collection", "Council tax bill", "Parking permit", "Library card", "Report a pothole")


def generate_webchat(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    sessions = lines = 0
    for number, person in enumerate(people, 1):
        if person.age() < 18 or rng.random() >= 0.07:
            continue
        sessions += 1
        ref = f"WC{sessions:08d}"
        hazard, view = ctx.record(person, CHAT_WEIGHTS, has_dob=False, contact=EMAIL_ONLY)
        started = datetime(2026, 6, 1) + timedelta(seconds=rng.randrange(0, 120 * 86400))
        topic = rng.choice(CHAT_TOPICS)
        ended = started + timedelta(minutes=rng.randint(3, 25))
        out.add(
            "sessions",
            (ref, view.full_name(), view.email, started.isoformat(), ended.isoformat(), topic),
            person,
            hazard,
        )
        agent = rng.choice(names.STAFF).split()[0]
        said = [
            ("agent", f"Hello, you're chatting with {agent}. How can I help?"),
            ("visitor", f"Hi, it's {view.given} {view.family}. I'm asking about: {topic.lower()}."),
        ]
        if person.relatives and rng.random() < 0.3:
            relative = person.relatives[0]
            said.append(("visitor", f"It's for my household, {relative.given} {relative.family} lives here too."))
            out.mention("transcripts", f"WL{lines + len(said):09d}", relative, "relative")
        said.append(("agent", "Thanks, I've logged that for you."))
        for offset, (speaker, message) in enumerate(said):
            lines += 1
            sent = started + timedelta(seconds=40 * offset)
            out.add("transcripts", (f"WL{lines:09d}", ref, sent.isoformat(), speaker, message))
        ctx.tick(number, len(people))


CRM = SystemSpec(
    slug="crm",
    name="Customer Contact (CRM)",
    register_system="crm",
    controller="anyshire-council",
    kind=SystemKind.SQL,
    location="crm.sqlite",
    tables=(
        TableSpec(
            name="contacts",
            key="contact_id",
            retention_rule="customer-contact-record",
            trigger_column="last_contact_on",
            columns=(
                Column("contact_id"),
                Column("first_name", identity=F.GIVEN_NAME, category="name and contact details"),
                Column("last_name", identity=F.FAMILY_NAME, category="name and contact details"),
                Column("date_of_birth", identity=F.DATE_OF_BIRTH, category="date of birth"),
                Column("email", identity=F.EMAIL, category="name and contact details"),
                Column("phone", identity=F.PHONE, category="name and contact details"),
                Column("address", identity=F.ADDRESS, category="name and address"),
                Column("postcode", identity=F.POSTCODE, category="name and address"),
                Column("uprn", identity=F.UPRN, category="name and address"),
                Column("last_contact_on"),
            ),
        ),
        TableSpec(
            name="calls",
            key="call_id",
            parent_table="contacts",
            parent_key="contact_id",
            retention_rule="customer-contact-record",
            trigger_column="called_at",
            columns=(
                Column("call_id"),
                Column("contact_id"),
                Column("caller_number", identity=F.PHONE, category="contact details"),
                Column("called_at"),
                Column("reason", category="details of the enquiry"),
                Column("notes", free_text=True, category="details of the enquiry"),
            ),
        ),
    ),
)

CRM_WEIGHTS = {
    H.CLEAN: 45, H.TYPO: 10, H.NICKNAME: 8, H.INITIALS: 4, H.NAME_ORDER: 6, H.MISSING_DOB: 10, H.MOVED: 7,
    H.HOUSEHOLD: 7, H.CHANGED_SURNAME: 3,
}  # fmt: skip


def generate_crm(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    contacts = calls = 0
    for number, person in enumerate(people, 1):
        if person.age() < 18 or rng.random() >= 0.3:
            continue
        contacts += 1
        ref = f"C{contacts:08d}"
        hazard, view = ctx.record(person, CRM_WEIGHTS)
        first, last = (view.family, view.given) if view.swapped else (view.given, view.family)
        last_contact = ctx.day_between(date(2021, 1, 1))
        address = view.address
        row: tuple[Any, ...]
        row = (ref, first, last, iso(view.dob), view.email, view.phone, address.line(), address.postcode, address.uprn,
               iso(last_contact))  # fmt: skip
        out.add("contacts", row, person, hazard)
        for _ in range(rng.choice((0, 1, 1, 2, 3)) if view.phone else 0):
            calls += 1
            when = datetime.combine(ctx.day_between(date(2021, 1, 1), last_contact), datetime.min.time())
            when += timedelta(seconds=rng.randrange(8 * 3600, 18 * 3600))
            reason = rng.choice(CHAT_TOPICS)
            note = f"Caller asked about {reason.lower()}; advised and closed."
            out.add("calls", (f"CL{calls:08d}", ref, identifiers.e164(view.phone), when.isoformat(), reason, note))
        ctx.tick(number, len(people))


ELECTORAL_REGISTER = SystemSpec(
    slug="electoral-register",
    name="Electoral Register",
    register_system="electoral-system",
    controller="anyshire-ero",
    kind=SystemKind.SQL,
    location="electoral_register.sqlite",
    tables=(
        TableSpec(
            name="electors",
            key="elector_number",
            retention_rule="electoral-register",
            trigger_column="removed_on",
            columns=(
                Column("elector_number"),
                Column("polling_district"),
                Column("surname", identity=F.FAMILY_NAME, category="name and address"),
                Column("forenames", identity=F.GIVEN_NAME, category="name and address"),
                Column("address", identity=F.ADDRESS, category="name and address"),
                Column("postcode", identity=F.POSTCODE, category="name and address"),
                Column("uprn", identity=F.UPRN, category="name and address"),
                Column(
                    "attainer_dob",
                    identity=F.DATE_OF_BIRTH,
                    category="date of birth (for voters aged 16 to 18 and to verify identity)",
                ),
                Column("open_register", "INTEGER", category="open register opt-out choice"),
                Column("registered_on"),
                Column("removed_on"),
            ),
        ),
    ),
)

ELECTORAL_WEIGHTS = {H.CLEAN: 70, H.TYPO: 8, H.NAME_ORDER: 4, H.HOUSEHOLD: 10, H.CHANGED_SURNAME: 8}


def generate_electoral_register(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    electors = 0
    for number, person in enumerate(people, 1):
        age = person.age()
        if age < 16 or rng.random() >= 0.88:
            continue
        hazard, view = ctx.record(person, ELECTORAL_WEIGHTS, has_dob=False, contact=NO_CONTACT)
        registered = ctx.day_between(max(person.dob + timedelta(days=16 * 366), date(2002, 1, 1)))
        rows: list[tuple[Hazard, View, date, date | None]] = [(hazard, view, registered, None)]
        if person.previous_addresses and rng.random() < 0.5:  # the entry at the old address, since removed
            old = render(person, ctx.households[person.household_id], H.MOVED, rng)
            rows.append((base_hazard(person, H.MOVED), old, ctx.day_between(date(2002, 1, 1), registered), registered))
        for row_hazard, row_view, start, removed in rows:
            electors += 1
            family, given = split_names(row_view)
            district = f"{row_view.address.town[:2].upper()}{row_view.address.street_id % 9 + 1}"
            row: tuple[Any, ...] = (
                f"{district}-{electors}", district, family, given, row_view.address.line(), row_view.address.postcode,
                row_view.address.uprn, iso(person.dob) if age < 18 else None, int(rng.random() < 0.6), iso(start),
                iso(removed),
            )  # fmt: skip
            out.add("electors", row, person, row_hazard)
        ctx.tick(number, len(people))


MAILBOX = SystemSpec(
    slug="mailbox",
    name="Customer Services Mailbox",
    register_system="email-platform",
    controller="anyshire-council",
    kind=SystemKind.MAILBOX,
    location="mailbox",
    tables=(
        TableSpec(
            name="messages",
            key="message",  # the .eml file's path in the folder, as the mailbox connector keys messages
            retention_rule="customer-contact-record",
            trigger_column="date",
            columns=(
                Column("message"),
                Column("from", identity=F.EMAIL, category="sender and recipient email addresses"),
                Column("from_name", identity=F.FULL_NAME, category="sender and recipient details"),
                Column("to", category="sender and recipient email addresses"),
                Column("date"),
                Column("subject", category="subject line and message contents"),
                Column("body", free_text=True, category="email contents and attachments"),
            ),
        ),
    ),
)

MAIL_WEIGHTS = {H.CLEAN: 45, H.HOUSEHOLD: 25, H.NICKNAME: 15, H.TYPO: 5, H.INITIALS: 5, H.MOVED: 5}
MAIL_SUBJECTS = ("Bin not collected", "Change of address", "Question about my bill", "Noise complaint", "Thank you")


def generate_mailbox(ctx: Context) -> None:
    rng, out = ctx.rng, ctx.out
    people = ctx.population.people
    messages = 0
    for number, person in enumerate(people, 1):
        if person.age() < 18 or not person.email or rng.random() >= 0.04:
            continue
        for _ in range(rng.choice((1, 1, 2))):
            messages += 1
            hazard, view = ctx.record(person, MAIL_WEIGHTS, has_dob=False, contact=EMAIL_ONLY)
            sent = datetime(2026, 3, 1, 9) + timedelta(seconds=rng.randrange(0, 200 * 86400))
            subject = rng.choice(MAIL_SUBJECTS)
            body = (
                f"Dear Customer Services,\n\n{subject}: please could you help.\n\nMy address is "
                f"{view.address.line()}, {view.address.postcode}.\n\nThanks,\n{view.full_name()}\n"
            )
            key = f"MB{messages:08d}.eml"
            # From the family's shared address (household) the display name is still the sender's own: a message
            # signed only "The Smith family" could belong to any of them, so no ground truth could name one.
            name = view.full_name()
            row: tuple[Any, ...] = (key, view.email, name, "customer.services@anyshire.example",
                   format_datetime(sent.replace(tzinfo=UTC)), subject, body)  # fmt: skip
            out.add("messages", row, person, hazard)
            out.mention("messages", key, person, "subject")
        ctx.tick(number, len(people))
