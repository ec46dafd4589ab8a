"""Staff roles and what each may do.

One table answers every permission question, so a view or API route never compares role strings itself.
"""

from enum import StrEnum

from django.db import models


class Role(models.TextChoices):
    DPO = "dpo", "Data Protection Officer"
    IG_OFFICER = "ig_officer", "Information governance officer"
    CASEWORKER = "caseworker", "Caseworker"
    SERVICE_LEAD = "service_lead", "Service lead"
    AUDITOR = "auditor", "Read-only auditor"


class Permission(StrEnum):
    VIEW_REGISTER = "view_register"
    EDIT_REGISTER = "edit_register"
    APPROVE_REGISTER = "approve_register"
    PUBLISH_NOTICES = "publish_notices"
    AUDIT_NOTICES = "audit_notices"
    VIEW_AUDIT_LOG = "view_audit_log"
    VIEW_ENQUIRIES = "view_enquiries"
    MANAGE_TOKENS = "manage_tokens"
    VIEW_CASES = "view_cases"
    HANDLE_CASES = "handle_cases"
    # Reading Art 18 restrictions (staff page, and other council systems' tokens through the API).
    VIEW_RESTRICTIONS = "view_restrictions"
    # Any member of staff reports a suspected breach (P121); the DPO and IG officers assess and decide (Arts 33, 34).
    REPORT_BREACH = "report_breach"
    MANAGE_BREACHES = "manage_breaches"
    # The consent ledger: reading it (staff, and other council systems' tokens asking before they act), and keying
    # in a consent or an opt-out given by phone, letter or in person (P079).
    VIEW_CONSENT = "view_consent"
    RECORD_CONSENT = "record_consent"
    # Newsletter lists, issues and sends; the cookie register and its banner.
    MANAGE_NEWSLETTERS = "manage_newsletters"
    MANAGE_COOKIES = "manage_cookies"
    # The disclosure log: anyone handling cases logs a disclosure; a senior role approves it (P109, P114).
    VIEW_DISCLOSURES = "view_disclosures"
    LOG_DISCLOSURES = "log_disclosures"
    APPROVE_DISCLOSURES = "approve_disclosures"
    # The retention schedule's disposal runs, certificates and legal holds.
    VIEW_RETENTION = "view_retention"
    MANAGE_RETENTION = "manage_retention"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.DPO: frozenset(Permission),
    Role.IG_OFFICER: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.EDIT_REGISTER,
            Permission.PUBLISH_NOTICES,
            Permission.AUDIT_NOTICES,
            Permission.VIEW_AUDIT_LOG,
            Permission.VIEW_ENQUIRIES,
            Permission.VIEW_CASES,
            Permission.HANDLE_CASES,
            Permission.VIEW_RESTRICTIONS,
            Permission.REPORT_BREACH,
            Permission.MANAGE_BREACHES,
            Permission.VIEW_CONSENT,
            Permission.RECORD_CONSENT,
            Permission.MANAGE_NEWSLETTERS,
            Permission.MANAGE_COOKIES,
            Permission.VIEW_DISCLOSURES,
            Permission.LOG_DISCLOSURES,
            Permission.APPROVE_DISCLOSURES,
            Permission.VIEW_RETENTION,
            Permission.MANAGE_RETENTION,
        }
    ),
    # Caseworkers handle rights requests; from the register they need only to read.
    Role.CASEWORKER: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.VIEW_CASES,
            Permission.HANDLE_CASES,
            Permission.VIEW_RESTRICTIONS,
            Permission.REPORT_BREACH,
            Permission.VIEW_CONSENT,
            Permission.RECORD_CONSENT,
            Permission.VIEW_DISCLOSURES,
            Permission.LOG_DISCLOSURES,
        }
    ),
    # Service leads edit drafts for their own services only (see ``can_edit_service``).
    # A service lead is the senior officer who approves a disclosure of their service's data (P109, P114).
    Role.SERVICE_LEAD: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.EDIT_REGISTER,
            Permission.REPORT_BREACH,
            Permission.VIEW_DISCLOSURES,
            Permission.APPROVE_DISCLOSURES,
            Permission.VIEW_RETENTION,
        }
    ),
    Role.AUDITOR: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.VIEW_AUDIT_LOG,
            Permission.AUDIT_NOTICES,
            Permission.VIEW_CASES,
            Permission.VIEW_RESTRICTIONS,
            Permission.REPORT_BREACH,
            Permission.VIEW_CONSENT,
            Permission.VIEW_DISCLOSURES,
            Permission.VIEW_RETENTION,
        }
    ),
}


def role_grants(role: str | None, permission: Permission) -> bool:
    """True when ``role`` carries ``permission``; an unknown or missing role carries nothing."""
    try:
        return role is not None and permission in _GRANTS[Role(role)]
    except ValueError:
        return False


def roles_with(permission: Permission) -> list[Role]:
    """The roles that carry ``permission``, for documentation and tests."""
    return [role for role, grants in _GRANTS.items() if permission in grants]
