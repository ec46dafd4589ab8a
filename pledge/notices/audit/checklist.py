"""The privacy-notice checklist PN01-PN16 (``uk-rules.md`` §4): UK GDPR Arts 13 and 14, ICO checklist.

Each item says which articles require it and what the audit treats as ``found`` and as ``unclear``;
anything weaker than ``unclear`` is ``missing``. An explicit statement that an item does not apply
("we do not transfer your data outside the UK") is ``found``: the reader has been told.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChecklistItem:
    """One item of the right-to-be-informed checklist."""

    id: str
    title: str
    art13: str
    art14: str
    found: str
    unclear: str
    conditional: bool = False


CHECKLIST: tuple[ChecklistItem, ...] = (
    ChecklistItem(
        "PN01",
        "Controller's name and contact details",
        "13(1)(a)",
        "14(1)(a)",
        "the council is named (or as the data controller) and a contact route is given "
        "(email, phone, postal address with postcode or contact form)",
        "the controller is named but no contact route appears anywhere",
    ),
    ChecklistItem(
        "PN02",
        "Representative's contact details",
        "13(1)(a)",
        "14(1)(a)",
        "a UK/EU (Art 27) representative with contact details, or an explicit statement that none is needed",
        "a representative is mentioned without contact details",
        conditional=True,
    ),
    ChecklistItem(
        "PN03",
        "Data protection officer's contact details",
        "13(1)(b)",
        "14(1)(b)",
        "the DPO with a contact route (email, postal address, phone or form) next to the mention",
        "the DPO is mentioned with no contact route (a bare link to a web page is not enough)",
    ),
    ChecklistItem(
        "PN04",
        "Purposes of the processing",
        "13(1)(c)",
        "14(1)(c)",
        "specific purposes are stated (a list or several purpose sentences)",
        "only a generic purpose such as 'to provide our services'",
    ),
    ChecklistItem(
        "PN05",
        "Lawful basis (and Art 9 / Sch 1 condition)",
        "13(1)(c)",
        "14(1)(c)",
        "an Art 6(1) basis is named (public task, legal obligation, contract, consent as a basis, "
        "vital interests, 6(1)(x)) and, if special category data is mentioned, an Art 9 condition",
        "only vague legal talk ('required by law', 'statutory services'), or special category data "
        "with no Art 9 condition",
    ),
    ChecklistItem(
        "PN06",
        "Legitimate interests pursued",
        "13(1)(d)",
        "14(2)(b)",
        "the legitimate interests are described, or the notice says it does not rely on them",
        "legitimate interests named as a basis without saying what they are",
        conditional=True,
    ),
    ChecklistItem(
        "PN07",
        "Categories of personal data",
        "-",
        "14(1)(d)",
        "at least two kinds of personal data are named (name, address, date of birth, health...)",
        "personal data is mentioned only in general terms",
    ),
    ChecklistItem(
        "PN08",
        "Recipients or categories of recipients",
        "13(1)(e)",
        "14(1)(e)",
        "named recipients or categories (police, NHS, DWP, contractors, other councils...), "
        "or an explicit statement that nobody else receives the data",
        "sharing is mentioned without saying with whom ('third parties', 'where the law requires')",
    ),
    ChecklistItem(
        "PN09",
        "International transfers and safeguards",
        "13(1)(f)",
        "14(1)(f)",
        "transfers with their safeguard (adequacy, IDTA, standard clauses...), or a clear statement "
        "that data stays in the UK",
        "transfers abroad mentioned without safeguards",
        conditional=True,
    ),
    ChecklistItem(
        "PN10",
        "Retention period or criteria",
        "13(2)(a)",
        "14(2)(a)",
        "a period ('six years after...') or the criteria / a retention schedule",
        "only 'no longer than necessary' or similar",
    ),
    ChecklistItem(
        "PN11",
        "Rights of the data subject",
        "13(2)(b)",
        "14(2)(c)",
        "at least three rights named (access, rectification, erasure, restriction, objection, portability, "
        "automated decisions)",
        "one or two rights named",
    ),
    ChecklistItem(
        "PN12",
        "Right to withdraw consent",
        "13(2)(c)",
        "14(2)(d)",
        "the right to withdraw consent at any time, or a statement that consent is not relied on",
        "only unsubscribe / opt-out wording",
        conditional=True,
    ),
    ChecklistItem(
        "PN13",
        "Right to complain (ICO, and the council from 19 June 2026)",
        "13(2)(d)",
        "14(2)(e)",
        "the right to complain to the ICO and (from 19 June 2026, DPA s.164A) how to complain to the council",
        "only one of the two routes (or the ICO named without a complaint route)",
    ),
    ChecklistItem(
        "PN14",
        "Source of the data",
        "-",
        "14(2)(f)",
        "the sources are named (other organisations, publicly available sources) or 'only from you'",
        "'other sources' or 'third parties' without saying which",
    ),
    ChecklistItem(
        "PN15",
        "Statutory/contractual requirement and consequences",
        "13(2)(e)",
        "-",
        "whether the data must be provided and what happens if it is not",
        "a requirement or a consequence hinted at but not tied to providing the data",
    ),
    ChecklistItem(
        "PN16",
        "Automated decision-making and profiling",
        "13(2)(f)",
        "14(2)(g)",
        "the existence of solely automated decisions with their logic or Arts 22A-22D safeguards, "
        "or a statement that there are none",
        "only a right about automated decisions, or a conditional ('if we profile you, we will tell you')",
    ),
)

ITEM_IDS: tuple[str, ...] = tuple(item.id for item in CHECKLIST)
BY_ID: dict[str, ChecklistItem] = {item.id: item for item in CHECKLIST}
