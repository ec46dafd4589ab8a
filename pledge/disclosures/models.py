"""The disclosure log (issue 7; promises P105-P118): every disclosure of personal data outside the council.

An entry is approved or refused once and then never changes (P111): ``save`` refuses to rewrite a decided entry, and
a correction is a new entry that ``amends`` the old one, approved in its turn. What happened afterwards about telling
the person (P112) is a separate, append-only ``TellDecision``. The person is held as pseudonymous consent-ledger
subject ids and/or a casework case, never as a name or address in this table.
"""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from pledge.law.bases import Art9Condition
from pledge.law.disclosure import (
    ART9_DISCLOSURE_LABELS,
    EXEMPTION_LABELS,
    KIND_LABELS,
    NOT_SOUGHT_LABELS,
    RISK_LABELS,
    ROUTE_LABELS,
    ConsentNotSought,
    DisclosureKind,
    Exemption,
    RiskCategory,
    Route,
)


class DisclosureLocked(Exception):
    """Raised on any attempt to change or delete a decided entry: record an amendment instead (P111)."""


class Kind(models.TextChoices):
    POLICE = DisclosureKind.POLICE.value, KIND_LABELS[DisclosureKind.POLICE]
    COURT_ORDER = DisclosureKind.COURT_ORDER.value, KIND_LABELS[DisclosureKind.COURT_ORDER]
    DATA_MATCHING = DisclosureKind.DATA_MATCHING.value, KIND_LABELS[DisclosureKind.DATA_MATCHING]
    OTHER_COUNCIL = DisclosureKind.OTHER_COUNCIL.value, KIND_LABELS[DisclosureKind.OTHER_COUNCIL]
    STATUTORY_RETURN = DisclosureKind.STATUTORY_RETURN.value, KIND_LABELS[DisclosureKind.STATUTORY_RETURN]
    SAFEGUARDING = DisclosureKind.SAFEGUARDING.value, KIND_LABELS[DisclosureKind.SAFEGUARDING]
    REFERRAL = DisclosureKind.REFERRAL.value, KIND_LABELS[DisclosureKind.REFERRAL]
    OTHER_AGENCY = DisclosureKind.OTHER_AGENCY.value, KIND_LABELS[DisclosureKind.OTHER_AGENCY]


class LegalRoute(models.TextChoices):
    CONSENT = Route.CONSENT.value, ROUTE_LABELS[Route.CONSENT]
    LEGAL_GATEWAY = Route.LEGAL_GATEWAY.value, ROUTE_LABELS[Route.LEGAL_GATEWAY]
    EXEMPTION = Route.EXEMPTION.value, ROUTE_LABELS[Route.EXEMPTION]
    COURT_ORDER = Route.COURT_ORDER.value, ROUTE_LABELS[Route.COURT_ORDER]


class ExemptionChoice(models.TextChoices):
    CRIME_TAX = Exemption.CRIME_TAX.value, EXEMPTION_LABELS[Exemption.CRIME_TAX]
    REQUIRED_BY_LAW = Exemption.REQUIRED_BY_LAW.value, EXEMPTION_LABELS[Exemption.REQUIRED_BY_LAW]
    LEGAL_PROCEEDINGS = Exemption.LEGAL_PROCEEDINGS.value, EXEMPTION_LABELS[Exemption.LEGAL_PROCEEDINGS]


