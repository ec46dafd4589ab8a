"""A labelled synthetic set of council case notes, deterministic by seed, for measuring the redaction detector.

Each note has a requester (with the identity records a case would hold for them), one to three third parties
(neighbours, relatives, an ex-partner), one or two officers, identifiers for several of them, and distractors that
must not be redacted: the request's own reference, money, meeting dates, towns, streets without a house number,
organisations. About a third of the third parties have names in no gazetteer the detector knows (``HELD_OUT``), so
the figures measure the title and context rules too, not only list look-ups. Everything is fictional: the estate's
name pools and its reserved identifier ranges (999 NHS numbers, drama phone numbers, AY postcodes, Z plates).
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from pledge.discovery.estate import identifiers as ids
from pledge.discovery.estate import names as pools
from pledge.redaction.entities import EntityType, PersonIdentity, PersonRole, RedactionContext

E = EntityType
HELD_OUT_GIVEN = (
    "Zofia Tomasz Oluwaseun Siobhan Ciaran Bronwen Dafydd Kwame Anjali Marek Agnieszka Eilidh Lachlan Niamh Radek "
    "Ines Bogdan Lucja Thandiwe Emeka Yannick Soraya Kasia Dariusz Orla Rhiannon Caoimhe Tadhg Leszek Milena"
).split()
HELD_OUT_FAMILY = (
    "Kowalczyk Adeyemi McAllister Chandrasekaran Nowicki Okonkwo Pryce Lewandowski Mbeki Quigley Szymanski "
    "Achterberg Dlamini Fitzgerald Oyelaran Kaminski Bergstrom Castellano Drummond Wojcik Ferreira Haddad"
).split()
RELATIONS = (
    "neighbour",
    "son",
    "daughter",
    "ex-partner",
    "brother",
    "sister",
    "mother",
    "friend",
    "lodger",
    "landlord",
)
FAMILY_RELATIONS = frozenset({"son", "daughter", "brother", "sister", "mother"})
ROLES_OF_STAFF = ("social worker", "housing officer", "duty officer", "benefits assessor", "key worker")
ORGANISATIONS = (
    "Anyshire Council",
    "Testford Primary School",
    "St Mary's Surgery",
    "Citizens Advice Anytown",
    "Anyshire Housing Association",
    "the Job Centre in Mockley",
)


# Words that look like names but are places, rooms, months or verbs: none of them is personal data.
NAME_LIKE_DISTRACTORS = (
    "Appointment at Florence Nightingale Ward next week. ",
    "The family hub is in the Thomas Hardy Room at Anytown library. ",
    "Parking is available on Victoria Road. ",
    "Prescription collected from St Mary's Surgery. ",
    "Will call back after the June review. ",
    "Grace Court residents' meeting postponed to May. ",
    "Bus route via Baker Street and Station Road. ",
    "Housing panel met at Testford Town Hall. ",
    "Form HB1 returned; the Benefits Team will assess it. ",
)


@dataclass(frozen=True)
class Label:
    start: int
    end: int
    entity: EntityType
    role: PersonRole


@dataclass(frozen=True)
class LabelledNote:
    text: str
    labels: tuple[Label, ...]
    context: RedactionContext


@dataclass
class _Person:
    given: str
    family: str
    title: str
    role: PersonRole
    relation: str = ""
    ids: dict[EntityType, str] = field(default_factory=dict)
    shares_family: bool = False

    @property
    def full(self) -> str:
        return f"{self.given} {self.family}"


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.labels: list[Label] = []
        self.length = 0

    def say(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def mark(self, text: str, entity: EntityType, role: PersonRole) -> None:
        self.labels.append(Label(self.length, self.length + len(text), entity, role))
        self.say(text)


class _Counters:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nhs = ids.NhsNumbers()
        self.nhs.counter = rng.randrange(10_000)
        self.next = rng.randrange(1, 50_000)

    def take(self) -> int:
        self.next += self.rng.randrange(1, 7)
        return self.next


def _identifiers(rng: random.Random, counters: _Counters, *, full: bool) -> dict[EntityType, str]:
    n = counters.take()
    number, street = rng.randrange(1, 120), f"{rng.choice(pools.STREET_WORDS)} {rng.choice(pools.STREET_KINDS)}"
    values = {
        E.ADDRESS: f"{number} {street}, {rng.choice(pools.TOWNS[:8])}",
        E.POSTCODE: ids.postcode(n),
        E.PHONE: rng.choice((ids.mobile_number(n), ids.landline_number(n), ids.e164(ids.mobile_number(n)))),
        E.NHS_NUMBER: counters.nhs.issue(),
        E.NI_NUMBER: ids.ni_number(n, rng.randrange(4)),
        E.VEHICLE_REGISTRATION: _plate(n),
        E.COUNCIL_REFERENCE: rng.choice((f"CT{n:08d}", f"HB{n:07d}", f"ASC{n:07d}", f"T{n:07d}", f"PP{n:07d}")),
        E.DATE_OF_BIRTH: f"{rng.randrange(1, 29):02d}/{rng.randrange(1, 13):02d}/{rng.randrange(1940, 2010)}",
        E.SORT_CODE: f"{rng.randrange(10, 99)}-{rng.randrange(10, 99)}-{rng.randrange(10, 99)}",
        E.BANK_ACCOUNT: f"{rng.randrange(10_000_000, 99_999_999)}",
    }
    if full:
        return values
    keep = rng.sample(sorted(values, key=str), k=rng.randrange(1, 4))
    return {entity: values[entity] for entity in keep}


def _plate(n: int) -> str:
    plate = ids.vehicle_registration(n)
    age = int(plate[2:4])
    return plate if 2 <= age <= 29 or 51 <= age <= 79 else f"{plate[:2]}{age + 10:02d}{plate[4:]}"


def _person(rng: random.Random, role: PersonRole, *, held_out: bool) -> _Person:
    female = rng.random() < 0.5
    if held_out:
        given, family = rng.choice(HELD_OUT_GIVEN), rng.choice(HELD_OUT_FAMILY)
    else:
        given = rng.choice(pools.FEMALE_GIVEN if female else pools.MALE_GIVEN)
        family = rng.choice(pools.SURNAMES)
    title = rng.choice(("Mrs", "Ms", "Miss")) if female else "Mr"
    return _Person(given=given, family=family, title=title, role=role)


def generate_notes(*, count: int, seed: int = 8, bare_share: float = 0.0) -> list[LabelledNote]:
    """``count`` labelled case notes; the same seed always gives the same notes. ``bare_share`` of third parties are
    first named with no title or relationship word near them ("At the door was Zofia Kowalczyk"), the hardest case
    for rules (a separate random stream, so the notes are otherwise the same)."""
    rng = random.Random(seed)
    bare = random.Random(seed + 1)
    counters = _Counters(rng)
    return [_note(rng, counters, index, lambda: bare.random() < bare_share) for index in range(count)]


def _note(rng: random.Random, counters: _Counters, index: int, is_bare: Callable[[], bool]) -> LabelledNote:
    requester = _person(rng, PersonRole.REQUESTER, held_out=False)
    requester.ids = _identifiers(rng, counters, full=True)
    others = []
    for _ in range(rng.randrange(1, 4)):
        other = _person(rng, PersonRole.THIRD_PARTY, held_out=rng.random() < 0.33)
        while other.given == requester.given:
            other = _person(rng, PersonRole.THIRD_PARTY, held_out=rng.random() < 0.33)
        other.relation = rng.choice(RELATIONS)
        if other.relation in FAMILY_RELATIONS and rng.random() < 0.4:  # relatives often share the family name
            other.family = requester.family
            other.shares_family = True
        other.ids = _identifiers(rng, counters, full=False)
        others.append(other)
    staff = []
    for given_family in rng.sample(pools.STAFF, k=rng.randrange(1, 3)):
        given, family = given_family.split()
        staff.append(
            _Person(given=given, family=family, title="", role=PersonRole.STAFF, relation=rng.choice(ROLES_OF_STAFF))
        )
    writer = _Writer()
    _write(writer, rng, requester, others, staff, index, is_bare)
    context = RedactionContext(
        requester=PersonIdentity(
            names=(requester.full,), identifiers=tuple(requester.ids.values()), titles=(requester.title,)
        ),
        staff=tuple(
            PersonIdentity(names=(member.full,), emails=(f"{member.given}.{member.family}@anyshire.gov.uk".lower(),))
            for member in staff
        ),
    )
    return LabelledNote(text="".join(writer.parts), labels=tuple(writer.labels), context=context)


def _name(writer: _Writer, person: _Person, rng: random.Random, *, first: bool) -> None:
    if first:
        form = person.full if rng.random() < 0.6 or not person.title else f"{person.title} {person.full}"
    elif person.role == PersonRole.STAFF:
        form = rng.choice((person.full, person.given))
    elif person.shares_family:  # a caseworker tells relatives apart by given name
        form = rng.choice((person.given, person.full))
    else:
        form = rng.choice((person.given, f"{person.title} {person.family}", person.full))
    writer.mark(form, E.PERSON, person.role)


IDENTIFIER_PHRASES = {
    E.ADDRESS: "lives at {}",
    E.POSTCODE: "postcode {}",
    E.PHONE: "can be reached on {}",
    E.NHS_NUMBER: "NHS number {}",
    E.NI_NUMBER: "NI number {}",
    E.VEHICLE_REGISTRATION: "drives a car registered {}",
    E.COUNCIL_REFERENCE: "has the council record {}",
    E.DATE_OF_BIRTH: "DOB {}",
    E.SORT_CODE: "bank sort code {}",
    E.BANK_ACCOUNT: "bank account number {}",
}


def _facts(writer: _Writer, person: _Person, rng: random.Random) -> None:
    entities = list(person.ids)
    rng.shuffle(entities)
    for number, entity in enumerate(
        entities[: rng.randrange(2, 5)] if person.role == PersonRole.REQUESTER else entities
    ):
        before, _, after = IDENTIFIER_PHRASES[entity].partition("{}")
        writer.say((" " if number == 0 else ", and ") + before)
        writer.mark(person.ids[entity], entity, person.role)
        writer.say(after)
    writer.say(". ")


def _distractor(writer: _Writer, rng: random.Random, index: int) -> None:
    choice = rng.randrange(9)
    if choice >= 6:
        writer.say(rng.choice(NAME_LIKE_DISTRACTORS))
        return
    if choice == 0:
        writer.say(f"Request RR-2026-{index + 100:06d} logged on {rng.randrange(1, 28)} March 2026. ")
    elif choice == 1:
        writer.say(
            f"Arrears stand at £{rng.randrange(20, 4000):,}.{rng.randrange(100):02d} after a payment of "
            f"£{rng.randrange(5, 200)}. "
        )
    elif choice == 2:
        writer.say(
            f"The review meeting is at {rng.choice(ORGANISATIONS)} on {rng.randrange(1, 28)}/0"
            f"{rng.randrange(1, 9)}/2026 at {rng.randrange(9, 17)}:30. "
        )
    elif choice == 3:
        writer.say(
            f"Drop-in sessions run at the library on {rng.choice(pools.STREET_WORDS)} Road in "
            f"{rng.choice(pools.TOWNS)} every Tuesday. "
        )
    elif choice == 4:
        writer.say(f"Referral sent to {rng.choice(ORGANISATIONS)}; ticket {rng.randrange(10_000, 99_999)} raised. ")
    else:
        writer.say(
            f"Room {rng.randrange(1, 20)} booked for {rng.randrange(2, 9)} people in {rng.choice(pools.TOWNS)}. "
        )


def _write(
    writer: _Writer,
    rng: random.Random,
    requester: _Person,
    others: list[_Person],
    staff: list[_Person],
    index: int,
    is_bare: Callable[[], bool],
) -> None:
    lead = staff[0]
    writer.say(f"Home visit by {lead.relation} ")
    _name(writer, lead, rng, first=True)
    writer.say(". Met ")
    _name(writer, requester, rng, first=True)
    writer.say(", who")
    _facts(writer, requester, rng)
    _distractor(writer, rng, index)
    for other in others:
        pronoun = "Her" if requester.title != "Mr" else "His"
        form = rng.randrange(4)
        if is_bare():
            writer.say("At the door was ")
            _name(writer, other, rng, first=True)
            writer.say("; ")
        elif form < 2:
            writer.say(f"{pronoun} {other.relation} ")
            _name(writer, other, rng, first=True)
            writer.say(" was mentioned; ")
        elif form == 2:
            _name(writer, other, rng, first=True)
            writer.say(f" ({other.relation}) was mentioned; ")
        else:
            _name(writer, other, rng, first=True)
            writer.say(f", {pronoun.lower()} {other.relation}, was mentioned; ")
        _name(writer, other, rng, first=False)
        writer.say(
            rng.choice(
                (" has been shouting at night", " helps with shopping", " is no longer in contact", " took the keys")
            )
        )
        if other.ids:
            writer.say(" and")
            _facts(writer, other, rng)
        else:
            writer.say(". ")
        _distractor(writer, rng, index)
    writer.say(rng.choice(("Later ", "On the phone ", "At the end of the visit ")))
    _name(writer, requester, rng, first=False)
    writer.say(" said ")
    _name(writer, others[0], rng, first=False)
    writer.say(" had not been round since the spring. ")
    for member in staff[1:]:
        writer.say(f"Case discussed with {member.relation} ")
        _name(writer, member, rng, first=True)
        writer.say(" (email ")
        writer.mark(f"{member.given.lower()}.{member.family.lower()}@anyshire.gov.uk", E.EMAIL, PersonRole.STAFF)
        writer.say("). ")
    writer.say("Next step: ")
    _name(writer, lead, rng, first=False)
    writer.say(" to write to ")
    _name(writer, requester, rng, first=False)
    writer.say(f" by {rng.randrange(1, 28)} April 2026.\n")
