"""Writing audit events. Call ``record`` inside the same transaction as the change it describes."""

from typing import Any

from pledge.core.models import AuditAction, AuditEvent


def record(
    *,
    actor: Any,
    action: AuditAction,
    object_type: str,
    object_ref: str,
    summary: str = "",
    before: Any = None,
    after: Any = None,
) -> AuditEvent:
    """Append one audit event; ``actor`` is a User, a ServiceToken, a label string or None for the system."""
    user = actor if getattr(actor, "_meta", None) and actor._meta.label == "core.User" else None
    if user is not None:
        label = user.get_username()
    elif actor is None:
        label = "system"
    else:
        label = str(actor)
    return AuditEvent.objects.create(
        actor=user,
        actor_label=label[:150],
        action=action,
        object_type=object_type,
        object_ref=object_ref[:200],
        summary=summary[:500],
        before=before,
        after=after,
    )
