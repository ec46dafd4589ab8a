"""Fictional Anyshire complaints for the demo: one acknowledged and being investigated, one past its acknowledgement
date, one suggestion, and one answered with an outcome and closed, so the dashboard and list show each state.
Idempotent: a database that already holds complaints is left as it is."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from pledge.casework.models import Case, Channel, ComplaintKind, LetterDelivery
from pledge.complaints import services
from pledge.complaints.models import Finding, StepKind
from pledge.core.models import User
from pledge.core.roles import Role


def _staff() -> User:
    user = User.objects.filter(role=Role.IG_OFFICER, is_active=True).order_by("pk").first()
    if user is None:
        user, _ = User.objects.get_or_create(username="demo-ig_officer", defaults={"role": Role.IG_OFFICER})
    return user


def load_demo() -> str:
    """Create the demo complaints once; returns a one-line summary."""
    if Case.objects.filter(kind__in=ComplaintKind.values).exists():
        return "Complaints: already loaded, left as they are"
    today, officer = timezone.localdate(), _staff()
    with transaction.atomic():
        acknowledged = services.log_complaint(
            kind=ComplaintKind.COMPLAINT,
            channel=Channel.EMAIL,
            received_on=today - timedelta(days=10),
            name="Marigold Thistlewood",
            email="marigold.thistlewood@example.com",
            summary="The parking permit letter about my neighbour was sent to me, with their car registration on it.",
            wanted_outcome="Make sure it does not happen again.",
            actor=officer,
        )
        services.acknowledge(complaint=acknowledged, delivery=LetterDelivery.EMAIL, actor=officer)
        services.record_step(
            complaint=acknowledged,
            kind=StepKind.ENQUIRY,
            taken_on=today - timedelta(days=2),
            description="Asked the parking team how the permit letters are addressed.",
            actor=officer,
        )
        services.log_complaint(
            kind=ComplaintKind.COMPLAINT,
            channel=Channel.LETTER,
            received_on=today - timedelta(days=40),
            name="Bartholomew Quince",
            address="14 Orchard Lane, Anyshire AN1 4QQ",
            summary="Nobody answered my request for my housing file and I was not told why.",
            actor=officer,
        )
        services.log_complaint(
            kind=ComplaintKind.SUGGESTION,
            channel=Channel.WEB,
            received_on=today - timedelta(days=5),
            name="Juniper Ashdown",
            email="juniper.ashdown@example.com",
            summary="Your privacy notices would be easier to read with a short summary at the top.",
            actor="online complaint form",
        )
        closed = services.log_complaint(
            kind=ComplaintKind.COMPLAINT,
            channel=Channel.PHONE,
            received_on=today - timedelta(days=20),
            name="Cressida Fennimore",
            email="cressida.fennimore@example.com",
            summary="The library kept my old address after I asked them to change it.",
            actor=officer,
        )
        services.record_step(
            complaint=closed,
            kind=StepKind.EVIDENCE,
            taken_on=today - timedelta(days=15),
            description="Checked the library system's change history for the account.",
            actor=officer,
        )
        services.send_outcome(
            complaint=closed,
            finding=Finding.UPHELD,
            findings="The change of address was recorded on the wrong account.",
            action_taken="We have corrected your address and added a check to the library's change process.",
            delivery=LetterDelivery.EMAIL,
            actor=officer,
        )
        services.close_complaint(complaint=closed, actor=officer)
    return "Complaints: 4 loaded (1 acknowledged, 1 late acknowledgement, 1 suggestion, 1 closed with an outcome)"
