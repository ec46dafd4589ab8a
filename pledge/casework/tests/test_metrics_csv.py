"""The metrics CSV downloads: every figure, one row per case, no personal data, and a note in the audit trail."""

import csv
from datetime import date
from io import StringIO

import pytest
from django.test import Client

from pledge.casework import services
from pledge.casework.metrics import CASES_CSV_HEADER, EXPORT_OBJECT_TYPE, FIGURES_CSV_HEADER
from pledge.casework.tests.factories import EMAIL, NAME, make_case
from pledge.core.models import AuditAction, AuditEvent
from pledge.core.roles import Role

pytestmark = pytest.mark.django_db
QUERY = "?period=financial_year&year=2026"


@pytest.fixture
def cases(today, caseworker):
    today(date(2026, 11, 2))
    on_time = make_case(received_on=date(2026, 9, 3))
    refused = make_case(received_on=date(2026, 9, 3), summary="My neighbour Mrs Example's records")
    services.mark_responded(case=on_time, on=date(2026, 9, 30), actor=caseworker)
    services.refuse_request(
        case=refused, ground="manifestly_excessive", reasons="x", actor=caseworker, on=date(2026, 9, 4)
    )
    make_case(received_on=date(2026, 10, 1))
    return on_time, refused


def download(client: Client, name: str) -> tuple[object, list[list[str]]]:
    response = client.get(f"/staff/cases/metrics/{name}.csv{QUERY}")
    assert response.status_code == 200
    return response, list(csv.reader(StringIO(response.content.decode("utf-8"))))


def test_the_case_rows_have_references_dates_and_outcomes(cases, client_as) -> None:
    on_time, refused = cases
    response, rows = download(client_as(Role.AUDITOR), "cases")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="request-cases-2026-27.csv"'
    assert rows[0] == CASES_CSV_HEADER
    by_reference = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert len(by_reference) == 3
    first = by_reference[on_time.reference]
    assert first["kind"] == "Access to personal data (subject access)"
    assert (first["channel"], first["received_on"], first["due_on"]) == ("Email", "2026-09-03", "2026-10-05")
    assert (first["responded_on"], first["days_to_respond"], first["on_time"]) == ("2026-09-30", "27", "On time")
    assert (by_reference[refused.reference]["refused"], by_reference[refused.reference]["on_time"]) == (
        "yes",
        "On time",
    )


def test_no_name_email_or_request_text_reaches_either_file(cases, client_as) -> None:
    client = client_as(Role.CASEWORKER)
    for name in ("cases", "figures"):
        response, _ = download(client, name)
        body = response.content.decode("utf-8")
        for personal in (NAME, EMAIL, "Zebedee", "council tax", "Mrs Example", "neighbour"):
            assert personal not in body


def test_the_figures_file_has_the_total_and_every_grouping(cases, client_as) -> None:
    _, rows = download(client_as(Role.CASEWORKER), "figures")
    assert rows[0] == FIGURES_CSV_HEADER
    total = dict(zip(rows[0], rows[1], strict=True))
    assert (total["group"], total["received"], total["on_time"], total["percent_on_time"]) == ("all", "3", "2", "100.0")
    assert total["median_days_to_respond"] == "14"
    groups = [row[1] for row in rows[1:]]
    assert groups.count("month") == 8  # April to November 2026, the months so far
    assert groups.count("kind") == 10 and groups.count("channel") == 6
    september = next(row for row in rows if row[2] == "September 2026")
    assert september[3] == "2"


def test_each_download_is_recorded_in_the_audit_trail(cases, client_as) -> None:
    client = client_as(Role.DPO)
    download(client, "cases")
    download(client, "figures")
    events = AuditEvent.objects.filter(object_type=EXPORT_OBJECT_TYPE).order_by("id")
    assert [(e.action, e.object_ref) for e in events] == [(AuditAction.EXPORT, "2026-27")] * 2
    assert events[0].summary == "Request metrics downloaded (cases, 3 rows) for April 2026 to March 2027"
    assert events[0].actor_label == "dpo-person"


def test_an_empty_period_gives_a_file_with_only_headings(cases, client_as) -> None:
    response = client_as(Role.CASEWORKER).get("/staff/cases/metrics/cases.csv?period=calendar_year&year=2020")
    assert response.content.decode("utf-8").strip().split("\r\n") == [",".join(CASES_CSV_HEADER)]


@pytest.mark.parametrize("name", ["figures", "cases"])
def test_the_downloads_are_permission_checked(cases, client_as, name) -> None:
    url = f"/staff/cases/metrics/{name}.csv{QUERY}"
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/staff/sign-in/")
    assert client_as(Role.SERVICE_LEAD).get(url).status_code == 403
    assert not AuditEvent.objects.filter(object_type=EXPORT_OBJECT_TYPE).exists()
