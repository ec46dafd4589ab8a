"""The panel on the case page shows what applies to the case's kind, with forms for case handlers only."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from pledge.casework import services as casework
from pledge.casework.models import CaseKind
from pledge.core.roles import Role
from pledge.fulfilment.tests.factories import make_case, make_restriction

pytestmark = pytest.mark.django_db


@pytest.fixture
def at(today, register):
    return today(date(2026, 12, 10))


def _page(client, case) -> BeautifulSoup:
    response = client.get(f"/staff/cases/{case.pk}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _sections(html: BeautifulSoup) -> list[str]:
    panel = html.find("h2", id="fulfilment")
    return [str(h3["id"]) for h3 in panel.find_all_next("h3", id=True)] if panel else []


def _form_actions(html: BeautifulSoup) -> list[str]:
    return [f["action"].split("/fulfilment/")[1] for f in html.select("form[action*='/fulfilment/']")]


@pytest.mark.parametrize(
    ("kind", "sections", "forms"),
    [
        (
            CaseKind.RECTIFICATION,
            ["corrections", "disagreements", "restrictions", "recipients"],
            ["corrections/", "disagreements/", "restrictions/"],
        ),
        (CaseKind.ERASURE, ["erasure", "recipients"], ["erasure/"]),
        (CaseKind.RESTRICTION, ["restrictions", "recipients"], ["restrictions/"]),
        (CaseKind.OBJECTION, ["restrictions", "recipients"], ["restrictions/"]),
    ],
)
def test_each_kind_shows_its_sections_and_forms(at, client_as, kind, sections, forms) -> None:
    case = make_case(kind=kind, received_on=date(2026, 12, 1))

    html = _page(client_as(Role.CASEWORKER), case)

    assert html.find("h2", id="fulfilment").get_text() == "What the request changes"
    assert [
        s for s in _sections(html) if s in {"corrections", "disagreements", "erasure", "restrictions", "recipients"}
    ] == sections
    assert _form_actions(html) == forms


@pytest.mark.parametrize("kind", [CaseKind.ACCESS, CaseKind.PORTABILITY, CaseKind.CONSENT_WITHDRAWAL])
def test_other_kinds_show_no_panel(at, client_as, kind) -> None:
    html = _page(client_as(Role.CASEWORKER), make_case(kind=kind, received_on=date(2026, 12, 1)))
    assert html.find("h2", id="fulfilment") is None


def test_a_rectification_case_offers_restriction_while_accuracy_is_contested(at, client_as) -> None:
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))

    html = _page(client_as(Role.CASEWORKER), case)

    restrictions = html.find("h3", id="restrictions").find_next("div", class_="govuk-inset-text")
    assert "offer to restrict it until it is checked (Art 18(1)(a))" in restrictions.get_text()
    ground = html.select_one("input[name='restriction-ground'][checked]")
    assert ground["value"] == "a"


def test_a_reader_sees_the_records_but_no_forms(at, client_as, revenues, caseworker) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))

    html = _page(client_as(Role.AUDITOR), case)

    assert "Revenues system, record CT-1001" in html.select_one("[data-restriction]").get_text(" ", strip=True)
    assert _form_actions(html) == []


def test_the_recipients_show_who_is_untold_and_the_line_for_the_letter(at, client_as, revenues, caseworker) -> None:
    case = make_case(kind=CaseKind.RESTRICTION, received_on=date(2026, 12, 1))
    before = _page(client_as(Role.CASEWORKER), case)
    assert "Once a correction, erasure or restriction is recorded" in before.get_text()
    assert "recipients/" not in _form_actions(before)
    assert before.find(id="recipients-line") is None

    make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    html = _page(client_as(Role.CASEWORKER), case)

    rows = {tr["data-recipient"]: tr.get_text(" ", strip=True) for tr in html.select("tr[data-recipient]")}
    assert rows["dwp"] == "Department for Work and Pensions Other public body Not told yet"
    assert rows["mailing-house"] == "Example Mailing Ltd Processor acting for us Not told yet"
    assert html.select_one("[data-untold-count]").get_text(strip=True) == "2 of 2 recipients not told yet."
    assert "Department for Work and Pensions and Example Mailing Ltd" in html.find(id="recipients-line").get_text()
    assert "recipients/" in _form_actions(html)


def test_a_case_without_activities_says_so(at, client_as) -> None:
    case = make_case(kind=CaseKind.ERASURE, received_on=date(2026, 12, 1), activities=())
    assert "This case names no processing activities" in _page(client_as(Role.CASEWORKER), case).get_text()


def test_a_closed_case_offers_only_lifting_and_telling_recipients(at, client_as, revenues, caseworker) -> None:
    case = make_case(kind=CaseKind.RECTIFICATION, received_on=date(2026, 12, 1))
    restriction = make_restriction(case=case, system=revenues, actor=caseworker, on=date(2026, 12, 2))
    casework.mark_responded(case=case, on=date(2026, 12, 9), actor=caseworker)
    casework.close(case=case, on=date(2026, 12, 10), actor=caseworker)

    html = _page(client_as(Role.CASEWORKER), case)

    assert _form_actions(html) == [f"restrictions/{restriction.pk}/lift/", "recipients/"]
