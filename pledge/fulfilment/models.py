"""What a rights request changed, system by system, and who was told (Arts 16-19); objection and automated-decision
decisions, activity by activity (Arts 21-22).

Each row names the register ``System`` and the record's reference in it, never the person's details, so other
council systems can be told which of their records a decision touches. A ``Restriction`` outlives its case: it
stays in force until it is lifted, after the person has been told (Art 18(3)).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.law.automated_decisions import ART22_EXCEPTIONS, REVIEW_RESULT_LABELS
from pledge.law.erasure import ERASURE_GROUNDS, ERASURE_RESULT_LABELS, KEEP_GROUNDS
from pledge.law.objection import CARRY_ON_GROUNDS, OBJECTION_OUTCOME_LABELS
from pledge.law.recipients import NOTICE_OUTCOME_LABELS
from pledge.law.restriction import RESTRICTION_GROUNDS

RESULT_CHOICES = [(result.value, label) for result, label in ERASURE_RESULT_LABELS.items()]
ERASE_GROUND_CHOICES = [(ground.value, info.label) for ground, info in ERASURE_GROUNDS.items()]
OBJECTION_OUTCOME_CHOICES = [(outcome.value, label) for outcome, label in OBJECTION_OUTCOME_LABELS.items()]
CARRY_ON_GROUND_CHOICES = [(ground.value, info.label) for ground, info in CARRY_ON_GROUNDS.items()]
ART22_EXCEPTION_CHOICES = [(exception.value, info.label) for exception, info in ART22_EXCEPTIONS.items()]
REVIEW_RESULT_CHOICES = [(result.value, label) for result, label in REVIEW_RESULT_LABELS.items()]
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
    """Art 17: what was done to one record in one system: erased on an Art 17(1) ground, or kept on an Art 17(3) one.

    Rows recorded before the Art 17(1) ground was asked for have it blank; new erased rows always name it (P052).
    """

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="erasure_outcomes")
    system = models.ForeignKey("register.System", on_delete=models.PROTECT, related_name="erasure_outcomes")
    record_reference = models.CharField(max_length=200)
    result = models.CharField(max_length=20, choices=RESULT_CHOICES)
    erase_ground = models.CharField(max_length=30, choices=ERASE_GROUND_CHOICES, blank=True)
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


class ObjectionDecision(models.Model):
    """Art 21: what was decided about one activity a person objected to: stopped (and how), or carried on (why)."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="objection_decisions")
    activity = models.ForeignKey("register.ProcessingActivity", on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=20, choices=OBJECTION_OUTCOME_CHOICES)
    carry_on_ground = models.CharField(max_length=30, choices=CARRY_ON_GROUND_CHOICES, blank=True)
    reasons = models.TextField(blank=True)  # told to the person; required to carry on
    how_stopped = models.TextField(blank=True)  # which systems or records were flagged; required when stopped
    decided_on = models.DateField()  # when stopped: the date the processing stopped
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decided_on", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "activity"], name="one_objection_decision_per_activity")]

    def __str__(self) -> str:
        return f"Objection decision {self.pk} on case {self.case_id}"


class DecisionReview(models.Model):
    """Arts 22-22D: a person looks again at one automated decision, with what the system used and decided.

    The register has no field for the Art 22(2) exception an activity relies on, so the review records it.
    """

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="decision_reviews")
    activity = models.ForeignKey("register.ProcessingActivity", on_delete=models.PROTECT, related_name="+")
    # The original decision, as staff copied it from the source system.
    original_decided_on = models.DateField()
    original_outcome = models.TextField()
    original_inputs = models.TextField()
    exception = models.CharField(max_length=1, choices=ART22_EXCEPTION_CHOICES)
    exception_law = models.CharField(max_length=300, blank=True)  # for (b): the law that authorises it
    persons_view = models.TextField(blank=True)  # the person's point of view (Art 22C representations)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_up_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    # The new human decision, recorded by the reviewer.
    result = models.CharField(max_length=20, choices=REVIEW_RESULT_CHOICES, blank=True)
    new_decision = models.TextField(blank=True)
    reasons = models.TextField(blank=True)
    decided_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [models.UniqueConstraint(fields=["case", "activity"], name="one_decision_review_per_activity")]

    def __str__(self) -> str:
        return f"Decision review {self.pk} on case {self.case_id}"

    @property
    def decided(self) -> bool:
        return self.decided_on is not None


from pledge.fulfilment.package_models import AccessPackage, AssessmentCopy, FlaggedPassage, PortabilityTransfer  # noqa: E402, F401, I001
from pledge.fulfilment.plan_models import OwnerTask, Plan, PlanStep  # noqa: E402, F401, I001
