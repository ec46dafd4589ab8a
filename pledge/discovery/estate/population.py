"""The true population of the synthetic estate: people in real households at fictional Anyshire addresses.

Households are couples (often one took the other's surname, so has a former surname), families with children
(a few of them twins), single parents, older couples with an adult child, house shares and single adults; some
young single adults have moved out of a family home (their previous address). Some people moved house. A few
households are namesakes of someone on the same street: same full name, another house, another date of birth.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from . import identifiers, names

REFERENCE_DATE = date(2026, 10, 1)  # "today" in the estate, fixed so a seed always gives the same ages

# Cumulative weights, worked out once: random.choices would otherwise add them up on every call.
MALE_WEIGHTS = list(accumulate(names.weights(len(names.MALE_GIVEN), 0.7)))
FEMALE_WEIGHTS = list(accumulate(names.weights(len(names.FEMALE_GIVEN), 0.7)))
SURNAME_WEIGHTS = list(accumulate(names.weights(len(names.SURNAMES), 0.85)))

EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example", "post.example", "inbox.example")


@dataclass(slots=True)
class Address:
    number: int
    street: str
    town: str
    postcode: str
    uprn: str
    street_id: int

    def line(self) -> str:
        return f"{self.number} {self.street}, {self.town}"


@dataclass(slots=True)
class Person:
    index: int
    person_id: str
    given: str
    middle: str
    family: str
    sex: str
    dob: date
    address: Address
    household_id: str
    email: str = ""
    mobile: str = ""
    nhs_number: str = ""
    ni_number: str = ""
    previous_names: list[str] = field(default_factory=list)
    previous_addresses: list[Address] = field(default_factory=list)
    twin_of: str = ""
    namesake_of: str = ""
    relatives: list["Person"] = field(default_factory=list)  # people in the same household sharing the surname
    years: int = -1  # age on REFERENCE_DATE, worked out once

    def __post_init__(self) -> None:
        born = self.dob
        self.years = (
            REFERENCE_DATE.year - born.year - ((REFERENCE_DATE.month, REFERENCE_DATE.day) < (born.month, born.day))
        )

    @property
    def full_name(self) -> str:
        return f"{self.given} {self.family}"

    def age(self) -> int:
        return self.years


@dataclass(slots=True)
class Household:
    household_id: str
    address: Address
    members: list[Person]
    landline: str = ""
    shared_email: str = ""  # "thesmiths@..." used by the household for bins, council tax, newsletters


@dataclass
class Population:
    people: list[Person]
    households: list[Household]
    addresses: list[Address]

    def adults(self) -> list[Person]:
        return [person for person in self.people if person.age() >= 18]


class AddressBook:
    """Streets of houses in Anyshire's towns, created as the population needs them; 12 houses per postcode."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.addresses: list[Address] = []
        self.streets: list[list[Address]] = []
        self.free: list[Address] = []
        self.postcodes = 0
        combos = [(w, k, t) for t in range(len(names.TOWNS)) for w in names.STREET_WORDS for k in names.STREET_KINDS]
        rng.shuffle(combos)
        self.combos = combos

    def _new_street(self) -> None:
        word, kind, town = self.combos[len(self.streets) % len(self.combos)]
        street_id = len(self.streets)
        houses = self.rng.randint(8, 90)
        street: list[Address] = []
        for number in range(1, houses + 1):
            if (number - 1) % 12 == 0:
                code = identifiers.postcode(self.postcodes)
                self.postcodes += 1
            street.append(
                Address(
                    number=number,
                    street=f"{word} {kind}",
                    town=names.TOWNS[town],
                    postcode=code,
                    uprn=identifiers.uprn(len(self.addresses)),
                    street_id=street_id,
                )
            )
            self.addresses.append(street[-1])
        self.streets.append(street)
        # A few homes stay empty (previous addresses of movers point at homes others now live in, or these).
        self.free.extend(street)

    def take(self) -> Address:
        """An empty home, in street order so neighbours are real neighbours."""
        if not self.free:
            self._new_street()
        return self.free.pop(0) if len(self.free) < 4 else self.free.pop(self.rng.randrange(min(4, len(self.free))))

    def take_on_street(self, street_id: int) -> Address | None:
        for position, address in enumerate(self.free):
            if address.street_id == street_id:
                return self.free.pop(position)
        return None

    def anywhere(self) -> Address:
        """Any home already built: a previous address."""
        return self.rng.choice(self.addresses)


