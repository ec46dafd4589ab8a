"""The demo disclosures load once, with each kind the demo shows, whether or not the demo register is loaded."""

import pytest

from pledge.disclosures.demo import load_demo
from pledge.disclosures.models import Disclosure, Status, TellOutcome
from pledge.register.models import Recipient, RecipientKind

pytestmark = pytest.mark.django_db


def test_it_loads_four_approved_disclosures_once() -> None:
    assert load_demo().startswith("Disclosure log: 4 fictional")
    assert load_demo() == "Disclosure log: already has entries, nothing added"
    assert sorted(Disclosure.objects.values_list("kind", flat=True)) == [
        "court_order",
        "data_matching",
        "police",
        "safeguarding",
    ]
    assert set(Disclosure.objects.values_list("status", flat=True)) == {Status.APPROVED}
    safeguarding = Disclosure.objects.get(kind="safeguarding")
    assert safeguarding.tell_decisions.get().outcome == TellOutcome.NOT_SAFE
    assert Disclosure.objects.get(kind="court_order").order_file


def test_it_uses_the_register_recipients_when_they_are_there() -> None:
    police = Recipient.objects.create(
        slug="anyshire-police", name="Anyshire Constabulary", kind=RecipientKind.PUBLIC_BODY
    )
    Recipient.objects.create(
        slug="cabinet-office-nfi", name="Cabinet Office (National Fraud Initiative)", kind=RecipientKind.PUBLIC_BODY
    )
    load_demo()
    assert Disclosure.objects.get(kind="police").recipient == police
    assert Disclosure.objects.get(kind="data_matching").recipient.slug == "cabinet-office-nfi"


def test_it_loads_on_the_demo_register() -> None:
    from django.conf import settings
    from django.core.management import call_command

    from pledge.disclosures.models import SharingRestriction

    call_command("register", "import", str(settings.BASE_DIR / "demo" / "anyshire" / "register"))
    load_demo()
    assert Disclosure.objects.filter(recipient__slug="anyshire-police").count() == 2
    assert SharingRestriction.objects.get(activity__slug="birth-death-registration").legal_requirement_only
