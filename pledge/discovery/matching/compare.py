"""Field-by-field comparison of two profiles into agreement levels (Fellegi-Sunter's comparison vector).

Each comparison returns a ``Level`` and a plain-English detail for the caseworker. The first profile is the one
looked for (the query, or the left file in batch linkage); its previous addresses and names count as "former".
"""

from enum import StrEnum

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from pledge.discovery.matching.names import Nicknames
from pledge.discovery.matching.normalise import Address, postcode_sector, swapped_date
from pledge.discovery.matching.profile import Profile


class Level(StrEnum):
    EXACT = "exact"
    NICKNAME = "nickname"
    CLOSE = "close"
    INITIAL = "initial"
    FORMER = "former"
    NEIGHBOUR = "neighbour"  # same postcode or street, another house: reported as "disagree"
    DISAGREE = "disagree"
    MISSING = "missing"


class Field(StrEnum):
    GIVEN_NAME = "given_name"
    FAMILY_NAME = "family_name"
    DATE_OF_BIRTH = "date_of_birth"
    EMAIL = "email"
    PHONE = "phone"
    POSTCODE = "postcode"
    ADDRESS = "address"
    NHS_NUMBER = "nhs_number"
    NI_NUMBER = "ni_number"
    REFERENCE = "reference"


# The levels each field can take, most agreeing first; EM learns an m and u probability for each.
LEVELS: dict[Field, tuple[Level, ...]] = {
    Field.GIVEN_NAME: (Level.EXACT, Level.NICKNAME, Level.CLOSE, Level.INITIAL, Level.DISAGREE),
    Field.FAMILY_NAME: (Level.EXACT, Level.FORMER, Level.CLOSE, Level.DISAGREE),
    Field.DATE_OF_BIRTH: (Level.EXACT, Level.CLOSE, Level.DISAGREE),
    Field.EMAIL: (Level.EXACT, Level.DISAGREE),
    Field.PHONE: (Level.EXACT, Level.DISAGREE),
    Field.POSTCODE: (Level.EXACT, Level.FORMER, Level.CLOSE, Level.DISAGREE),
    Field.ADDRESS: (Level.EXACT, Level.FORMER, Level.CLOSE, Level.NEIGHBOUR, Level.DISAGREE),
    Field.NHS_NUMBER: (Level.EXACT, Level.DISAGREE),
    Field.NI_NUMBER: (Level.EXACT, Level.DISAGREE),
    Field.REFERENCE: (Level.EXACT, Level.CLOSE, Level.DISAGREE),
}

Outcome = tuple[Level, str]  # the level and the words for the caseworker
MISSING: Outcome = (Level.MISSING, "")


def _given(a: str, b: str, a_middle: tuple[str, ...], b_middle: tuple[str, ...], nicknames: Nicknames) -> Outcome:
    if a == b:
        return Level.EXACT, f"Given name {a.title()} agrees"
    if len(a) > 1 and len(b) > 1:
        formal = nicknames.related(a, b)
        if formal:
            return Level.NICKNAME, f"{b.title()} and {a.title()} are forms of {formal.title()}"
        if JaroWinkler.similarity(a, b) >= 0.88 or OSA.distance(a, b) <= 1:
            return Level.CLOSE, f"Given name {b.title()} is close to {a.title()}"
        if a in b_middle or b in a_middle:
            return Level.CLOSE, f"{a.title()} and {b.title()}: one goes by a middle name"
        return Level.DISAGREE, f"Given name {b.title()} is not {a.title()}"
    if a[0] == b[0]:
        return Level.INITIAL, f"Initial {a[0].upper()} agrees with {(b if len(b) > 1 else a).title()}"
    if len(b) == 1 and b in {form[0] for form in nicknames.forms(a)}:
        return Level.INITIAL, f"Initial {b.upper()} agrees with a form of {a.title()}"
    if len(a) == 1 and a in {form[0] for form in nicknames.forms(b)}:
        return Level.INITIAL, f"Initial {a.upper()} agrees with a form of {b.title()}"
    return Level.DISAGREE, f"Initial {b[0].upper()} is not {a[0].upper()}"


