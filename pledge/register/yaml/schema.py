"""The shape of the register YAML: every entity, its fields, their types and which are required.

One table drives validation, import, export and the schema documentation, so they cannot drift apart.
"""

from dataclasses import dataclass
from enum import StrEnum

from pledge.core.roles import Role
from pledge.law.adequacy import TransferMechanism
from pledge.law.bases import Art9Condition, LawfulBasis, SpecialCategory
from pledge.law.schedule1 import SCHEDULE_1


class Kind(StrEnum):
    STR = "string"
    TEXT = "text"
    STRS = "list of strings"
    BOOL = "true or false"
    DATE = "date (YYYY-MM-DD)"
    INT = "whole number"
    CHOICE = "one of"
    CHOICES = "list, each one of"
    REF = "reference to"
    REFS = "list of references to"
    LINKS = "list of {title, url}"
    SECTIONS = "list of {title, text}"


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    target: str = ""  # the entity a REF/REFS points at
    help: str = ""


CONTROLLER_KINDS = ("council", "councillor", "ero", "coroner", "joint", "other")
RECIPIENT_KINDS = ("processor", "public_body", "partner", "internal", "controller", "other")
RETENTION_TRIGGERS = (
    "created",
    "case_closed",
    "account_closed",
    "tenancy_ended",
    "date_of_birth",
    "last_contact",
    "event",
    "end_of_financial_year",
    "end_of_tax_year",
)
RETENTION_ACTIONS = ("destroy", "anonymise", "review", "archive")
STATUSES = ("draft", "submitted", "approved")
PROVISION = ("statutory", "contractual", "condition", "voluntary", "not_applicable")


def _values(enum: type[StrEnum]) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


