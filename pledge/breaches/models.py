"""The breach register (UK GDPR Art 33(5); spec uk-rules.md §5): every breach, reported or not, kept for good.

A breach is never deleted (promise P122): ``delete`` raises on the model and its querysets, and the linked case is
protected so a case cannot take its breach with it. Changes go through ``pledge.breaches.services``.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.law.breach import EXCEPTION_LABELS, Art34Exception, Likelihood, RiskLevel, Severity


class BreachKept(Exception):
    """Raised on any attempt to delete a breach: all breaches stay in the register (P122)."""


class BreachState(models.TextChoices):
    REPORTED = "reported", "Reported, not yet assessed"
    ASSESSED = "assessed", "Risk assessed"
    DECIDED = "decided", "ICO decision recorded"
    CLOSED = "closed", "Closed"


class LikelihoodChoice(models.TextChoices):
    REMOTE = Likelihood.REMOTE.value, "Remote: harm is unlikely"
    POSSIBLE = Likelihood.POSSIBLE.value, "Possible"
    LIKELY = Likelihood.LIKELY.value, "Likely"


class SeverityChoice(models.TextChoices):
    MINIMAL = Severity.MINIMAL.value, "Minimal: inconvenience at most"
    SIGNIFICANT = Severity.SIGNIFICANT.value, "Significant: distress, cost or lost opportunity"
    SEVERE = Severity.SEVERE.value, "Severe: danger, discrimination, identity fraud or serious loss"


class RiskLevelChoice(models.TextChoices):
    NONE = RiskLevel.NONE.value, "Unlikely to result in a risk"
    RISK = RiskLevel.RISK.value, "Risk"
    HIGH = RiskLevel.HIGH.value, "High risk"


class IcoDecision(models.TextChoices):
    PENDING = "pending", "Not decided yet"
    NOTIFIED = "notified", "Reported to the ICO"
    NOT_NOTIFIED = "not_notified", "Not reported to the ICO"


class PeopleDecision(models.TextChoices):
    PENDING = "pending", "Not decided yet"
    TOLD = "told", "The people affected were told"
    NOT_TOLD = "not_told", "Not told"


class ExceptionChoice(models.TextChoices):
    UNINTELLIGIBLE = Art34Exception.UNINTELLIGIBLE.value, EXCEPTION_LABELS[Art34Exception.UNINTELLIGIBLE]
    MEASURES_TAKEN = Art34Exception.MEASURES_TAKEN.value, EXCEPTION_LABELS[Art34Exception.MEASURES_TAKEN]
    DISPROPORTIONATE = Art34Exception.DISPROPORTIONATE.value, EXCEPTION_LABELS[Art34Exception.DISPROPORTIONATE]


class NeverDeleteQuerySet(models.QuerySet["Breach"]):
    def delete(self) -> tuple[int, dict[str, int]]:
        raise BreachKept("breaches stay in the register")


class Breach(models.Model):
    """One personal data breach, suspected or confirmed, with its assessment, decisions and response."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    state = models.CharField(max_length=20, choices=BreachState.choices, default=BreachState.REPORTED)
    aware_at = models.DateTimeField(db_index=True)  # the 72 hours run from here (Art 33(1))
    occurred_at = models.DateTimeField(null=True, blank=True)
    detected_by = models.CharField(max_length=300, blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reported_at = models.DateTimeField(default=timezone.now)
    description = models.TextField()
    data_categories = models.TextField()
    special_category = models.BooleanField(default=False)
    criminal_offence = models.BooleanField(default=False)
    people_affected = models.PositiveIntegerField(null=True, blank=True)  # approximate (Art 33(3)(a))
    records_affected = models.PositiveIntegerField(null=True, blank=True)
    likely_consequences = models.TextField(blank=True)  # Art 33(3)(c)
    case = models.ForeignKey("casework.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="breaches")
    # The risk assessment.
    likelihood = models.CharField(max_length=20, choices=LikelihoodChoice.choices, blank=True)
    severity = models.CharField(max_length=20, choices=SeverityChoice.choices, blank=True)
    data_unintelligible = models.BooleanField(default=False)
    risk_level = models.CharField(max_length=10, choices=RiskLevelChoice.choices, blank=True)
    risk_rationale = models.TextField(blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    # The ICO decision (Art 33(1), (5)).
    ico_decision = models.CharField(max_length=20, choices=IcoDecision.choices, default=IcoDecision.PENDING)
    ico_notified_at = models.DateTimeField(null=True, blank=True)
    ico_reference = models.CharField(max_length=100, blank=True)
    ico_delay_reasons = models.TextField(blank=True)
    ico_reasons_not_notified = models.TextField(blank=True)
    ico_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    ico_decided_at = models.DateTimeField(null=True, blank=True)
    # Telling the people affected (Art 34).
    people_decision = models.CharField(max_length=20, choices=PeopleDecision.choices, default=PeopleDecision.PENDING)
    people_told_at = models.DateTimeField(null=True, blank=True)
    people_told_how = models.CharField(max_length=300, blank=True)
    people_exception = models.CharField(max_length=30, choices=ExceptionChoice.choices, blank=True)
    people_reasons = models.TextField(blank=True)
    # The response.
    containment = models.TextField(blank=True)
    lessons = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = NeverDeleteQuerySet.as_manager()

    class Meta:
        ordering = ["-aware_at", "-id"]
        indexes = [models.Index(fields=["state", "aware_at"])]

    def __str__(self) -> str:
        return self.reference

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise BreachKept("breaches stay in the register")

    @property
    def breach_state(self) -> BreachState:
        return BreachState(self.state)

    @property
    def ico_decided(self) -> bool:
        return self.ico_decision != IcoDecision.PENDING


class ActionKind(models.TextChoices):
    CONTAINMENT = "containment", "Containment"
    REMEDIAL = "remedial", "Remedial"


class BreachAction(models.Model):
    """A containment or remedial task with its owner, due date and the date it was done."""

    breach = models.ForeignKey(Breach, on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(max_length=20, choices=ActionKind.choices)
    description = models.TextField()
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="breach_actions")
    due_on = models.DateField(null=True, blank=True)
    done_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} action {self.pk} on {self.breach_id}"


class BreachAlert(models.Model):
    """A reminder the DPO was sent that a breach had no ICO decision after ``hours``; one per threshold."""

    breach = models.ForeignKey(Breach, on_delete=models.PROTECT, related_name="alerts")
    hours = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["breach", "hours"], name="one_breach_alert_per_threshold")]
