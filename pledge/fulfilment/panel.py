"""What the fulfilment panel on a case page shows: the records for the case's kind, and the forms for handlers."""

from typing import Any

from pledge.casework.models import Case
from pledge.fulfilment import applies, services, steps
from pledge.fulfilment.checks import FINISHED
from pledge.fulfilment.decision_panel import objection_context, review_context
from pledge.fulfilment.models import Correction, Disagreement, ErasureOutcome, Restriction
from pledge.fulfilment.notifications import has_outcome_to_tell
from pledge.law.restriction import PERMITTED_PROCESSING, RESTRICTION_GROUNDS, RestrictionGround


def panel_context(case: Case, *, can_handle: bool, user: Any = None) -> dict[str, Any]:
    """The template context for ``fulfilment/panel.html``; empty sections are left out. ``user`` is the reader: only
    the named reviewer of an automated decision is given the form to record the new decision."""
    context: dict[str, Any] = {"case": case, "can_handle": can_handle, "shown": applies.applies_at_all(case)}
    # A finished case takes no new outcomes, but its restrictions can still be lifted and its recipients told.
    can_add = can_handle and case.state not in FINISHED
    if applies.takes_corrections(case):
        context["corrections"] = _corrections(case)
        context["correction_head"] = _head("System", "Record", "What was wrong", "What it says now", "Corrected")
        context["disagreements"] = _disagreements(case, can_handle=can_add)
        if can_add:
            context["correction_form"] = steps.CORRECTION.form(case)
            context["disagreement_form"] = steps.DISAGREEMENT.form(case)
    if applies.takes_erasure_outcomes(case):
        context["erasure_rows"] = _erasure_rows(case)
        context["erasure_head"] = _head("System", "Record", "Outcome", "Ground and reasons", "Done")
        if can_add:
            context["erasure_form"] = steps.ERASURE.form(case)
    if applies.takes_objection_decisions(case):
        context.update(objection_context(case, can_add=can_add))
    if applies.takes_decision_reviews(case):
        context.update(review_context(case, can_add=can_add, user=user))
    if applies.takes_restrictions(case):
        context.update(_restrictions(case, can_handle=can_handle, can_add=can_add))
    if applies.lists_recipients(case):
        context.update(_recipients(case, can_handle=can_handle))
    return context


def _head(*names: str) -> list[dict[str, str]]:
    return [{"text": name} for name in names]


def _corrections(case: Case) -> list[list[dict[str, str]]]:
    found = Correction.objects.filter(case=case).select_related("system", "corrected_by")
    return [
        [
            {"text": c.system.name},
            {"text": c.record_reference},
            {"text": c.was},
            {"text": c.now},
            {"text": f"{c.corrected_on:%-d %B %Y} by {c.corrected_by.get_username()}"},
        ]
        for c in found
    ]


def _disagreements(case: Case, *, can_handle: bool) -> list[dict[str, Any]]:
    found = Disagreement.objects.filter(case=case).select_related("decided_by").prefetch_related("attachments__system")
    return [
        {
            "item": d,
            "rows": [
                {"key": "Decided", "value": f"{d.decided_on:%-d %B %Y} by {d.decided_by.get_username()}"},
                {"key": "Why the council considers the data accurate", "value": d.reasons},
                {"key": "The person's statement", "value": d.statement},
            ],
            "attachments": list(d.attachments.all()),
            "attach_form": steps.ATTACH.form(case, target=d) if can_handle else None,
        }
        for d in found
    ]


def _erasure_rows(case: Case) -> list[list[dict[str, str]]]:
    found = ErasureOutcome.objects.filter(case=case).select_related("system", "recorded_by")
    return [
        [
            {"text": o.system.name},
            {"text": o.record_reference},
            {"text": o.get_result_display()},
            {"text": _erasure_grounds(o)},
            {"text": f"{o.done_on:%-d %B %Y} by {o.recorded_by.get_username()}"},
        ]
        for o in found
    ]


def _erasure_grounds(outcome: ErasureOutcome) -> str:
    """The Art 17(1) ground it was erased on (P052), and for a kept record its Art 17(3) ground and reasons."""
    parts = [outcome.get_erase_ground_display()] if outcome.erase_ground else []
    if outcome.keep_ground:
        parts.append(f"kept under {outcome.get_keep_ground_display()}: {outcome.reasons}")
    elif outcome.reasons:
        parts.append(outcome.reasons)
    if not outcome.erase_ground and outcome.result != "kept":
        parts.insert(0, "No Art 17(1) ground recorded")
    return "; ".join(parts)


def _restrictions(case: Case, *, can_handle: bool, can_add: bool) -> dict[str, Any]:
    found = Restriction.objects.filter(case=case).select_related("system", "started_by", "lifted_by")
    suggested = applies.suggested_ground(case)
    offer = ""
    if suggested == RestrictionGround.ACCURACY_CONTESTED:
        offer = "While the person contests the accuracy of their data, offer to restrict it until it is checked"
    elif suggested == RestrictionGround.OBJECTION_PENDING:
        offer = "While the objection is considered, offer to restrict the data until it is decided"
    rows = [
        {
            "item": r,
            "ground": RESTRICTION_GROUNDS[RestrictionGround(r.ground)].label,
            "lift_form": steps.LIFT.form(case, target=r) if can_handle and r.active else None,
        }
        for r in found
    ]
    context: dict[str, Any] = {
        "restrictions": rows,
        "restriction_offer": f"{offer} ({RESTRICTION_GROUNDS[suggested].provision})." if offer and suggested else "",
        "permitted_processing": PERMITTED_PROCESSING,
    }
    if can_add:
        context["restriction_form"] = steps.RESTRICT.form(case)
    return context


def _recipients(case: Case, *, can_handle: bool) -> dict[str, Any]:
    rows = services.recipients_to_tell(case=case)
    ready = has_outcome_to_tell(case)
    context: dict[str, Any] = {
        "recipient_rows": rows,
        "untold": [row for row in rows if row.untold],
        "art19_ready": ready,
        "recipients_line": services.recipients_line(case=case),
        "has_activities": case.activities.exists(),
    }
    if can_handle and ready and context["untold"]:
        context["notice_form"] = steps.NOTICE.form(case)
    return context
