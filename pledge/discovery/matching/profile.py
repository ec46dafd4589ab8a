"""One person's identity as the matcher compares it: a record's mapped fields, or a requester's query, normalised.

A ``Profile`` is the same shape on both sides, so every comparison is symmetric apart from which side may carry
previous addresses and names. Profiles are stored in the index as compact JSON lists (``to_row``/``from_row``).
"""

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from pledge.discovery.matching.names import Nicknames, family_parts, normalise_family, parse_name, soundex
from pledge.discovery.matching.normalise import (
    Address,
    normalise_date,
    normalise_email,
    normalise_nhs_number,
    normalise_ni_number,
    normalise_phone,
    normalise_postcode,
    parse_address,
    swapped_date,
)
from pledge.discovery.sources import IdentityField


@dataclass(frozen=True)
class Query:
    """What a requester tells us about themselves; every field optional except some way to find them."""

    name: str = ""
    date_of_birth: str = ""
    email: str = ""
    phone: str = ""
    postcode: str = ""
    address: str = ""
    previous_addresses: Sequence[str] = ()
    previous_names: Sequence[str] = ()
    nhs_number: str = ""
    ni_number: str = ""


@dataclass(frozen=True)
class Profile:
    """Normalised identity: names, date of birth, contacts, current and previous addresses, national numbers."""

    given: tuple[str, ...] = ()
    family: str = ""
    family_parts: tuple[str, ...] = ()
    order_known: bool = True
    former_families: tuple[str, ...] = ()
    dob: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    address: Address | None = None
    previous: tuple[Address, ...] = ()
    postcode: str = ""
    previous_postcodes: tuple[str, ...] = ()
    nhs: str = ""
    ni: str = ""
    reference: str = ""
    rejected: tuple[str, ...] = field(default=(), compare=False)  # identifiers refused at import, e.g. a bad NHS no.

    @property
    def first(self) -> str:
        return self.given[0] if self.given else ""

    def to_row(self) -> str:
        """The compact JSON stored in the index."""
        return json.dumps(
            [
                self.given,
                self.family,
                self.family_parts,
                int(self.order_known),
                self.former_families,
                self.dob,
                self.emails,
                self.phones,
                self.address.as_list() if self.address else None,
                [address.as_list() for address in self.previous],
                self.postcode,
                self.previous_postcodes,
                self.nhs,
                self.ni,
                self.reference,
            ],
            separators=(",", ":"),
        )

    @classmethod
    def from_row(cls, text: str) -> "Profile":
        data = json.loads(text)
        return cls(
            given=tuple(data[0]),
            family=data[1],
            family_parts=tuple(data[2]),
            order_known=bool(data[3]),
            former_families=tuple(data[4]),
            dob=data[5],
            emails=tuple(data[6]),
            phones=tuple(data[7]),
            address=Address.from_list(data[8]) if data[8] else None,
            previous=tuple(Address.from_list(item) for item in data[9]),
            postcode=data[10],
            previous_postcodes=tuple(data[11]),
            nhs=data[12],
            ni=data[13],
            reference=data[14],
        )


_SPLIT = re.compile(r"[;|]|\s+/\s+")


def _many(text: str, normalise: object) -> tuple[str, ...]:
    """Every value of a field that may hold several ('a@x.uk; b@y.uk'), normalised, blanks dropped, in order."""
    if not text:
        return ()
    values = [normalise(part) for part in _SPLIT.split(text) if part.strip()]  # type: ignore[operator]
    return tuple(dict.fromkeys(value for value in values if value))


@lru_cache(maxsize=262144)
def loose_postcode(text: str) -> str:
    """A UK postcode in standard form, or any other short postal code as written (FEBRL's Australian ones)."""
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    return normalise_postcode(compact) or (compact if 3 <= len(compact) <= 8 else "")


