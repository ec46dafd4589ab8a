import io

import pytest
from django.test import Client
from pypdf import PdfReader

from pledge.core.models import User
from pledge.core.roles import Role
from pledge.redaction import services
from pledge.redaction.models import Decision, DocumentKind, ReviewState

NOTE = "Zebedee Unusualname said his neighbour Kevin Walsh (07700 900999) took the keys."


@pytest.fixture
def document(case, caseworker):
    return services.add_document(
        case=case, title="Visit note", text=NOTE, kind=DocumentKind.CASE_NOTE, actor=caseworker
    )


@pytest.fixture
def signed_in(caseworker) -> Client:
    client = Client()
    client.force_login(caseworker)
    return client


def _url(document, tail: str = "") -> str:
    return f"/staff/redaction/{document.pk}/{tail}"


def test_it_shows_each_proposal_in_context(signed_in, document) -> None:
    page = signed_in.get(_url(document)).content.decode()
    assert "Kevin Walsh" in page and "Third party" in page and "Save decision" in page


def test_an_anonymous_visitor_is_sent_to_sign_in(document) -> None:
    response = Client().get(_url(document))
    assert response.status_code == 302
    assert "sign-in" in response["Location"] or "login" in response["Location"]


def test_a_role_without_casework_gets_403(document) -> None:
    client = Client()
    client.force_login(User.objects.create_user(username="aud", password=None, role=Role.AUDITOR))
    assert client.get(_url(document)).status_code == 403
    redaction = document.redactions.first()
    assert client.post(_url(document, f"redactions/{redaction.pk}/"), {}).status_code == 403


def test_redacting_without_a_reason_shows_the_error_and_keeps_the_choice(signed_in, document) -> None:
    redaction = document.redactions.filter(proposed=True).first()
    prefix = f"r{redaction.pk}"
    response = signed_in.post(
        _url(document, f"redactions/{redaction.pk}/"),
        {f"{prefix}-decision": "accepted", f"{prefix}-exemption_code": "THIRD_PARTY", f"{prefix}-reason": ""},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page and "Give the reason for the redaction" in page
    redaction.refresh_from_db()
    assert redaction.decision == Decision.PROPOSED


def test_a_caseworker_decides_adds_approves_and_downloads_the_redacted_pdf(signed_in, document) -> None:
    for redaction in document.redactions.all():
        prefix = f"r{redaction.pk}"
        data = {
            f"{prefix}-decision": "accepted" if redaction.proposed else "rejected",
            f"{prefix}-exemption_code": "THIRD_PARTY",
            f"{prefix}-reason": "Neighbour; no consent sought",
        }
        assert signed_in.post(_url(document, f"redactions/{redaction.pk}/"), data).status_code == 302
    added = signed_in.post(
        _url(document, "add/"),
        {"quote": "took the keys", "occurrence": "1", "exemption_code": "THIRD_PARTY", "reason": "Their conduct"},
    )
    assert added.status_code == 302
    assert signed_in.post(_url(document, "approve/")).status_code == 302
    document.refresh_from_db()
    assert document.state == ReviewState.APPROVED
    response = signed_in.get(_url(document, "release.pdf"))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Zebedee Unusualname" in text
    for secret in ("Kevin", "Walsh", "900999", "took the keys"):
        assert secret not in text


def test_adding_words_not_in_the_document_is_an_error(signed_in, document) -> None:
    response = signed_in.post(
        _url(document, "add/"),
        {"quote": "not there", "occurrence": "1", "exemption_code": "THIRD_PARTY", "reason": "x"},
    )
    assert "do not appear in the document" in response.content.decode()
