"""Sending the request: one web case, the answers cleared, and a confirmation link without personal data."""

from collections.abc import Callable
from datetime import date
from urllib.parse import unquote

import pytest
from django.test import Client

from pledge.casework.models import Case, Channel
from pledge.core.models import AuditEvent
from pledge.rights.tests.conftest import CHECK, FOR_MY_CHILD, FOR_MYSELF, html

pytestmark = pytest.mark.django_db


def test_it_opens_exactly_one_web_case_for_someone_asking_for_themselves(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    answered(FOR_MYSELF).post(CHECK)
    case = Case.objects.get()
    assert (case.kind, case.channel, case.on_behalf_of) == ("access", Channel.WEB, "")
    assert case.received_on == date(2026, 9, 3)
    assert (case.requester_name, case.requester_email) == ("Zebedee Unusualname", "zebedee.unusualname@example.com")
    assert case.summary == "Everything about my council tax account"
    assert AuditEvent.objects.get(object_type="case").actor is None


def test_it_records_who_a_request_for_someone_else_is_for(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    answered(FOR_MY_CHILD).post(CHECK)
    case = Case.objects.get()
    assert (case.kind, case.on_behalf_of) == ("access_cctv", "parent")
    assert case.requester_address == "1 High Street\nAnytown"
    assert "Little Unusualname" in case.summary
    assert "Footage of my child at the park gate" in case.summary


def test_the_confirmation_shows_the_reference_and_the_date_we_will_reply_by(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    client = answered(FOR_MYSELF)
    page = html(client.get(client.post(CHECK)["Location"]))
    case = Case.objects.get()
    panel = page.select_one(".govuk-panel--confirmation")
    assert panel.select_one("h1").get_text(strip=True) == "Request sent"
    assert case.reference in panel.get_text()
    assert "We will reply by 5 October 2026." in page.get_text(" ", strip=True)  # spec §1.3 vector 3


def test_the_confirmation_link_carries_no_personal_data(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    location = unquote(answered(FOR_MY_CHILD).post(CHECK)["Location"])
    assert location.startswith("/your-rights/request-sent/?request=")
    for personal in ["Zebedee", "Unusualname", "example.com", "High Street", "Footage"]:
        assert personal not in location


def test_it_clears_the_answers_once_sent(answered: Callable[..., Client], today: Callable[[date], date]) -> None:
    today(date(2026, 9, 3))
    client = answered(FOR_MYSELF)
    client.post(CHECK)
    assert "rights_request_answers" not in client.session
    assert client.post(CHECK)["Location"] == "/your-rights/what-do-you-want-to-do/"
    assert Case.objects.count() == 1


@pytest.mark.parametrize("token", ["", "nonsense", "eyJhIjoxfQ:1vabcd:abcdefghijklmnop"])
def test_a_missing_or_tampered_confirmation_link_goes_to_the_start(client: Client, token: str) -> None:
    response = client.get("/your-rights/request-sent/", {"request": token})
    assert (response.status_code, response["Location"]) == (302, "/your-rights/")


def test_an_expired_confirmation_link_goes_to_the_start(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2026, 9, 3))
    client = answered(FOR_MYSELF)
    location = client.post(CHECK)["Location"]
    today(date(2026, 9, 5))
    assert client.get(location)["Location"] == "/your-rights/"


def test_when_the_deadline_cannot_be_worked_out_it_says_so_and_saves_nothing(
    answered: Callable[..., Client], today: Callable[[date], date]
) -> None:
    today(date(2030, 1, 14))  # after the years the shipped bank-holiday calendar covers
    client = answered(FOR_MYSELF)
    response = client.post(CHECK)
    assert response.status_code == 503
    assert html(response).select_one("h1").get_text(strip=True) == "Sorry, there is a problem with the service"
    assert "Your request has not been sent" in response.content.decode()
    assert not Case.objects.exists()
    assert not AuditEvent.objects.filter(object_type="case").exists()
    assert client.session["rights_request_answers"]["name"] == "Zebedee Unusualname"
