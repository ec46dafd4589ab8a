"""Other council systems ask the ledger before they act: the answer, its basis and when it was decided."""

from datetime import datetime

import pytest

from pledge.consent import services
from pledge.consent.models import Channel
from pledge.core.models import ServiceToken
from pledge.core.roles import Role

from .api_calls import LOOKUP, STATUS, SUBJECT, send
from .conftest import LONDON


@pytest.fixture
def token(db: None) -> str:
    """A service token for a fictional events-booking system."""
    return ServiceToken.issue(name="events-booking", role=Role.CASEWORKER)[1]


def test_a_service_token_reads_a_consent_with_its_basis_and_time(client, token, ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    services.record_consent(
        subject=SUBJECT, purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web form"
    )
    response = send(client, "GET", STATUS, token=token)
    assert response.status_code == 200
    assert response.json() == {
        "subject": SUBJECT,
        "purpose": "promotional",
        "given": True,
        "basis": "consent given on 2026-03-01 by website, wording v1",
        "decided_at": "2026-03-01T10:00:00Z",
    }


def test_it_answers_no_when_nothing_is_recorded(client, token, ledger):
    body = send(client, "GET", STATUS, token=token).json()
    assert body["given"] is False and body["basis"] == "no consent recorded" and body["decided_at"] is None


def test_an_opt_out_reads_as_not_given(client, token, ledger):
    services.record_consent(
        subject=SUBJECT, purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="w"
    )
    services.opt_out_of_promotional(subject=SUBJECT, channel=Channel.PHONE, actor="clerk")
    body = send(client, "GET", STATUS, token=token).json()
    assert body["given"] is False and body["basis"].startswith("opted out of promotional messages")


def test_it_refuses_an_unknown_purpose_with_a_message(client, token, ledger):
    response = send(client, "GET", f"/api/v1/consent?subject={SUBJECT}&purpose=lottery", token=token)
    assert response.status_code == 404
    assert "no consent purpose 'lottery'" in response.json()["detail"]


def test_it_refuses_a_malformed_subject_with_a_message(client, token, ledger):
    response = send(client, "GET", "/api/v1/consent?subject=ada@example.com&purpose=promotional", token=token)
    assert response.status_code == 400
    assert "pseudonymous id" in response.json()["detail"]


def test_it_refuses_a_missing_purpose(client, token, ledger):
    response = send(client, "GET", f"/api/v1/consent?subject={SUBJECT}", token=token)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "purpose"


def test_it_swaps_an_email_address_in_the_body_for_the_subject_id(client, token, ledger):
    response = send(client, "POST", LOOKUP, {"email": " Ada.Fictional@example.com"}, token=token)
    assert response.status_code == 200
    assert response.json() == {"subject": SUBJECT}


def test_it_refuses_a_malformed_email_address(client, token, ledger):
    response = send(client, "POST", LOOKUP, {"email": "not an address"}, token=token)
    assert response.status_code == 400
    assert "correct format" in response.json()["detail"]


def test_it_refuses_unknown_fields_in_the_body(client, token, ledger):
    response = send(client, "POST", LOOKUP, {"email": "a@example.com", "name": "Ada"}, token=token)
    assert response.status_code == 422


def test_a_service_message_may_go_without_a_consent_until_the_person_withdraws(client, token, ledger):
    path = f"/api/v1/consent?subject={SUBJECT}&purpose=service:bins"
    services.opt_out_of_promotional(subject=SUBJECT, channel=Channel.WEB, actor="web form")
    body = send(client, "GET", path, token=token).json()
    assert body["given"] is True and "no consent needed" in body["basis"]
    services.withdraw_consent(subject=SUBJECT, purpose="service:bins", channel=Channel.PHONE, actor="clerk")
    assert send(client, "GET", path, token=token).json()["given"] is False


def test_a_sharing_purpose_reads_as_its_consent(client, token, ledger):
    path = f"/api/v1/consent?subject={SUBJECT}&purpose=sharing:carers-trust"
    assert send(client, "GET", path, token=token).json()["basis"] == "no consent recorded"
    services.record_consent(
        subject=SUBJECT, purpose="sharing:carers-trust", wording_version="v1", channel=Channel.IN_PERSON, actor="c"
    )
    assert send(client, "GET", path, token=token).json()["given"] is True
