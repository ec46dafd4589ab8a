"""P105-P107: the disclosure log asks whether a consent covers sharing with a named recipient."""

import pytest

from pledge.consent import services
from pledge.consent.models import Channel
from pledge.consent.services import ConsentRefused


def _share(ledger, *, explicit=False):
    return services.record_consent(
        subject=ledger["subject"],
        purpose="sharing:carers-trust",
        wording_version="v1",
        channel=Channel.IN_PERSON,
        actor="clerk",
        explicit=explicit,
    )


def test_a_sharing_consent_covers_its_recipient(ledger):
    event = _share(ledger)
    answer = services.consent_covers(
        subject=ledger["subject"], recipient="anyshire carers trust", purpose="sharing:carers-trust"
    )
    assert answer.given is True and answer.event_id == event.pk


def test_it_does_not_cover_another_recipient(ledger):
    _share(ledger)
    answer = services.consent_covers(subject=ledger["subject"], recipient="Other Org", purpose="sharing:carers-trust")
    assert answer.given is False and "not this recipient" in answer.basis


def test_special_category_data_needs_explicit_consent(ledger):
    _share(ledger)
    kwargs = {"subject": ledger["subject"], "recipient": "Anyshire Carers Trust", "purpose": "sharing:carers-trust"}
    answer = services.consent_covers(**kwargs, explicit_required=True)
    assert answer.given is False and "Art 9(2)(a)" in answer.basis
    _share(ledger, explicit=True)
    assert services.consent_covers(**kwargs, explicit_required=True).given is True


def test_it_refuses_a_purpose_that_is_not_about_sharing(ledger):
    with pytest.raises(ConsentRefused, match="not a sharing purpose"):
        services.consent_covers(subject=ledger["subject"], recipient="Anyone", purpose="promotional")
