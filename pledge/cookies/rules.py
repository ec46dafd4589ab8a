"""Cookie consent rules under PECR reg 6 and Schedule A1 (inserted by DUAA 2025 s.112 and Sch 12). No Django imports.

Storing or reading anything on a visitor's device needs clear information and consent (reg 6(1)-(3)) unless an
exception in Schedule A1 applies. The strictly necessary and communication exceptions predate the DUAA; the
statistical, appearance and emergency-assistance exceptions commenced on 5 Feb 2026 (SI 2026/82 reg 2) and a council
relies on them only by configuration. The statistical and appearance exceptions still need a simple, free way to
object (an opt-out), so those purposes stay on the banner and the cookies page.
"""

import re
import secrets
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from urllib.parse import unquote_plus

DUAA_COOKIE_EXCEPTIONS_COMMENCE = date(2026, 2, 5)


class Purpose(StrEnum):
    """The choices a visitor makes: one per optional category of the register."""

    FUNCTIONALITY = "functionality"
    ANALYTICS = "analytics"
    EMBEDDED = "embedded"


class Exemption(StrEnum):
    """Why an item may be set without consent: the Schedule A1 exceptions, or none."""

    NONE = "none"
    COMMUNICATION = "communication"
    STRICTLY_NECESSARY = "strictly_necessary"
    DUAA_STATISTICAL = "duaa_statistical"
    DUAA_APPEARANCE = "duaa_appearance"
    DUAA_EMERGENCY = "duaa_emergency"


DUAA_EXEMPTIONS = frozenset({Exemption.DUAA_STATISTICAL, Exemption.DUAA_APPEARANCE, Exemption.DUAA_EMERGENCY})
# Sch A1 conditions for statistical and appearance purposes: information plus a simple and free means of objecting.
OPT_OUT_EXEMPTIONS = frozenset({Exemption.DUAA_STATISTICAL, Exemption.DUAA_APPEARANCE})


def exemption_applies(exemption: Exemption, *, enabled: frozenset[str], today: date) -> bool:
    """Whether an item may be set without asking first: pre-DUAA exceptions always, DUAA ones once enabled."""
    if exemption == Exemption.NONE:
        return False
    if exemption in DUAA_EXEMPTIONS:
        return exemption.value in enabled and today >= DUAA_COOKIE_EXCEPTIONS_COMMENCE
    return True


def needs_opt_out(exemption: Exemption, *, enabled: frozenset[str], today: date) -> bool:
    """An item under the statistical or appearance exception: on by default, but the visitor can object."""
    return exemption in OPT_OUT_EXEMPTIONS and exemption_applies(exemption, enabled=enabled, today=today)


# The preference cookie: "v:3|id:<random>|analytics:yes|embedded:no". Only answered purposes appear. ':' and '|'
# are legal cookie characters, so neither Django nor a browser quotes the value; other websites parse it the same way.
_ID = re.compile(r"^[A-Za-z0-9_-]{16,40}$")


@dataclass(frozen=True)
class Choice:
    """What a visitor chose, for which register version, under which pseudonymous consent id."""

    version: int
    consent_id: str
    answers: dict[str, bool] = field(default_factory=dict)

    def answered(self, purpose: Purpose) -> bool:
        return purpose.value in self.answers

    def allows(self, purpose: Purpose) -> bool:
        return self.answers.get(purpose.value, False)

    def with_answers(self, version: int, **answers: bool) -> "Choice":
        merged = dict(self.answers) if version == self.version else {}
        merged.update(answers)
        return Choice(version=version, consent_id=self.consent_id, answers=merged)


def new_consent_id() -> str:
    """A random, meaningless id: it links a browser's choices in the consent log and identifies no one."""
    return secrets.token_urlsafe(16)


def fresh_choice(version: int) -> Choice:
    return Choice(version=version, consent_id=new_consent_id())


def format_choice(choice: Choice) -> str:
    parts = [f"v:{choice.version}", f"id:{choice.consent_id}"]
    parts += [
        f"{purpose.value}:{'yes' if choice.answers[purpose.value] else 'no'}"
        for purpose in Purpose
        if purpose.value in choice.answers
    ]
    return "|".join(parts)


def parse_choice(raw: str | None) -> Choice | None:
    """Read the preference cookie; anything malformed counts as no choice, so the banner asks again."""
    if not raw:
        return None
    fields: dict[str, str] = {}
    for part in raw.split("|"):
        key, sep, value = part.partition(":")
        if not sep:
            return None
        fields[key] = value
    version, consent_id = fields.pop("v", ""), fields.pop("id", "")
    if not version.isdigit() or not _ID.match(consent_id):
        return None
    purposes = {p.value for p in Purpose}
    answers = {k: v == "yes" for k, v in fields.items() if k in purposes and v in {"yes", "no"}}
    return Choice(version=int(version), consent_id=consent_id, answers=answers)


# P095: values that look like personal data. Unique ids are online identifiers too, but these would identify someone
# directly, which no Pledge cookie may do.
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_PHONE = re.compile(r"(?:\+44\s?|\b0)(?:\d[\s-]?){9,10}\b")
_CASE_REFERENCE = re.compile(r"\b[A-Z]{2,5}[-/]\d{4}[-/]\d{2,6}\b")
_NAME = re.compile(r"\b[A-Z][a-z]{1,20}[ +][A-Z][a-z]{1,20}\b")


def personal_data_in(value: str) -> list[str]:
    """The kinds of personal data a stored value seems to hold (email, phone, case reference, name)."""
    text = unquote_plus(value)
    kinds = []
    for kind, pattern in (("email", _EMAIL), ("phone", _PHONE), ("case reference", _CASE_REFERENCE), ("name", _NAME)):
        if pattern.search(text):
            kinds.append(kind)
    return kinds


def expiry_differs(*, declared_seconds: int | None, actual_seconds: float | None) -> bool:
    """True when a real expiry is not the declared one (P093); None means 'ends when the browser closes'."""
    if declared_seconds is None or actual_seconds is None:
        return (declared_seconds is None) != (actual_seconds is None)
    # A scan runs a moment after the cookie was set; allow a minute or 1% of the lifetime, whichever is more.
    return abs(actual_seconds - declared_seconds) > max(60.0, declared_seconds * 0.01)
