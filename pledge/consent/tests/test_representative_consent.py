"""P081: consent given by a legal representative is recorded with their identity and authority, apart from the
person's own."""

import pytest

from pledge.consent import services
from pledge.consent.models import Channel
from pledge.consent.services import ConsentRefused, Representative

ATTORNEY = Representative(
    name="Carol Fictional", relationship="lasting power of attorney", authority_evidence="LPA registered, ref 7001-X"
)


def test_it_records_the_representatives_name_relationship_and_authority(ledger):
    event = services.record_consent(
        subject=ledger["subject"],
        purpose="promotional",
        wording_version="v1",
        channel=Channel.IN_PERSON,
        actor="clerk",
        representative=ATTORNEY,
    )
    assert event.by_representative
    assert (event.representative_name, event.representative_relationship) == (
        "Carol Fictional",
        "lasting power of attorney",
    )
    assert event.representative_authority == "LPA registered, ref 7001-X"
    basis = services.consent_status(subject=ledger["subject"], purpose="promotional").basis
    assert basis.endswith("by a representative (lasting power of attorney)")


def test_the_persons_own_consent_is_not_marked_as_a_representatives(ledger):
    event = services.record_consent(
        subject=ledger["subject"], purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web"
    )
    assert not event.by_representative and event.representative_name == ""


def test_it_refuses_a_representative_without_evidence_of_authority(ledger):
    with pytest.raises(ConsentRefused, match="evidence of their authority"):
        services.record_consent(
            subject=ledger["subject"],
            purpose="promotional",
            wording_version="v1",
            channel=Channel.PHONE,
            actor="clerk",
            representative=Representative(name="Carol Fictional", relationship="daughter", authority_evidence=" "),
        )
