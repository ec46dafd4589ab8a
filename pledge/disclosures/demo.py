"""Fictional Anyshire disclosures for the demo: a police request approved, a court order with its (fictional)
scanned order, a National Fraud Initiative upload, and an urgent safeguarding disclosure approved retrospectively
with a decision that telling the person is not yet safe and a date to reconsider; birth and death registration is
kept to sharing only where the law requires it (P118). Idempotent. No real people: the
subjects are ledger ids of made-up example.com addresses.
"""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from pledge.consent.services import subject_for_email
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.disclosures import services
from pledge.disclosures.models import Disclosure
from pledge.disclosures.telling import decide_not_to_tell, keep_to_legal_requirement, record_due_diligence
from pledge.register.models import ProcessingActivity, Recipient

ORDER_PDF = (
    b"%PDF-1.4\n% Fictional demo order: Anyshire Family Court, AN26P00317\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
)


def _staff(role: Role) -> User:
    user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
    if user is None:
        user, _ = User.objects.get_or_create(username=f"demo-{role.value}", defaults={"role": role})
    return user


def _recipient(slug: str, name: str) -> tuple[Recipient | None, str]:
    """The register's recipient when the demo register is loaded, else the name alone."""
    found = Recipient.objects.filter(slug=slug).first()
    return found, "" if found else name


def _checked(recipient: Recipient | None, dpo: User, today: date) -> None:
    if recipient is not None:
        record_due_diligence(
            recipient=recipient,
            actor=dpo,
            agreement="yes",
            security_assurance="yes",
            contract="not_needed",
            review_on=today + timedelta(days=300),
            notes="Anyshire information-sharing protocol signed; PSN-connected; reviewed annually.",
        )


def _police(caseworker: User, lead: User) -> Disclosure:
    recipient, name = _recipient("anyshire-police", "Anyshire Constabulary")
    details = services.DisclosureDetails(
        kind="police",
        purpose="Locating a suspect in a burglary investigation",
        data_items=["Current address", "Date the council tax account started"],
        route="exemption",
        exemption="crime_tax",
        recipient=recipient,
        recipient_name=name,
        requester_reference="ACP-DP-2026-0441",
        subject_ids=[subject_for_email("robin.fictional@example.com")],
        justification="The constabulary's signed request says not disclosing would prejudice an arrest.",
        necessity="The current address is needed to make the arrest; nothing else was asked for.",
        minimum_data="Current address and account start date only; no payment history or household members.",
        consent_sought=False,
        consent_not_sought_reason="unsafe",
    )
    entry = services.log_disclosure(actor=caseworker, details=details)
    return services.approve_disclosure(disclosure=entry, actor=lead)


def _court(ig: User, dpo: User) -> Disclosure:
    details = services.DisclosureDetails(
        kind="court_order",
        purpose="Disclosure ordered in family proceedings",
        data_items=["Housing file for the tenancy", "Records of homelessness assessments"],
        route="court_order",
        recipient_name="Anyshire Family Court",
        court_name="Anyshire Family Court",
        court_order_reference="AN26P00317",
        subject_ids=[subject_for_email("alex.madeup@example.com")],
        justification="Ordered by the court under the Family Procedure Rules 2010, r.21.2.",
    )
    upload = SimpleUploadedFile("order.pdf", ORDER_PDF, content_type="application/pdf")
    entry = services.log_disclosure(actor=ig, details=details, order_document=upload)
    return services.approve_disclosure(disclosure=entry, actor=dpo)


def _nfi(ig: User, dpo: User, today: date) -> Disclosure:
    recipient, name = _recipient("cabinet-office-nfi", "Cabinet Office (National Fraud Initiative)")
    _checked(recipient, dpo, today)
    details = services.DisclosureDetails(
        kind="data_matching",
        purpose="National Fraud Initiative 2026/27 data matching",
        data_items=["Name", "Address", "Date of birth", "Council tax reference", "Single person discount start"],
        route="legal_gateway",
        recipient=recipient,
        recipient_name=name,
        gateway_statute="Local Audit and Accountability Act 2014",
        gateway_section="Schedule 9, para 2",
        justification="Participation is mandatory for the council; the fair processing notice tells residents.",
        dataset="Council tax single person discount",
        record_count=48211,
        bulk_on=today - timedelta(days=60),
    )
    entry = services.log_disclosure(actor=ig, details=details)
    return services.approve_disclosure(disclosure=entry, actor=dpo)


def _safeguarding(caseworker: User, lead: User, today: date) -> Disclosure:
    recipient, name = _recipient("anyshire-police", "Anyshire Constabulary")
    details = services.DisclosureDetails(
        kind="safeguarding",
        purpose="Protecting a child from an immediate risk of significant harm",
        data_items=["Parent's name and address", "Notes of the home visit", "Health information about the child"],
        route="legal_gateway",
        recipient=recipient,
        recipient_name=name,
        subject_ids=[subject_for_email("sam.invented@example.com")],
        special_category=True,
        art9_condition="g",
        gateway_statute="Children Act 2004",
        gateway_section="s.11",
        justification="A visit found an immediate risk to a child; DPA 2018 Sch 1 para 18 (safeguarding).",
        risk_category="risk_to_child",
        consent_sought=False,
        consent_not_sought_reason="unsafe",
        urgent=True,
        disclosed_at=timezone.now() - timedelta(hours=6),
    )
    entry = services.log_disclosure(actor=caseworker, details=details)
    approved = services.approve_disclosure(disclosure=entry, actor=lead)
    decide_not_to_tell(
        disclosure=approved,
        actor=lead,
        reasons="Telling the parent now could put the child at greater risk while the police enquiry runs.",
        review_on=today + timedelta(days=90),
    )
    return approved


def load_demo() -> str:
    """Load the demo disclosures once; a second run changes nothing."""
    if Disclosure.objects.exists():
        return "Disclosure log: already has entries, nothing added"
    today = timezone.localdate()
    caseworker, lead = _staff(Role.CASEWORKER), _staff(Role.SERVICE_LEAD)
    ig, dpo = _staff(Role.IG_OFFICER), _staff(Role.DPO)
    with transaction.atomic():
        _checked(_recipient("anyshire-police", "")[0], dpo, today)
        registration = ProcessingActivity.objects.filter(slug="birth-death-registration").first()
        if registration is not None:
            keep_to_legal_requirement(
                activity=registration,
                actor=dpo,
                source="Register entries are disclosed only as the Births and Deaths Registration Act 1953 provides.",
            )
        made = [
            _police(caseworker, lead),
            _court(ig, dpo),
            _nfi(ig, dpo, today),
            _safeguarding(caseworker, lead, today),
        ]
    return f"Disclosure log: {len(made)} fictional disclosures (police, court order, NFI upload, safeguarding)"
