"""Exemptions from the right of access, grounds for refusing a request, and what a refusal must tell the requester.

The exemption catalogue is data (``data/exemptions.json``, spec uk-rules.md §3.2): each entry keeps the spec's
confidence tag so a paragraph number that nobody has checked against legislation.gov.uk shows as unverified.
Exemptions apply only "to the extent" their test is met, so each decision records its scope and reasoning.
No Django imports.
"""

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

DEFAULT_PATH = Path(__file__).parent / "data" / "exemptions.json"

# DPA 2018 s.164A (DUAA 2025 s.103), in force 19 June 2026 by SI 2026/82 reg 3 (spec §0, R1.11).
COMPLAINTS_TO_CONTROLLER_FROM = date(2026, 6, 19)


class Verification(StrEnum):
    """The spec's confidence tags: checked against the text, from commentary, or from memory."""

    VERIFIED = "verified"
    SECONDARY = "secondary"
    UNVERIFIED = "unverified"


class Needs(StrEnum):
    """Extra facts some exemptions must record beyond scope and reasoning."""

    NOTHING = ""
    THIRD_PARTY_FACTORS = "third_party_factors"  # Sch 2 para 16(2)-(3)
    PROFESSIONAL_OPINION = "professional_opinion"  # Sch 3: serious-harm tests


@dataclass(frozen=True)
class Exemption:
    code: str
    provision: str
    title: str
    test: str
    must_record: tuple[str, ...]
    needs: Needs
    verification: Verification
    note: str = ""

    @property
    def verified(self) -> bool:
        return self.verification == Verification.VERIFIED

    @property
    def label(self) -> str:
        """The title and provision, marked when the paragraph number is not verified."""
        mark = "" if self.verified else " [paragraph not verified]"
        return f"{self.title} ({self.provision}){mark}"


class ExemptionsFileError(ValueError):
    """The exemptions file cannot be read or does not describe a catalogue."""


_FIELDS = ("code", "provision", "title", "test", "must_record", "needs", "verification")


def load_exemptions(path: Path = DEFAULT_PATH) -> dict[str, Exemption]:
    """The catalogue in ``path`` keyed by code; ExemptionsFileError naming the file and entry when it is wrong."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise ExemptionsFileError(f"Cannot read the exemptions file {path}: {error.strerror}") from None
    except json.JSONDecodeError as error:
        raise ExemptionsFileError(f"{path} is not valid JSON (line {error.lineno}): {error.msg}") from None
    entries = raw.get("exemptions") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ExemptionsFileError(f"{path} must hold an object with a non-empty list under 'exemptions'")
    catalogue: dict[str, Exemption] = {}
    for number, entry in enumerate(entries, start=1):
        exemption = _parse(entry, where=f"{path}, entry {number}")
        if exemption.code in catalogue:
            raise ExemptionsFileError(f"{path}, entry {number}: code {exemption.code} appears twice")
        catalogue[exemption.code] = exemption
    return catalogue


def _parse(entry: Any, *, where: str) -> Exemption:
    if not isinstance(entry, dict):
        raise ExemptionsFileError(f"{where}: each exemption must be an object")
    missing = [name for name in _FIELDS if name not in entry]
    if missing:
        raise ExemptionsFileError(f"{where}: missing {', '.join(missing)}")
    texts = ("code", "provision", "title", "test")
    if any(not isinstance(entry[name], str) or not entry[name].strip() for name in texts):
        raise ExemptionsFileError(f"{where}: code, provision, title and test must be non-empty text")
    records = entry["must_record"]
    if not isinstance(records, list) or not records or not all(isinstance(r, str) and r for r in records):
        raise ExemptionsFileError(f"{where} ({entry['code']}): must_record must be a non-empty list of text")
    try:
        needs, verification = Needs(entry["needs"]), Verification(entry["verification"])
    except ValueError as error:
        raise ExemptionsFileError(f"{where} ({entry['code']}): {error}") from None
    return Exemption(
        code=entry["code"],
        provision=entry["provision"],
        title=entry["title"],
        test=entry["test"],
        must_record=tuple(records),
        needs=needs,
        verification=verification,
        note=str(entry.get("note", "")),
    )


@cache
def catalogue() -> dict[str, Exemption]:
    """The shipped catalogue, read once."""
    return load_exemptions()


def exemption(code: str) -> Exemption | None:
    """The shipped exemption with this code, or None when there is none."""
    return catalogue().get(code)


class ThirdPartyConsent(StrEnum):
    """What happened when the council asked the other person (Sch 2 para 16(2)(a), 16(3)(c)-(e))."""

    NOT_SOUGHT = "not_sought"
    GIVEN = "given"
    REFUSED = "refused"
    NO_REPLY = "no_reply"
    CANNOT_CONSENT = "cannot_consent"


def third_party_problem(*, consent: str, reasonable_without_consent: bool | None, factors: str) -> str | None:
    """Why withholding another person's information is not justified as recorded, or None when it is (para 16)."""
    if consent not in set(ThirdPartyConsent):
        return "Say whether the other person's consent was sought and what they said"
    if consent == ThirdPartyConsent.GIVEN:
        return "The other person consented, so their information must be disclosed (Sch 2 para 16(2)(a))"
    if reasonable_without_consent is None:
        return "Say whether it is reasonable to disclose without the other person's consent"
    if reasonable_without_consent:
        return "Disclosure without consent is reasonable, so the information must be disclosed (Sch 2 para 16(2)(b))"
    if not factors.strip():
        return "Record the factors: type of information, confidentiality, steps to seek consent, capacity, refusal"
    return None


