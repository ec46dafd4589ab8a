"""Disclosures in the disclosure log reach the person's access response (Art 15(1)(c)) and the recipients told of a
rectification, erasure or restriction (Art 19; P054)."""

from datetime import date

import pytest

from pledge.casework.models import CaseKind
from pledge.consent.services import subject_for_email
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.disclosures import services as disclosures
from pledge.disclosures.models import Disclosure
from pledge.disclosures.telling import decide_not_to_tell, record_due_diligence
from pledge.fulfilment.notifications import recipients_line, recipients_to_tell, record_recipient_notice
from pledge.fulfilment.package_report import report_blocks
from pledge.fulfilment.tests.factories import EMAIL, make_case, make_restriction
from pledge.law.recipients import NoticeOutcome
from pledge.register.models import Recipient, RecipientKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def police(register) -> Recipient:
    recipient = Recipient.objects.create(
        slug="anyshire-constabulary", name="Anyshire Constabulary", kind=RecipientKind.PUBLIC_BODY
    )
    dpo = User.objects.create_user(username="dpo", password=None, role=Role.DPO)
    record_due_diligence(
        recipient=recipient,
        actor=dpo,
        agreement="yes",
        security_assurance="yes",
        contract="not_needed",
        review_on=date(2027, 6, 1),
    )
    return recipient


def _disclose(*, recipient: Recipient | None, caseworker: User, name: str = "") -> Disclosure:
    details = disclosures.DisclosureDetails(
        kind="police",
        purpose="Tracing a suspect",
        data_items=["Current address"],
        route="exemption",
        exemption="crime_tax",
        recipient=recipient,
        recipient_name=name,
        subject_ids=[subject_for_email(EMAIL)],
        justification="Prejudice to the arrest",
        necessity="Needed to make the arrest",
        minimum_data="Current address",
        consent_sought=False,
        consent_not_sought_reason="unsafe",
    )
    entry = disclosures.log_disclosure(actor=caseworker, details=details)
    approver = User.objects.create_user(username=f"lead-{entry.pk}", password=None, role=Role.SERVICE_LEAD)
    return disclosures.approve_disclosure(disclosure=entry, actor=approver)


def _texts(blocks) -> str:
    return "\n".join(b.get("text", "") + "\n".join(b.get("items", [])) for b in blocks)


def test_the_access_report_lists_the_disclosures_about_the_requester(today, police, caseworker) -> None:
    today(date(2026, 12, 10))
    _disclose(recipient=police, caseworker=caseworker)
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 10))
    text = _texts(report_blocks(case=case, snapshot={"systems": []}, searches=[], withheld=0, today=date(2026, 12, 10)))
    assert "Other organisations we have disclosed your information to (Art 15(1)(c))" in text
    assert "Anyshire Constabulary, on 10 December 2026: Current address, for Tracing a suspect" in text


def test_a_not_safe_to_tell_disclosure_stays_out_of_the_access_report(today, police, caseworker) -> None:
    today(date(2026, 12, 10))
    entry = _disclose(recipient=police, caseworker=caseworker)
    decide_not_to_tell(disclosure=entry, actor=caseworker, reasons="Live investigation", review_on=date(2027, 3, 1))
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 10))
    text = _texts(report_blocks(case=case, snapshot={"systems": []}, searches=[], withheld=0, today=date(2026, 12, 10)))
    assert "Anyshire Constabulary" not in text


def test_a_report_without_disclosures_has_no_disclosure_section(today, register) -> None:
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 10))
    text = _texts(report_blocks(case=case, snapshot={"systems": []}, searches=[], withheld=0, today=date(2026, 12, 10)))
    assert "Other organisations we have disclosed" not in text


def test_art_19_tells_the_recipients_of_disclosures_too(today, police, revenues, caseworker) -> None:
    today(date(2026, 12, 10))
    _disclose(recipient=police, caseworker=caseworker)
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    assert [row.recipient.slug for row in recipients_to_tell(case=case)] == [
        "anyshire-constabulary",
        "dwp",
        "mailing-house",
    ]
    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 10))
    record_recipient_notice(
        case=case,
        recipient=police,
        outcome=NoticeOutcome.TOLD,
        told_on=date(2026, 12, 10),
        method="email",
        actor=caseworker,
    )
    assert "Anyshire Constabulary" in recipients_line(case=case)
