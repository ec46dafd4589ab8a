"""Privacy notices and their immutable published versions (UK GDPR Arts 12-14)."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.register.models import Controller, Service


class NoticeScope(models.TextChoices):
    GENERAL = "general", "General notice for the whole council"
    CONTROLLER = "controller", "Notice of a separate controller"
    SERVICE = "service", "Notice for one service"


class Notice(models.Model):
    """A privacy notice with a stable public address; its text lives in versions."""

    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=200)
    scope = models.CharField(max_length=20, choices=NoticeScope.choices)
    controller = models.ForeignKey(Controller, on_delete=models.PROTECT, related_name="notices")
    service = models.ForeignKey(Service, null=True, blank=True, on_delete=models.PROTECT, related_name="notices")

    class Meta:
        ordering = ["scope", "title"]

    def __str__(self) -> str:
        return self.title

    def current_version(self, *, on: Any = None) -> "NoticeVersion | None":
        """The version in force on ``on`` (today by default)."""
        day = on or timezone.localdate()
        return self.versions.filter(effective_from__lte=day).order_by("-number").first()


class ImmutableVersionError(RuntimeError):
    """A published notice version is never changed or deleted."""


class NoticeVersion(models.Model):
    """A published version: frozen content, an effective date and a change summary."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    effective_from = models.DateField()
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT)
    change_summary = models.CharField(max_length=500)
    document = models.JSONField()
    text = models.TextField()
    content_hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["notice", "-number"]
        constraints = [models.UniqueConstraint(fields=["notice", "number"], name="one_number_per_notice_version")]

    def __str__(self) -> str:
        return f"{self.notice.title} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise ImmutableVersionError("published notice versions cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ImmutableVersionError("published notice versions cannot be deleted")
