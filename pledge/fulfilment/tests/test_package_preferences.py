"""The access report shows the requester's newsletters and consent history (Art 15; P085's one permitted reuse)."""

from datetime import UTC, date, datetime

import pytest

from pledge.casework.models import CaseKind
from pledge.consent import services as consent
from pledge.consent.models import Channel, PurposeKind
from pledge.core.models import User
from pledge.core.roles import Role
from pledge.fulfilment.package_report import report_blocks
from pledge.fulfilment.tests.factories import EMAIL, make_case
from pledge.newsletters import lists
from pledge.newsletters.services import request_subscription

pytestmark = pytest.mark.django_db


def _texts(blocks) -> str:
    return "\n".join(b.get("text", "") + "\n".join(b.get("items", [])) for b in blocks)


def _report(case) -> str:
    return _texts(report_blocks(case=case, snapshot={"systems": []}, searches=[], withheld=0, today=date(2026, 12, 10)))


def test_the_report_lists_the_requesters_consents_and_opt_outs(today, register) -> None:
    today(date(2026, 12, 10))
    consent.ensure_purpose(slug="promotional", name="Council news", kind=PurposeKind.PROMOTIONAL)
    consent.ensure_wording(purpose="promotional", version="v1", text="Send me council news")
    subject = consent.subject_for_email(EMAIL)
    consent.record_consent(
        subject=subject,
        purpose="promotional",
        wording_version="v1",
        channel=Channel.WEB,
        actor="web form",
        occurred_at=datetime(2026, 3, 1, 10, tzinfo=UTC),
    )
    consent.opt_out_of_promotional(subject=subject, channel=Channel.PHONE, actor="contact centre")
    text = _report(make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 10)))
    assert "What you agreed to, and when" in text
    assert "1 March 2026, consent given: Council news" in text
    assert "wording version v1" in text
    assert "opted out of promotional messages" in text


def test_the_report_lists_the_newsletters_held_for_the_requesters_address(today, register) -> None:
    today(date(2026, 12, 10))
    dpo = User.objects.create_user(username="dpo", password=None, role=Role.DPO)
    lists.create_list(slug="whats-on", name="What's on in Anyshire", actor=dpo)
    request_subscription(email=EMAIL, list_slugs=["whats-on"], channel=Channel.WEB, actor="web form")
    text = _report(make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 10)))
    assert f"What's on in Anyshire at {EMAIL}" in text


def test_a_report_for_someone_with_no_preferences_has_no_such_section(today, register) -> None:
    today(date(2026, 12, 10))
    text = _report(make_case(kind=CaseKind.ACCESS, received_on=date(2026, 12, 10)))
    assert "Newsletters" not in text and "What you agreed to" not in text