def compare_given(a: Profile, b: Profile, nicknames: Nicknames, *, swap_b: bool = False) -> Outcome:
    """Given names: the same, nickname forms of one name, a near spelling, an initial, or different."""
    # Read the other way round, the family field's first word is the given name ("Susan Michelle" held as family).
    b_first = (b.family_parts[0] if b.family_parts else b.family) if swap_b else b.first
    if not a.first or not b_first:
        return MISSING
    return _given(a.first, b_first, a.given[1:], b.family_parts[1:] if swap_b else b.given[1:], nicknames)


def compare_family(a: Profile, b: Profile, *, swap_b: bool = False) -> Outcome:
    """Family names: the same, a former surname of either, a near spelling or one part of a double-barrel."""
    b_family = b.first if swap_b else b.family
    if not a.family or not b_family:
        return MISSING
    if a.family == b_family:
        return Level.EXACT, f"Family name {a.family.title()} agrees"
    if b_family in a.former_families or a.family in b.former_families:
        return Level.FORMER, f"{b_family.title()} is a former family name"
    near = JaroWinkler.similarity(a.family, b_family) >= 0.9 or (
        min(len(a.family), len(b_family)) >= 3 and OSA.distance(a.family, b_family) <= 1
    )
    if near or set(a.family_parts) & set(b.family_parts):
        return Level.CLOSE, f"Family name {b_family.title()} is close to {a.family.title()}"
    return Level.DISAGREE, f"Family name {b_family.title()} is not {a.family.title()}"


def compare_dob(a: Profile, b: Profile) -> Outcome:
    """Dates of birth: the same, day and month swapped or a one-digit slip, or different."""
    if not a.dob or not b.dob:
        return MISSING
    if a.dob == b.dob:
        return Level.EXACT, "Date of birth agrees"
    if swapped_date(a.dob) == b.dob:
        return Level.CLOSE, "Date of birth agrees with day and month swapped"
    if Levenshtein.distance(a.dob, b.dob) == 1 or (a.dob[:4] == b.dob[:4] and a.dob[5:] == b.dob[5:][::-1]):
        return Level.CLOSE, "Date of birth differs by one digit"
    return Level.DISAGREE, "Date of birth differs"


def compare_values(a: tuple[str, ...], b: tuple[str, ...], *, what: str) -> Outcome:
    """Email addresses or phone numbers: any one in common, or none."""
    if not a or not b:
        return MISSING
    if set(a) & set(b):
        return Level.EXACT, f"{what} agrees"
    return Level.DISAGREE, f"{what} differs"


def compare_postcode(a: Profile, b: Profile) -> Outcome:
    """Postcodes: the same, a former postcode of either, the same sector (a near miss), or elsewhere."""
    if not (a.postcode or a.previous_postcodes) or not (b.postcode or b.previous_postcodes):
        return MISSING
    if a.postcode and a.postcode == b.postcode:
        return Level.EXACT, f"Postcode {a.postcode} agrees"
    if (
        b.postcode in a.previous_postcodes
        or a.postcode in b.previous_postcodes
        or (set(a.previous_postcodes) & set(b.previous_postcodes))
    ):
        return Level.FORMER, "Postcode agrees with a previous address"
    sector = postcode_sector(a.postcode)
    if sector and " " in a.postcode and postcode_sector(b.postcode) == sector:
        return Level.CLOSE, f"Postcode {b.postcode} is in the same sector"
    if not a.postcode or not b.postcode:
        return MISSING
    return Level.DISAGREE, "Postcode differs"


def _street_similarity(a: Address, b: Address) -> float:
    if not a.street or not b.street:
        return 0.0
    shared = set(a.street) & set(b.street)
    return len(shared) / min(len(set(a.street)), len(set(b.street)))


def same_dwelling(a: Address, b: Address) -> str:
    """'exact' when both name the same house (and flat), 'close' when they may, '' when not."""
    if a.postcode and b.postcode and a.postcode != b.postcode and _street_similarity(a, b) < 0.5:
        return ""
    similarity = _street_similarity(a, b)
    if a.number and b.number:
        if a.number != b.number:
            return ""
        if a.flat and b.flat and a.flat != b.flat:
            return ""
        if similarity >= 0.5 or (a.postcode and a.postcode == b.postcode):
            return "exact" if a.flat == b.flat else "close"
        return ""
    return "close" if similarity >= 0.8 else ""