class Art9Choice(models.TextChoices):
    """The Art 9(2) conditions a disclosure without consent may rest on (P106)."""

    EMPLOYMENT = "b", ART9_DISCLOSURE_LABELS[Art9Condition.EMPLOYMENT_SOCIAL_PROTECTION]
    VITAL_INTERESTS = "c", ART9_DISCLOSURE_LABELS[Art9Condition.VITAL_INTERESTS]
    LEGAL_CLAIMS = "f", ART9_DISCLOSURE_LABELS[Art9Condition.LEGAL_CLAIMS]
    SUBSTANTIAL_PUBLIC_INTEREST = "g", ART9_DISCLOSURE_LABELS[Art9Condition.SUBSTANTIAL_PUBLIC_INTEREST]
    HEALTH_SOCIAL_CARE = "h", ART9_DISCLOSURE_LABELS[Art9Condition.HEALTH_SOCIAL_CARE]
    PUBLIC_HEALTH = "i", ART9_DISCLOSURE_LABELS[Art9Condition.PUBLIC_HEALTH]
    ARCHIVING_RESEARCH = "j", ART9_DISCLOSURE_LABELS[Art9Condition.ARCHIVING_RESEARCH]


class NotSoughtReason(models.TextChoices):
    UNSAFE = ConsentNotSought.UNSAFE.value, NOT_SOUGHT_LABELS[ConsentNotSought.UNSAFE]
    URGENT = ConsentNotSought.URGENT.value, NOT_SOUGHT_LABELS[ConsentNotSought.URGENT]
    UNABLE = ConsentNotSought.UNABLE.value, NOT_SOUGHT_LABELS[ConsentNotSought.UNABLE]


class Risk(models.TextChoices):
    RISK_TO_PERSON = RiskCategory.RISK_TO_PERSON.value, RISK_LABELS[RiskCategory.RISK_TO_PERSON]
    RISK_TO_CHILD = RiskCategory.RISK_TO_CHILD.value, RISK_LABELS[RiskCategory.RISK_TO_CHILD]
    RISK_TO_OTHERS = RiskCategory.RISK_TO_OTHERS.value, RISK_LABELS[RiskCategory.RISK_TO_OTHERS]
    RISK_TO_STAFF = RiskCategory.RISK_TO_STAFF.value, RISK_LABELS[RiskCategory.RISK_TO_STAFF]


class Status(models.TextChoices):
    AWAITING_APPROVAL = "awaiting", "Awaiting approval"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"


DECIDED = (Status.APPROVED, Status.REFUSED)


