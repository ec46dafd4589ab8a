"""Cases: rights requests and data-protection complaints on one engine (see ``regimes``): who made each, its dates,
and the clarifications that pause a request's clock.

The timeline of a case is the core audit trail (``AuditEvent`` with ``object_type="case"``): it is already
append-only and is what the ICO will ask to see, so a second events table would only drift from it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.casework.states import STATE_LABELS, CaseState
from pledge.law.calendar import Nation
from pledge.law.exemptions import REFUSAL_GROUNDS, ThirdPartyConsent

DEFAULT_NATION = Nation.ENGLAND_AND_WALES.value


class CaseKind(models.TextChoices):
    ACCESS = "access", "Access to personal data (subject access)"
    ACCESS_CCTV = "access_cctv", "Access to CCTV or ANPR footage"
    RECTIFICATION = "rectification", "Rectification"
    ERASURE = "erasure", "Erasure"
    RESTRICTION = "restriction", "Restriction of processing"
    OBJECTION = "objection", "Objection to processing"
    PORTABILITY = "portability", "Data portability"
    AUTOMATED_DECISION_REVIEW = "automated_decision_review", "Review of an automated decision"
    CONSENT_WITHDRAWAL = "consent_withdrawal", "Withdrawal of consent"
    THIRD_PARTY_AUTHORISATION = "third_party_authorisation", "Let someone else see my record"


class ComplaintKind(models.TextChoices):
    """What someone tells the council about its handling of personal data (DPA 2018 s.164A; promise P125)."""

    COMPLAINT = "complaint", "Data protection complaint"
    # Not a s.164A complaint: logged and counted separately, with no statutory clock of its own.
    SUGGESTION = "suggestion", "Suggestion for improvement"


# Every kind a case may be, across the regimes that share this engine (``pledge.casework.regimes``).
ALL_CASE_KIND_CHOICES = [*CaseKind.choices, *ComplaintKind.choices]

# The right of access (Art 15), to records or to footage: the kinds answered with a copy of the data.
ACCESS_KINDS = frozenset({CaseKind.ACCESS, CaseKind.ACCESS_CCTV})


class Channel(models.TextChoices):
    WEB = "web", "Website"
    PHONE = "phone", "Phone"
    LETTER = "letter", "Letter"
    EMAIL = "email", "Email"
    IN_PERSON = "in_person", "In person"
    SOCIAL_MEDIA = "social_media", "Social media"


class Relationship(models.TextChoices):
    SELF = "", "The person themselves"
    PARENT = "parent", "Parent or guardian"
    SOLICITOR = "solicitor", "Solicitor"
    ATTORNEY = "attorney", "Lasting power of attorney"
    ADVOCATE = "advocate", "Advocate"
    OTHER = "other", "Someone else with authority"


class Proof(models.TextChoices):
    IDENTITY = "identity", "Proof of identity"
    AUTHORITY = "authority", "Proof of authority to act for the person"


REFUSAL_GROUND_CHOICES = [(g.value, f"{info.title} ({info.provision})") for g, info in REFUSAL_GROUNDS.items()]


def default_nation() -> str:
    """The council's bank-holiday nation, from ``PLEDGE_NATION`` (England and Wales unless set)."""
    return str(getattr(settings, "PLEDGE_NATION", DEFAULT_NATION))


