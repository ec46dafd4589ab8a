"""Extra findings beyond the checklist: wording a DPO would want to fix.

* invalid consent by browsing (UK GDPR Art 4(11), Art 7; PECR reg 6: consent must be a clear
  affirmative act, so "by using this site you agree" is not consent) - promise P032;
* references to repealed law (Data Protection Act 1998, Directive 95/46/EC, "the EU GDPR" in force in
  the UK) and links to retired government domains - P035;
* ICO contact details that differ from the canonical ones held in ``pledge/law/data/ico.json`` - P146;
* paragraphs above a reading grade (Art 12(1) plain language) - P038;
* the claim that cookies cannot identify anyone: a unique cookie id is an online identifier (UK GDPR Art 4(1),
  Recital 30), so the claim is wrong in law - P095.
"""

from __future__ import annotations

import re
from typing import Any

from . import readability
from .models import Document, Flag, Sentence

BROWSING_CONSENT = re.compile(
    r"\b(?:by|through|in) (?:using|visiting|accessing|browsing|continuing to (?:use|browse)|your use of)\b[^.]{0,80}?"
    r"\b(?:you|users?|visitors?)\b[^.]{0,30}?\b(?:agree|consent|accept|are accepting|are consenting|are deemed)",
    re.I,
)
ANONYMOUS_COOKIES = re.compile(
    r"\b(?:cannot|can ?not|can't|could not|will not|won't|do not|don't)\b[^.]{0,20}?\bidentify\b"
    r"|\b(?:do not|don't|does not|doesn't) (?:contain|hold|store) any personal (?:information|data)\b",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
REPEALED_LAW: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"Data Protection Act,? 1998|DPA,? 1998|\bDPA ?98\b", re.I),
        "the Data Protection Act 1998 was repealed by the Data Protection Act 2018 (25 May 2018)",
    ),
    (
        re.compile(r"Directive 95/46(?:/EC)?|95/46/EC|Data Protection Directive", re.I),
        "Directive 95/46/EC was repealed by the GDPR in 2018 and no longer applies in the UK",
    ),
    (re.compile(r"Data Protection Act 1984", re.I), "the Data Protection Act 1984 was repealed in 2000"),
    (
        re.compile(r"\bEU Privacy and Electronic Communications Directive\b", re.I),
        "UK cookie rules are in PECR 2003 as amended by the Data (Use and Access) Act 2025, not the EU Directive",
    ),
    (re.compile(r"\bSafe Harbou?r\b", re.I), "the EU-US Safe Harbour was invalidated in 2015 (Schrems I)"),
    (re.compile(r"\bPrivacy Shield\b", re.I), "the EU-US Privacy Shield was invalidated in 2020 (Schrems II)"),
)
RETIRED_DOMAINS = (
    "direct.gov.uk",
    "directgov.uk",
    "businesslink.gov.uk",
    "ico.gov.uk",
    "dataprotection.gov.uk",
    "communities.gov.uk",
    "dclg.gov.uk",
    "dh.gov.uk",
    "dcsf.gov.uk",
    "justice.gov.uk/guidance/freedom-and-rights",
)
_ICO_NEAR = re.compile(r"information commissioner|\bICO\b|ico\.org\.uk|wycliffe house", re.I)
_PHONE = re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
_ICO_WEB = re.compile(
    r"\b(?:https?://)?(?:www\.)?(ico\.(?:org|gov)\.uk|informationcommissioner\.gov\.uk|"
    r"dataprotection\.gov\.uk)\b",
    re.I,
)
_EMAIL = re.compile(r"[\w.+'-]+@([\w-]+(?:\.[\w-]+)+)")


def consent_flags(document: Document) -> list[Flag]:
    """'By using this site you agree/consent' wording (P032)."""
    return [
        Flag(
            "invalid-consent",
            "consent by browsing is not valid consent (UK GDPR Art 4(11), Art 7; PECR reg 6)",
            s.text,
            s.line,
            s.page,
        )
        for s in document.sentences
        if BROWSING_CONSENT.search(s.text)
    ]


