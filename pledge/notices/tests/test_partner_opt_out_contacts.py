"""P083: the notice names each partner or provider that may contact residents, with its own opt-out route."""

from datetime import date

import pytest

from pledge.notices.generation import build_notice_document
from pledge.notices.render import notice_blocks
from pledge.register.consistency import check_recipient
from pledge.register.models import ProcessingActivity, RecipientKind, Service
from pledge.register.tests.factories import NOW, import_minimal, make_recipient, make_service_notice


@pytest.fixture
def register(db: None, time_machine) -> None:
    time_machine.move_to(NOW, tick=False)
    import_minimal()


def notice_text() -> str:
    document = build_notice_document(make_service_notice(service=Service.objects.get(slug="council-tax")))
    return "\n".join(str(block) for block in notice_blocks(document))


def test_a_partner_that_contacts_residents_is_listed_with_its_opt_out_route(register: None) -> None:
    advice = make_recipient(
        slug="advice-partner",
        name="Anyshire Advice Line",
        kind=RecipientKind.PARTNER,
        contacts_residents=True,
        opt_out_contact="call 01632 960 111",
    )
    ProcessingActivity.objects.get(slug="council-tax-billing").recipients.add(advice)
    text = notice_text()
    assert "may contact you themselves" in text
    assert "Anyshire Advice Line: call 01632 960 111" in text


def test_a_recipient_that_does_not_contact_residents_gets_no_opt_out_line(register: None) -> None:
    quiet = make_recipient(slug="quiet", name="Quiet Partner", kind=RecipientKind.PARTNER, opt_out_contact="x")
    ProcessingActivity.objects.get(slug="council-tax-billing").recipients.add(quiet)
    assert "may contact you themselves" not in notice_text()


def test_a_recipient_that_contacts_residents_without_an_opt_out_contact_is_a_register_problem() -> None:
    findings = check_recipient(
        {"kind": "partner", "contacts_residents": True, "opt_out_contact": " "}, today=date(2026, 12, 2), adequacy={}
    )
    assert [f.field for f in findings] == ["opt_out_contact"]


def test_a_recipient_with_its_opt_out_contact_is_fine() -> None:
    findings = check_recipient(
        {"kind": "partner", "contacts_residents": True, "opt_out_contact": "Call 01632 960 000"},
        today=date(2026, 12, 2),
        adequacy={},
    )
    assert findings == []