class Case(models.Model):
    """One request from a resident. ``due_on`` and ``extension_notice_by`` are recomputed on every change."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    kind = models.CharField(max_length=40, choices=ALL_CASE_KIND_CHOICES)
    channel = models.CharField(max_length=20, choices=Channel.choices)
    state = models.CharField(
        max_length=30, choices=[(s.value, STATE_LABELS[s]) for s in CaseState], default=CaseState.RECEIVED
    )
    received_on = models.DateField()
    id_received_on = models.DateField(null=True, blank=True)
    authority_received_on = models.DateField(null=True, blank=True)
    fee_received_on = models.DateField(null=True, blank=True)
    # Art 12(5): a fee instead of refusing a manifestly unfounded or excessive request; the clock starts on receipt.
    fee_amount = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    fee_reasons = models.TextField(blank=True)
    fee_requested_on = models.DateField(null=True, blank=True)
    # Art 12(4): not acting on the request, with the ground and the reasons the requester was given.
    refusal_ground = models.CharField(max_length=30, choices=REFUSAL_GROUND_CHOICES, blank=True)
    refusal_reasons = models.TextField(blank=True)
    refused_on = models.DateField(null=True, blank=True)
    extended = models.BooleanField(default=False)
    extension_reason = models.TextField(blank=True)
    nation = models.CharField(max_length=30, choices=[(n.value, n.value) for n in Nation], default=default_nation)
    requester_name = models.CharField(max_length=200)
    requester_email = models.EmailField(blank=True)
    requester_address = models.TextField(blank=True)
    on_behalf_of = models.CharField(max_length=20, choices=Relationship.choices, blank=True, default="")
    summary = models.TextField()
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="assigned_cases"
    )
    due_on = models.DateField(db_index=True)
    extension_notice_by = models.DateField()
    responded_on = models.DateField(null=True, blank=True)
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The register's processing activities the request concerns: they decide which rights apply and what the
    # Art 15(1)(a)-(h) information in the response says.
    activities = models.ManyToManyField("register.ProcessingActivity", blank=True, related_name="cases")
    # The service team working the request, for the dashboard's team filter; blank while the IG team triages it.
    team = models.ForeignKey("register.Service", null=True, blank=True, on_delete=models.SET_NULL, related_name="cases")

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return self.reference

    @property
    def case_state(self) -> CaseState:
        return CaseState(self.state)


THIRD_PARTY_CONSENT_CHOICES = [
    (ThirdPartyConsent.NOT_SOUGHT.value, "Not sought"),
    (ThirdPartyConsent.GIVEN.value, "Sought and given"),
    (ThirdPartyConsent.REFUSED.value, "Sought and refused"),
    (ThirdPartyConsent.NO_REPLY.value, "Sought, no reply"),
    (ThirdPartyConsent.CANNOT_CONSENT.value, "They cannot consent"),
]


class Clarification(models.Model):
    """A request to the requester to say what they are asking for; answered ones pause an access clock."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="clarifications")
    asked_on = models.DateField()
    answered_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["asked_on", "id"]


class ExemptionDecision(models.Model):
    """One exemption applied to part of a case's information, with the code, provision and reasoning (spec §3.2).

    ``provision`` is copied from the catalogue when the decision is made, so a later correction to the catalogue
    does not rewrite what the decision relied on.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="exemption_decisions")
    code = models.CharField(max_length=40)
    provision = models.CharField(max_length=120)
    scope = models.TextField()
    reasoning = models.TextField()
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField()
    # THIRD_PARTY (Sch 2 para 16): consent, reasonableness and the factors weighed.
    third_party_consent = models.CharField(max_length=20, choices=THIRD_PARTY_CONSENT_CHOICES, blank=True)
    reasonable_without_consent = models.BooleanField(null=True, blank=True)
    third_party_factors = models.TextField(blank=True)
    # Serious-harm codes (Sch 3): the professional whose opinion was obtained, and when.
    professional_consulted = models.CharField(max_length=200, blank=True)
    professional_consulted_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decided_on", "id"]

    def __str__(self) -> str:
        return f"{self.code} on case {self.case_id}"


def format_reference(*, year: int, pk: int, prefix: str = "RR") -> str:
    """The reference a requester is given, like RR-2026-000123 (each regime has its own prefix)."""
    return f"{prefix}-{year}-{pk:06d}"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "Due soon"
    OVERDUE = "overdue", "Overdue"
    FOOTAGE_AT_RISK = "footage_at_risk", "CCTV footage about to be overwritten"


class CaseReminder(models.Model):
    """That a deadline reminder for a case was sent on a day, so running the reminders twice sends nothing twice."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=20, choices=ReminderKind.choices)
    sent_on = models.DateField()
    due_on = models.DateField()  # the due date the reminder was about; an extension moves it
    sent_to = models.TextField()  # staff addresses, comma-separated; never the requester's

    class Meta:
        ordering = ["sent_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["case", "kind", "sent_on"], name="one_case_reminder_per_kind_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder for case {self.case_id} on {self.sent_on}"


class LetterDelivery(models.TextChoices):
    EMAIL = "email", "Emailed"
    POST = "post", "Posted"
    PORTAL = "portal", "Released on the requester portal"


class IssuedLetter(models.Model):
    """A letter as it was sent: the text is frozen, so a later template change does not rewrite what was said."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="issued_letters")
    kind = models.CharField(max_length=40)  # a ``letters.LetterKind`` value; kept as text so kinds can grow
    delivery = models.CharField(max_length=20, choices=LetterDelivery.choices)
    dated = models.DateField()
    subject = models.CharField(max_length=200)
    body = models.TextField()  # the rendered text, as sent
    sent_to = models.CharField(max_length=254, blank=True)  # the requester's address for email; blank for post
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["issued_at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} letter for case {self.case_id}"


# The records kept on a case live in their own modules; importing them here registers them with the app.
from pledge.casework.footage_models import FootageScope  # noqa: E402, F401
from pledge.casework.record_models import (  # noqa: E402, F401
    CaseAttachment,
    CaseNote,
    IdentityCheck,
    IdentityEvidence,
    SearchTask,
)
