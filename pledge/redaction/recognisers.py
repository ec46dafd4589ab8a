"""Presidio recognisers for UK council documents: Presidio's UK ones tuned, and Pledge's own for addresses, bank
details, council references and dates of birth.

Tuning, and why:
- NHS numbers use the Modulus 11 check already in ``pledge.discovery.matching`` (one rule, one place: P072).
- Postcodes, vehicle registrations and passports are matched case-sensitively: in lower case they collide with
  ordinary words. A postcode-shaped string is rare enough in prose to count without context words.
- Vehicle registrations also accept a leading Z (the demo estate's fictional plates) and keep a plate whose age
  identifier is not issued at the base score instead of dropping it: over-proposing costs a reviewer a click,
  missing one costs a third party their privacy.
- Phone numbers are GB only, and libphonenumber runs only on digit runs found by a cheap regex first (it is the
  slowest recogniser by far on whole documents).
- Email addresses are checked without ``tldextract``, which fetches the Public Suffix List over the network.
- Sort codes, account numbers and dates of birth look like other numbers and dates, so they count only beside
  their context words ("sort code", "account", "DOB", "born").
"""

import re
from typing import Any

import phonenumbers
from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    NhsRecognizer,
    PhoneRecognizer,
    UkDrivingLicenceRecognizer,
    UkNinoRecognizer,
    UkPassportRecognizer,
    UkPostcodeRecognizer,
    UkVehicleRegistrationRecognizer,
)

from pledge.discovery.estate.names import STREET_KINDS
from pledge.discovery.matching.normalise import nhs_number_is_valid
from pledge.redaction.entities import EntityType

CASE_SENSITIVE = re.MULTILINE | re.DOTALL
IGNORE_CASE = re.MULTILINE | re.DOTALL | re.IGNORECASE


class PledgeNhsRecognizer(NhsRecognizer):
    """NHS numbers: ten digits (spaced 3-3-4 or not) that pass the Modulus 11 check."""

    def validate_result(self, pattern_text: str) -> bool:
        return nhs_number_is_valid(re.sub(r"\D", "", pattern_text))


class PledgeVehicleRegistrationRecognizer(UkVehicleRegistrationRecognizer):
    """UK plates, current style with a Z first letter allowed; an unissued age identifier keeps the base score."""

    PATTERNS = [
        Pattern(
            "UK vehicle registration (current)", r"\b[A-HJ-PR-Z][A-HJ-PR-Y](?:0[1-9]|[1-7][0-9]) ?[A-HJ-PR-Z]{3}\b", 0.5
        ),
        Pattern("UK vehicle registration (prefix)", r"\b[A-HJ-NPR-TV-Y]\d{1,3} ?[A-HJ-PR-Y][A-HJ-PR-Z]{2}\b", 0.2),
        Pattern("UK vehicle registration (suffix)", r"\b[A-HJ-PR-Z]{3} ?\d{1,3} ?[A-HJ-NPR-TV-Y]\b", 0.15),
    ]

    def __init__(self) -> None:
        super().__init__(patterns=self.PATTERNS, context=[*self.CONTEXT, "plate", "reg", "van", "parked"])
        self.global_regex_flags = CASE_SENSITIVE

    def validate_result(self, pattern_text: str) -> bool | None:
        return True if super().validate_result(pattern_text) else None


def _case_sensitive(recogniser: PatternRecognizer) -> PatternRecognizer:
    recogniser.global_regex_flags = CASE_SENSITIVE
    return recogniser


def _postcode() -> PatternRecognizer:
    pattern = UkPostcodeRecognizer.PATTERNS[0]
    return _case_sensitive(UkPostcodeRecognizer(patterns=[Pattern("UK postcode", pattern.regex, 0.6)]))


def _passport() -> PatternRecognizer:
    patterns = [
        *UkPassportRecognizer.PATTERNS,
        Pattern("UK passport (nine digits, weak)", r"\b\d{9}\b", 0.05),
    ]
    return _case_sensitive(UkPassportRecognizer(patterns=patterns, context=["passport", "travel", "document"]))


def _ni_number() -> PatternRecognizer:
    patterns = [
        *UkNinoRecognizer.PATTERNS,
        # Systems often drop the suffix letter; without it the shape is common, so context words must lift it.
        Pattern(
            "NINO without suffix (weak)",
            r"\b(?!BG|GB|NK|KN|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2}\b",
            0.2,
        ),
    ]
    return UkNinoRecognizer(patterns=patterns, context=["national", "insurance", "ni", "nino"])


class GbPhoneRecognizer(PhoneRecognizer):
    """GB phone numbers through libphonenumber, run only on digit runs a regex finds first."""

    CANDIDATE = re.compile(r"(?<![\w\-/.])(?:\+44|\(?0)[\d()\- ]{8,17}\d")
    SCORE = 0.6

    def __init__(self) -> None:
        # POSSIBLE, not Presidio's VALID: Ofcom's drama ranges (the demo's numbers) and newly issued ranges are
        # not "valid" to libphonenumber, yet a number written down is someone's number all the same.
        super().__init__(
            supported_regions=("GB",), leniency=0, context=[*self.CONTEXT, "tel", "mob", "landline", "rang"]
        )

    def analyze(self, text: str, entities: list[str], nlp_artifacts: Any = None) -> list[RecognizerResult]:
        results = []
        for candidate in self.CANDIDATE.finditer(text):
            for match in phonenumbers.PhoneNumberMatcher(candidate.group(), "GB", leniency=self.leniency or 0):
                start, raw = candidate.start() + match.start, match.raw_string
                if raw.startswith("(") and ")" not in raw:  # '(07700 900123)': the bracket is the sentence's
                    start, raw = start + 1, raw[1:]
                results.append(self._result(start, start + len(raw)))
        return EntityRecognizer.remove_duplicates(results)

    def _result(self, start: int, end: int) -> RecognizerResult:
        return RecognizerResult(
            entity_type=EntityType.PHONE.value,
            start=start,
            end=end,
            score=self.SCORE,
            analysis_explanation=self._get_analysis_explanation("GB"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: "GbPhoneRecognizer"},
        )


