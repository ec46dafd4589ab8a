"""The response to a request, for each kind of request, drawn from the register activities the case concerns.

An access response carries every item of UK GDPR Art 15(1)(a)-(h), and Art 15(2) where data goes abroad, for
each activity; when exemptions were recorded it is a partial refusal that says, in general terms, what was
withheld, under which provision, and how to complain (Art 12(4)). The other kinds say what was done, or why not,
using the rights engine's reasons (``pledge.law.request_rights``); every response states the complaint rights.

The template is ``casework/letters/response/<kind>.txt`` so a council can reword each kind separately.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse

from pledge.casework.models import ACCESS_KINDS, Case, CaseKind
from pledge.casework.record_models import SearchState
from pledge.casework.scope import activity_facts, case_activities, case_verdict
from pledge.casework.states import CaseState
from pledge.fulfilment.letter_records import decided_outcome, objection_lines, review_lines
from pledge.fulfilment.notifications import recipients_line
from pledge.fulfilment.plan_letters import kept_categories
from pledge.fulfilment.review_rules import unreviewed_decision_step
from pledge.law.adequacy import TransferMechanism
from pledge.law.bases import SPECIAL_CATEGORY_LABELS, SpecialCategory
from pledge.law.countries import country_name
from pledge.law.erasure import KEEP_GROUNDS, ErasureResult, KeepGround
from pledge.law.exemptions import exemption, refusal_must_state
from pledge.law.request_rights import LEGAL_CLAIMS_CHECK, all_rights
from pledge.law.rights import RIGHT_PLAIN_ENGLISH, Right
from pledge.register.models import ProcessingActivity


class Outcome(models.TextChoices):
    """What the council did about a request that asks for something to be done."""

    DONE = "done", "Done as asked"
    REFUSED = "refused", "Not done"


# The words for each outcome, per kind: staff choose from these when they send the response.
OUTCOME_LABELS: dict[str, dict[str, str]] = {
    CaseKind.RECTIFICATION: {
        Outcome.DONE: "Corrected",
        Outcome.REFUSED: "Not corrected: we believe the information is accurate (statement of disagreement offered)",
    },
    CaseKind.ERASURE: {
        Outcome.DONE: "Erased where the right applies",
        Outcome.REFUSED: "Not erased: an Art 17(3) exception applies",
    },
    CaseKind.RESTRICTION: {Outcome.DONE: "Restricted", Outcome.REFUSED: "Not restricted"},
    CaseKind.OBJECTION: {
        Outcome.DONE: "Objection upheld: we have stopped",
        Outcome.REFUSED: "Objection not upheld: compelling legitimate grounds or public task reasons (Art 21(1))",
    },
    CaseKind.PORTABILITY: {
        Outcome.DONE: "Provided in a machine-readable format",
        Outcome.REFUSED: "Not provided",
    },
    CaseKind.AUTOMATED_DECISION_REVIEW: {
        Outcome.DONE: "Reviewed by a person: the decision was changed",
        Outcome.REFUSED: "Reviewed by a person: the decision stands",
    },
}

NO_ACTIVITIES = (
    "The response cannot be produced yet: choose the register activities this request concerns first, so the "
    "letter can say which rights apply and, for an access request, how the information is used (Art 15(1))."
)

SAFEGUARD_TEXT = {
    TransferMechanism.ADEQUACY: "UK adequacy regulations (UK GDPR Art 45)",
    TransferMechanism.IDTA: "the International Data Transfer Agreement (UK GDPR Art 46)",
    TransferMechanism.ADDENDUM: "the UK Addendum to the EU standard contractual clauses (UK GDPR Art 46)",
    TransferMechanism.BCR: "binding corporate rules (UK GDPR Art 47)",
    TransferMechanism.DEROGATION: "a derogation for a specific situation (UK GDPR Art 49)",
    TransferMechanism.NONE: "no safeguard: we have asked the Information Commissioner for advice",
}

# Art 15(1)(e): the rights a response must say exist, for each activity.
ART_15_1_E = (Right.RECTIFICATION, Right.ERASURE, Right.RESTRICTION, Right.OBJECTION)


def outcomes_for(kind: str) -> list[tuple[str, str]]:
    """The outcomes staff may choose for a response to a request of ``kind`` (none to choose for access)."""
    labels = OUTCOME_LABELS.get(kind)
    return list(labels.items()) if labels else []


def default_outcome(case: Case) -> Outcome:
    """What fulfilment recorded on the case; else done, unless the requested right applies to none of its activities."""
    recorded, _ = recorded_outcome(case)
    if recorded is not None:
        return recorded
    verdict = case_verdict(case)
    return Outcome.DONE if verdict.applies_to_any or case.kind not in OUTCOME_LABELS else Outcome.REFUSED


def recorded_outcome(case: Case) -> tuple[Outcome | None, str]:
    """The outcome and reasons recorded through fulfilment (corrections, disagreements, erasure outcomes,
    restrictions), or ``(None, "")`` when nothing is recorded yet."""
    if case.kind == CaseKind.RECTIFICATION:
        if case.corrections.exists():  # type: ignore[attr-defined]
            return Outcome.DONE, ""
        disagreement = case.disagreements.order_by("-decided_on", "-id").first()  # type: ignore[attr-defined]
        return (Outcome.REFUSED, disagreement.reasons) if disagreement else (None, "")
    if case.kind == CaseKind.ERASURE:
        outcomes = list(case.erasure_outcomes.all())  # type: ignore[attr-defined]
        if not outcomes:
            return None, ""
        if all(o.result == ErasureResult.KEPT for o in outcomes):
            return Outcome.REFUSED, " ".join(o.reasons for o in outcomes if o.reasons)
        return Outcome.DONE, ""
    if case.kind == CaseKind.RESTRICTION and case.restrictions.exists():  # type: ignore[attr-defined]
        return Outcome.DONE, ""
    decided = decided_outcome(case)  # objection decisions and automated-decision reviews
    if decided is not None:
        return (Outcome.DONE if decided[0] else Outcome.REFUSED), decided[1]
    return None, ""


def _kept_records(case: Case) -> list[str]:
    """Art 17(3): each record kept after an erasure request, with its ground and reasons, as fulfilment recorded."""
    if case.kind != CaseKind.ERASURE:
        return []
    kept = case.erasure_outcomes.filter(result=ErasureResult.KEPT).select_related("system")  # type: ignore[attr-defined]
    lines = []
    for outcome in kept:
        ground = KEEP_GROUNDS.get(KeepGround(outcome.keep_ground)) if outcome.keep_ground else None
        label = ground.label if ground else "an Art 17(3) exception"
        lines.append(f"{outcome.system.name}: kept under {label}. {outcome.reasons}".strip())
    return lines


AWAITING_PROOF = (
    "The response cannot be sent while the case is waiting for proof of identity or authority: record the proof "
    "first, or refuse the request (UK GDPR Arts 11(2) and 12(2))."
)


def response_blocked(case: Case) -> str:
    """Why the response letter cannot be produced yet ("" when it can)."""
    if not case.activities.exists():
        return NO_ACTIVITIES
    if case.state == CaseState.AWAITING_ID:
        return AWAITING_PROOF
    return unreviewed_decision_step(case)


def nothing_held(case: Case) -> bool:
    """P040: an access request whose every search was done and found nothing is answered "no personal data held"."""
    if case.kind not in ACCESS_KINDS:
        return False
    states = set(case.search_tasks.values_list("state", flat=True))  # type: ignore[attr-defined]
    return SearchState.NOTHING_FOUND in states and states <= {SearchState.NOTHING_FOUND, SearchState.NOT_APPLICABLE}


def response_template(case: Case) -> str:
    kind = CaseKind.ACCESS if case.kind == CaseKind.ACCESS_CCTV else CaseKind(case.kind)
    return f"casework/letters/response/{kind.value}.txt"


def response_context(*, case: Case, today: date, outcome: str = "", reasons: str = "") -> dict[str, Any]:
    """What the response template reads: the outcome, the rights engine's verdict and each activity's facts."""
    activities = case_activities(case)
    verdict = case_verdict(case, activities)
    chosen = Outcome(outcome) if outcome in Outcome.values and case.kind in OUTCOME_LABELS else None
    chosen = chosen or (default_outcome(case) if case.kind in OUTCOME_LABELS else Outcome.DONE)
    withheld = _withheld(case)
    _, recorded_reasons = recorded_outcome(case)
    reasons = reasons.strip() or recorded_reasons.strip()
    return {
        "outcome": chosen.value,
        "done": chosen == Outcome.DONE,
        "outcome_label": OUTCOME_LABELS.get(case.kind, {}).get(chosen, ""),
        "reasons": reasons.strip() or "[the reasons you give when you send this letter]",
        "reasons_given": bool(reasons.strip()),
        "verdict": verdict,
        "applying": verdict.applying,
        "not_applying": verdict.not_applying,
        "applies_to_any": verdict.applies_to_any,
        "activities": [_activity(a) for a in activities],
        "recipients_line": recipients_line(case=case),
        "kept_records": kept_categories(case=case) or _kept_records(case),  # P053: by category after a plan
        "objection_decisions": objection_lines(case),
        "decision_reviews": review_lines(case),
        "withheld": withheld,
        "partial": bool(withheld),
        "must_state": refusal_must_state(today),
        "legal_claims_check": LEGAL_CLAIMS_CHECK,
        "cctv": case.kind == CaseKind.ACCESS_CCTV,
        "nothing_held": nothing_held(case),
        "searched": case.search_tasks.exclude(state=SearchState.NOT_APPLICABLE).count(),  # type: ignore[attr-defined]
        # The requester portal (pledge.rights): the copy of the data is released there, never attached.
        "portal": f"{settings.PLEDGE_SITE_URL.rstrip('/')}{reverse('rights:portal_start')}",
    }


def _withheld(case: Case) -> list[dict[str, str]]:
    """Each exemption recorded on the case, in the general terms the requester is told (never the withheld text)."""
    rows = []
    for decision in case.exemption_decisions.all():
        known = exemption(decision.code)
        rows.append(
            {
                "code": decision.code,
                "title": known.title if known else decision.code,
                "provision": decision.provision,
                "scope": decision.scope,
            }
        )
    return rows


def _activity(activity: ProcessingActivity) -> dict[str, Any]:
    """The Art 15(1)(a)-(h) and 15(2) items for one activity, from its register entry."""
    rule = activity.retention_rule
    recipients = list(activity.recipients.all())
    answers = {a.right: a for a in all_rights(activity_facts(activity))}
    special = [SPECIAL_CATEGORY_LABELS[SpecialCategory(c)] for c in activity.special_categories]
    return {
        "name": activity.name,
        "service": activity.service.name,
        "purposes": "; ".join(activity.purposes),
        "categories": ", ".join([*activity.data_categories, *special]),
        "recipients": "; ".join(f"{r.name} ({r.get_kind_display().lower()})" for r in recipients)
        or "nobody outside the service",
        "retention": f"{rule.plain_english} ({rule.source})" if rule else "",
        "indirect": activity.has_indirect_sources,
        "sources": "; ".join(activity.sources),
        "automated_decision": activity.automated_decision,
        "logic": activity.automated_decision_logic,
        "safeguards": activity.automated_decision_safeguards,
        "transfers": _transfers(activity, recipients),
        "rights": [
            {
                "title": answers[r].title,
                "applies": answers[r].applies,
                "plain": RIGHT_PLAIN_ENGLISH[r],
                "reason": answers[r].reason,
            }
            for r in ART_15_1_E
        ],
        "legislation": "; ".join(activity.legislation),
    }


def _transfers(activity: ProcessingActivity, recipients: list[Any]) -> list[str]:
    """Art 15(2): each holder of the data outside the UK, with the safeguard the transfer relies on."""
    lines = []
    for holder in [*recipients, *activity.systems.all()]:
        if holder.country == "GB":
            continue
        country = country_name(holder.country)
        try:
            mechanism = TransferMechanism(holder.transfer_mechanism or "none")
        except ValueError:
            mechanism = TransferMechanism.NONE
        lines.append(f"{holder.name}, in {country}: protected by {SAFEGUARD_TEXT.get(mechanism, mechanism.value)}")
    return lines


def reasons_required(case: Case, outcome: str) -> bool:
    """Whether the response must give staff's reasons: anything not done as asked, and every decision review."""
    if case.kind not in OUTCOME_LABELS:
        return False
    if case.kind == CaseKind.AUTOMATED_DECISION_REVIEW:
        return True
    chosen = outcome or default_outcome(case)
    return chosen == Outcome.REFUSED or not case_verdict(case).applies_to_any
