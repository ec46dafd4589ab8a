"""Screenings and DPIAs (UK GDPR Art 35), linked to the register's processing activities."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.law.dpia import Likelihood, Outcome, RiskLevel, Severity, risk_level


class ScreeningOutcome(models.TextChoices):
    REQUIRED = Outcome.REQUIRED.value, "DPIA required"
    RECOMMENDED = Outcome.RECOMMENDED.value, "DPIA recommended"
    NOT_NEEDED = Outcome.NOT_NEEDED.value, "DPIA not needed"


class Screening(models.Model):
    """One screening of an activity: the answers, the outcome and why. The latest one counts."""

    activity = models.ForeignKey(
        "register.ProcessingActivity", on_delete=models.CASCADE, related_name="dpia_screenings"
    )
    answers = models.JSONField(default=list)
    outcome = models.CharField(max_length=20, choices=ScreeningOutcome.choices)
    reasons = models.JSONField(default=list)
    notes = models.TextField(blank=True)
    screened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    screened_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-screened_at", "-id"]

    def __str__(self) -> str:
        return f"screening {self.pk} of {self.activity_id}"


class DpiaState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED_OFF = "signed_off", "Signed off"


LIKELIHOOD_CHOICES = [(v.value, v.value.capitalize()) for v in Likelihood]
SEVERITY_CHOICES = [(v.value, v.value.capitalize()) for v in Severity]


class Dpia(models.Model):
    """The assessment (Art 35(7)): what and why, necessity and proportionality, risks and measures, DPO advice."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    title = models.CharField(max_length=200)
    activities = models.ManyToManyField("register.ProcessingActivity", related_name="dpias")
    description = models.TextField()  # Art 35(7)(a): the processing and its purposes
    necessity = models.TextField(blank=True)  # Art 35(7)(b): necessity and proportionality
    consultation = models.TextField(blank=True)  # Art 35(9): the views of the people affected, where sought
    dpo_advice = models.TextField(blank=True)  # Art 35(2): the DPO's advice, recorded
    dpo_advice_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=20, choices=DpiaState.choices, default=DpiaState.DRAFT)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)  # Art 35(11): reviewed when the risk changes
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "DPIA"

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"


class DpiaRisk(models.Model):
    """A risk to people (Art 35(7)(c)) and the measures against it (Art 35(7)(d)), before and after."""

    dpia = models.ForeignKey(Dpia, on_delete=models.CASCADE, related_name="risks")
    description = models.TextField()
    likelihood = models.CharField(max_length=20, choices=LIKELIHOOD_CHOICES)
    severity = models.CharField(max_length=20, choices=SEVERITY_CHOICES)
    mitigation = models.TextField()
    residual_likelihood = models.CharField(max_length=20, choices=LIKELIHOOD_CHOICES)
    residual_severity = models.CharField(max_length=20, choices=SEVERITY_CHOICES)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"risk {self.pk} of {self.dpia_id}"

    @property
    def level(self) -> RiskLevel:
        return risk_level(likelihood=self.likelihood, severity=self.severity)

    @property
    def residual_level(self) -> RiskLevel:
        return risk_level(likelihood=self.residual_likelihood, severity=self.residual_severity)
