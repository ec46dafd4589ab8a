"""Art 21(2)-(3), PECR reg 22: an objection to direct marketing is absolute, whatever was consented before."""

from datetime import datetime

from pledge.consent import services
from pledge.consent.models import Channel

from .conftest import LONDON


def _give(subject, purpose, occurred_at=None):
    return services.record_consent(
        subject=subject,
        purpose=purpose,
        wording_version="v1",
        channel=Channel.API,
        actor="old-crm",
        occurred_at=occurred_at,
    )


def test_after_an_objection_no_marketing_or_promotional_purpose_reads_as_given(ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    _give(ledger["subject"], "marketing:events")
    _give(ledger["subject"], "promotional")
    at(datetime(2026, 3, 3, 10, 0, tzinfo=LONDON))
    services.object_to_direct_marketing(subject=ledger["subject"], channel=Channel.LETTER, actor="post room")
    for purpose in ("marketing:events", "promotional"):
        assert services.consent_status(subject=ledger["subject"], purpose=purpose).given is False
        answer = services.may_send(subject=ledger["subject"], purpose=purpose)
        assert answer.given is False
        assert answer.basis == "objected to direct marketing on 2026-03-03 by letter"


def test_an_old_consent_re_imported_after_the_objection_stays_overruled(ledger, at):
    at(datetime(2026, 3, 3, 10, 0, tzinfo=LONDON))
    services.object_to_direct_marketing(subject=ledger["subject"], channel=Channel.PHONE, actor="clerk")
    at(datetime(2026, 5, 1, 10, 0, tzinfo=LONDON))
    _give(ledger["subject"], "marketing:events", occurred_at=datetime(2025, 11, 1, tzinfo=LONDON))
    assert services.may_send(subject=ledger["subject"], purpose="marketing:events").given is False


def test_an_objection_leaves_service_messages_and_sharing_alone(ledger):
    _give(ledger["subject"], "sharing:carers-trust")
    services.object_to_direct_marketing(subject=ledger["subject"], channel=Channel.WEB, actor="web form")
    assert services.may_send(subject=ledger["subject"], purpose="service:bins").given is True
    covered = services.consent_covers(
        subject=ledger["subject"], recipient="Anyshire Carers Trust", purpose="sharing:carers-trust"
    )
    assert covered.given is True
