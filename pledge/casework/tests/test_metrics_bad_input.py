"""Bad period input on the metrics page: an error summary naming the field, no figures, never a 500."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from pledge.core.roles import Role

pytestmark = pytest.mark.django_db
URL = "/staff/cases/metrics/"


@pytest.fixture
def client(today, client_as):
    today(date(2026, 11, 2))
    return client_as(Role.CASEWORKER)


def errors(response) -> list[tuple[str, str]]:
    html = BeautifulSoup(response.content, "html.parser")
    return [(str(a["href"]), a.get_text(strip=True)) for a in html.select(".govuk-error-summary__list a")]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "period=dates&start=30/9/2026&end=1/9/2026",
            ("#id_end", "The end date must be the same as or after the start date"),
        ),
        ("period=dates&start=31/2/2026&end=1/9/2026", ("#id_start", "Enter a real date, for example 27/3/2026")),
        ("period=dates&start=yesterday&end=today", ("#id_start", "Enter a real date, for example 27/3/2026")),
        ("period=dates&start=&end=1/9/2026", ("#id_start", "Enter the date the period starts")),
        ("period=dates&start=1/9/2026", ("#id_end", "Enter the date the period ends")),
        ("period=dates&start=1/12/2026&end=2/12/2026", ("#id_start", "The start date cannot be in the future")),
        ("period=dates&start=1/9/2026&end=1/1/2027", ("#id_end", "The end date cannot be in the future")),
        ("period=dates&start=1/1/1900&end=1/9/2026", ("#id_start", "Enter a date from 2000 onwards")),
        ("period=calendar_year&year=", ("#id_year", "Enter the year")),
        ("period=calendar_year&year=twenty", ("#id_year", "Enter the year as 4 digits, for example 2026")),
        ("period=calendar_year&year=２０２６", ("#id_year", "Enter the year as 4 digits, for example 2026")),
        ("period=calendar_year&year=2027", ("#id_year", "Enter a year from 2000 to 2026")),
        ("period=financial_year&year=1999", ("#id_year", "Enter a year from 2000 to 2026")),
        ("period=financial_year&year=99999", ("#id_year", "Enter the year as 4 digits, for example 2026")),
        ("period=fortnight", ("#id_period", "Select a period")),
        ("year=2026", ("#id_period", "Select the period you want figures for")),
    ],
)
def test_bad_input_shows_an_error_summary_and_no_figures(client, query, expected) -> None:
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert expected in errors(response)
    html = BeautifulSoup(response.content, "html.parser")
    assert html.title.get_text().startswith("Error: ")
    assert html.select("svg[role=img]") == [] and html.select_one(".govuk-inset-text") is None


def test_the_financial_year_in_progress_is_allowed_but_not_the_next(client) -> None:
    assert errors(client.get(f"{URL}?period=financial_year&year=2026")) == []
    assert errors(client.get(f"{URL}?period=financial_year&year=2027")) == [
        ("#id_year", "Enter a year from 2000 to 2026")
    ]


def test_a_financial_year_that_has_not_started_is_refused_before_april(today, client_as) -> None:
    today(date(2026, 3, 31))
    response = client_as(Role.AUDITOR).get(f"{URL}?period=financial_year&year=2026")
    assert errors(response) == [("#id_year", "Enter a year from 2000 to 2025")]


def test_a_csv_download_with_bad_input_is_refused_with_the_error_summary(client) -> None:
    for name in ("figures", "cases"):
        response = client.get(f"{URL}{name}.csv?period=dates&start=2/9/2026&end=1/9/2026")
        assert response.status_code == 400
        assert response["Content-Type"].startswith("text/html")
        assert ("#id_end", "The end date must be the same as or after the start date") in errors(response)


def test_a_post_is_not_allowed(client) -> None:
    assert client.post(URL, {"period": "calendar_year", "year": "2026"}).status_code == 405
