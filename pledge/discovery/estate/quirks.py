"""How a system's record of a person differs from the truth: one hazard per record, and the record it gives.

The hazard labels (ground truth) let every matching figure be broken down by what made the record hard to find.
"""

import csv
import random
from bisect import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from itertools import accumulate
from pathlib import Path

from .population import Address, Household, Person

NICKNAMES_CSV = Path(__file__).resolve().parent.parent / "data" / "nicknames.csv"


class Hazard(StrEnum):
    CLEAN = "clean"
    TYPO = "typo"
    NICKNAME = "nickname"
    INITIALS = "initials"
    NAME_ORDER = "name_order"
    MOVED = "moved"  # the record holds a previous address
    MISSING_DOB = "missing_dob"
    HOUSEHOLD = "household"  # shares address, email or phone and surname with relatives
    TWIN = "twin"  # a twin lives at the same address with the same surname and birthday
    NAMESAKE = "namesake"  # someone with the same full name lives on the same street
    CHANGED_SURNAME = "changed_surname"  # the record is under a former surname


@cache
def nicknames() -> dict[str, tuple[str, ...]]:
    """Given name -> its common short forms, from ``pledge/discovery/data/nicknames.csv`` (shared with matching)."""
    table: dict[str, list[str]] = {}
    with NICKNAMES_CSV.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            table.setdefault(row["name"], []).append(row["nickname"])
    return {name: tuple(forms) for name, forms in table.items()}


KEYBOARD_NEIGHBOURS = {
    "a": "sqz", "b": "vn", "c": "xv", "d": "sf", "e": "wr", "f": "dg", "g": "fh", "h": "gj", "i": "uo", "j": "hk",
    "k": "jl", "l": "k", "m": "n", "n": "bm", "o": "ip", "p": "o", "q": "w", "r": "et", "s": "ad", "t": "ry",
    "u": "yi", "v": "cb", "w": "qe", "x": "zc", "y": "tu", "z": "x",
}  # fmt: skip


def misspell(text: str, rng: random.Random) -> str:
    """One typing slip: two letters swapped, a letter dropped or doubled, or a neighbouring key."""
    if len(text) < 3:
        return text + text[-1]
    position = rng.randrange(1, len(text) - 1)
    kind = rng.randrange(4)
    if kind == 0 and text[position] != text[position + 1]:
        return text[:position] + text[position + 1] + text[position] + text[position + 2 :]
    if kind == 1:
        return text[:position] + text[position + 1 :]
    if kind == 2:
        return text[:position] + text[position] + text[position:]
    letter = text[position]
    slips = KEYBOARD_NEIGHBOURS.get(letter.lower(), "")
    if not slips:
        return text[:position] + text[position + 1 :]
    slip = rng.choice(slips)
    return text[:position] + (slip.upper() if letter.isupper() else slip) + text[position + 1 :]


@dataclass(slots=True)
class View:
    """What one record says about a person (before the system's own formatting)."""

    given: str
    middle: str
    family: str
    dob: date | None
    email: str
    phone: str
    address: Address
    swapped: bool = False  # given and family name held the wrong way round
    initials: bool = False  # given name held as an initial

    @property
    def given_display(self) -> str:
        return f"{self.given[0]}." if self.initials else self.given

    def full_name(self) -> str:
        """'Robert Smith' (or 'Smith Robert' when the order is wrong, 'R. Smith' with initials)."""
        if self.swapped:
            return f"{self.family} {self.given_display}"
        return f"{self.given_display} {self.family}"

    def surname_first(self) -> str:
        """'SMITH, Robert' as revenues systems print names (the family name upper case)."""
        first, last = (self.family, self.given_display) if self.swapped else (self.given_display, self.family)
        return f"{last.upper()}, {first}"


EMAIL_AND_PHONE = frozenset({"email", "phone"})  # the contact fields a system holds
EMAIL_ONLY = frozenset({"email"})
PHONE_ONLY = frozenset({"phone"})
NO_CONTACT: frozenset[str] = frozenset()


