"""The register of processing activities (UK GDPR Art 30).

Simple repeated facts (purposes, categories, sources, legislation) are JSON lists of strings; things
with their own life (controllers, recipients, systems, agreements, retention rules) are rows, so a
change to one shows everywhere it is used.
"""

from django.conf import settings
from django.db import models

from pledge.core.roles import Role
from pledge.law.adequacy import TransferMechanism
from pledge.law.bases import Art9Condition, LawfulBasis

BASIS_CHOICES = [(b.value, b.label) for b in LawfulBasis]
ART9_CHOICES = [(c.value, f"Art 9(2)({c.value})") for c in Art9Condition]
MECHANISM_CHOICES = [(m.value, m.value) for m in TransferMechanism]


class ControllerKind(models.TextChoices):
    COUNCIL = "council", "The council"
    COUNCILLOR = "councillor", "Elected councillor"
    ELECTORAL_REGISTRATION_OFFICER = "ero", "Electoral Registration Officer"
    CORONER = "coroner", "Coroner"
    JOINT = "joint", "Joint controller"
    OTHER = "other", "Other controller"


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Awaiting DPO approval"
    APPROVED = "approved", "Approved"


class Controller(models.Model):
    """A data controller: the council, or one it works beside (councillor, ERO, coroner)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=ControllerKind.choices)
    address = models.TextField()
    email = models.EmailField()
    phone = models.CharField(max_length=40)
    website = models.URLField(blank=True)
    ico_registration = models.CharField(max_length=20)
    ico_registration_fictional = models.BooleanField(default=False)
    ico_renewal_on = models.DateField(null=True, blank=True)
    dpo_name = models.CharField(max_length=200)
    dpo_email = models.EmailField()
    dpo_phone = models.CharField(max_length=40, blank=True)
    dpo_address = models.TextField()
    complaints_url = models.CharField(max_length=300, blank=True)
    policy_documents = models.JSONField(default=list, blank=True)  # [{"title", "url"}]
    extra_sections = models.JSONField(default=list, blank=True)  # [{"title", "text"}], after the statutory ones

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class RecipientKind(models.TextChoices):
    PROCESSOR = "processor", "Processor acting for us"
    PUBLIC_BODY = "public_body", "Other public body"
    PARTNER = "partner", "Partner organisation"
    INTERNAL = "internal", "Another council service"
    CONTROLLER = "controller", "Separate controller"
    OTHER = "other", "Other"


class Recipient(models.Model):
    """Someone the data goes to. Processors need an Art 28 contract on record."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=RecipientKind.choices)
    description = models.CharField(max_length=300, blank=True)
    country = models.CharField(max_length=2, default="GB")
    transfer_mechanism = models.CharField(max_length=20, choices=MECHANISM_CHOICES, default=TransferMechanism.UK)
    contract_reference = models.CharField(max_length=100, blank=True)
    contract_start = models.DateField(null=True, blank=True)
    contract_end = models.DateField(null=True, blank=True)
    transfer_risk_assessment = models.CharField(max_length=200, blank=True)
    # A transfer without an Art 46 safeguard stays blocked until the ICO's advice is on record (P024).
    ico_advice_reference = models.CharField(max_length=100, blank=True)
    ico_advice_on = models.DateField(null=True, blank=True)
    # A partner or commissioned provider that may itself contact residents; the notice gives its opt-out route (P083).
    contacts_residents = models.BooleanField(default=False)
    opt_out_contact = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class System(models.Model):
    """A council system where personal data lives (its connector comes in the discovery issue)."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    owner_role = models.CharField(max_length=200, blank=True)
    supplier = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=2, default="GB")
    transfer_mechanism = models.CharField(max_length=20, choices=MECHANISM_CHOICES, default=TransferMechanism.UK)
    transfer_risk_assessment = models.CharField(max_length=200, blank=True)
    # A transfer without an Art 46 safeguard stays blocked until the ICO's advice is on record (P024).
    ico_advice_reference = models.CharField(max_length=100, blank=True)
    ico_advice_on = models.DateField(null=True, blank=True)
    security_measures = models.JSONField(default=list, blank=True)
    surveillance = models.BooleanField(default=False)
    operator = models.CharField(max_length=200, blank=True)
    sites = models.JSONField(default=list, blank=True)
    code_of_practice_url = models.CharField(max_length=300, blank=True)
    footage_retention_days = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class SharingAgreement(models.Model):
    """An information-sharing agreement with partners (P117): parties, purposes, the data, the legal basis, the
    security each party keeps, review and expiry dates, the document, and the DPIA (or why none) (P120)."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    parties = models.JSONField(default=list)
    reference = models.CharField(max_length=100, blank=True)
    starts_on = models.DateField(null=True, blank=True)
    review_on = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    purposes = models.JSONField(default=list, blank=True)
    legal_basis = models.TextField(blank=True)
    data_shared = models.JSONField(default=list, blank=True)
    security = models.JSONField(default=list, blank=True)
    document_url = models.CharField(max_length=300, blank=True)
    recipients = models.ManyToManyField(Recipient, blank=True, related_name="sharing_agreements")
    dpia_reference = models.CharField(max_length=100, blank=True)
    no_dpia_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class RetentionTrigger(models.TextChoices):
    CREATED = "created", "the record is created"
    CASE_CLOSED = "case_closed", "the case is closed"
    ACCOUNT_CLOSED = "account_closed", "the account is closed"
    TENANCY_ENDED = "tenancy_ended", "the tenancy ends"
    DATE_OF_BIRTH = "date_of_birth", "the person's date of birth"
    LAST_CONTACT = "last_contact", "our last contact with you"
    EVENT = "event", "the event recorded"
    # Periods such as "current year plus 6" count from the year end after the event (pledge.law.retention).
    END_OF_FINANCIAL_YEAR = "end_of_financial_year", "the end of the financial year (31 March) of the event"
    END_OF_TAX_YEAR = "end_of_tax_year", "the end of the tax year (5 April) of the event"