class PopulationBuilder:
    def __init__(self, *, people: int, seed: int) -> None:
        self.target = people
        self.rng = random.Random(f"{seed}:population")
        self.book = AddressBook(random.Random(f"{seed}:addresses"))
        self.people: list[Person] = []
        self.households: list[Household] = []
        self.family_homes: list[Household] = []
        self.emails: dict[str, int] = {}
        self.street_adults: dict[int, list[Person]] = {}  # who could have a namesake move in down the road
        self.nhs = identifiers.NhsNumbers()

    # --- people ---------------------------------------------------------------------------------------------
    def given(self, sex: str) -> str:
        if sex == "F":
            return self.rng.choices(names.FEMALE_GIVEN, cum_weights=FEMALE_WEIGHTS)[0]
        return self.rng.choices(names.MALE_GIVEN, cum_weights=MALE_WEIGHTS)[0]

    def surname(self) -> str:
        return self.rng.choices(names.SURNAMES, cum_weights=SURNAME_WEIGHTS)[0]

    def birth(self, low: int, high: int) -> date:
        age_days = self.rng.randint(low * 365 + 1, high * 365 + 364)
        return REFERENCE_DATE - timedelta(days=age_days)

    def person(self, household: Household, *, sex: str, family: str, dob: date, given: str = "") -> Person:
        index = len(self.people)
        rng = self.rng
        middle = self.given(sex) if rng.random() < 0.4 else ""
        if not given:
            # No one shares a given name with someone at home: a "junior" in the same house with no other
            # difference is a case no register could tell apart, and the hazards here are ones it can.
            taken = {member.given for member in household.members}
            given = self.given(sex)
            while given in taken:
                given = self.given(sex)
        person = Person(
            index=index,
            person_id=f"P{index + 1:07d}",
            given=given,
            middle=middle,
            family=family,
            sex=sex,
            dob=dob,
            address=household.address,
            household_id=household.household_id,
            nhs_number=self.nhs.issue(),
        )
        if person.age() >= 16:
            person.ni_number = identifiers.ni_number(index, rng.randrange(4))
        if person.age() >= 13:
            person.email = self.email_for(person.given, family)
            person.mobile = identifiers.mobile_number(index) if rng.random() < 0.85 else ""
        household.members.append(person)
        self.people.append(person)
        if person.years >= 18:
            self.street_adults.setdefault(household.address.street_id, []).append(person)
        return person

    def email_for(self, given: str, family: str) -> str:
        family_part = family.lower().replace("'", "")
        style = self.rng.randrange(4)
        local = [
            f"{given.lower()}.{family_part}",
            f"{given[0].lower()}{family_part}",
            f"{given.lower()}{family_part}",
            f"{family_part}.{given.lower()}",
        ][style]
        count = self.emails.get(local, 0)
        self.emails[local] = count + 1
        domain = EMAIL_DOMAINS[(count + style) % len(EMAIL_DOMAINS)]
        suffix = "" if count < len(EMAIL_DOMAINS) else str(count // len(EMAIL_DOMAINS))
        return f"{local}{suffix}@{domain}"

    # --- households -----------------------------------------------------------------------------------------
    def household(self, address: Address | None = None) -> Household:
        number = len(self.households)
        household = Household(household_id=f"H{number + 1:07d}", address=address or self.book.take(), members=[])
        if self.rng.random() < 0.45:
            household.landline = identifiers.landline_number(number)
        self.households.append(household)
        return household

    def couple(self, household: Household, low: int, high: int) -> tuple[Person, Person]:
        rng = self.rng
        first_sex, second_sex = ("M", "F") if rng.random() < 0.94 else rng.choice([("M", "M"), ("F", "F")])
        family = self.surname()
        first = self.person(household, sex=first_sex, family=family, dob=self.birth(low, high))
        age = first.age()
        second_dob = self.birth(max(18, age - 6), max(18, age + 4))
        if rng.random() < 0.65:  # married or partnered, one took the other's surname
            second = self.person(household, sex=second_sex, family=family, dob=second_dob)
            second.previous_names.append(self.surname())
        else:
            second = self.person(household, sex=second_sex, family=self.surname(), dob=second_dob)
        return first, second

    def children(self, household: Household, family: str, parent_age: int, count: int) -> None:
        rng = self.rng
        oldest = max(0, min(25, parent_age - 20))
        made = 0
        while made < count:
            sex = rng.choice("MF")
            dob = self.birth(0, oldest)
            child = self.person(household, sex=sex, family=family, dob=dob)
            made += 1
            if rng.random() < 0.035 and made < count + 1:  # twins: same birthday, surname and home
                other_sex = rng.choice("MF")
                given = self.given(other_sex)
                while given == child.given:
                    given = self.given(other_sex)
                twin = self.person(household, sex=other_sex, family=family, dob=dob, given=given)
                twin.twin_of, child.twin_of = child.person_id, twin.person_id
                made += 1

    def build_one(self) -> None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.26:
            self.single_adult()
        elif roll < 0.46:
            household = self.household()
            self.couple(household, 22, 90)
            self.family_homes.append(household)
        elif roll < 0.72:
            household = self.household()
            first, _ = self.couple(household, 26, 55)
            self.children(household, first.family, first.age(), rng.choice([1, 1, 2, 2, 2, 3, 3, 4]))
            self.family_homes.append(household)
        elif roll < 0.82:
            household = self.household()
            sex = "F" if rng.random() < 0.85 else "M"
            parent = self.person(household, sex=sex, family=self.surname(), dob=self.birth(22, 55))
            self.children(household, parent.family, parent.age(), rng.choice([1, 2, 2, 3]))
        elif roll < 0.87:
            household = self.household()
            first, _ = self.couple(household, 55, 85)
            self.person(household, sex=rng.choice("MF"), family=first.family, dob=self.birth(18, 40))
        else:
            household = self.household()
            for _ in range(rng.randint(2, 4)):
                sex = rng.choice("MF")
                self.person(household, sex=sex, family=self.surname(), dob=self.birth(19, 35))

    def single_adult(self) -> None:
        rng = self.rng
        household = self.household()
        if self.family_homes and rng.random() < 0.3:  # a grown-up child who has moved out of the family home
            home = rng.choice(self.family_homes)
            person = self.person(household, sex=rng.choice("MF"), family=home.members[0].family, dob=self.birth(19, 30))
            person.previous_addresses.append(home.address)
            return
        self.person(household, sex=rng.choice("MF"), family=self.surname(), dob=self.birth(18, 95))

    def namesake(self) -> None:
        """A new home on the same street as someone, whose head has that person's name but not their birthday."""
        if not self.book.free:
            return
        street_id = self.book.free[0].street_id
        neighbours = self.street_adults.get(street_id)
        if not neighbours:
            return
        original = self.rng.choice(neighbours)
        if original.twin_of or original.namesake_of:
            return
        address = self.book.take_on_street(street_id)
        if address is None:  # pragma: no cover - the street had a free home a moment ago
            return
        household = self.household(address)
        dob = original.dob
        while abs((dob - original.dob).days) < 400:
            dob = self.birth(18, 90)
        copy = self.person(household, sex=original.sex, family=original.family, dob=dob, given=original.given)
        copy.namesake_of, original.namesake_of = original.person_id, copy.person_id

    def build(self, progress: Callable[[int, int], None] | None = None) -> Population:
        rng = self.rng
        while len(self.people) < self.target:
            if len(self.people) > 50 and rng.random() < 0.03:
                self.namesake()
            else:
                self.build_one()
            if progress and len(self.households) % 20000 == 0:
                progress(min(len(self.people), self.target), self.target)
        self.trim()
        self.finish()
        return Population(people=self.people, households=self.households, addresses=self.book.addresses)

    def trim(self) -> None:
        """Exactly ``target`` people: drop the last household's extra members (and any twin link into them)."""
        extra = self.people[self.target :]
        del self.people[self.target :]
        if not extra:
            return
        gone = {person.person_id for person in extra}
        for household in self.households:
            household.members = [member for member in household.members if member.person_id not in gone]
        self.households = [household for household in self.households if household.members]
        for person in self.people:  # a twin or a namesake of someone dropped is no longer one
            if person.twin_of in gone:
                person.twin_of = ""
            if person.namesake_of in gone:
                person.namesake_of = ""

    def finish(self) -> None:
        for household in self.households:
            self.link_relatives(household)
            self.add_moves(household)

    def link_relatives(self, household: Household) -> None:
        """Relatives share the surname and home; half such households share one email address too."""
        by_name: dict[str, list[Person]] = {}
        for member in household.members:
            by_name.setdefault(member.family, []).append(member)
        for group in by_name.values():
            if len(group) > 1:
                for member in group:
                    member.relatives = [other for other in group if other is not member]
        if len(by_name.get(household.members[0].family, ())) > 1 and self.rng.random() < 0.5:
            family = household.members[0].family.lower().replace("'", "")
            household.shared_email = f"the{family}s{household.household_id[1:].lstrip('0')}@example.net"

    def add_moves(self, household: Household) -> None:
        """Movers: a previous home (or two) elsewhere in Anyshire."""
        for adult in household.members:
            if adult.age() < 18:
                continue
            if not adult.previous_addresses and self.rng.random() < 0.22:
                adult.previous_addresses.append(self.book.anywhere())
                if self.rng.random() < 0.25:
                    adult.previous_addresses.append(self.book.anywhere())
            adult.previous_addresses = [a for a in adult.previous_addresses if a is not household.address]


def build_population(*, people: int, seed: int, progress: Callable[[int, int], None] | None = None) -> Population:
    """The true people and households of an estate of ``people`` people for ``seed``."""
    return PopulationBuilder(people=people, seed=seed).build(progress)
