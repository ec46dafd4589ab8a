"""What the case page shows under "Exemptions and refusals": each decision, and any refusal or fee, as summary rows."""

from typing import Any

from pledge.casework.models import Case
from pledge.law.exemptions import exemption


def exemption_rows(case: Case) -> list[dict[str, Any]]:
    """One heading and summary-list rows per exemption decision, oldest first."""
    decisions = []
    for decision in case.exemption_decisions.select_related("decided_by"):
        known = exemption(decision.code)
        title = known.title if known else decision.code
        rows = [
            _text("Provision", decision.provision + ("" if known is None or known.verified else " (not verified)")),
            _text("Information covered", decision.scope),
            _text("Reasoning", decision.reasoning),
            _text("Decided", f"{decision.decided_on:%-d %B %Y} by {decision.decided_by.get_username()}"),
        ]
        if decision.third_party_consent:
            reasonable = {True: "Yes", False: "No", None: "Not recorded"}[decision.reasonable_without_consent]
            rows += [
                _text("Other person's consent", decision.get_third_party_consent_display()),
                _text("Reasonable to disclose without consent", reasonable),
                _text("Factors weighed", decision.third_party_factors),
            ]
        if decision.professional_consulted:
            consulted = f"{decision.professional_consulted}, {decision.professional_consulted_on:%-d %B %Y}"
            rows.append(_text("Professional opinion", consulted))
        decisions.append({"title": f"{title} ({decision.code})", "rows": rows})
    return decisions


def refusal_rows(case: Case) -> list[dict[str, Any]]:
    """Summary-list rows for a refusal and a fee, empty when there is neither."""
    rows = []
    if case.refusal_ground:
        rows += [
            _text("Refused", f"{case.refused_on:%-d %B %Y}: {case.get_refusal_ground_display()}"),
            _text("Reasons given", case.refusal_reasons),
        ]
    if case.fee_amount is not None:
        received = f"received {case.fee_received_on:%-d %B %Y}" if case.fee_received_on else "not received yet"
        rows += [
            _text("Fee charged", f"£{case.fee_amount:.2f}, asked for {case.fee_requested_on:%-d %B %Y}, {received}"),
            _text("Reasons for the fee", case.fee_reasons),
        ]
    return rows


def _text(key: str, value: str) -> dict[str, str]:
    return {"key": key, "value": value}