def compare_address(a: Profile, b: Profile) -> Outcome:
    """Addresses by house number, flat and street words: the same home, a former home of either, or different."""
    if not (a.address or a.previous) or not (b.address or b.previous):
        return MISSING
    if a.address and b.address:
        found = same_dwelling(a.address, b.address)
        if found == "exact":
            return Level.EXACT, "Address agrees"
        if found == "close":
            return Level.CLOSE, "Address may be the same (house or flat number missing)"
    pairs = [(mine, theirs) for mine in _homes(a) for theirs in _homes(b)]
    if any(same_dwelling(mine, theirs) == "exact" for mine, theirs in pairs):
        return Level.FORMER, "Address agrees with a previous address"
    if not a.address or not b.address:
        return MISSING
    for mine, theirs in pairs:
        if _neighbours(mine, theirs):
            return Level.NEIGHBOUR, f"A different house ({theirs.number} not {mine.number}) in the same street"
    return Level.DISAGREE, "Address differs"


def _homes(profile: Profile) -> list[Address]:
    return [address for address in (profile.address, *profile.previous) if address]


def _neighbours(a: Address, b: Address) -> bool:
    """Both name a house number, in the same postcode (or street), and the numbers differ: two homes, not one."""
    if not a.number or not b.number or a.number == b.number:
        return False
    if a.postcode and b.postcode:
        return a.postcode == b.postcode
    return _street_similarity(a, b) >= 0.8


def compare_number(a: str, b: str, *, what: str) -> Outcome:
    if not a or not b:
        return MISSING
    return (Level.EXACT, f"{what} agrees") if a == b else (Level.DISAGREE, f"{what} differs")


def compare_reference(a: str, b: str) -> Outcome:
    if not a or not b:
        return MISSING
    if a == b:
        return Level.EXACT, "Reference number agrees"
    if Levenshtein.distance(a, b) == 1:
        return Level.CLOSE, "Reference number differs by one character"
    return Level.DISAGREE, "Reference number differs"


def compare_profiles(a: Profile, b: Profile, nicknames: Nicknames) -> dict[Field, Outcome]:
    """The comparison vector of two profiles; when ``b``'s names do not both agree, the names read the other way
    round are tried too ("ROBERT, Smith": systems hold names in the wrong fields), and the better reading is used."""
    given = compare_given(a, b, nicknames)
    family = compare_family(a, b)
    if (given[0] != Level.EXACT or family[0] != Level.EXACT) and _may_be_swapped(a, b):
        swapped_given = compare_given(a, b, nicknames, swap_b=True)
        swapped_family = compare_family(a, b, swap_b=True)
        if _rank(swapped_given) + _rank(swapped_family) < _rank(given) + _rank(family):
            given, family = swapped_given, swapped_family
    return {
        Field.GIVEN_NAME: given,
        Field.FAMILY_NAME: family,
        Field.DATE_OF_BIRTH: compare_dob(a, b),
        Field.EMAIL: compare_values(a.emails, b.emails, what="Email address"),
        Field.PHONE: compare_values(a.phones, b.phones, what="Phone number"),
        Field.POSTCODE: compare_postcode(a, b),
        Field.ADDRESS: compare_address(a, b),
        Field.NHS_NUMBER: compare_number(a.nhs, b.nhs, what="NHS number"),
        Field.NI_NUMBER: compare_number(a.ni, b.ni, what="National Insurance number"),
        Field.REFERENCE: compare_reference(a.reference, b.reference),
    }


def _may_be_swapped(a: Profile, b: Profile) -> bool:
    """A cheap test before reading ``b``'s names the other way round: its family name starts like ``a``'s given
    name, or its given name like ``a``'s family name."""
    if not a.first or not a.family or not b.first or not b.family:
        return False
    return b.family[0] == a.first[0] or b.first[0] == a.family[0]


_RANKS = {level: rank for rank, level in enumerate(Level)}


def _rank(outcome: Outcome) -> int:
    return _RANKS[outcome[0]] if outcome[0] != Level.MISSING else _RANKS[Level.DISAGREE]
