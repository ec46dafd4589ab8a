"""The consent ledger: what people agreed to, in which words, when, how, and what they later withdrew or objected to.

UK GDPR Art 7(1) (the controller must be able to demonstrate consent), Art 7(3) (withdrawal as easy as giving),
Art 21(2)-(3) (an objection to direct marketing is absolute) and PECR reg 22 (no electronic marketing without
consent). Events are append-only: a change of mind is a new event, so the ledger is the proof of every past answer.
"""

import hashlib
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.core.models import AppendOnlyError


class Channel(models.TextChoices):
    WEB = "web", "Website"
    EMAIL_LINK = "email_link", "Link in an email"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"
    IN_PERSON = "in_person", "In person"
    API = "api", "Another council system"
    STAFF_FORM = "staff_form", "Staff form"


class PurposeKind(models.TextChoices):
    # P082: a service message is about something the person uses; an opt-out of promotional ones leaves these.
    SERVICE = "service", "Service messages"
    PROMOTIONAL = "promotional", "Council information (promotional)"
    NEWSLETTER = "newsletter", "Newsletter"
    MARKETING = "marketing", "Direct marketing"
    SHARING = "sharing", "Sharing with an outside organisation"


# Kinds that an opt-out of promotional messages or an objection to direct marketing switches off (P079, P082;
# ICO: public-sector promotion sent to individuals is direct marketing, uk-rules M5).
NON_SERVICE_KINDS = frozenset({PurposeKind.PROMOTIONAL, PurposeKind.NEWSLETTER, PurposeKind.MARKETING})


class EventAction(models.TextChoices):
    GIVEN = "given", "Consent given"
    WITHDRAWN = "withdrawn", "Consent withdrawn"
    OBJECTED = "objected", "Objected to direct marketing"
    OPTED_OUT = "opted_out", "Opted out of promotional messages"


class AppendOnlyQuerySet(models.QuerySet[Any]):
    """Refuses bulk changes, so no code path can rewrite what someone agreed to."""

    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("the consent ledger is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("the consent ledger is append-only")


class ConsentPurpose(models.Model):
    """Something a person can agree to: a kind of message, a newsletter list, or sharing with a named recipient."""

    slug = models.CharField(max_length=80, unique=True)  # e.g. "promotional", "newsletter:bins", "marketing:events"
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=PurposeKind.choices)
    recipient = models.CharField(max_length=200, blank=True)  # SHARING only: the outside organisation (P105)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["kind", "slug"]

    def __str__(self) -> str:
        return self.slug


def wording_hash(text: str) -> str:
    """SHA-256 of a wording's text as stored, so anyone can check later that the words shown are the words kept."""
    return hashlib.sha256(text.encode()).hexdigest()


class ConsentWording(models.Model):
    """The exact words shown when asking (P080), one row per version; never changed once written."""

    objects = AppendOnlyQuerySet.as_manager()

    purpose = models.ForeignKey(ConsentPurpose, on_delete=models.PROTECT, related_name="wordings")
    version = models.CharField(max_length=40)
    text = models.TextField()
    text_hash = models.CharField(max_length=64, editable=False)
    notice_version = models.CharField(max_length=40, blank=True)  # the privacy notice version shown alongside
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["purpose", "created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["purpose", "version"], name="consent_wording_version")]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("a consent wording is never changed: add a new version")
        self.text_hash = wording_hash(self.text)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("a consent wording is never deleted")

    def __str__(self) -> str:
        return f"{self.purpose_id} v{self.version}"


class ConsentEvent(models.Model):
    """One thing a person (or their representative, P081) said about a purpose, or about all promotional messages
    or all direct marketing (``purpose`` empty). Append-only: the latest applicable event decides."""

    objects = AppendOnlyQuerySet.as_manager()

    subject = models.CharField(max_length=100, db_index=True)  # pseudonymous id, e.g. "em_<keyed hash>"
    purpose = models.ForeignKey(
        ConsentPurpose, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )  # empty for an opt-out of all promotional messages or an objection to all direct marketing
    action = models.CharField(max_length=20, choices=EventAction.choices)
    wording = models.ForeignKey(ConsentWording, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # Copied from the wording at the time, so the event alone proves what was shown (Art 7(1)).
    wording_version = models.CharField(max_length=40, blank=True)
    wording_hash = models.CharField(max_length=64, blank=True)
    notice_version = models.CharField(max_length=40, blank=True)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor_label = models.CharField(max_length=150)  # who captured it: a username, a system's token name, "web form"
    occurred_at = models.DateTimeField(db_index=True)  # when the person said it (a letter may arrive days later)
    recorded_at = models.DateTimeField(default=timezone.now)
    evidence = models.TextField(blank=True)  # e.g. call reference, letter scanned as document 123
    explicit = models.BooleanField(default=False)  # explicit consent, Art 9(2)(a) (P106)
    # P081: consent given on the person's behalf, kept apart from their own.
    representative_name = models.CharField(max_length=200, blank=True)
    representative_relationship = models.CharField(max_length=200, blank=True)
    representative_authority = models.TextField(blank=True)

    class Meta:
        ordering = ["occurred_at", "id"]
        indexes = [models.Index(fields=["subject", "occurred_at"], name="consent_subject_time")]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("the consent ledger is append-only: record a new event instead")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("the consent ledger is append-only")

    @property
    def by_representative(self) -> bool:
        return bool(self.representative_name)

    @property
    def scope(self) -> str:
        """What the event is about, in words."""
        if self.purpose_id is not None and self.purpose is not None:
            return self.purpose.name
        if self.action == EventAction.OBJECTED:
            return "All direct marketing"
        return "All promotional messages"

    def __str__(self) -> str:
        return f"consent event {self.pk}: {self.action}"
