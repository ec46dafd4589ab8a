"""The report of data outside the UK: every transfer, and those blocked until the ICO's advice (P023, P024)."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import call_command

from pledge.register.models import ProcessingActivity, Recipient, RecipientKind
from pledge.register.transfers import transfers_outside_uk

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def activity(db: None) -> ProcessingActivity:
    call_command("register", "import", str(MINIMAL))
    return ProcessingActivity.objects.get(slug="council-tax-billing")


def abroad(activity: ProcessingActivity, **fields: object) -> Recipient:
    recipient = Recipient.objects.create(slug="abroad", name="Abroad Ltd", kind=RecipientKind.PARTNER, **fields)
    activity.recipients.add(recipient)
    return recipient


def test_a_uk_only_register_has_no_transfers(activity: ProcessingActivity) -> None:
    assert transfers_outside_uk() == []


def test_an_adequate_country_is_listed_but_not_restricted(activity: ProcessingActivity) -> None:
    abroad(activity, country="FR", transfer_mechanism="adequacy")
    [row] = transfers_outside_uk()
    assert (row.country, row.restricted, row.problem) == ("FR", False, "")


def test_a_derogation_stays_blocked_until_the_ico_advice_is_recorded(activity: ProcessingActivity) -> None:
    recipient = abroad(activity, country="IN", transfer_mechanism="derogation")
    [row] = transfers_outside_uk()
    assert row.restricted and "blocked until the ICO's advice" in row.problem
    recipient.ico_advice_reference, recipient.ico_advice_on = "ICO/ADV/123", date(2026, 10, 1)
    recipient.save()
    [row] = transfers_outside_uk()
    assert row.problem == ""
    assert row.ico_advice == "ICO/ADV/123, 01 October 2026"


def test_an_idta_transfer_is_restricted_but_safeguarded(activity: ProcessingActivity) -> None:
    abroad(activity, country="US", transfer_mechanism="idta", transfer_risk_assessment="TRA-1")
    [row] = transfers_outside_uk()
    assert (row.restricted, row.problem, row.risk_assessment) == (True, "", "TRA-1")
