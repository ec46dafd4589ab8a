"""Reading the structure of a notice: lists introduced by a lead-in, and "Label: value" fact lines.

Real notices (ours included) often say things like::

    We share this information with these recipients:
    - Anyshire Constabulary
    - NHS trusts serving Anyshire

    - Where we get it from: the person, DWP
    - How long we keep it: 6 years after the case is closed

Read sentence by sentence, the lead-in alone looks vague and the items alone carry no cue. Here the
lead-in and its items become one *unit* (matched as one statement and shown as "lead-in: item; item; …"),
items are read under their lead-in as if it were a heading, and a label is the topic of its value.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import rx
from .models import Sentence
from .reader import label_of

_RIGHTS = re.compile(r"\brights?\b", re.I)
# A value that only gestures at who or where ("third parties where necessary", "other organisations").
VAGUE_VALUE = re.compile(
    r"^\W*(?:(?:any|some|various|certain|selected|relevant|appropriate|other|external|third)\s+)+"
    r"(?:part(?:y|ies)|sources?|organi[sz]ations?|agencies|bodies|people|persons|companies|recipients)\b.{0,40}$"
    r"|^\W*(?:others|anyone|third parties|partners|where (?:necessary|required|appropriate)|as (?:necessary|required)"
    r"|(?:where|when|if|as) (?:the law|required by law|the law requires|we have to|needed))\W*$",
    re.I,
)
# A value that says the topic does not apply ("Automated decision-making: none", "Transfers abroad: not used").
NONE_VALUE = rx(
    r"^\W*(?:none|no|nil|not used|not applicable|n/a|never)\b",
    r"^\W*(?:we|the council) (?:do|does|will) not\b",
    r"^\W*(?:we|the council) (?:don't|never|won't)\b",
)


def as_units(sentences: list[Sentence]) -> list[Sentence]:
    """Each lead-in with items becomes a unit: the lead-in followed by its items, read as one statement.

    An item that is itself a "Label: value" line ("Email: dpo@...", "Who we share it with: ...") speaks
    for itself, so only unlabelled items are added to the unit's text; ``values`` and the evidence shown
    still list every item.
    """
    return [replace(s, text=_unit_text(s), unit=True) if s.items else s for s in sentences]


def _unit_text(lead: Sentence) -> str:
    plain = [i.rstrip(".;") for i in lead.items if not label_of(i)]
    return f"{lead.text} {'; '.join(plain)}." if plain else lead.text


def contexts(sentence: Sentence) -> tuple[str, ...]:
    """What a sentence is read under: its two nearest headings and, for a "Label: value" line, its label.

    A list item is not read under its lead-in here: the unit (lead-in plus items) already carries both,
    and a lead-in is a weaker signal than a heading ("Data protection rights requests and complaints:"
    introduces an activity, not a list of rights).
    """
    return (*sentence.headings[-2:], "" if sentence.items else sentence.label)


def topical(sentences: list[Sentence], topic: re.Pattern[str]) -> list[Sentence]:
    """Sentences whose label (or lead-in, for a unit) is about ``topic`` and that give a value.

    A label about rights ("Which rights you have depends on why we use your information") is about
    rights, whatever else it mentions.
    """
    return [s for s in sentences if s.label and topic.search(s.label) and not _RIGHTS.search(s.label) and s.values]


def concrete(values: list[str]) -> list[str]:
    """The values that name something rather than gesture at it."""
    return [v for v in values if not VAGUE_VALUE.search(v) and not NONE_VALUE.search(v)]


def says_none(sentence: Sentence) -> bool:
    """Whether a label's value says the topic does not apply."""
    return bool(sentence.value) and bool(NONE_VALUE.search(sentence.value))


def tidy(evidence: list[Sentence]) -> list[Sentence]:
    """Show a unit or one of its own items, whichever ranked first, but not both."""
    out: list[Sentence] = []
    for sentence in evidence:
        if not any(_related(sentence, kept) for kept in out):
            out.append(sentence)
    return out


def _related(a: Sentence, b: Sentence) -> bool:
    if a.section != b.section:
        return False
    return (a.unit and b.lead_in == a.label) or (b.unit and a.lead_in == b.label)