class OfflineEmailRecognizer(EmailRecognizer):
    """Presidio's email pattern, with a top-level domain check that needs no network."""

    def validate_result(self, pattern_text: str) -> bool:
        domain = pattern_text.rpartition("@")[2]
        top = domain.rpartition(".")[2]
        return "." in domain and top.isalpha() and len(top) >= 2


STREET_KIND_WORDS = sorted(
    {
        *STREET_KINDS,
        "Row",
        "Hill",
        "Green",
        "Park",
        "Square",
        "Parade",
        "Yard",
        "Meadow",
        "Mead",
        "Chase",
        "End",
        "Fields",
        "Vale",
        "Wharf",
    },
    key=len,
    reverse=True,
)
_WORD = r"(?:[A-Z][a-z]+|[A-Z]'[A-Z][a-z]+)"
ADDRESS_REGEX = (
    r"\b(?:(?:Flat|Apartment|Unit|Room|Maisonette)\s+\d{1,4}[A-Z]?,?\s+)?"
    r"\d{1,4}[A-Za-z]?(?:\s*-\s*\d{1,4})?,?\s+"
    rf"(?:{_WORD}\s+){{1,3}}(?:{'|'.join(STREET_KIND_WORDS)})\b"
    rf"(?:,\s*(?!(?:on|in|at|and)\b){_WORD}(?:\s+{_WORD})?)?"
)


def _address() -> PatternRecognizer:
    """A house number (and flat) then one to three capitalised words and a street kind, then the town if given."""
    patterns = [Pattern("UK street address", ADDRESS_REGEX, 0.7)]
    return _case_sensitive(
        PatternRecognizer(
            supported_entity=EntityType.ADDRESS.value,
            patterns=patterns,
            name="UkStreetAddressRecognizer",
            context=["address", "lives", "living", "moved", "resides", "at"],
        )
    )


def _sort_code() -> PatternRecognizer:
    patterns = [Pattern("UK sort code", r"\b\d{2}[- ]\d{2}[- ]\d{2}\b", 0.1)]
    return PatternRecognizer(
        supported_entity=EntityType.SORT_CODE.value,
        patterns=patterns,
        name="UkSortCodeRecognizer",
        context=["sort", "code", "bank", "branch"],
    )


def _bank_account() -> PatternRecognizer:
    patterns = [Pattern("UK bank account number", r"\b\d{8}\b", 0.05)]
    return PatternRecognizer(
        supported_entity=EntityType.BANK_ACCOUNT.value,
        patterns=patterns,
        name="UkBankAccountRecognizer",
        context=["account", "acc", "a/c", "bank", "paid", "into"],
    )


# The shapes council systems give their records (see pledge/discovery/estate): social care client and children's
# services, carers, webchat, contact centre, council tax (and joint liable parties), housing benefit, tenants and
# tenancies, garden waste, parking permits and penalty charge notices, incidents. A request's own reference
# (RR-2026-000123, FOI-..., ENQ-...) is not one of them: it is the requester's, and not about anyone else.
COUNCIL_REFERENCE_REGEX = r"\b(?:(?:ASC|CS|CR|HB|TY|GW|PP|INC|T)\d{7}|(?:WC|CT|AY|C|S)\d{8}(?:-J\d)?)\b"


def _council_reference() -> PatternRecognizer:
    patterns = [
        Pattern("Council record reference", COUNCIL_REFERENCE_REGEX, 0.6),
        Pattern("UPRN (weak)", r"\b\d{12}\b", 0.05),
    ]
    return _case_sensitive(
        PatternRecognizer(
            supported_entity=EntityType.COUNCIL_REFERENCE.value,
            patterns=patterns,
            name="CouncilReferenceRecognizer",
            context=["uprn", "reference", "ref", "account", "claim", "client", "tenancy", "permit", "pcn"],
        )
    )


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
DATE_REGEX = (
    r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)


def _date_of_birth() -> PatternRecognizer:
    patterns = [Pattern("Date (weak without birth context)", DATE_REGEX, 0.05)]
    return PatternRecognizer(
        supported_entity=EntityType.DATE_OF_BIRTH.value,
        patterns=patterns,
        name="DateOfBirthRecognizer",
        context=["dob", "d.o.b", "born", "birth", "birthday"],
    )


def pattern_recognisers() -> list[EntityRecognizer]:
    """Every identifier recogniser the analyzer runs (names are in ``pledge.redaction.names``)."""
    return [
        PledgeNhsRecognizer(context=["nhs", "number", "health"]),
        _ni_number(),
        _postcode(),
        PledgeVehicleRegistrationRecognizer(),
        _case_sensitive(UkDrivingLicenceRecognizer()),
        _passport(),
        GbPhoneRecognizer(),
        OfflineEmailRecognizer(),
        _address(),
        _sort_code(),
        _bank_account(),
        _council_reference(),
        _date_of_birth(),
        CreditCardRecognizer(),
        IbanRecognizer(),
    ]
