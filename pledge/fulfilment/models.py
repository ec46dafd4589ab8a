"""What a rectification, erasure or restriction request changed, system by system, and who was told (Arts 16-19).

Each row names the register ``System`` and the record's reference in it, never the person's details, so other
council systems can be told which of their records a decision touches. A ``Restriction`` outlives its case: it
stays in force until it is lifted, after the person has been told (Art 18(3)).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.law.erasure import ERASURE_RESULT_LABELS, KEEP_GROUNDS
from pledge.law.recipients import NOTICE_OUTCOME_LABELS
from pledge.law.restriction import RESTRICTION_GROUNDS

RESULT_CHOICES = [(result.value, label) for result, label in ERASURE_RESULT_LABELS.items()]
KEEP_GROUND_CHOICES = [(ground.value, info.label) for ground, info in KEEP_GROUNDS.items()]
RESTRICTION_GROUND_CHOICES = [(ground.value, info.label) for ground, info in RESTRICTION_GROUNDS.items()]
NOTICE_OUTCOME_CHOICES = [(outcome.value, label) for outcome, label in NOTICE_OUTCOME_LABELS.items()]


class ContactMethod(models.TextChoices):
    """How someone (a recipient, or the person before a restriction is lifted) was told."""

    EMAIL = "email", "Email"
    LETTER = "letter", "Letter"
    PHONE = "phone", "Phone"
    SECURE_TRANSFER = "secure_transfer", "Secure email or file transfer"


class Correction(models.Model):
    """Art 16: one inaccurate record corrected in one system."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="corrections")
    system = models.ForeignKey("register.System", on_delete=models.PROTECT, related_name="corrections")
    record_reference = models.CharField(max_length=200)
    was = models.TextField()  # what was wrong
    now = models.TextField()  # what it says now
    corrected_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    corrected_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["corrected_on", "id"]

    def __str__(self) -> str:
        return f"Correction {self.pk} on case {self.case_id}"


class Disagreement(models.Model):
    """Art 16 refused: the council holds the data accurate, and the person's statement goes on the record."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="disagreements")
    reasons = models.TextField()  # why the council considers the data accurate (told to the person)
    statement = models.TextField()  # the person's statement of disagreement, as they gave it
    # An optional copy of the statement as the person sent it, kept encrypted in private storage.
    statement_file = models.CharField(max_length=200, blank=True)
    statement_file_name = models.CharField(max_length=150, blank=True)
    statement_file_type = models.CharField(max_length=20, blank=True)
    statement_file_size = models.PositiveIntegerField(null=True, blank=True)
    statement_file_sha256 = models.CharField(max_length=64, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decided_on", "id"]

    def __str__(self) -> str:
        return f"Disagreement {self.pk} on case {self.case_id}"


class StatementAttachment(models.Model):
    """Where a statement of disagreement was attached: the system and the record's reference in it."""

    disagreement = models.ForeignKey(Disagreement, on_delete=models.CASCADE, related_name="attachments")
    system = models.ForeignKey("register.System", on_delete=models.PROTECT, related_name="+")
    record_reference = models.CharField(max_length=200)
    attached_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    attached_on = models.DateField()

    class Meta:
        ordering = ["attached_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["disagreement", "system", "record_reference"], name="one_statement_attachment_per_record"
            )
        ]


class ErasureOutcome(models.Model):
    """Art 17: what was done to one record in one system, with the Art 17(3) ground when it was kept."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="erasure_outcomes")
    system = models.ForeignKey("register.System", on_delete=models.PROTECT, related_name="erasure_outcomes")
    record_reference = models.CharField(max_length=200)
    result = models.CharField(max_length=20, choices=RESULT_CHOICES)
    keep_ground = models.CharField(max_length=30, choices=KEEP_GROUND_CHOICES, blank=True)
    reasons = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    done_on = models.DateField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "system", "record_reference"], name="one_erasure_outcome_per_record"
            )
        ]

    def __str__(self) -> str:
        return f"Erasure outcome {self.pk} on case {self.case_id}"


class RestrictionQuerySet(models.QuerySet["Restriction"]):
    def active(self) -> "RestrictionQuerySet":
        return self.filter(lifted_on__isnull=True)


class Restriction(models.Model):
    """Art 18: a record in a system that may only be stored until the restriction is lifted (Art 18(2))."""

    objects = RestrictionQuerySet.as_manager()

    case = models.ForeignKey("casework.Case", on_delete=models.PROTECT, related_name="restrictions")
    system = models.ForeignKey("register.System", on_delete=models.PROTECT, related_name="restrictions")
    record_reference = models.CharField(max_length=200)
    ground = models.CharField(max_length=1, choices=RESTRICTION_GROUND_CHOICES)
    scope = models.TextField()  # which data or processing is restricted
    started_on = models.DateField()
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Art 18(3): the person is told before the restriction is lifted.
    person_told_on = models.DateField(null=True, blank=True)
    person_told_how = models.CharField(max_length=20, choices=ContactMethod.choices, blank=True)
    lifted_on = models.DateField(null=True, blank=True)
    lifted_reasons = models.TextField(blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["started_on", "id"]
        indexes = [models.Index(fields=["system", "record_reference"])]

    def __str__(self) -> str:
        return f"Restriction {self.pk} on case {self.case_id}"

    @property
    def active(self) -> bool:
        return self.lifted_on is None


class RecipientNotice(models.Model):
    """Art 19: that one recipient was told of the case's changes, or why they were not."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="recipient_notices")
    recipient = models.ForeignKey("register.Recipient", on_delete=models.PROTECT, related_name="notices")
    outcome = models.CharField(max_length=20, choices=NOTICE_OUTCOME_CHOICES)
    told_on = models.DateField(null=True, blank=True)
    method = models.CharField(max_length=20, choices=ContactMethod.choices, blank=True)
    reasons = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "recipient"], name="one_notice_per_case_recipient")]

    def __str__(self) -> str:
        return f"Art 19 notice {self.pk} on case {self.case_id}"
