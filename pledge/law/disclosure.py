"""Disclosures outside the council: which legal route a disclosure may take, and what it needs before approval.

UK GDPR Art 6 and Art 9 need a lawful basis (and, for special category data, a condition) for every disclosure;
DPA 2018 Sch 2 para 2 (crime and taxation) and para 5 (required by law, legal proceedings) let the council disclose
without the person's consent where the conditions are met, judged case by case. The rules below keep the promises
the seed notices make (spec promises.md P105-P118): no approval without a covering consent or a named legal gateway
with a justification (P105); special category data only on explicit consent or an Art 9(2) condition (P106);
marketing only on the person's marketing-sharing consent, and no 'sale' kind at all (P107); an activity kept to
'legal requirement only' offers the legal route alone (P118); a recipient whose due-diligence checks are incomplete or
expired is blocked (P116). No Django imports.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from pledge.law.bases import ART9_LABELS, Art9Condition


class DisclosureKind(StrEnum):
    """What sort of disclosure it is. There is deliberately no 'sale' or paid-transfer kind (P107)."""

    POLICE = "police"  # a police or other crime-and-taxation request (DPA 2018 Sch 2 para 2)
    COURT_ORDER = "court_order"  # an order of a court or tribunal (Sch 2 para 5)
    DATA_MATCHING = "data_matching"  # the National Fraud Initiative and other bulk data matching (P115)
    OTHER_COUNCIL = "other_council"
    STATUTORY_RETURN = "statutory_return"
    SAFEGUARDING = "safeguarding"  # a serious risk to the person or others (P109)
    REFERRAL = "referral"  # an enquiry passed to the authority responsible for the service (P108)
    OTHER_AGENCY = "other_agency"


KIND_LABELS = {
    DisclosureKind.POLICE: "Police or other crime and taxation request (DPA 2018 Sch 2 para 2)",
    DisclosureKind.COURT_ORDER: "Court order",
    DisclosureKind.DATA_MATCHING: "National Fraud Initiative or other data matching (bulk upload)",
    DisclosureKind.OTHER_COUNCIL: "Another council",
    DisclosureKind.STATUTORY_RETURN: "Statutory return",
    DisclosureKind.SAFEGUARDING: "Safeguarding or serious risk",
    DisclosureKind.REFERRAL: "Referral to the responsible authority",
    DisclosureKind.OTHER_AGENCY: "Other agency",
}


class Route(StrEnum):
    """The legal route the disclosure takes."""

    CONSENT = "consent"
    LEGAL_GATEWAY = "legal_gateway"  # a statute and section that permits or requires it
    EXEMPTION = "exemption"  # a DPA 2018 Sch 2 exemption from the listed GDPR provisions
    COURT_ORDER = "court_order"


ROUTE_LABELS = {
    Route.CONSENT: "The person's consent",
    Route.LEGAL_GATEWAY: "A legal gateway (a statute that permits or requires it)",
    Route.EXEMPTION: "An exemption in DPA 2018 Schedule 2",
    Route.COURT_ORDER: "A court order",
}


class Exemption(StrEnum):
    """The Sch 2 exemptions a disclosure to another organisation relies on."""

    CRIME_TAX = "crime_tax"
    REQUIRED_BY_LAW = "required_by_law"
    LEGAL_PROCEEDINGS = "legal_proceedings"


EXEMPTION_LABELS = {
    Exemption.CRIME_TAX: "DPA 2018 Sch 2 para 2: prevention or detection of crime, offenders, tax",
    Exemption.REQUIRED_BY_LAW: "DPA 2018 Sch 2 para 5(1): disclosure required by law",
    Exemption.LEGAL_PROCEEDINGS: "DPA 2018 Sch 2 para 5(2)-(3): legal proceedings, legal advice, legal rights",
}
EXEMPTION_PARAGRAPHS = {
    Exemption.CRIME_TAX: "Sch 2 para 2",
    Exemption.REQUIRED_BY_LAW: "Sch 2 para 5(1)",
    Exemption.LEGAL_PROCEEDINGS: "Sch 2 para 5(2)",
}


class ConsentNotSought(StrEnum):
    """Why the person was not asked first (P110)."""

    UNSAFE = "unsafe"
    URGENT = "urgent"
    UNABLE = "unable"


NOT_SOUGHT_LABELS = {
    ConsentNotSought.UNSAFE: "Asking would put someone at risk",
    ConsentNotSought.URGENT: "There was no time: the risk was immediate",
    ConsentNotSought.UNABLE: "The person could not be asked (for example, could not be reached or lacks capacity)",
}


class RiskCategory(StrEnum):
    """The serious risk a safeguarding disclosure responds to (P109)."""

    RISK_TO_PERSON = "risk_to_person"
    RISK_TO_CHILD = "risk_to_child"
    RISK_TO_OTHERS = "risk_to_others"
    RISK_TO_STAFF = "risk_to_staff"


RISK_LABELS = {
    RiskCategory.RISK_TO_PERSON: "Serious risk to the person",
    RiskCategory.RISK_TO_CHILD: "Risk of significant harm to a child",
    RiskCategory.RISK_TO_OTHERS: "Serious risk to family members or other people",
    RiskCategory.RISK_TO_STAFF: "Serious risk to someone working with them",
}

# Art 9(2) conditions a disclosure can rest on without the person's consent (P106): (a) is the consent route itself,
# and (d) and (e) do not fit a council sending data to another organisation.
ART9_FOR_DISCLOSURE = tuple(
    c
    for c in Art9Condition
    if c not in (Art9Condition.EXPLICIT_CONSENT, Art9Condition.NOT_FOR_PROFIT, Art9Condition.MADE_PUBLIC)
)
ART9_DISCLOSURE_LABELS = {c: ART9_LABELS[c] for c in ART9_FOR_DISCLOSURE}

# Bulk uploads and statutory returns reach the person through the fair processing notice instead of a letter each
# (Art 14(5)(c): obtaining or disclosure expressly laid down by law), so they have no 'tell the person' step.
BULK_KINDS = frozenset({DisclosureKind.DATA_MATCHING, DisclosureKind.STATUTORY_RETURN})


def routes_offered(
    *, kind: DisclosureKind | str, legal_requirement_only: bool, for_marketing: bool
) -> tuple[Route, ...]:
    """The routes the form offers for this disclosure.

    A court order is disclosed on its order alone (Sch 2 para 5). An activity marked 'no external sharing except legal
    requirement' offers only the legal gateway (P118). Marketing by an outside organisation rests on consent alone
    (P107; PECR reg 22 and Art 21(2)-(3)): no gateway or exemption covers it.
    """
    if DisclosureKind(kind) == DisclosureKind.COURT_ORDER:
        return (Route.COURT_ORDER,)
    if legal_requirement_only:
        return () if for_marketing else (Route.LEGAL_GATEWAY,)
    if for_marketing:
        return (Route.CONSENT,)
    return (Route.CONSENT, Route.LEGAL_GATEWAY, Route.EXEMPTION)


@dataclass(frozen=True)
class ConsentFinding:
    """What the consent ledger says for this person, recipient and purpose (``consent_covers``)."""

    given: bool
    explicit: bool = False
    marketing: bool = False  # the consent is to sharing for the recipient's marketing


@dataclass(frozen=True)
class DueDiligenceFacts:
    """The recipient's due-diligence checklist (P116): ``None`` for an item not yet answered."""

    agreement: bool | None
    security_assurance: bool | None
    contract: bool | None
    review_on: date | None


