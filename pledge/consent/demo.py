"""Fictional Anyshire consent ledger for the demo: the purposes (council news, event offers, bin reminders, sharing
with a fictional carers' charity) with wording v1, and a few people at example.org addresses who gave, withdrew,
opted out, objected, or had a representative consent for them. Idempotent."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from pledge.consent import services
from pledge.consent.models import Channel, ConsentEvent, PurposeKind
from pledge.core.models import User
from pledge.core.roles import Role

NOTICE_VERSION = "2026-01"
PURPOSES = [
    # (slug, name, kind, recipient, wording v1)
    (
        "promotional",
        "Council news and information",
        PurposeKind.PROMOTIONAL,
        "",
        "Yes, send me news and information from Anyshire Council about things not related to the services I use. "
        "I can opt out at any time on the website or by phoning 01632 960000.",
    ),
    (
        "marketing:events",
        "Offers for paid council events",
        PurposeKind.MARKETING,
        "",
        "Yes, email me offers for paid events at Anyshire's theatres and leisure centres. I can stop them at any "
        "time from a link in every email.",
    ),
    (
        "service:bin-reminders",
        "Bin collection reminders",
        PurposeKind.SERVICE,
        "",
        "Email me the evening before my bin collection day.",
    ),
    (
        "sharing:anyshire-carers-trust",
        "Sharing with Anyshire Carers Trust for a carer's assessment",
        PurposeKind.SHARING,
        "Anyshire Carers Trust",
        "I agree that Anyshire Council may share my name, contact details and the care I give, including health "
        "information about the person I care for, with Anyshire Carers Trust so they can offer me support.",
    ),
]
PEOPLE = [
    "amira.okafor@example.org",
    "tom.lindqvist@example.org",
    "grace.mbeki@example.org",
    "joan.hartley@example.org",
]


def _staff(role: Role) -> User:
    user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
    if user is None:
        user, _ = User.objects.get_or_create(username=f"demo-{role.value}", defaults={"role": role})
    return user


def _events(now: datetime) -> int:
    """The demo events, dated back from ``now``; returns how many."""

    def days(n: int) -> datetime:
        return now - timedelta(days=n)

    amira, tom, grace, joan = (services.subject_for_email(e) for e in PEOPLE)
    clerk = _staff(Role.CASEWORKER)
    services.record_consent(
        subject=amira,
        purpose="promotional",
        wording_version="v1",
        channel=Channel.WEB,
        actor="sign-up page",
        occurred_at=days(40),
    )
    services.record_consent(
        subject=amira,
        purpose="service:bin-reminders",
        wording_version="v1",
        channel=Channel.WEB,
        actor="sign-up page",
        occurred_at=days(40),
    )
    services.record_consent(
        subject=tom,
        purpose="promotional",
        wording_version="v1",
        channel=Channel.PHONE,
        actor=clerk,
        occurred_at=days(30),
        evidence="Call reference CSC-20417",
    )
    services.opt_out_of_promotional(subject=tom, channel=Channel.WEB, actor="public opt-out page")
    services.record_consent(
        subject=grace,
        purpose="marketing:events",
        wording_version="v1",
        channel=Channel.IN_PERSON,
        actor=clerk,
        occurred_at=days(90),
        evidence="Paper form at Anyshire Leisure Centre, scanned as document 5521",
    )
    services.object_to_direct_marketing(
        subject=grace, channel=Channel.LETTER, actor=clerk, evidence="Letter received, scanned as document 6130"
    )
    services.record_consent(
        subject=joan,
        purpose="sharing:anyshire-carers-trust",
        wording_version="v1",
        channel=Channel.IN_PERSON,
        actor=clerk,
        occurred_at=days(12),
        explicit=True,
        evidence="Signed form at the Anyshire customer centre",
        representative=services.Representative(
            name="Peter Hartley",
            relationship="attorney under a lasting power of attorney (health and welfare)",
            authority_evidence="LPA checked on the Office of the Public Guardian register, reference demo-7001",
        ),
    )
    return 7


def load_demo() -> str:
    """Create the demo purposes and wordings (always, idempotently) and the demo events on a ledger without them."""
    with transaction.atomic():
        for slug, name, kind, recipient, text in PURPOSES:
            services.ensure_purpose(slug=slug, name=name, kind=kind, recipient=recipient)
            services.ensure_wording(purpose=slug, version="v1", text=text, notice_version=NOTICE_VERSION)
        subjects = [services.subject_for_email(e) for e in PEOPLE]
        if ConsentEvent.objects.filter(subject__in=subjects).exists():
            return f"Consent ledger: {len(PURPOSES)} purposes; demo events already there"
        made = _events(timezone.now())
    return f"Consent ledger: {len(PURPOSES)} purposes with wording v1, {made} events for {len(PEOPLE)} fictional people"
