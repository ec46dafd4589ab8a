"""Keyword-only builders for the public site's tests."""

from datetime import datetime

from django.utils import timezone

from pledge.register.models import Controller, ControllerKind
from pledge.site.models import DpoEnquiry, EnquiryStatus


def make_council(*, name: str = "Anyshire Council", dpo_email: str = "dpo@anyshire.example") -> Controller:
    return Controller.objects.create(
        slug="anyshire-council",
        name=name,
        kind=ControllerKind.COUNCIL,
        address="County Hall, Anytown, AN1 1AA",
        email="info@anyshire.example",
        phone="01234 567890",
        ico_registration="Z0000000",
        ico_registration_fictional=True,
        dpo_name="Dana Protector",
        dpo_email=dpo_email,
        dpo_phone="01234 567891",
        dpo_address="Data Protection Officer\nCounty Hall\nAnytown\nAN1 1AA",
    )


def make_enquiry(
    *,
    name: str = "Ann Example",
    email: str = "ann@example.com",
    about: str = "",
    message: str = "What do you keep about me?",
    received_at: datetime | None = None,
    status: EnquiryStatus = EnquiryStatus.RECEIVED,
) -> DpoEnquiry:
    received_at = received_at or timezone.now()
    return DpoEnquiry.objects.create(
        name=name,
        email=email,
        about=about,
        message=message,
        received_at=received_at,
        respond_by=timezone.localdate(received_at),
        status=status,
    )
