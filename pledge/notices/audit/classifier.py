"""Section-aware, rule-based classification of a notice against PN01-PN16 (UK GDPR Arts 13/14).

How a decision is made, item by item:

1. *Candidates*: sentences whose wording matches the item's synonym lexicon, plus sentences sitting
   under a heading about the item (so a terse "- Object to us processing your data" under
   "Your rights" counts for Art 13(2)(b)). Cookie and external-link sections are ignored: they
   describe the website, not the processing the notice is about.
2. *Strength*: item-specific tests separate ``found`` from ``unclear`` (a DPO with a contact route,
   a retention period rather than "no longer than necessary", three or more rights...). Negations
   ("we do not transfer your data outside the UK") and conditionals ("if we profile you, we will
   tell you") are read as what they are.
3. *Evidence*: the one to three sentences that decided the status, best first.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from . import lexicon as lx
from . import lexicon_late as ly
from . import structure as st
from .models import Document, ItemResult, ItemStatus, Sentence

COMPLAINTS_DUTY_FROM = date(2026, 6, 19)  # DPA 2018 s.164A (DUAA 2025 s.103), SI 2026/82 reg 3

Decision = tuple[ItemStatus, list[Sentence], str]


@dataclass
class Context:
    """The sentences of one document, with helpers to look at neighbours in the same section."""

    sentences: list[Sentence]
    as_of: date
    everything: list[Sentence]

    @classmethod
    def of(cls, document: Document, as_of: date) -> Context:
        """Cookie and external-link sections are left out of ``sentences`` but kept in ``everything``."""
        every = [replace(s, index=n) for n, s in enumerate(st.as_units(document.sentences))]
        return cls([s for s in every if not _in_cookie_section(s)], as_of, every)

    def including_website_sections(self) -> Context:
        """The same document with cookie sections read too (for contact details, which turn up anywhere)."""
        return Context(self.everything, self.as_of, self.everything)

    def matching(self, pattern: re.Pattern[str], heading: re.Pattern[str] | None = None) -> list[Sentence]:
        """Sentences matching ``pattern``, or (if given) sitting under a heading matching ``heading``."""
        return [s for s in self.sentences if pattern.search(s.text) or (heading and under(s, heading))]

    def window(self, sentence: Sentence, after: int = 3, before: int = 0) -> list[Sentence]:
        """``sentence`` and its neighbours in the same section."""
        pos = self.sentences.index(sentence)
        return [s for s in self.sentences[max(0, pos - before) : pos + after + 1] if s.section == sentence.section]

    def section_of(self, sentence: Sentence) -> list[Sentence]:
        return [s for s in self.sentences if s.section == sentence.section]


def _in_cookie_section(sentence: Sentence) -> bool:
    return bool(sentence.headings) and bool(ly.COOKIE_SECTION.search(sentence.headings[-1]))


def under(sentence: Sentence, heading: re.Pattern[str]) -> bool:
    """Whether the nearest (or its parent) heading, the list's lead-in or the line's label matches ``heading``."""
    return any(heading.search(h) for h in st.contexts(sentence) if h)


def _found(evidence: list[Sentence], reason: str) -> Decision:
    return ItemStatus.FOUND, evidence, reason


def _unclear(evidence: list[Sentence], reason: str) -> Decision:
    return ItemStatus.UNCLEAR, evidence, reason


def _missing(reason: str) -> Decision:
    return ItemStatus.MISSING, [], reason


def _first(sentences: list[Sentence], pattern: re.Pattern[str]) -> list[Sentence]:
    return [s for s in sentences if pattern.search(s.text)]


def _is_ico(sentence: Sentence) -> bool:
    return bool(lx.ICO.search(sentence.text) or "ico.org.uk" in sentence.text.lower())


def _contact(sentence: Sentence) -> bool:
    return bool(lx.CONTACT_ROUTE.search(sentence.text)) and not _is_ico(sentence)


# --- PN01 Art 13(1)(a): controller ---------------------------------------------------------------
def controller(ctx: Context) -> Decision:
    ctx = ctx.including_website_sections()
    identity = [
        s
        for s in ctx.sentences
        if (lx.CONTROLLER.search(s.text) or lx.COUNCIL_NAME.search(s.text))
        and not (_is_ico(s) and not lx.COUNCIL_NAME.search(s.text))
        and not ly.RIGHTS["portability"].search(s.text)
    ]
    identity.sort(
        key=lambda s: (
            s.unit or bool(s.lead_in),
            not (lx.CONTROLLER.search(s.text) and lx.COUNCIL_NAME.search(s.text)),
            "councillor" in s.text.lower(),
            not lx.CONTROLLER.search(s.text),
            s.index,
        )
    )
    contacts = [s for s in ctx.sentences if _contact(s)]
    if identity and contacts:
        named = [s for s in contacts if lx.COUNCIL_NAME.search(s.text) or lx.CONTACT_CUE.search(s.text)] or contacts
        return _found(_dedupe([identity[0], named[0]]), "controller named with a contact route")
    if identity:
        return _unclear(identity[:2], "controller named, no contact route")
    return _missing("the controller is not identified")


# --- PN02 Art 13(1)(a): representative -----------------------------------------------------------
def representative(ctx: Context) -> Decision:
    ctx = ctx.including_website_sections()
    mentions = [
        s for s in ctx.sentences if lx.REPRESENTATIVE.search(s.text) and not lx.NOT_REPRESENTATIVE.search(s.text)
    ]
    for sentence in mentions:
        if lx.NO_REPRESENTATIVE.search(sentence.text) or any(_contact(s) for s in ctx.window(sentence, 2)):
            return _found([sentence], "representative given or stated not to be needed")
    if mentions:
        return _unclear(mentions[:2], "representative mentioned without contact details")
    return _missing("no representative (normal for a UK council: Art 27 applies to controllers outside the UK)")


# --- PN03 Art 13(1)(b): DPO ----------------------------------------------------------------------
def dpo(ctx: Context) -> Decision:
    ctx = ctx.including_website_sections()
    mentions = ctx.matching(lx.DPO)
    heading_dpo = [s for s in ctx.sentences if under(s, lx.DPO)]
    for sentence in [*mentions, *heading_dpo]:
        after = 6 if len(sentence.text.split()) <= 6 or sentence.text.endswith(":") else 2
        scope = ctx.section_of(sentence) if under(sentence, lx.DPO) else ctx.window(sentence, after)
        contact = [s for s in scope if _contact(s)]
        if lx.DPO.search(sentence.text) and _contact(sentence):
            return _found([sentence], "DPO with a contact route")
        if contact:
            return _found(_dedupe([sentence, contact[0]]), "DPO with a contact route nearby")
    if mentions:
        return _unclear(mentions[:2], "DPO mentioned without a contact route")
    return _missing("no data protection officer")


# --- PN04 Art 13(1)(c): purposes -----------------------------------------------------------------
def purposes(ctx: Context) -> Decision:
    cands = [s for s in ctx.matching(lx.PURPOSE, lx.PURPOSE_HEADING) if not lx.NOT_PURPOSE.search(s.text)]
    specific = [
        s
        for s in cands
        if not lx.GENERIC_PURPOSE.search(s.text)
        and len(s.text.split()) >= 3
        and (lx.PURPOSE.search(s.text) or s.is_list_item)
    ]
    listed = [s for s in st.topical(ctx.sentences, lx.PURPOSE_TOPIC) if len(st.concrete(s.values)) >= 2]
    ranked = sorted(specific, key=lambda s: (not under(s, lx.PURPOSE_HEADING), s.index))
    if listed:
        return _found(listed[:2], "specific purposes listed")
    if len(specific) >= 2 or any(len(_TO_VERB.findall(s.text)) >= 2 for s in specific):
        return _found(ranked[:3], "specific purposes stated")
    if cands:
        return _unclear(cands[:2], "purposes only in general terms")
    return _missing("no purposes stated")


_TO_VERB = re.compile(r"\bto (?!you\b|us\b|the\b|your\b|our\b)[a-z]+", re.I)


# --- PN05 Art 13(1)(c): lawful basis ------------------------------------------------------------
def lawful_basis(ctx: Context) -> Decision:
    labelled = [s for s in st.topical(ctx.sentences, lx.BASIS_TOPIC) if lx.BASIS_VALUE.search(s.value)]
    named = _dedupe(_first(ctx.sentences, lx.NAMED_BASIS) + labelled)
    mention = _first(ctx.sentences, lx.BASIS_MENTION)
    special = [s for s in _first(ctx.sentences, lx.SPECIAL) if not lx.SPECIAL_REFERENCE.search(s.text)]
    condition = _first(ctx.sentences, lx.SPECIAL_CONDITION)
    if named and (not special or condition):
        return _found(_dedupe(named[:2] + condition[:1]), "Art 6 basis named")
    if named:
        return _unclear(_dedupe(named[:2] + special[:1]), "special category data without an Art 9 condition")
    if mention:
        return _unclear(mention[:2], "legal basis mentioned, no Art 6 basis named")
    return _missing("no lawful basis")


# --- PN06 Art 13(1)(d): legitimate interests -----------------------------------------------------
def legitimate_interests(ctx: Context) -> Decision:
    mentions = _first(ctx.sentences, lx.LEGIT)
    strong = [s for s in mentions if lx.LEGIT_DESCRIBED.search(s.text) or lx.LEGIT_NONE.search(s.text)]
    if strong:
        return _found(strong[:2], "legitimate interests described or excluded")
    if mentions:
        return _unclear(mentions[:2], "legitimate interests named but not described")
    return _missing("no legitimate interests (normal for a council: Art 6(1) last subparagraph)")


# --- PN07 Art 14(1)(d): categories ---------------------------------------------------------------
def categories(ctx: Context) -> Decision:
    cands = ctx.matching(lx.CATEGORY_CUE, lx.CATEGORY_HEADING)
    best: list[tuple[int, Sentence]] = []
    for sentence in cands:
        scope = ctx.section_of(sentence) if under(sentence, lx.CATEGORY_HEADING) else [sentence]
        kinds = {k for s in scope for k, p in lx.DATA_TYPES.items() if p.search(s.text)}
        best.append((len(kinds), sentence))
    best.sort(key=lambda pair: (-pair[0], pair[1].index))
    listed = [s for s in st.topical(ctx.sentences, lx.CATEGORY_TOPIC) if len(st.concrete(s.values)) >= 2]
    if listed and not (best and best[0][0] >= 2):
        return _found(listed[:2], "kinds of personal data listed")
    if best and best[0][0] >= 2:
        return _found([s for n, s in best[:3] if n], "kinds of personal data named")
    if cands:
        return _unclear([s for _, s in best[:2]], "personal data described only in general terms")
    return _missing("no categories of personal data")


# --- PN08 Art 13(1)(e): recipients ---------------------------------------------------------------
def recipients(ctx: Context) -> Decision:
    cands = [s for s in ctx.matching(lx.SHARE, lx.SHARE_HEADING) if not _negated_share(s)]
    listed = [s for s in st.topical(ctx.sentences, lx.RECIPIENT_TOPIC) if st.concrete(s.values)]
    named = _dedupe_all(listed + [s for s in cands if lx.RECIPIENT.search(s.text)])
    if named:
        ranked = sorted(named, key=lambda s: (s not in listed, not lx.SHARE.search(s.text), s.index))
        return _found(ranked[:3], "recipients named")
    nobody = [s for s in ctx.sentences if lx.NO_SHARING.search(s.text) and not lx.EXCEPTION.search(s.text)]
    if nobody:
        return _found(nobody[:1], "states that nobody else receives the data")
    vague = [s for s in st.topical(ctx.sentences, lx.RECIPIENT_TOPIC) if not st.says_none(s)]
    if cands or vague:
        return _unclear(_dedupe(vague + cands)[:2], "sharing mentioned without recipients")
    return _missing("no recipients")


def _negated_share(sentence: Sentence) -> bool:
    no_sharing = lx.NO_SHARING.search(sentence.text) and not lx.EXCEPTION.search(sentence.text)
    return bool(no_sharing) or bool(re.search(r"\b(?:never|not) sell", sentence.text, re.I))


# --- PN09 Art 13(1)(f): transfers ----------------------------------------------------------------
def transfers(ctx: Context) -> Decision:
    cands = ctx.matching(ly.TRANSFER, ly.TRANSFER_HEADING)
    none = [s for s in cands if ly.NO_TRANSFER.search(s.text) and not ly.CONDITIONAL.search(s.text)]
    none += [s for s in st.topical(ctx.sentences, ly.TRANSFER) if st.says_none(s)]
    safe = [s for s in cands if ly.SAFEGUARD.search(s.text)]
    if none or safe:
        return _found(_dedupe(none[:1] + safe[:2]), "transfers explained or excluded")
    if cands:
        return _unclear(cands[:2], "transfers mentioned without safeguards")
    return _missing("nothing on international transfers")


# --- PN10 Art 13(2)(a): retention ---------------------------------------------------------------
def retention(ctx: Context) -> Decision:
    cands = ctx.matching(ly.RETENTION, ly.RETENTION_HEADING)
    with_period = [s for s in cands if ly.PERIOD.search(s.text)]
    if with_period:
        return _found(with_period[:3], "retention period or criteria given")
    if cands:
        return _unclear(cands[:2], "retention mentioned without a period or criteria")
    return _missing("nothing on retention")


# --- PN11 Art 13(2)(b): rights -------------------------------------------------------------------
def rights(ctx: Context) -> Decision:
    named: dict[str, Sentence] = {}
    contributions: dict[int, set[str]] = {}
    for sentence in ctx.sentences:
        if not (ly.RIGHT_CONTEXT.search(sentence.text) or under(sentence, ly.RIGHTS_HEADING)):
            continue
        for right, pattern in ly.RIGHTS.items():
            if pattern.search(sentence.text):
                named.setdefault(right, sentence)
                contributions.setdefault(sentence.index, set()).add(right)
    best = sorted({s.index: s for s in named.values()}.values(), key=lambda s: -len(contributions[s.index]))
    if len(named) >= 3:
        return _found(best[:3], f"{len(named)} rights named: {', '.join(sorted(named))}")
    if named:
        return _unclear(best[:2], f"only {', '.join(sorted(named))}")
    return _missing("no data protection rights")


# --- PN12 Art 13(2)(c): withdraw consent ----------------------------------------------------------
def withdraw_consent(ctx: Context) -> Decision:
    strong = _first(ctx.sentences, ly.WITHDRAW) + _first(ctx.sentences, ly.NO_CONSENT_BASIS)
    if strong:
        return _found(strong[:2], "right to withdraw consent")
    weak = _first(ctx.sentences, ly.OPT_OUT)
    if weak:
        return _unclear(weak[:2], "only opt-out / unsubscribe wording")
    return _missing("no right to withdraw consent")


# --- PN13 Art 13(2)(d) and DPA s.164A: complaints ------------------------------------------------
def complaints(ctx: Context) -> Decision:
    ctx = ctx.including_website_sections()
    ico_route: list[Sentence] = []
    council_route: list[Sentence] = []
    ico_weak: list[Sentence] = []
    for sentence in ctx.sentences:
        text, heading = sentence.text, " ".join(sentence.headings[-2:])
        complaint = bool(ly.COMPLAIN.search(text) or ly.COMPLAINT_HEADING.search(heading))
        if _is_ico(sentence):
            if complaint:
                ico_route.append(sentence)
            before = lx.ICO.split(text, maxsplit=1)[0]
            if ly.COMPLAIN.search(before) and ly.COUNCIL_ROUTE.search(before) and ly.DATA_TERMS.search(before):
                council_route.append(sentence)
            elif ly.ICO_ADVICE.search(text) and "regist" not in text.lower():
                ico_weak.append(sentence)
        elif (
            complaint
            and ly.COUNCIL_ROUTE.search(text)
            and (ly.DATA_TERMS.search(text) or ly.DATA_TERMS.search(heading))
            and (ly.COMPLAIN.search(text) or lx.CONTACT_ROUTE.search(text))
        ):
            council_route.append(sentence)
    need_council = ctx.as_of >= COMPLAINTS_DUTY_FROM
    if ico_route and (council_route or not need_council):
        return _found(_dedupe(ico_route[:1] + council_route[:1]), "ICO and council complaint routes")
    if ico_route or council_route:
        which = "only the ICO" if ico_route else "only the council"
        return _unclear(_dedupe(ico_route[:1] + council_route[:1] + ico_weak[:1]), f"{which} complaint route")
    if ico_weak:
        return _unclear(ico_weak[:1], "ICO named for advice, no complaint route")
    return _missing("no right to complain")


# --- PN14 Art 14(2)(f): source -------------------------------------------------------------------
def source(ctx: Context) -> Decision:
    specific = [s for s in ctx.sentences if ly.SOURCE_SPECIFIC.search(s.text)]
    topical = st.topical(ctx.sentences, ly.SOURCE_TOPIC)
    specific += [s for s in topical if st.concrete(s.values) and s not in specific]
    generic = _dedupe(topical + ctx.matching(ly.SOURCE_GENERIC, ly.SOURCE_HEADING))
    if specific:
        return _found(specific[:2], "sources named")
    if generic:
        return _unclear(generic[:2], "sources mentioned in general terms")
    return _missing("no source of the data")


# --- PN15 Art 13(2)(e): requirement ---------------------------------------------------------------
def requirement(ctx: Context) -> Decision:
    strong = _first(ctx.sentences, ly.CONSEQUENCE) + _first(ctx.sentences, ly.REQUIREMENT)
    if strong:
        return _found(_dedupe(strong)[:2], "requirement or consequences stated")
    hints = _first(ctx.sentences, ly.REQUIREMENT_HINT)
    if hints:
        return _unclear(hints[:2], "requirement hinted at")
    return _missing("nothing on whether the data must be provided")


# --- PN16 Art 13(2)(f), Arts 22A-22D: automated decisions ---------------------------------------
def automated_decisions(ctx: Context) -> Decision:
    cands = ctx.matching(ly.ADM, ly.ADM_HEADING)
    labelled = st.topical(cands, ly.ADM_TOPIC)
    for sentence in cands:
        if sentence in labelled and st.says_none(sentence) and not ly.LABEL_CONDITIONAL.search(sentence.value):
            return _found([sentence], "states there is no solely automated decision-making")
        if ly.ADM_NONE.search(sentence.text) and not ly.CONDITIONAL.search(sentence.text):
            return _found([sentence], "states there is no solely automated decision-making")
    for sentence in cands:
        if sentence in labelled:
            exists = not st.says_none(sentence) and not ly.LABEL_CONDITIONAL.search(sentence.value)
        else:
            exists = bool(ly.ADM_EXISTS.search(sentence.text)) and not ly.CONDITIONAL.search(sentence.text)
        if exists and any(ly.ADM_LOGIC.search(s.text) for s in ctx.window(sentence, 2)):
            return _found(_dedupe(ctx.window(sentence, 1)), "automated decisions with logic or safeguards")
    if cands:
        return _unclear(cands[:2], "automated decisions only as a right or a conditional")
    return _missing("nothing on automated decision-making")


def _dedupe(sentences: list[Sentence]) -> list[Sentence]:
    return _dedupe_all(sentences)[:3]


def _dedupe_all(sentences: list[Sentence]) -> list[Sentence]:
    seen: set[int] = set()
    out = []
    for sentence in sentences:
        if sentence.index not in seen:
            seen.add(sentence.index)
            out.append(sentence)
    return out


RULES: dict[str, Callable[[Context], Decision]] = {
    "PN01": controller,
    "PN02": representative,
    "PN03": dpo,
    "PN04": purposes,
    "PN05": lawful_basis,
    "PN06": legitimate_interests,
    "PN07": categories,
    "PN08": recipients,
    "PN09": transfers,
    "PN10": retention,
    "PN11": rights,
    "PN12": withdraw_consent,
    "PN13": complaints,
    "PN14": source,
    "PN15": requirement,
    "PN16": automated_decisions,
}


def classify(document: Document, *, as_of: date | None = None) -> list[ItemResult]:
    """Decide PN01-PN16 for ``document``; ``as_of`` decides whether DPA s.164A applies (default today)."""
    ctx = Context.of(document, as_of or date.today())
    results = []
    for item_id, rule in RULES.items():
        status, evidence, reason = rule(ctx)
        results.append(ItemResult(item_id, status, tuple(st.tidy(evidence)[:3]), reason))
    return results
