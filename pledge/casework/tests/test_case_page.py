"""The case page: details, dates with their reasons, timeline, a VIEW audit row, and actions as POST forms."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from pledge.casework.models import Case
from pledge.casework.states import CaseState
from pledge.casework.tests.factories import NAME, make_case
from pledge.core.models import AuditEvent
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(today) -> Case:
    today(date(2026, 12, 10))
    return make_case(received_on=date(2026, 11, 30))


def test_it_shows_the_case_with_its_dates_and_reasons(case, client_as) -> None:
    html = BeautifulSoup(client_as(Role.AUDITOR).get(f"/staff/cases/{case.pk}/").content, "html.parser")
    assert html.h1.get_text(strip=True) == f"Case {case.reference}"
    text = html.get_text(" ", strip=True)
    assert NAME in text
    assert "Wednesday 30 December 2026. One month from the clock start" in text
    assert "(R1.2)" in text
    assert "Request logged (email)" in text
    assert html.select("form[action*='/respond/']") == []  # an auditor only reads


def test_reading_a_case_is_audited_without_personal_data(case, client_as) -> None:
    client_as(Role.AUDITOR).get(f"/staff/cases/{case.pk}/")
    event = AuditEvent.objects.get(action="view", object_type="case")
    assert (event.object_ref, event.actor_label) == (case.reference, "auditor-person")
    assert NAME not in event.summary


def test_each_action_form_posts_with_a_csrf_token(case, client_as) -> None:
    html = BeautifulSoup(client_as(Role.CASEWORKER).get(f"/staff/cases/{case.pk}/").content, "html.parser")
    forms = html.select("main form[method=post]")
    assert {f["action"].rsplit("/", 2)[-2] for f in forms} >= {"assign", "extend", "respond", "withdraw"}
    assert all(f.select_one("input[name=csrfmiddlewaretoken]") for f in forms)


def test_extending_through_the_page_moves_the_due_date(case, client_as) -> None:
    response = client_as(Role.CASEWORKER).post(
        f"/staff/cases/{case.pk}/extend/",
        {"extend-on": "10/12/2026", "extend-reason": "Six systems to search"},
        follow=True,
    )
    case.refresh_from_db()
    assert (case.state, case.due_on) == (CaseState.EXTENDED, date(2027, 3, 1))
    assert "Deadline extended." in response.content.decode()


def test_a_refused_action_shows_the_reason_in_an_error_summary(case, client_as, today) -> None:
    today(date(2026, 12, 31))
    response = client_as(Role.CASEWORKER).post(
        f"/staff/cases/{case.pk}/extend/", {"extend-on": "31/12/2026", "extend-reason": "Six systems to search"}
    )
    html = BeautifulSoup(response.content, "html.parser")
    assert "Too late to extend" in html.select_one(".govuk-error-summary").get_text()
    assert html.select_one(".govuk-error-summary a")["href"] == "#id_extend-on"
    assert Case.objects.get(pk=case.pk).state == CaseState.RECEIVED


def test_assigning_through_the_page(case, client_as, caseworker) -> None:
    client_as(Role.DPO).post(f"/staff/cases/{case.pk}/assign/", {"assign-assignee": caseworker.pk})
    assert Case.objects.get(pk=case.pk).assignee == caseworker
