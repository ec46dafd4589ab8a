"""The deadline dashboard: open cases in buckets, RAG tags with text, filters, and clocks that are not running."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from pledge.casework import services
from pledge.casework.dashboard import bucket_totals, dashboard_rows, open_cases
from pledge.casework.models import CaseKind
from pledge.casework.rag import Bucket, Rag
from pledge.casework.tests.factories import make_case
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db
TODAY = date(2026, 10, 5)  # a Monday


@pytest.fixture
def cases(today, caseworker):
    today(TODAY)
    made = {
        "overdue": make_case(received_on=date(2026, 9, 2)),  # due Fri 2 Oct
        "today": make_case(received_on=date(2026, 9, 5)),  # Sat 5 Sep -> due Mon 5 Oct
        "this_week": make_case(received_on=date(2026, 9, 9)),  # due Fri 9 Oct
        "later": make_case(received_on=date(2026, 10, 1)),  # due Mon 2 Nov
        "answered": make_case(received_on=date(2026, 9, 1)),
        "awaiting_id": make_case(received_on=date(2026, 9, 1)),
    }
    services.mark_responded(case=made["answered"], on=TODAY, actor=caseworker)
    services.ask_for_identity(case=made["awaiting_id"], on=TODAY, actor=caseworker)
    services.assign(case=made["later"], assignee=caseworker, actor=caseworker)
    return made


def test_it_sorts_open_cases_into_buckets(cases) -> None:
    rows = dashboard_rows(open_cases(), today=TODAY)
    assert bucket_totals(open_cases(), today=TODAY).counts == {"overdue": 1, "today": 1, "this_week": 1, "later": 1}
    by_case = {row.case.pk: row for row in rows}
    assert cases["answered"].pk not in by_case
    assert by_case[cases["overdue"].pk].rag == Rag.RED
    assert by_case[cases["later"].pk].rag == Rag.GREEN
    assert by_case[cases["today"].pk].bucket == Bucket.TODAY


def test_a_case_waiting_for_proof_has_no_clock_running(cases) -> None:
    row = next(r for r in dashboard_rows(open_cases(), today=TODAY) if r.case.pk == cases["awaiting_id"].pk)
    assert (row.rag, row.bucket, row.clock_note) == (None, None, "Clock not started: waiting for proof")


def test_an_access_request_waiting_for_clarification_has_its_clock_stopped(today, caseworker) -> None:
    today(TODAY)
    access = make_case(received_on=date(2026, 9, 2))
    erasure = make_case(received_on=date(2026, 9, 2), kind=CaseKind.ERASURE)
    for case in (access, erasure):
        services.ask_for_clarification(case=case, on=TODAY, actor=caseworker)
    notes = {row.case.pk: row.clock_note for row in dashboard_rows(open_cases(), today=TODAY)}
    assert notes == {access.pk: "Clock stopped: waiting for clarification", erasure.pk: ""}


def test_it_filters_by_assignee_and_state(cases, caseworker) -> None:
    assert [c.pk for c in open_cases(assignee=str(caseworker.pk))] == [cases["later"].pk]
    assert cases["later"].pk not in [c.pk for c in open_cases(assignee="none")]
    assert [c.pk for c in open_cases(state="awaiting_id")] == [cases["awaiting_id"].pk]


def test_the_page_shows_counts_and_tags_with_text(cases, client_as) -> None:
    html = BeautifulSoup(client_as(Role.CASEWORKER).get("/staff/cases/").content, "html.parser")
    assert html.h1.get_text(strip=True) == "Rights requests"
    assert html.select_one('[data-bucket="overdue"]').get_text(strip=True) == "1"
    tags = [tag.get_text(strip=True) for tag in html.select("td .govuk-tag")]
    assert "Red: overdue" in tags
    assert "Green" in tags
    assert "Clock not started: waiting for proof" in tags


def test_the_page_filters_without_javascript(cases, client_as) -> None:
    html = BeautifulSoup(client_as(Role.AUDITOR).get("/staff/cases/?state=awaiting_id").content, "html.parser")
    assert [a.get_text() for a in html.select("tbody a")] == [cases["awaiting_id"].reference]
    assert html.select_one("a.govuk-button") is None  # an auditor cannot log requests
