"""The rights engine on the case page: for the case's kind and each chosen activity, whether the right applies
and why, with the Art 17(3) exceptions for erasure and the absolute objection to direct marketing."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from pledge.casework.models import CaseKind
from pledge.casework.scope import choose_scope
from pledge.casework.tests.factories import make_case
from pledge.casework.tests.register_rows import build_register
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    return build_register()


@pytest.fixture
def panel(today, client_as, caseworker):
    today(date(2026, 11, 10))

    def show(kind: CaseKind, *activities):
        case = make_case(received_on=date(2026, 11, 9), kind=kind, actor=caseworker)
        choose_scope(case=case, activities=list(activities), team=None, actor=caseworker)
        html = client_as(Role.AUDITOR).get(reverse("cases:case", kwargs={"pk": case.pk})).content
        page = BeautifulSoup(html, "html.parser")
        rows = {
            row.th.get_text(strip=True): [cell.get_text(" ", strip=True) for cell in row.select("td")]
            for row in page.select("[data-rights-table] tbody tr")
        }
        return page, rows

    return show


def test_without_activities_it_asks_for_them(panel) -> None:
    page, rows = panel(CaseKind.ACCESS)
    assert rows == {}
    assert "Choose the activities this request concerns to see whether the right of access applies" in page.get_text()


def test_erasure_shows_the_exceptions_that_may_apply(panel, register) -> None:
    page, rows = panel(CaseKind.ERASURE, register.billing, register.adult_care, register.newsletter)
    applies, why = rows["Billing and collecting council tax"]
    assert applies == "No"
    assert "Art 17(3)(b): the processing is needed to comply with a legal obligation." in why
    assert "Legal obligation (Art 17(3)(b))" in why
    applies, why = rows["Care needs assessments"]
    assert applies == "No"
    assert "Public task (Art 17(3)(b))" in why
    assert "Public health (Art 17(3)(c))" in why
    assert "Archiving, research or statistics (Art 17(3)(d))" in why
    assert rows["Recycling newsletter"][0] == "Yes"
    assert "Always check too: Legal claims (Art 17(3)(e))" in page.get_text()
    assert "The right to erasure applies to: Recycling newsletter." in page.select_one("[data-verdict]").get_text()


def test_objection_applies_to_public_task_and_absolutely_to_direct_marketing(panel, register) -> None:
    _, rows = panel(CaseKind.OBJECTION, register.support, register.newsletter, register.billing)
    assert rows["Council tax support"] == ["Yes", "Art 21(1): the processing relies on Art 6(1)(e), (ea) or (f)."]
    assert rows["Recycling newsletter"][0] == "Yes"
    assert "absolute" in rows["Recycling newsletter"][1]
    assert "Nothing overrides an objection to direct marketing." in rows["Recycling newsletter"][1]
    assert rows["Billing and collecting council tax"][0] == "No"


def test_portability_only_for_consent_or_contract_processed_by_computer(panel, register) -> None:
    _, rows = panel(CaseKind.PORTABILITY, register.garden_waste, register.support)
    assert rows["Garden waste subscriptions"][0] == "Yes"
    assert rows["Council tax support"] == ["No", "Art 20(1)(a): only for processing based on consent or contract."]


def test_a_right_that_applies_to_no_activity_is_said_plainly(panel, register) -> None:
    page, _ = panel(CaseKind.PORTABILITY, register.billing)
    warning = page.select_one(".govuk-warning-text").get_text(" ", strip=True)
    assert "The right to data portability does not apply to any of the activities this request concerns" in warning
    assert "Billing and collecting council tax: Art 20(1)(a)" in warning
    assert "The response must tell the requester that the right does not apply, and why." in page.get_text()