@dataclass(frozen=True)
class DisclosureFacts:
    """Everything the approval rules look at, as plain values (the service reads them from the entry)."""

    kind: DisclosureKind | str
    route: Route | str
    justification: str = ""
    special_category: bool = False
    art9_condition: str = ""
    for_marketing: bool = False
    legal_requirement_only: bool = False
    gateway_statute: str = ""
    gateway_section: str = ""
    exemption: str = ""
    court_order_reference: str = ""
    has_order_document: bool = False
    consent: ConsentFinding | None = None  # None: no person on the ledger to look up
    consent_sought: bool | None = None
    consent_not_sought_reason: str = ""
    risk_category: str = ""
    due_diligence: DueDiligenceFacts | None = None  # None: the recipient is not in the register (no checklist)
    recipient_in_register: bool = True
    necessity: str = ""
    minimum_data: str = ""
    dataset: str = ""
    record_count: int | None = None
    bulk_on: date | None = None


def due_diligence_problem(checks: DueDiligenceFacts | None, *, today: date) -> str | None:
    """Why the recipient's checks block a disclosure (P116), or None when they are complete and in date.

    An item answered 'no' or not answered is incomplete; every checklist has a review date and is expired after it.
    A recipient in the register with no checklist at all is blocked: the checks come before the sharing.
    """
    if checks is None:
        return "The recipient has no due-diligence checks recorded: record them before disclosing"
    missing = [
        name
        for name, answer in (
            ("sharing agreement", checks.agreement),
            ("security assurance", checks.security_assurance),
            ("contract", checks.contract),
        )
        if answer is not True
    ]
    if missing:
        return "The recipient's due-diligence checks are incomplete: " + ", ".join(missing)
    if checks.review_on is None or today > checks.review_on:
        return "The recipient's due-diligence checks have expired: review them before disclosing"
    return None