class RefusalGround(StrEnum):
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    MANIFESTLY_EXCESSIVE = "manifestly_excessive"
    CANNOT_IDENTIFY = "cannot_identify"


@dataclass(frozen=True)
class Ground:
    ground: RefusalGround
    provision: str
    title: str
    test: str


REFUSAL_GROUNDS: dict[RefusalGround, Ground] = {
    RefusalGround.MANIFESTLY_UNFOUNDED: Ground(
        RefusalGround.MANIFESTLY_UNFOUNDED,
        "UK GDPR Art 12(5)(b)",
        "Manifestly unfounded",
        "The request is clearly not a genuine attempt to exercise a right, for example it is made only to harass. "
        "The council must be able to show this; charging a fee is the alternative (Art 12(5)(a)).",
    ),
    RefusalGround.MANIFESTLY_EXCESSIVE: Ground(
        RefusalGround.MANIFESTLY_EXCESSIVE,
        "UK GDPR Art 12(5)(b)",
        "Manifestly excessive",
        "The request is clearly unreasonable, for example it repeats one already answered. "
        "The council must be able to show this; charging a fee is the alternative (Art 12(5)(a)).",
    ),
    RefusalGround.CANNOT_IDENTIFY: Ground(
        RefusalGround.CANNOT_IDENTIFY,
        "UK GDPR Arts 11(2) and 12(2)",
        "Cannot identify the requester",
        "The council can show it cannot identify the requester in the information it holds, "
        "and the requester has not given more information that would allow it.",
    ),
}


def refusal_must_state(on: date) -> list[str]:
    """What a letter refusing to act, sent on ``on``, must tell the requester (Art 12(4); DPA s.164A from 19/6/2026)."""
    items = [
        "The reasons for not acting on the request (UK GDPR Art 12(4))",
        "Their right to complain to the Information Commissioner's Office (UK GDPR Art 12(4))",
        "Their right to seek a judicial remedy in the courts (UK GDPR Art 12(4))",
    ]
    if on >= COMPLAINTS_TO_CONTROLLER_FROM:
        items.append("Their right to complain to the council first (DPA 2018 s.164A)")
    return items