ENTITIES: dict[str, tuple[Field, ...]] = {
    "controllers": (
        Field("slug", Kind.STR, True),
        Field("name", Kind.STR, True, help="legal name"),
        Field("kind", Kind.CHOICE, True, CONTROLLER_KINDS),
        Field("address", Kind.TEXT, True),
        Field("email", Kind.STR, True),
        Field("phone", Kind.STR, True),
        Field("website", Kind.STR),
        Field("ico_registration", Kind.STR, True, help="ICO registration number, e.g. ZA123456"),
        Field("ico_registration_fictional", Kind.BOOL),
        Field("ico_renewal_on", Kind.DATE),
        Field("dpo_name", Kind.STR, True),
        Field("dpo_email", Kind.STR, True),
        Field("dpo_phone", Kind.STR),
        Field("dpo_address", Kind.TEXT, True),
        Field("complaints_url", Kind.STR),
        Field("policy_documents", Kind.LINKS),
        Field("extra_sections", Kind.SECTIONS, help="council-defined sections printed after the statutory ones"),
    ),
    "recipients": (
        Field("slug", Kind.STR, True),
        Field("name", Kind.STR, True),
        Field("kind", Kind.CHOICE, True, RECIPIENT_KINDS),
        Field("description", Kind.STR),
        Field("country", Kind.STR, help="ISO 3166 two-letter code; GB when omitted"),
        Field("transfer_mechanism", Kind.CHOICE, False, _values(TransferMechanism)),
        Field("contract_reference", Kind.STR),
        Field("contract_start", Kind.DATE),
        Field("contract_end", Kind.DATE),
        Field("transfer_risk_assessment", Kind.STR),
        Field("ico_advice_reference", Kind.STR, help="ICO advice on a transfer without an Art 46 safeguard"),
        Field("ico_advice_on", Kind.DATE),
        Field("contacts_residents", Kind.BOOL, help="the recipient may contact residents itself (P083)"),
        Field("opt_out_contact", Kind.STR, help="how a resident opts out of the recipient's own messages"),
    ),
    "systems": (
        Field("slug", Kind.STR, True),
        Field("name", Kind.STR, True),
        Field("owner_role", Kind.STR),
        Field("supplier", Kind.STR),
        Field("country", Kind.STR, help="ISO 3166 two-letter code where the data is stored; GB when omitted"),
        Field("transfer_mechanism", Kind.CHOICE, False, _values(TransferMechanism)),
        Field("transfer_risk_assessment", Kind.STR),
        Field("ico_advice_reference", Kind.STR, help="ICO advice on a transfer without an Art 46 safeguard"),
        Field("ico_advice_on", Kind.DATE),
        Field("security_measures", Kind.STRS),
        Field("surveillance", Kind.BOOL, help="CCTV, ANPR, body-worn cameras"),
        Field("operator", Kind.STR),
        Field("sites", Kind.STRS),
        Field("code_of_practice_url", Kind.STR),
        Field("footage_retention_days", Kind.INT),
    ),
    "sharing_agreements": (
        Field("slug", Kind.STR, True),
        Field("title", Kind.STR, True),
        Field("parties", Kind.STRS, True),
        Field("reference", Kind.STR),
        Field("starts_on", Kind.DATE),
        Field("review_on", Kind.DATE),
        Field("expires_on", Kind.DATE),
        Field("purposes", Kind.STRS),
        Field("legal_basis", Kind.TEXT, help="the power or duty that allows the sharing"),
        Field("data_shared", Kind.STRS),
        Field("security", Kind.STRS),
        Field("document_url", Kind.STR),
        Field("recipients", Kind.REFS, target="recipients"),
        Field("dpia_reference", Kind.STR, help="the DPIA screening or assessment for the sharing (P120)"),
        Field("no_dpia_reason", Kind.TEXT, help="why screening found no DPIA needed"),
    ),
    "retention_rules": (
        Field("slug", Kind.STR, True),
        Field("name", Kind.STR, True),
        Field("trigger", Kind.CHOICE, True, RETENTION_TRIGGERS),
        Field("years", Kind.INT),
        Field("months", Kind.INT),
        Field("days", Kind.INT),
        Field("action", Kind.CHOICE, False, RETENTION_ACTIONS),
        Field("source", Kind.STR, True, help="the law or guidance that sets the period"),
    ),
    "services": (
        Field("slug", Kind.STR, True),
        Field("name", Kind.STR, True),
        Field("controller", Kind.REF, True, target="controllers"),
        Field("summary", Kind.TEXT, True),
        Field("owner_role", Kind.STR, True),
        Field("review_by", Kind.DATE),
        Field("activities", Kind.REFS, True, target="activities", help="list of processing activities"),
    ),
    "internal_flows": (
        Field("slug", Kind.STR, True),
        Field("from_service", Kind.REF, True, target="services"),
        Field("to_service", Kind.REF, True, target="services"),
        Field("purposes", Kind.STRS, True),
        Field("data_categories", Kind.STRS, True),
        Field("legislation", Kind.STRS, help="the law that allows or requires the flow, where there is one"),
    ),
    "activities": (
        Field("slug", Kind.STR, True),
        Field("name", Kind.STR, True),
        Field("status", Kind.CHOICE, False, STATUSES),
        Field("effective_from", Kind.DATE),
        Field("review_by", Kind.DATE),
        Field("owner_role", Kind.CHOICE, False, _values(Role)),
        Field("purposes", Kind.STRS, True),
        Field("lawful_basis", Kind.CHOICE, True, _values(LawfulBasis)),
        Field("legislation", Kind.STRS),
        Field("legitimate_interests", Kind.TEXT),
        Field("vital_interests_justification", Kind.TEXT),
        Field("consent_withdrawal_route", Kind.STR),
        Field("consent_as_safeguard", Kind.BOOL),
        Field("data_subjects", Kind.STRS, True),
        Field("data_categories", Kind.STRS, True),
        Field("special_categories", Kind.CHOICES, False, _values(SpecialCategory)),
        Field("art9_condition", Kind.CHOICE, False, _values(Art9Condition)),
        Field("schedule1_conditions", Kind.CHOICES, False, tuple(SCHEDULE_1)),
        Field("criminal_offence_data", Kind.BOOL),
        Field("appropriate_policy_document", Kind.STR),
        Field("sources", Kind.STRS, True),
        Field("publicly_accessible_sources", Kind.BOOL),
        Field("collection_channels", Kind.STRS),
        Field("provision_requirement", Kind.CHOICE, False, PROVISION),
        Field("provision_consequences", Kind.TEXT),
        Field("recipients", Kind.REFS, target="recipients"),
        Field("sharing_agreements", Kind.REFS, target="sharing_agreements"),
        Field("systems", Kind.REFS, target="systems"),
        Field("retention_rule", Kind.REF, target="retention_rules"),
        Field("automated_processing", Kind.BOOL),
        Field("direct_marketing", Kind.BOOL),
        Field("automated_decision", Kind.BOOL),
        Field("automated_decision_logic", Kind.TEXT),
        Field("automated_decision_safeguards", Kind.TEXT),
        Field("outside_public_tasks", Kind.BOOL),
        Field("on_behalf_of", Kind.STR),
        Field("law_enforcement", Kind.BOOL),
        Field("dpia_reference", Kind.STR),
    ),
}

SINGULAR = {
    "controllers": "controller",
    "recipients": "recipient",
    "systems": "system",
    "sharing_agreements": "sharing agreement",
    "retention_rules": "retention rule",
    "services": "service",
    "activities": "activity",
    "internal_flows": "internal flow",
}

TOP_LEVEL = (
    "controllers",
    "recipients",
    "systems",
    "sharing_agreements",
    "retention_rules",
    "services",
    "internal_flows",
)


def field_map(entity: str) -> dict[str, Field]:
    return {f.name: f for f in ENTITIES[entity]}