def eligible(person: Person, hazard: Hazard, household: Household, contact: frozenset[str] = EMAIL_AND_PHONE) -> bool:
    """Whether this person can carry this hazard at all (a twin needs a twin, a mover a previous address...).

    A household record is one of someone living with relatives of the same surname; where the system holds an
    email or phone, the record holds the household's shared one (the family email, the landline over a mobile)."""
    if hazard is Hazard.NICKNAME:
        return person.given in nicknames()
    if hazard is Hazard.MOVED:
        return bool(person.previous_addresses)
    if hazard is Hazard.CHANGED_SURNAME:
        return bool(person.previous_names)
    if hazard is Hazard.HOUSEHOLD:
        if not person.relatives:
            return False
        shared_email = "email" in contact and bool(household.shared_email)
        shared_phone = "phone" in contact and bool(household.landline and person.mobile)
        return shared_email or shared_phone or not contact
    return True


_TABLES: dict[int, tuple[Mapping[Hazard, float], list[Hazard], list[float]]] = {}


def _table(weights: Mapping[Hazard, float]) -> tuple[list[Hazard], list[float]]:
    """Hazards and cumulative weights for a system's weight table, worked out once per table."""
    entry = _TABLES.get(id(weights))
    if entry is None or entry[0] is not weights:  # the id of a table since freed may be reused
        entry = _TABLES[id(weights)] = (weights, list(weights), list(accumulate(weights.values())))
    return entry[1], entry[2]


def base_hazard(person: Person, applied: Hazard) -> Hazard:
    """The label for a record whose deviation was chosen by the system: a twin or namesake stays one."""
    if person.twin_of:
        return Hazard.TWIN
    if person.namesake_of:
        return Hazard.NAMESAKE
    return applied


def choose_hazard(
    person: Person,
    household: Household,
    weights: Mapping[Hazard, float],
    rng: random.Random,
    *,
    has_dob: bool = True,
    contact: frozenset[str] = EMAIL_AND_PHONE,
) -> Hazard:
    """The one hazard this record carries: a twin's or namesake's records always carry that; else by weight."""
    if person.twin_of:
        return Hazard.TWIN
    if person.namesake_of:
        return Hazard.NAMESAKE
    hazards, cumulative = _table(weights)
    hazard = hazards[bisect(cumulative, rng.random() * cumulative[-1])]
    if hazard is Hazard.MISSING_DOB and not has_dob:
        return Hazard.CLEAN
    return hazard if eligible(person, hazard, household, contact) else Hazard.CLEAN


def render(
    person: Person, household: Household, hazard: Hazard, rng: random.Random, contact: frozenset[str] = EMAIL_AND_PHONE
) -> View:
    """The record of ``person`` carrying ``hazard``; every other field is the truth."""
    view = View(
        given=person.given,
        middle=person.middle,
        family=person.family,
        dob=person.dob,
        email=person.email,
        phone=person.mobile or household.landline,
        address=person.address,
    )
    if hazard is Hazard.TYPO:
        if rng.random() < 0.5:
            view.family = misspell(view.family, rng)
        else:
            view.given = misspell(view.given, rng)
    elif hazard is Hazard.NICKNAME:
        view.given = rng.choice(nicknames()[person.given])
        view.middle = ""
    elif hazard is Hazard.INITIALS:
        view.initials = True
        view.middle = person.middle[:1]
    elif hazard is Hazard.NAME_ORDER:
        view.swapped = True
    elif hazard is Hazard.MOVED:
        view.address = rng.choice(person.previous_addresses)
        view.phone = person.mobile  # the landline went with the old home
    elif hazard is Hazard.MISSING_DOB:
        view.dob = None
    elif hazard is Hazard.HOUSEHOLD:
        _share_contact(view, household, contact)
    elif hazard is Hazard.CHANGED_SURNAME:
        view.family = person.previous_names[-1]
    return view


def _share_contact(view: View, household: Household, contact: frozenset[str]) -> None:
    """The household's email (or, failing that, its landline) in place of the person's own, where held."""
    if "email" in contact and household.shared_email:
        view.email = household.shared_email
    elif "phone" in contact and household.landline:
        view.phone = household.landline