class Disclosure(models.Model):
    """One disclosure (or one bulk upload) outside the council: what, to whom, on what legal route, who approved."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.AWAITING_APPROVAL)
    # The recipient: one in the register, or a name for one that is not (P012 warns when it is not).
    recipient = models.ForeignKey(
        "register.Recipient", null=True, blank=True, on_delete=models.PROTECT, related_name="disclosures"
    )
    recipient_name = models.CharField(max_length=200, blank=True)
    requester_reference = models.CharField(max_length=100, blank=True)  # e.g. the police request form's number
    activity = models.ForeignKey(
        "register.ProcessingActivity", null=True, blank=True, on_delete=models.PROTECT, related_name="disclosures"
    )
    agreement = models.ForeignKey(  # a regular disclosure under an information-sharing agreement (P117)
        "register.SharingAgreement", null=True, blank=True, on_delete=models.PROTECT, related_name="disclosures"
    )
    purpose = models.CharField(max_length=300)
    data_items = models.JSONField(default=list)
    special_category = models.BooleanField(default=False)
    for_marketing = models.BooleanField(default=False)
    minimum_data = models.TextField(blank=True)  # what was actually released, kept to the minimum (P114)
    necessity = models.TextField(blank=True)
    # The person (or people): pseudonymous ledger ids and/or the case, never identifiers in clear.
    subject_ids = models.JSONField(default=list, blank=True)
    case = models.ForeignKey(
        "casework.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="disclosures"
    )
    # The legal route.
    route = models.CharField(max_length=20, choices=LegalRoute.choices)
    consent_purpose = models.CharField(max_length=120, blank=True)
    consent_basis = models.CharField(max_length=300, blank=True)  # what the ledger said when it was approved
    consent_event_id = models.BigIntegerField(null=True, blank=True)
    gateway_statute = models.CharField(max_length=200, blank=True)
    gateway_section = models.CharField(max_length=100, blank=True)
    exemption = models.CharField(max_length=30, choices=ExemptionChoice.choices, blank=True)
    art9_condition = models.CharField(max_length=1, choices=Art9Choice.choices, blank=True)
    justification = models.TextField(blank=True)
    # Risk disclosures (P109, P110).
    risk_category = models.CharField(max_length=20, choices=Risk.choices, blank=True)
    consent_sought = models.BooleanField(null=True, blank=True)
    consent_not_sought_reason = models.CharField(max_length=10, choices=NotSoughtReason.choices, blank=True)
    urgent = models.BooleanField(default=False)
    disclosed_at = models.DateTimeField(null=True, blank=True)  # set when the data went before approval (urgent)
    # Court orders (P113): the order itself is a private, encrypted file.
    court_name = models.CharField(max_length=200, blank=True)
    court_order_reference = models.CharField(max_length=100, blank=True)
    order_file = models.CharField(max_length=200, blank=True)
    order_file_name = models.CharField(max_length=150, blank=True)
    order_sha256 = models.CharField(max_length=64, blank=True)
    # Bulk uploads (P115).
    dataset = models.CharField(max_length=200, blank=True)
    record_count = models.PositiveIntegerField(null=True, blank=True)
    bulk_on = models.DateField(null=True, blank=True)
    # Who asked and who decided; a correction points at the entry it amends (P111).
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    refused_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    refused_at = models.DateTimeField(null=True, blank=True)
    refusal_reason = models.TextField(blank=True)
    amends = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="amendments")
    amendment_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return self.reference

    @property
    def recipient_label(self) -> str:
        return self.recipient.name if self.recipient else self.recipient_name

    @property
    def consensual(self) -> bool:
        return self.route == LegalRoute.CONSENT

    @property
    def disclosed_on_or_approved(self) -> Any:
        """When the data went: the urgent disclosure's moment, else the approval."""
        return self.disclosed_at or self.approved_at

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = Disclosure.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored in DECIDED:
                raise DisclosureLocked("a decided disclosure is not changed: record an amendment")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise DisclosureLocked("disclosure-log entries are kept")


class TellOutcome(models.TextChoices):
    LETTER_SENT = "letter_sent", "Told by letter"
    NOT_SAFE = "not_safe", "Not told: telling them now is not safe"


class TellDecision(models.Model):
    """One step of telling the person about a non-consensual disclosure (P112). The latest one stands."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.PROTECT, related_name="tell_decisions")
    outcome = models.CharField(max_length=20, choices=TellOutcome.choices)
    decided_on = models.DateField()
    reasons = models.TextField(blank=True)
    review_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    reminded_on = models.DateField(null=True, blank=True)  # when the review reminder went, so it goes once

    class Meta:
        ordering = ["-created_at", "-id"]


class CheckAnswer(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NOT_NEEDED = "not_needed", "Not needed for this recipient"


class DueDiligence(models.Model):
    """A recipient's due-diligence checklist (P116). Kept here, keyed to the register's recipient, because the
    register does not hold it."""

    recipient = models.OneToOneField("register.Recipient", on_delete=models.CASCADE, related_name="due_diligence")
    agreement = models.CharField(max_length=12, choices=CheckAnswer.choices, blank=True)
    security_assurance = models.CharField(max_length=12, choices=CheckAnswer.choices, blank=True)
    contract = models.CharField(max_length=12, choices=CheckAnswer.choices, blank=True)
    review_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    checked_on = models.DateField()


class SharingRestriction(models.Model):
    """An activity marked 'no external sharing except legal requirement' (P118). The register has no field for it
    yet, so it is kept here, keyed to the activity."""

    activity = models.OneToOneField(
        "register.ProcessingActivity", on_delete=models.CASCADE, related_name="sharing_restriction"
    )
    legal_requirement_only = models.BooleanField(default=True)
    source = models.CharField(max_length=300, blank=True)  # e.g. the notice wording that promises it
