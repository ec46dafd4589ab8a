"""Data protection complaints (DPA 2018 s.164A) and suggestions (promise P125), kept on the shared case engine.

The ``Case`` row holds what every regime has: who complained, how and when it arrived, the state and the
acknowledgement date (``Case.due_on``, from ``pledge.casework.complaint_clock``). This app adds what only a complaint
has: when it was acknowledged, the request it is about, the investigation's steps and the outcome. Letters sent
(acknowledgement, progress updates, outcome) are the case's ``IssuedLetter`` rows, and the timeline is the case's
audit trail, so the records the ICO expects (received, acknowledged, correspondence, steps, outcome) are all there.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.casework.models import Case


class ComplaintLetterKind(models.TextChoices):
    """The values are the complaint regime's ``letter_kinds`` in ``pledge.casework.regimes``."""

    ACKNOWLEDGEMENT = "complaint_acknowledgement", "Acknowledgement of the complaint"
    PROGRESS = "complaint_progress", "Progress update"
    OUTCOME = "complaint_outcome", "Outcome of the complaint"


class Finding(models.TextChoices):
    UPHELD = "upheld", "Upheld: we got it wrong"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld: we handled it correctly"
    NOTED = "noted", "Suggestion noted"


class StepKind(models.TextChoices):
    ENQUIRY = "enquiry", "Enquiry made (for example, of a service or system owner)"
    EVIDENCE = "evidence", "Records or evidence reviewed"
    CONTACT = "contact", "Contact from the complainant"
    OTHER = "other", "Other step"


class Complaint(models.Model):
    """The complaint-only part of a complaint or suggestion case."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="complaint")
    # The request the complaint is about, when the complainant or staff give its reference (optional).
    related_reference = models.CharField(max_length=20, blank=True)
    related_case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.SET_NULL, related_name="complaints_about"
    )
    wanted_outcome = models.TextField(blank=True)  # what the complainant would like us to do, in their words
    acknowledged_on = models.DateField(null=True, blank=True)
    finding = models.CharField(max_length=20, choices=Finding.choices, blank=True)
    findings = models.TextField(blank=True)  # what the investigation found, as told to the complainant
    action_taken = models.TextField(blank=True)  # what the council has done or will do
    outcome_sent_on = models.DateField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Complaint on case {self.case_id}"


class InvestigationStep(models.Model):
    """One step taken to look into a complaint (s.164A(5): "making enquiries"), in the order taken."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=StepKind.choices)
    taken_on = models.DateField()
    description = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["taken_on", "id"]

    def __str__(self) -> str:
        return f"{self.kind} step on complaint {self.complaint_id}"
