"""The deadline dashboard tags open CCTV requests whose footage is not retrieved and about to be overwritten."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pledge.casework import footage
from pledge.casework.footage_models import RetrievalOutcome
from pledge.casework.tests.footage_factories import at, make_cctv_case, make_cctv_system, make_scope
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


def cctv_case(system, actor, *, start=None):
    case = make_cctv_case(received_on=date(2026, 11, 10))
    make_scope(case=case, system=system, actor=actor, start=start, end=start.replace(hour=11) if start else None)
    return case


def rows(client) -> dict[str, str]:
    html = client.get(reverse("cases:dashboard")).content.decode()
    body = html.split('<tbody class="govuk-table__body">')[1].split("</tbody>")[0]
    return {row.split("</a>")[0].rsplit(">", 1)[1]: row for row in body.split("<tr")[1:]}


def test_footage_at_risk_is_tagged_and_safe_or_retrieved_footage_is_not(today, client_as, caseworker) -> None:
    today(date(2026, 11, 20))
    system = make_cctv_system()
    at_risk = cctv_case(system, caseworker, start=at(2026, 10, 25, 10))  # overwritten 25 November
    safe = cctv_case(system, caseworker)  # overwritten 4 December
    retrieved = cctv_case(system, caseworker, start=at(2026, 10, 25, 10))
    footage.record_retrieval(
        scope=retrieved.footage_scope,
        outcome=RetrievalOutcome.PRESERVED,
        on=date(2026, 11, 20),
        retrieved_by="Control room",
        reason="",
        actor=caseworker,
    )
    shown = rows(client_as(Role.CASEWORKER))
    assert "Footage at risk" in shown[at_risk.reference]
    assert "Footage at risk" not in shown[safe.reference]
    assert "Footage at risk" not in shown[retrieved.reference]


def test_the_footage_check_is_one_query_however_many_cctv_cases_are_on_the_page(today, client_as, caseworker) -> None:
    today(date(2026, 11, 20))
    system = make_cctv_system()
    client = client_as(Role.CASEWORKER)
    cctv_case(system, caseworker, start=at(2026, 10, 25, 10))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("cases:dashboard"))
    for _ in range(4):
        cctv_case(system, caseworker, start=at(2026, 10, 25, 10))
    with CaptureQueriesContext(connection) as five:
        client.get(reverse("cases:dashboard"))
    assert len(five) == len(one)
    assert sum("Footage at risk" in row for row in rows(client).values()) == 5
