"""Documents under redaction review, the redactions proposed and decided, and the records some exemptions need.

The redaction log the spec asks for (uk-rules.md §3.2: document, span, code, decision maker, date, reasoning) is
``Redaction`` itself: every proposal is kept with its decision, never deleted, so the log shows what was withheld
and what was released on purpose. Sch 2 para 16 third-party redactions carry a ``BalancingTest``; Sch 3 serious
harm ones a ``HarmConsultation`` with the professional whose opinion was obtained.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.law.exemptions import ThirdPartyConsent
from pledge.redaction.entities import ENTITY_LABELS, EntityType, PersonRole


class DocumentKind(models.TextChoices):
    CASE_NOTE = "case_note", "Case note"
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    WEBCHAT = "webchat", "Webchat transcript"
    SPREADSHEET = "spreadsheet", "Spreadsheet"
    PDF = "pdf", "PDF"
    IMAGE_TEXT = "image_text", "Text found in an image"
    OTHER = "other", "Other document"


class ReviewState(models.TextChoices):
    PROPOSED = "proposed", "Redactions proposed, not yet reviewed"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Redactions approved for release"


class Decision(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACCEPTED = "accepted", "Redact"
    REJECTED = "rejected", "Release (do not redact)"


class Origin(models.TextChoices):
    DETECTED = "detected", "Found by the detector"
    ADDED = "added", "Added by a caseworker"


class ExemptionCode(models.TextChoices):
    """The exemptions of DPA 2018 Schs 2-3 a redaction can rest on (spec §3.2; ``pledge.law.exemptions``)."""

    THIRD_PARTY = "THIRD_PARTY", "Third-party data (Sch 2 para 16)"
    THIRD_PARTY_PROFESSIONAL = "THIRD_PARTY_PROFESSIONAL", "Health, social work or education worker (Sch 2 para 17)"
    CRIME_TAX = "CRIME_TAX", "Crime and taxation (Sch 2 para 2)"
    LEGAL_PRIVILEGE = "LEGAL_PRIVILEGE", "Legal professional privilege (Sch 2 para 19)"
    MGMT_FORECAST = "MGMT_FORECAST", "Management forecasts (Sch 2 para 22)"
    NEGOTIATIONS = "NEGOTIATIONS", "Negotiations with the requester (Sch 2 para 23)"
    CONF_REFERENCE = "CONF_REFERENCE", "Confidential reference (Sch 2 para 24)"
    EXAM = "EXAM", "Exam scripts and marks (Sch 2 paras 25-26)"
    HEALTH_SERIOUS_HARM = "HEALTH_SERIOUS_HARM", "Health data: serious harm (Sch 3 Pt 2)"
    SOCIAL_WORK_SERIOUS_HARM = "SOCIAL_WORK_SERIOUS_HARM", "Social work data: serious harm (Sch 3 Pt 3)"
    EDUCATION_SERIOUS_HARM = "EDUCATION_SERIOUS_HARM", "Education data: serious harm (Sch 3 Pt 4)"
    CHILD_ABUSE = "CHILD_ABUSE", "Child abuse data (Sch 3 Pt 5)"


SERIOUS_HARM_CODES = frozenset(
    {ExemptionCode.HEALTH_SERIOUS_HARM, ExemptionCode.SOCIAL_WORK_SERIOUS_HARM, ExemptionCode.EDUCATION_SERIOUS_HARM}
)


class Professional(models.TextChoices):
    HEALTH = "health", "Health professional"
    SOCIAL_WORKER = "social_worker", "Social worker"
    TEACHER = "teacher", "Teacher or education worker"


class Document(models.Model):
    """A document in a response, as text, with its review state; the released PDF is built from it on demand."""

    case = models.ForeignKey("casework.Case", on_delete=models.CASCADE, related_name="redaction_documents")
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=DocumentKind.choices, default=DocumentKind.CASE_NOTE)
    text = models.TextField()
    state = models.CharField(max_length=20, choices=ReviewState.choices, default=ReviewState.PROPOSED)
    scanned_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["case_id", "id"]

    def __str__(self) -> str:
        return f"document {self.pk} on case {self.case_id}"


class Redaction(models.Model):
    """One span of a document: proposed by the detector or added by a caseworker, then accepted or rejected."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="redactions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    entity_type = models.CharField(max_length=40, choices=[(e.value, label) for e, label in ENTITY_LABELS.items()])
    person_role = models.CharField(max_length=20, choices=[(r.value, r.label) for r in PersonRole])
    score = models.FloatField(default=1.0)
    detector_reason = models.TextField(blank=True)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.DETECTED)
    proposed = models.BooleanField(default=True)  # the detector's proposal: redact (third party) or keep
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.PROPOSED)
    exemption_code = models.CharField(max_length=40, choices=ExemptionCode.choices, blank=True)
    exemption_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["document_id", "start", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="redaction_span")]

    def __str__(self) -> str:
        return f"redaction {self.pk} ({self.entity_type}) in document {self.document_id}"

    @property
    def entity(self) -> EntityType:
        return EntityType(self.entity_type)

    @property
    def will_be_redacted(self) -> bool:
        """What the released file does: the decision when made, otherwise the detector's proposal."""
        if self.decision == Decision.PROPOSED:
            return self.proposed
        return self.decision == Decision.ACCEPTED


class BalancingTest(models.Model):
    """DPA 2018 Sch 2 para 16(2)-(3): consent, and whether disclosure without it is reasonable, with the factors."""

    redaction = models.OneToOneField(Redaction, on_delete=models.CASCADE, related_name="balancing_test")
    consent = models.CharField(max_length=20, choices=[(c.value, c.value.replace("_", " ")) for c in ThirdPartyConsent])
    type_of_information = models.TextField(blank=True)
    duty_of_confidentiality = models.TextField(blank=True)
    steps_to_seek_consent = models.TextField(blank=True)
    capacity_to_consent = models.TextField(blank=True)
    express_refusal = models.BooleanField(default=False)
    reasonable_without_consent = models.BooleanField(null=True, blank=True)
    conclusion = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"balancing test for redaction {self.redaction_id}"


class HarmConsultation(models.Model):
    """DPA 2018 Sch 3: the opinion of the appropriate professional that disclosure would be likely to cause serious
    harm (an opinion under six months old may be reused: ``opinion_given_on``)."""

    redaction = models.OneToOneField(Redaction, on_delete=models.CASCADE, related_name="harm_consultation")
    professional = models.CharField(max_length=20, choices=Professional.choices)
    professional_name = models.CharField(max_length=200)
    opinion_given_on = models.DateField()
    serious_harm_likely = models.BooleanField()
    opinion = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"harm consultation for redaction {self.redaction_id}"