def _consent_problems(facts: DisclosureFacts) -> dict[str, str]:
    if facts.consent is None or not facts.consent.given:
        return {"route": "No consent covering this recipient and purpose is recorded for the person"}
    if facts.for_marketing and not facts.consent.marketing:
        return {"route": "The person's consent does not cover sharing for this recipient's marketing"}
    if facts.special_category and not facts.consent.explicit:
        return {"special_category": "Special category data needs the person's explicit consent (Art 9(2)(a))"}
    return {}


def _gateway_problems(facts: DisclosureFacts) -> dict[str, str]:
    problems = {}
    if not facts.gateway_statute.strip():
        problems["gateway_statute"] = "Enter the statute that permits or requires the disclosure"
    if not facts.gateway_section.strip():
        problems["gateway_section"] = "Enter the section of the statute"
    return problems


def _exemption_problems(facts: DisclosureFacts) -> dict[str, str]:
    if facts.exemption not in set(Exemption):
        return {"exemption": "Select the Schedule 2 exemption the disclosure relies on"}
    return {}


def _court_order_problems(facts: DisclosureFacts) -> dict[str, str]:
    problems = {}
    if not facts.court_order_reference.strip():
        problems["court_order_reference"] = "Enter the court order reference"
    if not facts.has_order_document:
        problems["order_document"] = "Upload the court order"
    return problems


_ROUTE_CHECKS = {
    Route.CONSENT: _consent_problems,
    Route.LEGAL_GATEWAY: _gateway_problems,
    Route.EXEMPTION: _exemption_problems,
    Route.COURT_ORDER: _court_order_problems,
}


def _route_problems(facts: DisclosureFacts) -> dict[str, str]:
    route = Route(facts.route)
    problems = _ROUTE_CHECKS[route](facts)
    if route != Route.CONSENT and not facts.justification.strip():
        problems["justification"] = "Enter why the disclosure is necessary and lawful without consent"
    needs_condition = route not in (Route.CONSENT, Route.COURT_ORDER) and facts.special_category
    if needs_condition and facts.art9_condition not in set(ART9_FOR_DISCLOSURE):
        problems["art9_condition"] = "Select the Art 9(2) condition for disclosing special category data"
    return problems


def _police_problems(facts: DisclosureFacts) -> dict[str, str]:
    problems = {}
    if not facts.necessity.strip():
        problems["necessity"] = "Enter why each item is necessary for the stated purpose (Sch 2 para 2)"
    if not facts.minimum_data.strip():
        problems["minimum_data"] = "Enter the minimum data released"
    return problems


def _bulk_problems(facts: DisclosureFacts) -> dict[str, str]:
    problems = {}
    if not facts.dataset.strip():
        problems["dataset"] = "Enter the dataset uploaded"
    if facts.record_count is None or facts.record_count < 1:
        problems["record_count"] = "Enter how many records were uploaded"
    if facts.bulk_on is None:
        problems["bulk_on"] = "Enter the date of the upload"
    return problems


def _consent_sought_problems(facts: DisclosureFacts) -> dict[str, str]:
    if facts.consent_sought is None:
        return {"consent_sought": "Select whether the person's consent was sought"}
    if not facts.consent_sought and facts.consent_not_sought_reason not in set(ConsentNotSought):
        return {"consent_not_sought_reason": "Select why the person's consent was not sought"}
    return {}


