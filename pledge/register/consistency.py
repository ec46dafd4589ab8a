"""Legal-consistency rules for register entries (UK GDPR Arts 6, 9, 10, 22A-22D, 28, 30, 44-49).

Pure functions over plain dicts (the YAML shape), so the YAML linter, the staff edit form and the API
all apply the same rules. Each finding names the field it belongs to.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pledge.law.adequacy import AdequacyEntry, TransferMechanism, transfer_problem
from pledge.law.bases import ART9_NEEDING_SCHEDULE_1, BASES_NEEDING_LEGISLATION, Art9Condition, LawfulBasis
from pledge.law.schedule1 import SCHEDULE_1

# ICO registration numbers: a Z followed by seven characters, e.g. Z1234567 or ZA123456 (promise P145).
ICO_REGISTRATION = re.compile(r"^Z[A-Z0-9]\d{6}$")
PUBLIC_AUTHORITY_KINDS = frozenset({"council", "ero", "coroner", "councillor"})


@dataclass(frozen=True)
class Finding:
    field: str
    message: str


def check_controller(controller: Mapping[str, Any]) -> list[Finding]:
    """Art 13(1)(a)-(b): a controller needs full contact details, a DPO and a valid ICO registration."""
    findings = []
    registration = str(controller.get("ico_registration") or "")
    if registration and not ICO_REGISTRATION.match(registration):
        findings.append(Finding("ico_registration", f"{registration!r} is not an ICO registration number (Z + 7)"))
    for field in ("address", "email", "phone", "dpo_email", "dpo_address"):
        if not str(controller.get(field) or "").strip():
            findings.append(Finding(field, f"a controller needs {field.replace('_', ' ')} for its privacy notice"))
    return findings


def check_recipient(recipient: Mapping[str, Any], *, today: date, adequacy: dict[str, AdequacyEntry]) -> list[Finding]:
    """Art 28(3): a processor needs a written contract; Arts 44-49: transfers need adequacy or a safeguard."""
    findings = []
    if recipient.get("kind") == "processor":
        if not recipient.get("contract_reference") or not recipient.get("contract_start"):
            findings.append(Finding("contract_reference", "processor without an Art 28 contract (reference and start)"))
        end = recipient.get("contract_end")
        if isinstance(end, date) and end < today:
            findings.append(Finding("contract_end", f"processor contract expired on {end.isoformat()}"))
    if recipient.get("contacts_residents") and not str(recipient.get("opt_out_contact") or "").strip():
        findings.append(
            Finding("opt_out_contact", "a recipient that contacts residents needs the opt-out contact for the notice")
        )
    findings.extend(_transfer_findings(recipient, today=today, adequacy=adequacy))
    return findings


def check_system(system: Mapping[str, Any], *, today: date, adequacy: dict[str, AdequacyEntry]) -> list[Finding]:
    """A system stored outside the UK is a transfer; surveillance needs its code of practice and retention."""
    findings = _transfer_findings(system, today=today, adequacy=adequacy)
    if system.get("surveillance"):
        for field in ("operator", "sites", "code_of_practice_url", "footage_retention_days"):
            if not system.get(field):
                findings.append(Finding(field, f"a surveillance system needs {field.replace('_', ' ')}"))
    return findings


def _transfer_findings(item: Mapping[str, Any], *, today: date, adequacy: dict[str, AdequacyEntry]) -> list[Finding]:
    country = str(item.get("country") or "GB").upper()
    if not re.fullmatch(r"[A-Z]{2}", country):
        return [Finding("country", f"{country!r} is not a two-letter country code")]
    mechanism = TransferMechanism(item.get("transfer_mechanism") or ("uk" if country == "GB" else "none"))
    problem = transfer_problem(country=country, mechanism=mechanism, on=today, adequacy=adequacy)
    findings = [Finding("country", problem)] if problem else []
    if mechanism in (TransferMechanism.IDTA, TransferMechanism.ADDENDUM) and not item.get("transfer_risk_assessment"):
        findings.append(Finding("transfer_risk_assessment", "a restricted transfer needs a transfer risk assessment"))
    return findings


def check_activity(
    activity: Mapping[str, Any],
    *,
    controller_kind: str,
    recipients: Mapping[str, Mapping[str, Any]],
    today: date,
) -> list[Finding]:
    """All the legal-consistency rules for one processing activity."""
    try:
        basis = LawfulBasis(str(activity.get("lawful_basis")))
    except ValueError:
        return []  # the schema check reports the bad basis
    return [
        *_basis_findings(activity, basis, controller_kind),
        *_special_category_findings(activity),
        *_automated_decision_findings(activity, basis),
        *_recipient_findings(activity, recipients, today),
        *(
            [Finding("retention_rule", "activity without a retention rule (Art 5(1)(e), Art 30(1)(f))")]
            if not activity.get("retention_rule")
            else []
        ),
    ]


def _basis_findings(activity: Mapping[str, Any], basis: LawfulBasis, controller_kind: str) -> list[Finding]:
    findings = []
    if basis in BASES_NEEDING_LEGISLATION and not activity.get("legislation"):
        findings.append(Finding("legislation", f"{basis.label} needs the legislation it rests on (Art 6(3))"))
    if basis is LawfulBasis.CONSENT and not activity.get("consent_withdrawal_route"):
        findings.append(Finding("consent_withdrawal_route", "consent basis with no withdrawal route (Art 7(3))"))
    if basis is LawfulBasis.VITAL_INTERESTS and not activity.get("vital_interests_justification"):
        findings.append(Finding("vital_interests_justification", "vital interests needs a written risk justification"))
    if basis is LawfulBasis.LEGITIMATE_INTERESTS and not activity.get("legitimate_interests"):
        findings.append(
            Finding("legitimate_interests", "Art 6(1)(f) needs the legitimate interests stated (Art 13(1)(d))")
        )
    public = controller_kind in PUBLIC_AUTHORITY_KINDS
    if public and basis is LawfulBasis.LEGITIMATE_INTERESTS and not activity.get("outside_public_tasks"):
        findings.append(
            Finding(
                "lawful_basis", "a public task relying on Art 6(1)(f): public authorities cannot (Art 6(1) last para)"
            )
        )
    if public and basis is LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS and not activity.get("outside_public_tasks"):
        findings.append(Finding("lawful_basis", "public authorities cannot rely on Art 6(1)(ea) for their own tasks"))
    return findings


def _special_category_findings(activity: Mapping[str, Any]) -> list[Finding]:
    findings = []
    condition_code = activity.get("art9_condition") or ""
    schedule1 = list(activity.get("schedule1_conditions") or [])
    if activity.get("special_categories"):
        if not condition_code:
            findings.append(Finding("art9_condition", "special category data without an Art 9(2) condition"))
        elif Art9Condition(condition_code) in ART9_NEEDING_SCHEDULE_1 and not schedule1:
            findings.append(
                Finding("schedule1_conditions", f"Art 9(2)({condition_code}) needs a DPA 2018 Sch 1 condition (s.10)")
            )
    if activity.get("criminal_offence_data") and not schedule1:
        findings.append(
            Finding("schedule1_conditions", "criminal offence data without a DPA 2018 Sch 1 condition (s.10(5))")
        )
    needs_apd = [code for code in schedule1 if code in SCHEDULE_1 and SCHEDULE_1[code].needs_policy_document]
    if needs_apd and not activity.get("appropriate_policy_document"):
        findings.append(
            Finding("appropriate_policy_document", f"{', '.join(needs_apd)} needs an appropriate policy document")
        )
    return findings


def _automated_decision_findings(activity: Mapping[str, Any], basis: LawfulBasis) -> list[Finding]:
    if not activity.get("automated_decision"):
        return []
    findings = []
    if not activity.get("automated_decision_logic"):
        findings.append(
            Finding("automated_decision_logic", "automated decision without the logic involved (Art 13(2)(f))")
        )
    if not activity.get("automated_decision_safeguards"):
        findings.append(Finding("automated_decision_safeguards", "automated decision without Art 22C safeguards"))
    if basis is LawfulBasis.RECOGNISED_LEGITIMATE_INTERESTS:
        findings.append(Finding("automated_decision", "Art 22B: no significant automated decision on Art 6(1)(ea)"))
    if activity.get("special_categories") and activity.get("art9_condition") not in ("a", "g"):
        findings.append(
            Finding(
                "automated_decision", "Art 22B: an automated decision on special category data needs 9(2)(a) or (g)"
            )
        )
    return findings


def _recipient_findings(
    activity: Mapping[str, Any], recipients: Mapping[str, Mapping[str, Any]], today: date
) -> list[Finding]:
    findings = []
    for slug in activity.get("recipients") or []:
        recipient = recipients.get(slug)
        if recipient is None or recipient.get("kind") != "processor":
            continue
        end = recipient.get("contract_end")
        if not recipient.get("contract_reference") or (isinstance(end, date) and end < today):
            findings.append(Finding("recipients", f"processor {slug!r} has no current Art 28 contract"))
    return findings


def check_sharing_agreement(agreement: Mapping[str, Any]) -> list[Finding]:
    """P117, P120: an agreement states why the sharing is lawful and what is shared, and links its DPIA or records
    why screening found none needed; it cannot be reviewed after it expires."""
    findings = []
    if not str(agreement.get("legal_basis") or "").strip():
        findings.append(Finding("legal_basis", "a sharing agreement needs the legal basis for the sharing"))
    if not agreement.get("data_shared"):
        findings.append(Finding("data_shared", "a sharing agreement needs the data it shares"))
    if (
        not str(agreement.get("dpia_reference") or "").strip()
        and not str(agreement.get("no_dpia_reason") or "").strip()
    ):
        findings.append(
            Finding("dpia_reference", "a sharing agreement needs its DPIA reference, or no_dpia_reason saying why none")
        )
    review, expiry = agreement.get("review_on"), agreement.get("expires_on")
    if isinstance(review, date) and isinstance(expiry, date) and review > expiry:
        findings.append(Finding("review_on", "the review date is after the agreement expires"))
    return findings


def check_internal_flow(flow: Mapping[str, Any]) -> list[Finding]:
    """A flow goes from one service to a different one, for a stated purpose."""
    if flow.get("from_service") and flow.get("from_service") == flow.get("to_service"):
        return [Finding("to_service", "an internal flow must go to a different service")]
    return []
