"""The staff page of active restrictions, filtered by system."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.core.roles import Role
from pledge.fulfilment.services import lift_restriction
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(today, register, revenues, housing, caseworker):
    today(date(2026, 12, 10))
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2), reference="CT-1")
    make_restriction(case=case, system=housing, actor=caseworker, on=date(2026, 12, 3), reference="HSG-1")
    lifted = make_restriction(case=case, system=housing, actor=caseworker, on=date(2026, 12, 3), reference="HSG-2")
    lift_restriction(
        restriction=lifted,
        person_told_on=date(2026, 12, 4),
        person_told_how="letter",
        reasons="Checked",
        lifted_on=date(2026, 12, 5),
        actor=caseworker,
    )
    return case


def _rows(response) -> list[str]:
    html = BeautifulSoup(response.content, "html.parser")
    return [tr.find("td", class_="govuk-table__cell").find_next("td").get_text() for tr in html.select("tbody tr")]


def test_it_lists_every_active_restriction(restricted, client_as) -> None:
    response = client_as(Role.AUDITOR).get(reverse("fulfilment:restrictions"))

    assert _rows(response) == ["CT-1", "HSG-1"]
    assert "2 active restrictions" in response.content.decode()
    assert restricted.reference in response.content.decode()


def test_it_filters_by_system(restricted, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(reverse("fulfilment:restrictions"), {"system": "housing-system"})

    assert _rows(response) == ["HSG-1"]
    assert "1 active restriction in Housing system" in response.content.decode()


def test_an_unknown_system_shows_an_error_summary(restricted, client_as) -> None:
    response = client_as(Role.CASEWORKER).get(reverse("fulfilment:restrictions"), {"system": "nope"})

    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert html.select_one(".govuk-error-summary").get_text(" ", strip=True).endswith("Select a system from the list")
    assert _rows(response) == []
