"""Identifiers as council systems hold them, made comparable: dates of birth, email addresses, phone numbers (E.164,
P076), UK postcodes, addresses, NHS numbers (Modulus 11, P072) and National Insurance numbers.

Every function takes the raw text and returns the normal form, or "" when the text is not a usable value, so a
missing or malformed identifier never counts as agreement.
"""

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import phonenumbers

MONTHS = {name: number for number, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?")
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})")
_DMONY = re.compile(r"(\d{1,2})[\s\-/]*([a-z]{3})[a-z]*[\s\-/,]*(\d{2}|\d{4})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def _make_date(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _full_year(year: str) -> int:
    """A four-digit year; two digits are read as the latest year not in the future (dates of birth are past)."""
    number = int(year)
    if len(year) == 4:
        return number
    this_year = date.today().year % 100
    return 2000 + number if number <= this_year else 1900 + number


@lru_cache(maxsize=65536)
def normalise_date(text: str) -> str:
    """An ISO date from 'YYYY-MM-DD', 'dd/mm/yyyy', 'dd-mm-yyyy', 'dd-MMM-yyyy', '3 March 1980' or 'YYYYMMDD'."""
    text = text.strip().lower()
    if not text:
        return ""
    if match := _ISO.fullmatch(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DMY.fullmatch(text):  # UK systems write the day first
        return _make_date(_full_year(match[3]), int(match[2]), int(match[1]))
    if (match := _DMONY.fullmatch(text)) and match[2] in MONTHS:
        return _make_date(_full_year(match[3]), MONTHS[match[2]], int(match[1]))
    if match := _COMPACT.fullmatch(text):
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    return ""


def swapped_date(iso: str) -> str:
    """The same date with day and month exchanged (a US-format entry), or "" when that is not a date or the same."""
    if not iso:
        return ""
    year, month, day = iso.split("-")
    return "" if month == day else _make_date(int(year), int(day), int(month))


_GMAIL = frozenset(("gmail.com", "googlemail.com"))


@lru_cache(maxsize=262144)
def normalise_email(text: str) -> str:
    """Lower case; for Gmail only, dots and +tags in the local part are dropped, since Gmail ignores them (other
    providers do not, so j.smith and jsmith elsewhere may be two people)."""
    text = text.strip().lower().strip("<>").removeprefix("mailto:")
    local, at, domain = text.rpartition("@")
    if not at or not local or "." not in domain:
        return ""
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


_UK_NATIONAL = re.compile(r"0([1-37]\d{8,9})")  # 01/02/03 landlines and 07 mobiles, trunk 0 first
_UK_INTERNATIONAL = re.compile(r"(?:\+|00)44(?:0)?([1-37]\d{8,9})")


@lru_cache(maxsize=262144)
def normalise_phone(text: str) -> str:
    """E.164 ('+441296395000') for any UK or international number however written (P076); "" when not a number.

    UK numbers in their usual shapes are rewritten directly (the national number without its trunk 0 after +44,
    as libphonenumber does); anything else goes through libphonenumber, which is much slower."""
    digits = re.sub(r"[^\d+]", "", text.replace("(0)", ""))
    if len(digits.lstrip("+")) < 7:
        return ""
    if match := (_UK_NATIONAL.fullmatch(digits) or _UK_INTERNATIONAL.fullmatch(digits)):
        return "+44" + match[1]
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return ""
    if not phonenumbers.is_possible_number(number):
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_POSTCODE = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})")


def normalise_postcode(text: str) -> str:
    """A UK postcode in its standard form, upper case with one space ('HP19 8FF'); "" when not a postcode."""
    compact = re.sub(r"[^A-Z0-9]", "", text.upper())
    match = _POSTCODE.fullmatch(compact)
    return f"{match[1]} {match[2]}" if match else ""


def postcode_sector(postcode: str) -> str:
    """The sector ('HP19 8'): neighbouring streets, for a near miss on a mistyped postcode."""
    return postcode[:-2] if postcode else ""


