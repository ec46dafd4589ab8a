"""The CCTV footage a subject access request asks for: which system and camera, the time window, whether the
footage was retrieved and preserved, and how other people or vehicles in it were dealt with.

Imported at the end of ``casework.models`` so Django registers it with the casework app.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class RetrievalOutcome(models.TextChoices):
    PRESERVED = "preserved", "Retrieved and preserved"
    OVERWRITTEN = "overwritten", "Not available: already overwritten"
    CAMERA_NOT_WORKING = "camera_not_working", "Not available: the camera was not working"
    NOT_IN_VIEW = "not_in_view", "Not available: the requester was not in view"


class ThirdPartyOutcome(models.TextChoices):
    """Other people or vehicles in the footage (DPA 2018 Sch 2 para 16; ICO CCTV guidance on disclosing images)."""

    NONE_VISIBLE = "none_visible", "No other people or vehicles are visible"
    REDACTED = "redacted", "Others are visible and were redacted (for example blurred)"
    WITHHELD = "withheld", "Footage showing others is withheld under an exemption"


class FootageScope(models.Model):
    """One CCTV request's footage. The system's name and retention are copied so the record reads the same after
    the register changes."""

    case = models.OneToOneField("casework.Case", on_delete=models.CASCADE, related_name="footage_scope")
    system = models.ForeignKey("register.System", null=True, on_delete=models.SET_NULL, related_name="+")
    system_label = models.CharField(max_length=200)
    retention_days = models.PositiveIntegerField()
    location = models.CharField(max_length=200)  # a site from the register or the camera typed in
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()
    long_window_reason = models.TextField(blank=True)
    search_task = models.ForeignKey(
        "casework.SearchTask", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    scoped_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scoped_at = models.DateTimeField(default=timezone.now)
    # The footage-retrieval step.
    retrieval = models.CharField(max_length=30, choices=RetrievalOutcome.choices, blank=True)
    retrieved_on = models.DateField(null=True, blank=True)
    retrieved_by = models.CharField(max_length=200, blank=True)  # often control-room staff without a Pledge login
    retrieval_reason = models.TextField(blank=True)
    retrieval_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    retrieval_recorded_at = models.DateTimeField(null=True, blank=True)
    # The third-party step.
    third_parties = models.CharField(max_length=20, choices=ThirdPartyOutcome.choices, blank=True)
    redaction_method = models.TextField(blank=True)
    exemption = models.ForeignKey(
        "casework.ExemptionDecision", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    third_parties_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    third_parties_recorded_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"footage scope on case {self.case_id}"

    @property
    def footage_preserved(self) -> bool:
        return self.retrieval == RetrievalOutcome.PRESERVED

    @property
    def needs_third_party_step(self) -> bool:
        """Only footage the council holds can show anyone else."""
        return self.footage_preserved and not self.third_parties
