"""The response letter page: blocked until activities are chosen, previews outcomes, PDF, permissions, audit."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.casework.response_letters import NO_ACTIVITIES
from pledge.casework.scope import choose_scope
from pledge.casework.tests.factories import NAME, make_case
from pledge.casework.tests.register_rows import build_register
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.roles import Permission, Role, roles_with

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def case(today, caseworker):
    today(date(2026, 11, 10))
    return make_case(received_on=date(2026, 11, 9), actor=caseworker)


def url(case) -> str:
    return reverse("cases:letter", kwargs={"pk": case.pk, "kind": "response"})


def test_without_activities_it_says_plainly_that_it_cannot_be_produced(case, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(url(case))
    assert response.status_code == 409
    page = BeautifulSoup(response.content, "html.parser")
    assert NO_ACTIVITIES in page.get_text(" ", strip=True)
    assert page.select_one("[data-letter]") is None
    assert page.select_one(f"a[href='{reverse('cases:scope', kwargs={'pk': case.pk})}']") is not None
    assert client_as(Role.CASEWORKER).get(url(case), {"format": "pdf"}).status_code == 409


def test_with_activities_it_shows_the_letter_and_the_send_buttons(case, register, client_as, caseworker) -> None:
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    response = client_as(Role.CASEWORKER).get(url(case))
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert "Why we use it: to bill and collect council tax" in page.select_one("[data-letter]").get_text()
    buttons = [b.get_text(strip=True) for b in page.select("form[action$='/send/'] button")]
    assert buttons == ["Send by email", "Record as posted"]
    assert page.select_one("input[name=mark_responded]") is not None


def test_the_case_page_links_to_the_response(case, register, client_as, caseworker) -> None:
    body = client_as(Role.CASEWORKER).get(reverse("cases:case", kwargs={"pk": case.pk})).content.decode()
    assert f'href="{url(case)}">Response to the request</a> (not sent yet)' in body


def test_an_erasure_response_previews_each_outcome(today, register, client_as, caseworker) -> None:
    today(date(2026, 11, 10))
    case = make_case(received_on=date(2026, 11, 9), kind=CaseKind.ERASURE, actor=caseworker)
    choose_scope(case=case, activities=[register.newsletter], team=None, actor=caseworker)
    client = client_as(Role.CASEWORKER)
    done = BeautifulSoup(client.get(url(case)).content, "html.parser").select_one("[data-letter]").get_text()
    assert "We have deleted the information" in done
    refused = client.get(url(case), {"outcome": "refused"})
    text = BeautifulSoup(refused.content, "html.parser").select_one("[data-letter]").get_text()
    assert "We have not deleted the information" in text
    assert "[the reasons you give when you send this letter]" in text
    forged = client.get(url(case), {"outcome": "<script>"})
    assert forged.status_code == 200
    assert "We have deleted the information" in forged.content.decode()


def test_the_pdf_is_a_pdf_and_is_audited_as_an_export(case, register, client_as, caseworker) -> None:
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    response = client_as(Role.CASEWORKER).get(url(case), {"format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content[:5] == b"%PDF-"
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).get()
    assert event.summary == "Letter downloaded as PDF: response to the request"
    assert NAME not in event.summary


def test_an_auditor_can_read_it_but_gets_no_send_form(case, register, client_as, caseworker) -> None:
    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    response = client_as(Role.AUDITOR).get(url(case))
    assert response.status_code == 200
    assert b"Send by email" not in response.content


def test_an_anonymous_visitor_is_sent_to_sign_in(case) -> None:
    response = Client().get(url(case))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("core:login"))


@pytest.mark.parametrize("role", [r for r in Role if r not in roles_with(Permission.VIEW_CASES)])
def test_roles_that_cannot_view_cases_are_refused(case, client_as, role) -> None:
    assert client_as(role).get(url(case)).status_code == 403


def test_while_waiting_for_proof_it_says_the_response_cannot_be_sent(case, register, client_as, caseworker) -> None:
    from pledge.casework import services
    from pledge.casework.response_letters import AWAITING_PROOF

    choose_scope(case=case, activities=[register.billing], team=None, actor=caseworker)
    services.ask_for_identity(case=case, on=date(2026, 11, 10), actor=caseworker)
    response = client_as(Role.CASEWORKER).get(url(case))
    assert response.status_code == 409
    page = BeautifulSoup(response.content, "html.parser")
    assert AWAITING_PROOF in page.get_text(" ", strip=True)
    assert page.select_one("[data-letter]") is None
    assert b"Choose the activities this request concerns" not in response.content
