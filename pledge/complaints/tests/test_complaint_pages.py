"""The public form and the staff pages: errors shown in a summary with nothing lost or half-saved."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from pledge.casework.models import Case, ComplaintKind, IssuedLetter
from pledge.complaints.models import Complaint
from pledge.complaints.tests.factories import make_complaint
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db

GOOD = {
    "kind": "complaint",
    "what_happened": "You emailed my child's school report to another parent.",
    "wanted_outcome": "Ask them to delete it.",
    "related_reference": "",
    "name": "Peregrine Fandango",
    "email": "peregrine@example.com",
    "address": "",
}


def _errors(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.select_one(".govuk-error-summary")
    return [a.get_text(strip=True) for a in summary.select("li")] if summary else []


def test_a_resident_complains_online_and_gets_a_reference(today) -> None:
    today(date(2026, 11, 26))
    response = Client().post(reverse("complaints:complain"), GOOD, follow=True)
    case = Case.objects.get()
    assert case.kind == ComplaintKind.COMPLAINT
    assert case.channel == "web"
    assert case.complaint.wanted_outcome == "Ask them to delete it."
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert case.reference in text
    assert "29 December 2026" in text
    assert "Peregrine" not in response.redirect_chain[0][0]  # no personal data in the URL


def test_an_empty_form_shows_every_error_and_saves_nothing(db) -> None:
    response = Client().post(reverse("complaints:complain"), {})
    assert response.status_code == 200
    assert _errors(response) == [
        "Select whether you want to make a complaint or a suggestion",
        "Tell us what happened",
        "Enter your name",
        "Enter your email address or your postal address so we can reply",
    ]
    assert not Case.objects.exists()


def test_a_bad_reference_is_refused_and_what_was_typed_is_kept(db) -> None:
    response = Client().post(reverse("complaints:complain"), {**GOOD, "related_reference": "my last letter"})
    assert _errors(response) == ["Enter the reference as it appears on our letters, like RR-2026-000123"]
    assert "You emailed my child" in response.content.decode()
    assert not Case.objects.exists()


def test_a_tampered_confirmation_link_goes_back_to_the_form(db) -> None:
    response = Client().get(reverse("complaints:sent") + "?complaint=1")
    assert response.status_code == 302
    assert response["Location"] == reverse("complaints:complain")


def test_staff_log_a_phone_complaint(today, client_as) -> None:
    today(date(2026, 11, 26))
    data = {
        "kind": "suggestion",
        "channel": "phone",
        "received_on": "25/11/2026",
        "name": "Hortensia Plume",
        "email": "",
        "address": "2 Example Row",
        "summary": "Letters should come in large print.",
        "wanted_outcome": "",
        "related_reference": "",
    }
    response = client_as(Role.CASEWORKER).post(reverse("complaints:new"), data)
    complaint = Complaint.objects.get()
    assert response["Location"] == reverse("complaints:complaint", args=[complaint.case_id])
    assert complaint.case.kind == ComplaintKind.SUGGESTION
    assert complaint.case.received_on == date(2026, 11, 25)


def test_staff_intake_refuses_a_future_date(today, client_as) -> None:
    today(date(2026, 11, 26))
    data = {"kind": "complaint", "channel": "phone", "received_on": "27/11/2026", "name": "A", "email": "a@example.com"}
    response = client_as(Role.CASEWORKER).post(reverse("complaints:new"), {**data, "summary": "x"})
    assert "The date cannot be in the future" in _errors(response)
    assert not Case.objects.exists()


def test_staff_acknowledge_from_the_complaint_page(today, client_as) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26))
    client = client_as(Role.CASEWORKER)
    url = reverse("complaints:action", args=[complaint.case_id, "acknowledge"])
    response = client.post(url, {"acknowledge-delivery": "email"}, follow=True)
    assert "Acknowledgement sent." in response.content.decode()
    assert IssuedLetter.objects.filter(kind="complaint_acknowledgement").count() == 1
    page = client.get(reverse("complaints:complaint", args=[complaint.case_id])).content.decode()
    assert "Send the acknowledgement" not in page
    assert "Acknowledged in time" in page


def test_an_outcome_without_findings_is_shown_with_errors_and_sends_nothing(today, client_as) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26))
    url = reverse("complaints:action", args=[complaint.case_id, "outcome"])
    response = client_as(Role.CASEWORKER).post(url, {"outcome-action_taken": "Apologised", "outcome-delivery": "post"})
    assert response.status_code == 400
    assert _errors(response) == [
        "Select what the investigation found",
        "Explain the findings: the complainant must be told them",
    ]
    assert "Apologised" in response.content.decode()
    assert not IssuedLetter.objects.exists()


def test_the_rights_case_page_sends_a_complaint_to_its_own_page(today, client_as) -> None:
    today(date(2026, 11, 26))
    complaint = make_complaint(received_on=date(2026, 11, 26))
    response = client_as(Role.CASEWORKER).get(reverse("cases:case", args=[complaint.case_id]))
    assert response["Location"] == reverse("complaints:complaint", args=[complaint.case_id])


def test_the_how_to_complain_page_links_to_the_online_form(settings, db) -> None:
    settings.PLEDGE_COMPLAINT_ACKNOWLEDGEMENT_DAYS = 20
    soup = BeautifulSoup(Client().get("/how-to-complain/").content, "html.parser")
    assert soup.select_one(f'a.govuk-button--start[href="{reverse("complaints:complain")}"]') is not None
    assert "within 20 days" in soup.get_text(" ")