def profile_from_identity(
    identity: Mapping[IdentityField, str] | Mapping[str, str], *, references: bool = False
) -> Profile:
    """A record's profile from the identity fields its connector mapped (raw text as the system holds it).

    Account references are compared only when ``references`` is set (batch linkage of two extracts that share a
    numbering, like FEBRL's social security ids): across council systems each system numbers its own accounts."""

    # One pass to plain text keyed by field name: this runs for every record of every system.
    text = {str(key): str(value).strip() for key, value in identity.items() if value is not None and value != ""}
    get = text.get
    name = parse_name(
        full=get("full_name", ""), given=get("given_name", ""), middle=get("middle_names", ""),
        family=get("family_name", ""),
    )  # fmt: skip
    postcode = loose_postcode(get("postcode", ""))
    address_text = get("address", "")
    address = parse_address(address_text, postcode) if address_text else None
    if not postcode and address:
        postcode = address.postcode
    previous_text = get("previous_address", "")
    previous_postcode = loose_postcode(get("previous_postcode", ""))
    previous = (parse_address(previous_text, previous_postcode),) if previous_text else ()
    previous_postcodes = tuple(dict.fromkeys(p for p in [previous_postcode, *(a.postcode for a in previous)] if p))
    nhs_text = get("nhs_number", "")
    nhs = normalise_nhs_number(nhs_text) if nhs_text else ""
    former = get("former_family_name", "")
    reference = get("account_reference", "") if references else ""
    return Profile(
        given=name.given,
        family=name.family,
        family_parts=family_parts(name.family, get("family_name", "") or name.family),
        order_known=name.order_known,
        former_families=(normalise_family(former),) if former else (),
        dob=normalise_date(get("date_of_birth", "")),
        emails=_many(get("email", ""), normalise_email),
        phones=_many(get("phone", ""), normalise_phone),
        address=address,
        previous=previous,
        postcode=postcode,
        previous_postcodes=previous_postcodes,
        nhs=nhs,
        ni=normalise_ni_number(get("ni_number", "")),
        reference=re.sub(r"[^a-z0-9]", "", reference.lower()),
        rejected=("nhs_number",) if nhs_text and not nhs else (),
    )


def profile_from_query(query: Query) -> Profile:
    """The requester's profile; previous addresses and names become former values to agree with."""
    name = parse_name(full=query.name)
    postcode = loose_postcode(query.postcode)
    address = parse_address(query.address, postcode) if query.address else None
    if not postcode and address:
        postcode = address.postcode
    previous = tuple(parse_address(text) for text in query.previous_addresses if text.strip())
    formers = tuple(
        dict.fromkeys(parse_name(full=text).family or normalise_family(text) for text in query.previous_names)
    )
    return Profile(
        given=name.given,
        family=name.family,
        family_parts=family_parts(name.family, name.family),
        order_known=True,  # a requester types their own name in the usual order
        former_families=tuple(former for former in formers if former),
        dob=normalise_date(query.date_of_birth),
        emails=_many(query.email, normalise_email),
        phones=_many(query.phone, normalise_phone),
        address=address,
        previous=previous,
        postcode=postcode,
        previous_postcodes=tuple(dict.fromkeys(a.postcode for a in previous if a.postcode)),
        nhs=normalise_nhs_number(query.nhs_number),
        ni=normalise_ni_number(query.ni_number),
    )


def _names(profile: Profile, *, query: bool) -> list[tuple[str, str]]:
    """(given, family) readings of the name: as parsed, swapped when the order is uncertain (and always for a
    query, since systems also hold names the wrong way round), and former surnames."""
    readings = [(profile.first, profile.family)]
    swappable = query or not profile.order_known or len(profile.family_parts) > 1
    if swappable and profile.family and profile.first:
        readings.append((profile.family_parts[0] if profile.family_parts else profile.family, profile.first))
    readings += [(profile.first, former) for former in profile.former_families]
    return readings


def blocking_keys(profile: Profile, nicknames: Nicknames, *, query: bool = False) -> set[str]:
    """The blocking keys a profile files under (a record) or looks in (a query): a true match should share at least
    one even with a typo in any single field. A query also looks under the day/month-swapped date of birth."""
    keys: set[str] = set()
    dobs = [profile.dob, swapped_date(profile.dob)] if query else [profile.dob]
    years = {dob[:4] for dob in dobs if dob}
    keys.update("d:" + dob for dob in dobs if dob)
    postcodes = [p for p in (profile.postcode, *profile.previous_postcodes) if p]
    for given, family in _names(profile, query=query):
        initials = nicknames.initials(given) if given else frozenset()
        code = soundex(family) if family else ""
        for initial in initials:
            keys.update(f"s:{code}{year}{initial}" for year in years if code)
            keys.update(f"pi:{postcode}{initial}" for postcode in postcodes)
        if code and given and len(given) > 1:  # no date of birth to narrow it: name sound-alike with given name
            keys.update(f"n:{code}:{form}" for form in nicknames.forms(given))
        if family:
            keys.update(f"pf:{postcode}{family}" for postcode in postcodes)
    keys.update("e:" + email for email in profile.emails)
    keys.update("p:" + phone for phone in profile.phones)
    if profile.nhs:
        keys.add("h:" + profile.nhs)
    if profile.ni:
        keys.add("i:" + profile.ni)
    if profile.reference:
        keys.add("r:" + profile.reference)
    return keys
