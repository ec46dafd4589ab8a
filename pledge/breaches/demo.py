"""Fictional Anyshire breaches for the demo: one just reported, one near its 72 hours, one overdue, one reported to
the ICO and one recorded as not reportable, so the dashboard and register show each state. Idempotent."""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from pledge.breaches import services
from pledge.breaches.models import ActionKind, Breach
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.law.breach import Likelihood, Severity

DEMO = [
    # (hours since awareness, description, data, people)
    (
        3,
        "A council tax reminder for one household was emailed to another resident with a similar name.",
        "Name, address, council tax account number and amount owed",
        1,
    ),
    (
        55,
        "A housing officer's bag, with paper case notes for three tenancy visits, was left on a bus.",
        "Names, addresses, tenancy details and notes on one tenant's health",
        3,
    ),
    (
        80,
        "The school admissions mailing list was sent with every parent's address in the 'To' line instead of 'Bcc'.",
        "Parents' names and email addresses",
        412,
    ),
]


def _staff(role: Role) -> User:
    user = User.objects.filter(role=role, is_active=True).order_by("pk").first()
    if user is None:
        user, _ = User.objects.get_or_create(username=f"demo-{role.value}", defaults={"role": role})
    return user


def load_demo_breaches() -> int:
    """Create the demo breaches on a database with none; returns how many were made (0 when some exist)."""
    if Breach.objects.exists():
        return 0
    now = timezone.now()
    reporter, dpo = _staff(Role.CASEWORKER), _staff(Role.DPO)
    with transaction.atomic():
        for hours, description, data, people in DEMO:
            services.report_breach(
                actor=reporter,
                description=description,
                aware_at=now - timedelta(hours=hours),
                data_categories=data,
                people_affected=people,
                detected_by="Reported by a member of staff",
                now=now,
            )
        _notified_breach(reporter=reporter, dpo=dpo, now=now)
        _not_reported_breach(reporter=reporter, dpo=dpo, now=now)
    return len(DEMO) + 2


def _notified_breach(*, reporter: User, dpo: User, now: datetime) -> None:
    aware = now - timedelta(days=20)
    breach = services.report_breach(
        actor=reporter,
        description="A social care assessment was posted to the wrong address; the recipient returned it unopened "
        "a week later.",
        aware_at=aware,
        data_categories="Name, address, health and care needs",
        people_affected=1,
        special_category=True,
        now=aware + timedelta(hours=1),
    )
    breach = services.assess_breach(
        breach=breach,
        actor=dpo,
        likelihood=Likelihood.POSSIBLE,
        severity=Severity.SIGNIFICANT,
        special_category=True,
        criminal_offence=False,
        data_unintelligible=False,
        people_affected=1,
        records_affected=1,
        likely_consequences="Distress, and disclosure of care needs to a neighbour.",
        rationale="Health data about a vulnerable adult went to a neighbour who knows them.",
    )
    services.decide_ico(
        breach=breach,
        actor=dpo,
        notify=True,
        notified_at=aware + timedelta(hours=30),
        reference="IC-000000-DEMO",
        now=aware + timedelta(hours=31),
    )
    services.decide_people(
        breach=breach, actor=dpo, told=True, told_at=aware + timedelta(days=1), told_how="By phone and letter", now=now
    )
    services.add_action(
        breach=breach,
        actor=dpo,
        kind=ActionKind.REMEDIAL,
        description="Check addresses against the care record before posting assessments.",
        owner=dpo,
        due_on=None,
    )


def _not_reported_breach(*, reporter: User, dpo: User, now: datetime) -> None:
    aware = now - timedelta(days=40)
    breach = services.report_breach(
        actor=reporter,
        description="An encrypted USB stick with a list of library members was lost in the town library.",
        aware_at=aware,
        data_categories="Library members' names and membership numbers",
        people_affected=60,
        now=aware + timedelta(hours=2),
    )
    breach = services.assess_breach(
        breach=breach,
        actor=dpo,
        likelihood=Likelihood.REMOTE,
        severity=Severity.MINIMAL,
        special_category=False,
        criminal_offence=False,
        data_unintelligible=True,
        people_affected=60,
        records_affected=60,
        likely_consequences="None expected: the stick is encrypted with AES-256 and the key was not with it.",
        rationale="Securely encrypted; the key is held separately.",
    )
    services.decide_ico(
        breach=breach,
        actor=dpo,
        notify=False,
        reasons_not_notified="Unlikely to result in a risk: the data was securely encrypted and the key is safe.",
        now=aware + timedelta(hours=20),
    )
    services.decide_people(breach=breach, actor=dpo, told=False, reasons="The risk is not high.", now=now)
    services.record_response(
        breach=breach,
        actor=dpo,
        containment="Stick reported lost; the encryption key was rotated.",
        lessons="Use the shared drive rather than USB sticks for member lists.",
    )
    services.close_breach(breach=breach, actor=dpo)