_POSTCODE_IN_TEXT = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", re.IGNORECASE)
_FLAT = re.compile(r"\b(?:flat|apartment|apt|unit|room|maisonette)\s*([0-9]+[a-z]?|[a-z])\b")
_NUMBER = re.compile(r"\b(\d+[a-z]?)\b")
_SLASHED = re.compile(r"\b(\d+[a-z]?)\s*/\s*(\d+[a-z]?)\b")  # "3/12 High Street": flat 3 at number 12
STREET_WORDS = {
    "rd": "road",
    "st": "street",
    "ave": "avenue",
    "av": "avenue",
    "ln": "lane",
    "dr": "drive",
    "cl": "close",
    "ct": "court",
    "cres": "crescent",
    "gdns": "gardens",
    "pl": "place",
    "sq": "square",
    "tce": "terrace",
    "gr": "grove",
    "pk": "park",
    "wy": "way",
}


@dataclass(frozen=True)
class Address:
    """An address as house number, flat and the street's words (town words included; they rarely hurt)."""

    number: str
    flat: str
    street: tuple[str, ...]
    postcode: str = ""

    def key(self) -> str:
        """The dwelling: postcode (or street) with house and flat number, shared by everyone living there."""
        if not self.number and not self.street:
            return ""
        place = self.postcode.replace(" ", "") or " ".join(self.street[:3])
        return f"{place}|{self.number}|{self.flat}"

    def as_list(self) -> list[object]:
        return [self.number, self.flat, list(self.street), self.postcode]

    @classmethod
    def from_list(cls, data: list) -> "Address":  # type: ignore[type-arg]
        return cls(number=data[0], flat=data[1], street=tuple(data[2]), postcode=data[3])


@lru_cache(maxsize=65536)
def parse_address(text: str, postcode: str = "") -> Address:
    """House number, flat number and street words of an address line ('Flat 2, 14 Mill Lane, Aylesbury')."""
    found = _POSTCODE_IN_TEXT.search(text)
    if found and not postcode:
        postcode = normalise_postcode(found.group())
    text = _POSTCODE_IN_TEXT.sub(" ", text).lower().replace(",", " ").replace(".", " ")
    flat = ""
    if match := _FLAT.search(text):
        flat = match[1]
        text = text[: match.start()] + " " + text[match.end() :]
    elif match := _SLASHED.search(text):
        flat = match[1]
        text = text[: match.start()] + f" {match[2]} " + text[match.end() :]
    number = ""
    if match := _NUMBER.search(text):
        number = match[1]
        text = text[: match.start()] + " " + text[match.end() :]
    words = tuple(STREET_WORDS.get(word, word) for word in re.findall(r"[a-z]+", text))
    return Address(number=number, flat=flat, street=words, postcode=normalise_postcode(postcode))


_NHS = re.compile(r"\d{10}")


def nhs_number_is_valid(digits: str) -> bool:
    """The NHS number's Modulus 11 check digit (NHS Data Dictionary): weights 10..2 on the first nine digits."""
    if not _NHS.fullmatch(digits):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def normalise_nhs_number(text: str) -> str:
    """Ten digits ('943 476 5919' -> '9434765919') when the check digit is right; "" otherwise (P072)."""
    digits = re.sub(r"[\s\-]", "", text)
    return digits if nhs_number_is_valid(digits) else ""


# Any two letters: demo and test data use prefixes HMRC never issues (QQ), and rejecting them would only hide records.
_NI = re.compile(r"[A-Z]{2}\d{6}[A-D]?")


def normalise_ni_number(text: str) -> str:
    """A National Insurance number upper case without spaces ('QQ 12 34 56 C' -> 'QQ123456'); "" when not in the
    shape of one. The suffix letter is dropped: systems often omit it."""
    compact = re.sub(r"\s", "", text.upper())
    return compact[:8] if _NI.fullmatch(compact) else ""
