"""Whose data is it? Tag each finding requester, third party or staff, from what the case already knows.

Names are compared word by word without titles: a mention is the requester's when its words are all among the
requester's own names (aliases included) and its title, if any, fits theirs; the same against the staff directory;
anything else is a third party's. A family name or given name shared with another person named in the same
document is ambiguous, and ambiguity is resolved towards redaction (a reviewer can release it; an unredacted third
party cannot be recalled). Identifiers are compared in their normal forms (``pledge.discovery.matching``), so a
phone written '+44 7700 900123' is the requester's '07700 900123'.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pledge.discovery.estate import names as estate_names
from pledge.discovery.matching.normalise import (
    normalise_date,
    normalise_email,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_phone,
    normalise_postcode,
    parse_address,
)
from pledge.redaction.entities import EntityType, PersonIdentity, PersonRole, RedactionContext
from pledge.redaction.names import TITLES

FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "dame", "lady"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "master"})


def name_words(text: str) -> tuple[str | None, frozenset[str]]:
    """The title (lower case, or None) and the other words of a name, lower case."""
    words = [word.strip(".,").lower() for word in text.split()]
    title = words[0] if words and words[0].capitalize() in TITLES or (words and words[0].upper() in TITLES) else None
    rest = words[1:] if title else words
    return title, frozenset(word for word in rest if len(word) > 1)


def _titles_fit(title: str | None, known: Iterable[str]) -> bool:
    known = {t.lower().strip(".") for t in known}
    if title is None or not known:
        return True
    if title in known:
        return True
    gender = FEMALE_TITLES if title in FEMALE_TITLES else MALE_TITLES if title in MALE_TITLES else None
    return gender is None or bool(known & gender)


FEMALE_GIVEN = frozenset(name.lower() for name in estate_names.FEMALE_GIVEN)
MALE_GIVEN = frozenset(name.lower() for name in estate_names.MALE_GIVEN)


def _could_be(title: str | None, other: frozenset[str]) -> bool:
    """Whether a titled mention could be another person named in full: 'Miss Cook' cannot be Liam Cook. A title
    that is the requester's own, beside a given name of unknown gender, is read as the requester's: the note is
    about them, and the case records their title."""
    if title in FEMALE_TITLES:
        return bool(other & FEMALE_GIVEN)
    if title in MALE_TITLES:
        return bool(other & MALE_GIVEN)
    return True


def identifier_key(entity: EntityType, text: str) -> str:
    """A comparable form of an identifier of this type."""
    if entity == EntityType.PHONE:
        return normalise_phone(text)
    if entity == EntityType.EMAIL:
        return normalise_email(text)
    if entity == EntityType.POSTCODE:
        return normalise_postcode(text)
    if entity == EntityType.NHS_NUMBER:
        return normalise_nhs_number(text)
    if entity == EntityType.NI_NUMBER:
        return normalise_ni_number(text)
    if entity == EntityType.DATE_OF_BIRTH:
        return normalise_date(text)
    if entity == EntityType.ADDRESS:
        address = parse_address(text)
        return f"{address.flat}|{address.number}|{' '.join(address.street[:2])}"
    return re.sub(r"[^A-Z0-9]", "", text.upper())


@dataclass(frozen=True)
class _Person:
    role: PersonRole
    names: tuple[frozenset[str], ...]
    titles: tuple[str, ...]
    keys: frozenset[str]


def _person(identity: PersonIdentity, role: PersonRole) -> _Person:
    names = tuple(name_words(name)[1] for name in identity.names if name.strip())
    keys = {key for raw in (*identity.identifiers, *identity.emails) for key in _all_keys(raw)}
    return _Person(role=role, names=names, titles=identity.titles, keys=frozenset(keys))


@lru_cache(maxsize=65536)
def _all_keys(raw: str) -> frozenset[str]:
    """Every normal form a raw identifier could take (its type is not recorded alongside it)."""
    keys = {identifier_key(entity, raw) for entity in EntityType if entity != EntityType.PERSON}
    return frozenset(key for key in keys if key and len(key) > 3)


class RoleTagger:
    """Tags findings in one document for one case's context."""

    def __init__(self, context: RedactionContext) -> None:
        self.context = context
        self.requester = _person(context.requester, PersonRole.REQUESTER)
        self.staff = [_person(member, PersonRole.STAFF) for member in context.staff]
        self.domains = tuple(domain.lower() for domain in context.council_domains)

    def name_role(self, text: str, *, others: Iterable[frozenset[str]] = ()) -> tuple[PersonRole, str]:
        """The role of a name mention, with the reason; ``others`` are full names of other people in the document."""
        title, words = name_words(text)
        if not words:
            return PersonRole.THIRD_PARTY, "a title without a name"
        for person in (self.requester, *self.staff):
            if not any(words <= own for own in person.names) or not _titles_fit(title, person.titles):
                continue
            full_match = any(words == own for own in person.names)
            shared = [
                other
                for other in others
                if words <= other and not any(other <= own for own in person.names) and _could_be(title, other)
            ]
            own_title = title is not None and title in {t.lower().strip(".") for t in person.titles}
            if shared and not full_match and not own_title:
                return PersonRole.THIRD_PARTY, "the name is shared with another person in this document"
            if shared and not full_match:
                # Caseworkers write the client as "Mr Hudson" and relatives by given name; the reviewer is told.
                return (
                    person.role,
                    "the requester's title and family name; check: a relative named in this "
                    "document shares the family name",
                )
            if person.role == PersonRole.REQUESTER:
                return PersonRole.REQUESTER, "one of the requester's names in the case's identity records"
            return PersonRole.STAFF, "a member of staff in the staff directory"
        return PersonRole.THIRD_PARTY, "not the requester and not in the staff directory"

    def identifier_role(self, entity: EntityType, text: str) -> tuple[PersonRole, str]:
        """The role of an identifier: the requester's when it matches their records, staff's when it is a staff
        member's or at a council domain, otherwise a third party's."""
        key = identifier_key(entity, text)
        if key and key in self.requester.keys:
            return PersonRole.REQUESTER, "matches the requester's identity records"
        for member in self.staff:
            if key and key in member.keys:
                return PersonRole.STAFF, "a staff member's work contact details"
        if entity == EntityType.EMAIL and text.lower().rpartition("@")[2].endswith(self.domains):
            return PersonRole.STAFF, "a council email address"
        return PersonRole.THIRD_PARTY, "does not match the requester's identity records"

    def redacts(self, role: PersonRole) -> bool:
        """Whether a finding of this role is proposed for redaction by default."""
        if role == PersonRole.REQUESTER:
            return False
        if role == PersonRole.STAFF:
            return self.context.redact_staff
        return True
