"""P080: every consent stores the exact wording version shown, its hash, time, channel and who captured it."""

import hashlib
from datetime import datetime, timedelta

import pytest

from pledge.consent import services
from pledge.consent.models import Channel, EventAction
from pledge.consent.services import ConsentRefused
from pledge.core.models import AuditEvent
from pledge.core.roles import Role

from .conftest import LONDON


def test_it_stores_the_wording_version_hash_time_channel_and_who_captured_it(ledger, staff, at):
    moment = at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    clerk = staff(Role.CASEWORKER)
    event = services.record_consent(
        subject=ledger["subject"],
        purpose="promotional",
        wording_version="v1",
        channel=Channel.PHONE,
        actor=clerk,
        evidence="call 4471",
    )
    assert event.action == EventAction.GIVEN
    assert event.wording_version == "v1"
    assert event.wording_hash == hashlib.sha256(b"Yes, I agree to promotional.").hexdigest()
    assert event.wording.text == "Yes, I agree to promotional."
    assert event.notice_version == "2026-01"
    assert event.occurred_at == moment
    assert event.channel == Channel.PHONE
    assert event.actor == clerk and event.actor_label == clerk.username
    assert event.evidence == "call 4471"


def test_it_rejects_a_consent_without_a_wording_version(ledger):
    with pytest.raises(ConsentRefused, match="which version of the wording"):
        services.record_consent(
            subject=ledger["subject"], purpose="promotional", wording_version="", channel=Channel.WEB, actor="web"
        )


def test_it_rejects_an_unknown_wording_version(ledger):
    with pytest.raises(ConsentRefused, match="no wording 'v9'"):
        services.record_consent(
            subject=ledger["subject"], purpose="promotional", wording_version="v9", channel=Channel.WEB, actor="web"
        )


def test_it_rejects_an_unknown_purpose(ledger):
    with pytest.raises(ConsentRefused, match="no consent purpose"):
        services.record_consent(
            subject=ledger["subject"], purpose="lottery", wording_version="v1", channel=Channel.WEB, actor="web"
        )


def test_it_rejects_an_email_address_as_subject(ledger):
    with pytest.raises(ConsentRefused, match="pseudonymous id"):
        services.record_consent(
            subject="ada@example.com", purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web"
        )


def test_it_rejects_a_consent_dated_in_the_future(ledger, at):
    now = at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    with pytest.raises(ConsentRefused, match="future"):
        services.record_consent(
            subject=ledger["subject"],
            purpose="promotional",
            wording_version="v1",
            channel=Channel.LETTER,
            actor="post room",
            occurred_at=now + timedelta(days=1),
        )


def test_it_writes_an_audit_row_without_personal_data(ledger):
    event = services.record_consent(
        subject=ledger["subject"], purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web form"
    )
    audit = AuditEvent.objects.get(object_type="consent_event", object_ref=str(event.pk))
    assert audit.actor_label == "web form"
    assert "@" not in audit.summary and "@" not in str(audit.after)
    assert audit.after["wording_hash"] == event.wording_hash


def test_a_recorded_consent_reads_as_given_with_its_basis(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    event = services.record_consent(
        subject=ledger["subject"], purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web"
    )
    answer = services.consent_status(subject=ledger["subject"], purpose="promotional")
    assert answer.given is True
    assert answer.basis == "consent given on 2026-03-01 by website, wording v1"
    assert answer.event_id == event.pk and answer.decided_at == event.occurred_at


def test_nobody_has_consented_until_they_do(ledger):
    answer = services.consent_status(subject=ledger["subject"], purpose="promotional")
    assert answer == services.ConsentAnswer(given=False, basis="no consent recorded", decided_at=None, event_id=None)
