"""Who a resident contacts about their data: the council's controller record, or settings before it exists."""

from dataclasses import dataclass

from django.conf import settings

from pledge.register.models import Controller, ControllerKind


@dataclass(frozen=True)
class DpoContact:
    council_name: str
    dpo_name: str
    email: str
    phone: str
    address: str
    from_register: bool


def dpo_contact() -> DpoContact:
    """The DPO's details from the council's controller record, or settings-based text before the register is loaded."""
    controller = Controller.objects.filter(kind=ControllerKind.COUNCIL).first()
    if controller is None:
        return DpoContact(
            council_name=settings.PLEDGE_COUNCIL["name"],
            dpo_name="Data Protection Officer",
            email="",
            phone="",
            address="",
            from_register=False,
        )
    return DpoContact(
        council_name=controller.name,
        dpo_name=controller.dpo_name or "Data Protection Officer",
        email=controller.dpo_email,
        phone=controller.dpo_phone,
        address=controller.dpo_address,
        from_register=True,
    )
