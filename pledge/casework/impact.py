"""What acting on a request may mean for the services a person receives (promise P067).

Erasing, restricting, objecting to or withdrawing consent for processing can delay or stop a service, for
example when the council can no longer check entitlement (UK GDPR Art 13(2)(e): the consequences of not
providing data). The resident is warned on the request form and in the acknowledgement, and the
acknowledgement names the consequences the register records for the activities the request concerns.
"""

from typing import Any

from pledge.casework.models import CaseKind

SERVICE_IMPACT_KINDS = frozenset(
    {CaseKind.ERASURE, CaseKind.RESTRICTION, CaseKind.OBJECTION, CaseKind.CONSENT_WITHDRAWAL}
)
SERVICE_IMPACT_WARNING = (
    "If we delete, limit or stop using information about you, it may delay or prevent us providing a service "
    "to you, for example if we can no longer check your entitlement or contact you. We will tell you if this "
    "applies before we act, and what it would mean for the services you use."
)


def has_service_impact(kind: str) -> bool:
    """True for the kinds of request whose outcome can change a service the person receives."""
    return kind in SERVICE_IMPACT_KINDS


def impact_lines(case: Any) -> list[str]:
    """'Council tax support (Council tax): without it we cannot ...' for each activity of the case whose register
    entry says what happens without the data; empty for kinds that change no service."""
    if not has_service_impact(case.kind) or case.pk is None:
        return []
    lines = []
    for activity in case.activities.select_related("service").order_by("service__name", "name"):
        consequence = activity.provision_consequences.strip()
        if consequence:
            lines.append(f"{activity.name} ({activity.service.name}): {consequence}")
    return lines
