"""The staff intake form: errors are listed and nothing is saved; a good request opens a case."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from pledge.casework.models import Case
from pledge.core.models import AuditEvent
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "access",
    "channel": "phone",
    "received_on": "3/9/2026",
    "requester_name": "Zebedee Unusualname",
    "requester_email": "",
    "requester_address": "1 High Street\nAnytown",
    "on_behalf_of": "",
    "summary": "Copies of my housing file",
}


def test_an_empty_form_lists_every_problem_and_saves_nothing(today, client_as) -> None:
    today(date(2026, 9, 10))
    response = client_as(Role.CASEWORKER).post("/staff/cases/new/", {})
    html = BeautifulSoup(response.content, "html.parser")
    errors = [a.get_text(strip=True) for a in html.select(".govuk-error-summary a")]
    assert errors == [
        "Select what the person is asking for",
        "Select how the request arrived",
        "Enter the date the request was received",
        "Enter the requester's full name",
        "Enter an email address or a postal address so we can reply",
        "Enter what the request is about",
    ]
    assert html.title.get_text().startswith("Error:")
    assert not Case.objects.exists()


def test_a_future_date_is_refused(today, client_as) -> None:
    today(date(2026, 9, 10))
    response = client_as(Role.CASEWORKER).post("/staff/cases/new/", {**GOOD, "received_on": "11/9/2026"})
    assert "The date cannot be in the future" in response.content.decode()
    assert not Case.objects.exists()


def test_a_date_outside_the_calendar_is_explained_and_nothing_saved(today, client_as) -> None:
    today(date(2026, 9, 10))
    response = client_as(Role.CASEWORKER).post("/staff/cases/new/", {**GOOD, "received_on": "2/10/2023"})
    assert "outside the bank-holiday calendar" in response.content.decode()
    assert not Case.objects.exists()
    assert not AuditEvent.objects.filter(object_type="case").exists()


def test_a_good_request_opens_a_case_and_shows_it(today, client_as) -> None:
    today(date(2026, 9, 10))
    response = client_as(Role.CASEWORKER).post("/staff/cases/new/", GOOD, follow=True)
    case = Case.objects.get()
    assert response.redirect_chain == [(f"/staff/cases/{case.pk}/", 302)]
    assert (case.kind, case.channel, case.due_on) == ("access", "phone", date(2026, 10, 5))
    assert f"Request logged with reference {case.reference}" in response.content.decode()
    assert "Zebedee" not in response.redirect_chain[0][0]
