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
        }
    ),
    # Service leads edit drafts for their own services only (see ``can_edit_service``).
    Role.SERVICE_LEAD: frozenset({Permission.VIEW_REGISTER, Permission.EDIT_REGISTER, Permission.REPORT_BREACH}),
    Role.AUDITOR: frozenset(
        {
            Permission.VIEW_REGISTER,
            Permission.VIEW_AUDIT_LOG,
            Permission.AUDIT_NOTICES,
            Permission.VIEW_CASES,
            Permission.VIEW_RESTRICTIONS,
            Permission.REPORT_BREACH,
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
