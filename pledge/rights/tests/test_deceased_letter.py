"""Staff reply to a request about someone who has died (P048): no case, a letter pointing to the other routes."""

from datetime import date
from io import BytesIO

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from pledge.casework.models import Case
from pledge.core.models import AuditEvent, User
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db
URL = "/staff/cases/someone-who-has-died/"
DETAILS = {
    "writer_name": "Wendy Example",
    "writer_address": "1 Fictional Row\nAnytown\nAY1 2BC",
    "deceased_name": "Walter Example",
    "their_reference": "WE/1",
}


def client_as(role: Role) -> Client:
    user, _ = User.objects.get_or_create(username=f"{role.value}-person", defaults={"role": role})
    client = Client()
    client.force_login(user)
    return client


def test_the_page_is_at_a_path_with_no_personal_data():
    assert reverse("rights_staff:deceased_letter") == URL


def test_the_log_a_request_page_links_to_it():
    page = client_as(Role.CASEWORKER).get(reverse("cases:new"))
    assert URL in page.content.decode()


@time_machine.travel(date(2026, 12, 1))
def test_it_shows_the_letter_naming_both_people_and_the_other_routes():
    page = client_as(Role.CASEWORKER).post(URL, DETAILS).content.decode()
    assert "Dear Wendy Example," in page
    assert "Your request about Walter Example" in page
    assert "Access to Health Records Act 1990" in page
    assert "Freedom of Information request" in page
    assert "1 December 2026" in page


def test_it_opens_no_case_and_the_audit_row_names_nobody():
    client_as(Role.CASEWORKER).post(URL, {**DETAILS, "download": "pdf"})
    assert not Case.objects.exists()
    events = AuditEvent.objects.filter(object_type="deceased_letter")
    assert events.count() == 1
    assert "Example" not in str(list(events.values()))


def test_the_download_is_a_pdf_of_the_same_letter():
    response = client_as(Role.CASEWORKER).post(URL, {**DETAILS, "download": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert "Example" not in response["Content-Disposition"]
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Walter Example" in text and "Access to Health Records Act 1990" in text


def test_missing_names_get_an_error_summary_and_no_letter():
    page = client_as(Role.CASEWORKER).post(URL, {"writer_name": "", "deceased_name": ""}).content.decode()
    assert "There is a problem" in page
    assert "Enter the name of the person who made the request" in page
    assert "Enter the name of the person who has died" in page
    assert "Dear" not in page


def test_an_ampersand_in_a_name_is_printed_as_typed_in_the_pdf():
    response = client_as(Role.CASEWORKER).post(URL, {**DETAILS, "writer_name": "Smith & Co", "download": "pdf"})
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Smith & Co" in text and "&amp;" not in text


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.HANDLE_CASES)])
def test_a_role_that_cannot_handle_cases_is_refused(role):
    assert client_as(role).post(URL, DETAILS).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in():
    response = Client().get(URL)
    assert response.status_code == 302 and "sign-in" in response["Location"]
