"""Other council systems ask the ledger before they act: the answer, its basis and when it was decided."""

from datetime import datetime

from pledge.consent import services
from pledge.consent.models import Channel
from pledge.core.models import ServiceToken
from pledge.core.roles import Role

from .api_calls import LOOKUP, STATUS, SUBJECT, send
from .conftest import LONDON


def _token() -> str:
    return ServiceToken.issue(name="events-booking", role=Role.CASEWORKER)[1]


def test_a_service_token_reads_a_consent_with_its_basis_and_time(client, ledger, at):
    at(datetime(2026, 3, 1, 10, 0, tzinfo=LONDON))
    services.record_consent(
        subject=SUBJECT, purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="web form"
    )
    response = send(client, "GET", STATUS, token=_token())
    assert response.status_code == 200
    assert response.json() == {
        "subject": SUBJECT,
        "purpose": "promotional",
        "given": True,
        "basis": "consent given on 2026-03-01 by website, wording v1",
        "decided_at": "2026-03-01T10:00:00Z",
    }


def test_it_answers_no_when_nothing_is_recorded(client, ledger):
    body = send(client, "GET", STATUS, token=_token()).json()
    assert body["given"] is False and body["basis"] == "no consent recorded" and body["decided_at"] is None


def test_an_opt_out_reads_as_not_given(client, ledger):
    services.record_consent(
        subject=SUBJECT, purpose="promotional", wording_version="v1", channel=Channel.WEB, actor="w"
    )
    services.opt_out_of_promotional(subject=SUBJECT, channel=Channel.PHONE, actor="clerk")
    body = send(client, "GET", STATUS, token=_token()).json()
    assert body["given"] is False and body["basis"].startswith("opted out of promotional messages")


def test_it_refuses_an_unknown_purpose_with_a_message(client, ledger):
    response = send(client, "GET", f"/api/v1/consent?subject={SUBJECT}&purpose=lottery", token=_token())
    assert response.status_code == 404
    assert "no consent purpose 'lottery'" in response.json()["detail"]


def test_it_refuses_a_malformed_subject_with_a_message(client, ledger):
    response = send(client, "GET", "/api/v1/consent?subject=ada@example.com&purpose=promotional", token=_token())
    assert response.status_code == 400
    assert "pseudonymous id" in response.json()["detail"]


def test_it_refuses_a_missing_purpose(client, ledger):
    response = send(client, "GET", f"/api/v1/consent?subject={SUBJECT}", token=_token())
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "purpose"


def test_it_swaps_an_email_address_in_the_body_for_the_subject_id(client, ledger):
    response = send(client, "POST", LOOKUP, {"email": " Ada.Fictional@example.com"}, token=_token())
    assert response.status_code == 200
    assert response.json() == {"subject": SUBJECT}


def test_it_refuses_a_malformed_email_address(client, ledger):
    response = send(client, "POST", LOOKUP, {"email": "not an address"}, token=_token())
    assert response.status_code == 400
    assert "correct format" in response.json()["detail"]


def test_it_refuses_unknown_fields_in_the_body(client, ledger):
    response = send(client, "POST", LOOKUP, {"email": "a@example.com", "name": "Ada"}, token=_token())
    assert response.status_code == 422
