"""The metrics page: who may open it, the default period, charts with their tables, and an empty period."""

from datetime import date, datetime

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from pledge.casework import services
from pledge.casework.tests.conftest import LONDON
from pledge.casework.tests.factories import NAME, make_case
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db
URL = "/staff/cases/metrics/"
TODAY = date(2026, 11, 2)


def page(client: Client, query: str = "") -> BeautifulSoup:
    response = client.get(URL + query)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def answered(today, caseworker):
    today(TODAY)
    on_time, late = make_case(received_on=date(2026, 9, 3)), make_case(received_on=date(2026, 9, 3))
    services.mark_responded(case=on_time, on=date(2026, 9, 30), actor=caseworker)
    services.mark_responded(case=late, on=date(2026, 10, 9), actor=caseworker)
    return on_time, late


def test_an_anonymous_visitor_is_sent_to_sign_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/sign-in/")


def test_a_role_that_cannot_view_cases_is_refused(client_as) -> None:
    assert client_as(Role.SERVICE_LEAD).get(URL).status_code == 403


@pytest.mark.parametrize("role", [Role.DPO, Role.IG_OFFICER, Role.CASEWORKER, Role.AUDITOR])
def test_every_role_that_views_cases_can_open_it(answered, client_as, role) -> None:
    html = page(client_as(role))
    assert html.h1.get_text(strip=True) == "Request metrics"


def test_it_shows_this_financial_year_by_default(answered, client_as) -> None:
    html = page(client_as(Role.CASEWORKER))
    assert html.h2.get_text(strip=True) == "April 2026 to March 2027"
    assert html.select_one("input[name=period][value=financial_year]").has_attr("checked")
    assert html.select_one("input[name=year]")["value"] == "2026"


@pytest.mark.parametrize(
    ("moment", "label"),
    [
        (datetime(2026, 3, 31, 23, 30, tzinfo=LONDON), "April 2025 to March 2026"),
        (datetime(2026, 4, 1, 0, 30, tzinfo=LONDON), "April 2026 to March 2027"),  # still 31 March in UTC
    ],
)
def test_the_default_year_turns_over_at_midnight_in_london(time_machine, client_as, moment, label) -> None:
    time_machine.move_to(moment, tick=False)
    assert page(client_as(Role.AUDITOR)).h2.get_text(strip=True) == label


def test_it_shows_the_headline_figures(answered, client_as) -> None:
    html = page(client_as(Role.CASEWORKER), "?period=financial_year&year=2026")
    figures = {
        row.dt.get_text(strip=True): row.dd.get_text(strip=True) for row in html.select(".govuk-summary-list__row")
    }
    assert figures["Requests received"] == "2"
    assert figures["Answered on time"] == "50.0% (1 on time, 1 late)"
    assert figures["Median time to respond"] == "31.5 days"


def test_each_chart_is_named_described_labelled_and_followed_by_its_table(answered, client_as) -> None:
    html = page(client_as(Role.CASEWORKER), "?period=calendar_year&year=2026")
    charts = html.select("svg[role=img]")
    assert [svg["data-chart"] for svg in charts] == ["by-month", "on-time-by-month", "by-kind", "by-channel"]
    for svg in charts:
        title, desc = svg.find("title"), svg.find("desc")
        assert svg["aria-labelledby"] == f"{title['id']} {desc['id']}"
        assert title.get_text().startswith(("Requests received", "Percentage answered"))
        table = svg.find_next("table")
        assert table.caption.get_text().startswith("The figures in the chart")
    month_chart = charts[0]
    assert "September 2026" in [t.get_text() for t in month_chart.find_all("text")]
    assert "2" in [t.get_text() for t in month_chart.find_all("text")]  # the value is written, not only drawn


def test_the_on_time_chart_writes_each_percentage(answered, client_as) -> None:
    svg = page(client_as(Role.CASEWORKER), "?period=calendar_year&year=2026").select_one(
        'svg[data-chart="on-time-by-month"]'
    )
    texts = [t.get_text() for t in svg.find_all("text")]
    assert "50.0%" in texts
    assert "No figure" in texts  # January: nothing received, so nothing to judge


def test_an_empty_period_says_so_instead_of_showing_charts(answered, client_as) -> None:
    html = page(client_as(Role.CASEWORKER), "?period=calendar_year&year=2020")
    assert "No requests were received in this period" in html.select_one(".govuk-inset-text").get_text()
    assert html.select("svg[role=img]") == []
    assert html.select(".govuk-summary-list") == []


def test_an_empty_database_is_not_an_error(today, client_as) -> None:
    today(TODAY)
    assert "No requests were received" in page(client_as(Role.DPO)).get_text()


def test_the_page_shows_no_personal_data(answered, client_as) -> None:
    text = page(client_as(Role.CASEWORKER), "?period=financial_year&year=2026").get_text()
    assert NAME not in text
    assert "council tax" not in text


def test_the_download_links_carry_the_period(answered, client_as) -> None:
    html = page(client_as(Role.CASEWORKER), "?period=dates&start=1/9/2026&end=30/9/2026")
    links = [a["href"] for a in html.select("a[download]")]
    assert links == [
        "/staff/cases/metrics/figures.csv?period=dates&start=2026-09-01&end=2026-09-30",
        "/staff/cases/metrics/cases.csv?period=dates&start=2026-09-01&end=2026-09-30",
    ]


def test_the_dashboard_and_the_navigation_link_to_it(answered, client_as) -> None:
    html = BeautifulSoup(client_as(Role.CASEWORKER).get("/staff/cases/").content, "html.parser")
    assert html.select_one("main a[href='/staff/cases/metrics/']").get_text(strip=True).startswith("Request metrics")
    assert html.select_one(".govuk-service-navigation a[href='/staff/cases/metrics/']") is not None