def cookie_claim_flags(document: Document) -> list[Flag]:
    """'Cookies cannot identify you' wording, in a sentence about cookies or just after one (P095)."""
    flags = []
    previous = ""
    for sentence in document.sentences:
        about_cookies = _COOKIE.search(sentence.text) or _COOKIE.search(previous)
        if about_cookies and ANONYMOUS_COOKIES.search(sentence.text):
            flags.append(
                Flag(
                    "cookies-identify",
                    "a cookie's unique id is an online identifier and so personal data (UK GDPR Art 4(1), Recital 30)",
                    sentence.text,
                    sentence.line,
                    sentence.page,
                )
            )
        previous = sentence.text
    return flags


def legacy_flags(document: Document) -> list[Flag]:
    """References to repealed law and retired domains, with their lines (P035)."""
    flags: list[Flag] = []
    for sentence in document.sentences:
        for pattern, why in REPEALED_LAW:
            if pattern.search(sentence.text):
                flags.append(Flag("repealed-law", why, sentence.text, sentence.line, sentence.page))
    seen: set[tuple[str, int]] = set()
    targets = [(link.url, link.line, link.page) for link in document.links]
    targets += [(s.text, s.line, s.page) for s in document.sentences]
    for text, line, page in targets:
        for domain in RETIRED_DOMAINS:
            if domain in text.lower() and (domain, line) not in seen:
                seen.add((domain, line))
                flags.append(
                    Flag(
                        "retired-domain",
                        f"{domain} has been retired (links to it are dead or redirect)",
                        text,
                        line,
                        page,
                    )
                )
    return flags


def _digits(text: str) -> str:
    digits = re.sub(r"\D", "", text)
    return "0" + digits[2:] if digits.startswith("44") else digits


def ico_flags(document: Document, ico: dict[str, Any]) -> list[Flag]:
    """ICO phone numbers, postcodes, websites and emails in the text that differ from ``ico`` (P146)."""
    phone = _digits(str(ico.get("phone", "")))
    postcode = re.sub(r"\s", "", str(ico.get("address", "")).rsplit(",", 1)[-1]).upper()
    site = re.sub(r"^https?://(?:www\.)?", "", str(ico.get("website", ""))).strip("/").lower()
    email_domain = str(ico.get("email", "")).rsplit("@", 1)[-1].lower() or site
    flags: list[Flag] = []
    for sentence in document.sentences:
        if not _ICO_NEAR.search(sentence.text):
            continue
        found = [("phone", m, _digits(m)) for m in _PHONE.findall(sentence.text)]
        found += [("postcode", m, re.sub(r"\s", "", m).upper()) for m in _POSTCODE.findall(sentence.text)]
        found += [("website", m, m.lower()) for m in _ICO_WEB.findall(sentence.text)]
        found += [("email", m, m.lower()) for m in _EMAIL.findall(sentence.text) if "ico" in m.lower()]
        canonical = {"phone": phone, "postcode": postcode, "website": site, "email": email_domain}
        for kind, raw, value in found:
            if canonical[kind] and value != canonical[kind]:
                flags.append(
                    Flag(
                        "ico-contact-mismatch",
                        f"ICO {kind} {raw!r} differs from the canonical "
                        f"{ico.get(kind if kind != 'postcode' else 'address')!r}",
                        sentence.text,
                        sentence.line,
                        sentence.page,
                    )
                )
    return flags


def readability_report(document: Document, max_grade: float) -> tuple[dict[str, Any], list[Flag]]:
    """Whole-notice scores and the paragraphs above ``max_grade`` (P038, Art 12(1))."""
    overall = readability.scores([s.text for s in document.sentences])
    hard: list[Flag] = []
    for paragraph in document.paragraphs:
        words = sum(len(s.text.split()) for s in paragraph.sentences)
        if words < 12:
            continue
        grade = readability.scores([s.text for s in paragraph.sentences])["grade"]
        if grade > max_grade:
            hard.append(
                Flag(
                    "hard-to-read",
                    f"reading grade {grade} is above {max_grade:g} (Art 12(1) plain language)",
                    _clip(paragraph.sentences),
                    paragraph.line,
                    paragraph.page,
                )
            )
    summary = {
        **overall,
        "band": readability.describe(overall["flesch_reading_ease"]),
        "max_grade": max_grade,
        "paragraphs_above_max_grade": len(hard),
    }
    return summary, hard


def _clip(sentences: list[Sentence], limit: int = 200) -> str:
    text = " ".join(s.text for s in sentences)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
