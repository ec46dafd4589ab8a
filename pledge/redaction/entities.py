"""What the detector finds and whose it is: entity types, person roles, the context of a case, proposed redactions.

No Django imports: the benchmark and the burn-in use these without a database. DPA 2018 Sch 2 para 16 protects
information identifying *another individual*; the requester's own data is theirs to receive (UK GDPR Art 15), and
staff acting in an official capacity are normally named (Sch 2 para 17; ICO guidance), so every finding carries a
role as well as a type.
"""

from dataclasses import dataclass, field
from enum import StrEnum


class EntityType(StrEnum):
    """The kinds of personal data the detector looks for (Presidio entity names where Presidio has one)."""

    PERSON = "PERSON"
    NHS_NUMBER = "UK_NHS"
    NI_NUMBER = "UK_NINO"
    POSTCODE = "UK_POSTCODE"
    ADDRESS = "UK_ADDRESS"
    VEHICLE_REGISTRATION = "UK_VEHICLE_REGISTRATION"
    DRIVING_LICENCE = "UK_DRIVING_LICENCE"
    PASSPORT = "UK_PASSPORT"
    PHONE = "PHONE_NUMBER"
    EMAIL = "EMAIL_ADDRESS"
    SORT_CODE = "UK_SORT_CODE"
    BANK_ACCOUNT = "UK_BANK_ACCOUNT"
    COUNCIL_REFERENCE = "COUNCIL_REFERENCE"
    DATE_OF_BIRTH = "DATE_OF_BIRTH"
    CARD_NUMBER = "CREDIT_CARD"
    IBAN = "IBAN_CODE"

    @property
    def label(self) -> str:
        return ENTITY_LABELS[self]


ENTITY_LABELS = {
    EntityType.PERSON: "Name",
    EntityType.NHS_NUMBER: "NHS number",
    EntityType.NI_NUMBER: "National Insurance number",
    EntityType.POSTCODE: "Postcode",
    EntityType.ADDRESS: "Address",
    EntityType.VEHICLE_REGISTRATION: "Vehicle registration",
    EntityType.DRIVING_LICENCE: "Driving licence number",
    EntityType.PASSPORT: "Passport number",
    EntityType.PHONE: "Phone number",
    EntityType.EMAIL: "Email address",
    EntityType.SORT_CODE: "Sort code",
    EntityType.BANK_ACCOUNT: "Bank account number",
    EntityType.COUNCIL_REFERENCE: "Council account or client reference",
    EntityType.DATE_OF_BIRTH: "Date of birth",
    EntityType.CARD_NUMBER: "Payment card number",
    EntityType.IBAN: "IBAN",
}

IDENTIFIER_TYPES = frozenset(EntityType) - {EntityType.PERSON}


class PersonRole(StrEnum):
    """Whose data a finding is."""

    REQUESTER = "requester"
    THIRD_PARTY = "third_party"
    STAFF = "staff"

    @property
    def label(self) -> str:
        return {"requester": "Requester", "third_party": "Third party", "staff": "Staff (official capacity)"}[self]


@dataclass(frozen=True)
class PersonIdentity:
    """One person the council knows: names as written anywhere (aliases included) and identifiers in any format.

    ``titles`` (Mr, Mrs, Ms, ...) let "Mrs Smith" be told from "Mr Smith" in the same household."""

    names: tuple[str, ...]
    identifiers: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()


@dataclass(frozen=True)
class RedactionContext:
    """What the council already knows about a case: the requester (from the case's confirmed identity records),
    its staff directory, and other people (the estate) as a gazetteer of names.

    ``redact_staff`` is off by default: officers acting in that capacity are normally named (Sch 2 para 17).
    ``council_domains`` mark email addresses as staff ones."""

    requester: PersonIdentity
    staff: tuple[PersonIdentity, ...] = ()
    known_people: tuple[str, ...] = ()
    redact_staff: bool = False
    council_domains: tuple[str, ...] = ("anyshire.gov.uk",)


@dataclass(frozen=True)
class ProposedRedaction:
    """A span the detector found: [start, end) in the text, its type, whose it is, a score and why.

    ``redact`` is the proposal: third parties yes, the requester never, staff only when the context says so."""

    start: int
    end: int
    entity: EntityType
    role: PersonRole
    score: float
    reason: str
    redact: bool = field(default=True)

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]