class RetentionAction(models.TextChoices):
    DESTROY = "destroy", "destroy"
    ANONYMISE = "anonymise", "anonymise"
    REVIEW = "review", "review"
    ARCHIVE = "archive", "transfer to the archive"


class RetentionRule(models.Model):
    """How long data is kept: a trigger event plus a period, then an action."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    trigger = models.CharField(max_length=30, choices=RetentionTrigger.choices)
    years = models.PositiveIntegerField(default=0)
    months = models.PositiveIntegerField(default=0)
    days = models.PositiveIntegerField(default=0)
    action = models.CharField(max_length=20, choices=RetentionAction.choices, default=RetentionAction.DESTROY)
    source = models.CharField(max_length=300)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def period_text(self) -> str:
        parts = []
        for count, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day")):
            if count:
                parts.append(f"{count} {unit}{'s' if count != 1 else ''}")
        return " and ".join(parts) or "no time"

    @property
    def plain_english(self) -> str:
        return f"{self.period_text} after {self.get_trigger_display()}, then {self.get_action_display()}"


class Service(models.Model):
    """A council service (or a separate controller's function) that processes personal data."""

    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=200)
    controller = models.ForeignKey(Controller, on_delete=models.PROTECT, related_name="services")
    summary = models.TextField()
    owner_role = models.CharField(max_length=200)
    leads = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="led_services")
    review_by = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProvisionRequirement(models.TextChoices):
    STATUTORY = "statutory", "required by law"
    CONTRACTUAL = "contractual", "required by a contract"
    CONDITION = "condition", "needed to provide the service"
    VOLUNTARY = "voluntary", "voluntary"
    NOT_APPLICABLE = "not_applicable", "not collected from you"


class ProcessingActivity(models.Model):
    """One purpose for which a service processes personal data, with everything Art 30 and Arts 13/14 need."""

    slug = models.SlugField(max_length=100, unique=True)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="activities")
    name = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    effective_from = models.DateField(null=True, blank=True)
    review_by = models.DateField(null=True, blank=True)
    owner_role = models.CharField(max_length=20, choices=Role.choices, default=Role.SERVICE_LEAD)

    purposes = models.JSONField(default=list)
    lawful_basis = models.CharField(max_length=3, choices=BASIS_CHOICES)
    legislation = models.JSONField(default=list, blank=True)
    legitimate_interests = models.TextField(blank=True)
    vital_interests_justification = models.TextField(blank=True)
    consent_withdrawal_route = models.CharField(max_length=300, blank=True)
    consent_as_safeguard = models.BooleanField(default=False)

    data_subjects = models.JSONField(default=list)
    data_categories = models.JSONField(default=list)
    special_categories = models.JSONField(default=list, blank=True)
    art9_condition = models.CharField(max_length=1, choices=ART9_CHOICES, blank=True)
    schedule1_conditions = models.JSONField(default=list, blank=True)
    criminal_offence_data = models.BooleanField(default=False)
    appropriate_policy_document = models.CharField(max_length=200, blank=True)

    sources = models.JSONField(default=list)
    publicly_accessible_sources = models.BooleanField(default=False)
    collection_channels = models.JSONField(default=list, blank=True)
    provision_requirement = models.CharField(
        max_length=20, choices=ProvisionRequirement.choices, default=ProvisionRequirement.NOT_APPLICABLE
    )
    provision_consequences = models.TextField(blank=True)

    recipients = models.ManyToManyField(Recipient, blank=True, related_name="activities")
    sharing_agreements = models.ManyToManyField(SharingAgreement, blank=True, related_name="activities")
    systems = models.ManyToManyField(System, blank=True, related_name="activities")
    retention_rule = models.ForeignKey(RetentionRule, null=True, blank=True, on_delete=models.PROTECT)

    automated_processing = models.BooleanField(default=False)
    direct_marketing = models.BooleanField(default=False)
    automated_decision = models.BooleanField(default=False)
    automated_decision_logic = models.TextField(blank=True)
    automated_decision_safeguards = models.TextField(blank=True)

    outside_public_tasks = models.BooleanField(default=False)
    on_behalf_of = models.CharField(max_length=200, blank=True)
    law_enforcement = models.BooleanField(default=False)
    dpia_reference = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["service__name", "name"]
        verbose_name_plural = "processing activities"

    def __str__(self) -> str:
        return self.name

    @property
    def basis(self) -> LawfulBasis:
        return LawfulBasis(self.lawful_basis)

    @property
    def has_indirect_sources(self) -> bool:
        """Art 14 applies when any data comes from somewhere other than the person."""
        return any(source.strip().lower() not in {"you", "the person", "the data subject"} for source in self.sources)


class InternalFlow(models.Model):
    """Personal data passing between two council services for a declared purpose (promise P013).

    Matching or combining data across two services' systems is refused unless a flow declares it.
    """

    slug = models.SlugField(max_length=100, unique=True)
    from_service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="flows_out")
    to_service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="flows_in")
    purposes = models.JSONField(default=list)
    data_categories = models.JSONField(default=list)
    legislation = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["from_service__name", "to_service__name"]

    def __str__(self) -> str:
        return f"{self.from_service} to {self.to_service}"
