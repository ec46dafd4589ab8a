"""The detail page's summary rows: what was disclosed, to whom, on what legal route, who asked and who decided
(P111). Only the fields that apply to the entry's kind and route are shown."""

from typing import Any

from django.utils import timezone

from pledge.disclosures.models import Disclosure, LegalRoute
from pledge.disclosures.telling import basis_sentence


def _when(moment: Any) -> str:
    return f"{timezone.localtime(moment):%-d %B %Y at %H:%M}" if moment else ""


def summary_rows(entry: Disclosure) -> list[dict[str, str]]:
    """``[{key, value}]`` for the GOV.UK summary list, leaving out what is empty."""
    rows = [
        ("Kind", entry.get_kind_display()),
        ("Status", entry.get_status_display()),
        ("Recipient", entry.recipient_label + ("" if entry.recipient else " (not in the register)")),
        ("Their reference", entry.requester_reference),
        ("Processing activity", entry.activity.name if entry.activity else ""),
        ("Sharing agreement", entry.agreement.title if entry.agreement else ""),
        ("Purpose", entry.purpose),
        ("Information disclosed", "; ".join(entry.data_items)),
        ("Special category data", "Yes" if entry.special_category else "No"),
        ("For the recipient's marketing", "Yes" if entry.for_marketing else ""),
        ("Why each item is necessary", entry.necessity),
        ("Minimum data released", entry.minimum_data),
        ("People concerned", _people(entry)),
        ("Legal route", entry.get_route_display() + ("" if entry.consensual else " (without consent)")),
        ("Basis", basis_sentence(entry)),
        ("Consent on the ledger", entry.consent_basis),
        ("Art 9(2) condition", entry.get_art9_condition_display() if entry.art9_condition else ""),
        ("Justification", entry.justification),
        ("Risk", entry.get_risk_category_display() if entry.risk_category else ""),
        ("Consent sought", _sought(entry)),
        ("Disclosed before approval (urgent)", _when(entry.disclosed_at) if entry.urgent else ""),
        ("Court", entry.court_name),
        ("Dataset", entry.dataset),
        ("Records uploaded", f"{entry.record_count:,}" if entry.record_count is not None else ""),
        ("Upload date", f"{entry.bulk_on:%-d %B %Y}" if entry.bulk_on else ""),
        ("Logged by", f"{entry.requested_by.get_username()} on {_when(entry.requested_at)}"),
        (
            "Approved by",
            f"{entry.approved_by.get_username()} on {_when(entry.approved_at)}" if entry.approved_by else "",
        ),
        ("Refused by", f"{entry.refused_by.get_username()} on {_when(entry.refused_at)}" if entry.refused_by else ""),
        ("Reason for refusal", entry.refusal_reason),
        ("Amends", entry.amends.reference if entry.amends else ""),
        ("What the amendment corrects", entry.amendment_reason),
    ]
    return [{"key": key, "value": value} for key, value in rows if value]


def _people(entry: Disclosure) -> str:
    parts = []
    if entry.subject_ids:
        count = len(entry.subject_ids)
        parts.append(f"{count} people on the consent ledger" if count > 1 else "1 person on the consent ledger")
    if entry.case:
        parts.append(f"case {entry.case.reference}")
    return ", ".join(parts)


def _sought(entry: Disclosure) -> str:
    if entry.route == LegalRoute.CONSENT or entry.consent_sought is None:
        return ""
    if entry.consent_sought:
        return "Yes"
    return f"No: {entry.get_consent_not_sought_reason_display()}"
