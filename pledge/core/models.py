"""Staff accounts, API service tokens and the append-only audit trail."""

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone

from pledge.core.roles import Permission, Role, role_grants


class User(AbstractUser):
    """A member of staff. Residents never hold accounts here; they use the requester portal."""

    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUDITOR)
    # Service leads are scoped to services; the link lives on the register side (Service.leads).
    training_completed_on = models.DateField(null=True, blank=True)

    def has_pledge_permission(self, permission: Permission) -> bool:
        """True when this active user's role carries ``permission``."""
        return self.is_active and role_grants(self.role, permission)


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete an audit row."""


class AuditAction(models.TextChoices):
    CREATE = "create", "Created"
    UPDATE = "update", "Updated"
    DELETE = "delete", "Deleted"
    SUBMIT = "submit", "Submitted for approval"
    APPROVE = "approve", "Approved"
    REJECT = "reject", "Returned to draft"
    PUBLISH = "publish", "Published"
    IMPORT = "import", "Imported"
    EXPORT = "export", "Exported"
    LOGIN = "login", "Signed in"
    LOGOUT = "logout", "Signed out"
    VIEW = "view", "Viewed"
    REFUSE = "refuse", "Refused"


class AppendOnlyQuerySet(models.QuerySet["AuditEvent"]):
    """Refuses bulk changes too, so no code path can rewrite the trail."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events are append-only")


class AuditEvent(models.Model):
    """One append-only row per state change: who, what, when, why, and the before/after."""

    objects = AppendOnlyQuerySet.as_manager()

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    object_type = models.CharField(max_length=80, db_index=True)
    object_ref = models.CharField(max_length=200, db_index=True)
    summary = models.CharField(max_length=500, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("audit events are append-only")


class ServiceToken(models.Model):
    """A bearer token for another council system calling the API. Only a hash is stored."""

    name = models.CharField(max_length=100, unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUDITOR)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @classmethod
    def issue(cls, *, name: str, role: Role) -> tuple["ServiceToken", str]:
        """Create a token and return it with the raw secret, which is shown once and never stored."""
        raw = "pledge_" + secrets.token_urlsafe(32)
        token = cls.objects.create(name=name, role=role, token_hash=cls.hash(raw))
        return token, raw

    def has_pledge_permission(self, permission: Permission) -> bool:
        return self.revoked_at is None and role_grants(self.role, permission)

    def __str__(self) -> str:
        return self.name