def _kind_problems(facts: DisclosureFacts) -> dict[str, str]:
    kind = DisclosureKind(facts.kind)
    consensual = Route(facts.route) == Route.CONSENT
    problems: dict[str, str] = {}
    if kind == DisclosureKind.POLICE:
        problems |= _police_problems(facts)
    if kind == DisclosureKind.DATA_MATCHING:
        problems |= _bulk_problems(facts)
    if kind == DisclosureKind.SAFEGUARDING and not consensual and facts.risk_category not in set(RiskCategory):
        problems["risk_category"] = "Select the risk the disclosure responds to"
    if not consensual and kind not in BULK_KINDS and kind != DisclosureKind.COURT_ORDER:
        problems |= _consent_sought_problems(facts)
    return problems


def approval_problems(facts: DisclosureFacts, *, today: date) -> dict[str, str]:
    """``{field: message}`` for everything that stops the disclosure being approved; empty when it may be.

    The route must be one the disclosure is offered (P107, P118) and complete (P105, P106, P113); the kind's own
    record must be complete (P109, P110, P114, P115); a register recipient's due-diligence checks must be complete and
    in date (P116), except under a court order, which compels the disclosure whatever the checks say.
    """
    offered = routes_offered(
        kind=facts.kind, legal_requirement_only=facts.legal_requirement_only, for_marketing=facts.for_marketing
    )
    try:
        route = Route(facts.route)
    except ValueError:
        return {"route": "Select the legal route for the disclosure"}
    if route not in offered:
        return {"route": route_refusal(facts, offered)}
    problems = _route_problems(facts) | _kind_problems(facts)
    if facts.recipient_in_register and route != Route.COURT_ORDER:
        blocked = due_diligence_problem(facts.due_diligence, today=today)
        if blocked:
            problems["recipient"] = blocked
    return problems


def route_refusal(facts: DisclosureFacts, offered: tuple[Route, ...]) -> str:
    """Why the chosen route is not offered, in words staff can act on."""
    if not offered:
        return "This activity's data is shared only where the law requires it, so it cannot go for marketing"
    if facts.legal_requirement_only and DisclosureKind(facts.kind) != DisclosureKind.COURT_ORDER:
        return "This activity's data is shared only where the law requires it: choose the legal gateway"
    if facts.for_marketing:
        return "Sharing for an outside organisation's marketing needs the person's consent"
    return "A court order is disclosed under the order: choose the court order route"


def is_consensual(route: Route | str) -> bool:
    """A disclosure on the consent route; every other route is flagged 'without consent' in the log (P109)."""
    return Route(route) == Route.CONSENT


def needs_tell_step(*, kind: DisclosureKind | str, route: Route | str) -> bool:
    """Each non-consensual disclosure about a person has a 'tell the person' step (P112), and so does every referral
    to the responsible authority, whatever its route (P108: the person is told where their enquiry went); bulk
    uploads and statutory returns are explained by the fair processing notice instead (Art 14(5)(c))."""
    if DisclosureKind(kind) == DisclosureKind.REFERRAL:
        return True
    return not is_consensual(route) and DisclosureKind(kind) not in BULK_KINDS


def retrospective_deadline(*, disclosed_at: datetime, window_hours: int) -> datetime:
    """When an urgent disclosure made before approval must have been approved by (P109)."""
    return disclosed_at + timedelta(hours=window_hours)


def past_retrospective_window(*, disclosed_at: datetime | None, window_hours: int, now: datetime) -> bool:
    """True when an urgent disclosure is still unapproved after its retrospective window."""
    return disclosed_at is not None and now > retrospective_deadline(
        disclosed_at=disclosed_at, window_hours=window_hours
    )


def review_due(*, review_on: date | None, today: date) -> bool:
    """A 'not safe to tell' decision is reconsidered on its review date and every day after until it is."""
    return review_on is not None and today >= review_on


def not_safe_problem(*, reasons: str, review_on: date | None, today: date) -> tuple[str, str] | None:
    """``(field, message)`` when a decision not to tell the person is incomplete: reasons and a future review date
    ("we will tell you when it is safe", P112)."""
    if not reasons.strip():
        return "reasons", "Enter why telling the person now would be unsafe or prejudice the purpose"
    if review_on is None:
        return "review_on", "Enter the date to reconsider telling the person"
    if review_on <= today:
        return "review_on", "The date to reconsider must be in the future"
    return None
