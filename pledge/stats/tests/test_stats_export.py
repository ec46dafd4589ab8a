"""`pledge stats export`: request statistics with small numbers hidden and no hidden cell recoverable."""

import csv
from datetime import date
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from pledge.casework.models import CaseKind
from pledge.casework.tests.factories import make_case
from pledge.core.models import AuditEvent
from pledge.stats.export import HIDDEN
from pledge.stats.tables import age_band, cross_tabulate, quarter_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def requests() -> None:
    with time_machine.travel(date(2026, 11, 30)):
        for _ in range(12):
            make_case(received_on=date(2026, 7, 10))
        for _ in range(9):
            make_case(received_on=date(2026, 10, 5))
        for _ in range(2):
            make_case(received_on=date(2026, 10, 6), kind=CaseKind.ERASURE)
        for _ in range(20):
            make_case(received_on=date(2026, 8, 1), kind=CaseKind.ERASURE)
        for month, count in ((7, 6), (11, 7)):
            for _ in range(count):
                make_case(received_on=date(2026, month, 3), kind=CaseKind.RECTIFICATION)


def export(tmp_path, *extra: str, name: str = "out.csv") -> list[list[str]]:
    out = tmp_path / name
    call_command(
        "stats",
        "export",
        "requests-by-kind-and-quarter",
        "--from",
        "2026-07-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
        *extra,
    )
    return list(csv.reader(StringIO(out.read_text())))


def test_counts_of_five_or_more_are_published_as_they_are(requests, tmp_path):
    rows = export(tmp_path)
    access = next(r for r in rows if r and r[0] == CaseKind.ACCESS.label)
    assert rows[2][1:3] == ["2026 Q3", "2026 Q4"]
    assert access[1:4] == ["12", "9", "21"]


def test_a_count_of_two_is_hidden_and_so_is_a_cell_that_would_give_it_away(requests, tmp_path):
    rows = export(tmp_path)
    erasure = next(r for r in rows if r and r[0] == CaseKind.ERASURE.label)
    assert erasure[2] == HIDDEN  # the 2 erasure requests in Q4
    assert erasure[1] == HIDDEN  # else 22 - 20 gives the 2 back
    assert erasure[3] == "22"
    rectification = next(r for r in rows if r and r[0] == CaseKind.RECTIFICATION.label)
    assert rectification[1:3] == [HIDDEN, HIDDEN]  # the smallest rectangle that the column totals cannot solve
    access = next(r for r in rows if r and r[0] == CaseKind.ACCESS.label)
    assert access[1:3] == ["12", "9"]


def test_the_threshold_is_configuration(requests, tmp_path):
    rows = export(tmp_path, "--threshold", "10")
    access = next(r for r in rows if r and r[0] == CaseKind.ACCESS.label)
    assert access[2] == HIDDEN  # 9 is now small
    assert "from 1 to 9" in rows[-1][0]


def test_kinds_nobody_asked_for_still_appear_as_zeros(requests, tmp_path):
    rows = export(tmp_path)
    portability = next(r for r in rows if r and r[0] == CaseKind.PORTABILITY.label)
    assert portability[1:] == ["0", "0", "0"]


def test_an_xlsx_export_holds_numbers_and_the_hidden_marker(requests, tmp_path):
    out = tmp_path / "out.xlsx"
    call_command(
        "stats",
        "export",
        "requests-by-kind-and-quarter",
        "--from",
        "2026-07-01",
        "--to",
        "2026-12-31",
        "--out",
        str(out),
    )
    sheet = load_workbook(out).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    access = next(r for r in values if r and r[0] == CaseKind.ACCESS.label)
    assert access[1] == 12 and HIDDEN in [v for r in values for v in r]


def test_each_export_is_audited_without_any_names(requests, tmp_path):
    export(tmp_path)
    event = AuditEvent.objects.get(object_type="statistics")
    assert "small counts hidden" in event.summary


def test_bad_dates_and_a_missing_file_are_clear_errors(tmp_path):
    with pytest.raises(CommandError, match="not a date"):
        call_command(
            "stats",
            "export",
            "requests-by-kind-and-state",
            "--from",
            "July",
            "--to",
            "2026-12-31",
            "--out",
            str(tmp_path / "x.csv"),
        )
    with pytest.raises(CommandError, match="--out"):
        call_command("stats", "export", "requests-by-kind-and-state", "--from", "2026-01-01", "--to", "2026-12-31")
    with pytest.raises(CommandError, match="before"):
        call_command(
            "stats",
            "export",
            "requests-by-kind-and-state",
            "--from",
            "2026-12-01",
            "--to",
            "2026-01-31",
            "--out",
            str(tmp_path / "x.csv"),
        )


def test_a_one_column_table_prints_no_row_totals_that_would_repeat_a_hidden_cell():
    from pledge.stats.export import published_rows

    table = cross_tabulate(
        title="t",
        row_heading="Age",
        column_heading="People",
        pairs=[("18-24", "All")] * 3 + [("25-34", "All")] * 12 + [("35-44", "All")] * 30,
    )
    rows = published_rows(table, threshold=5)
    assert rows[1] == ["18-24", HIDDEN] and rows[2] == ["25-34", HIDDEN]
    assert rows[4] == ["Total", "45"]


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (date(2008, 12, 2), "18-24"),
        (date(2008, 12, 1), "18-24"),
        (date(2008, 12, 3), "0-17"),
        (date(1941, 1, 1), "85 and over"),
        (None, "Not known"),
        (date(2027, 1, 1), "Not known"),
    ],
)
def test_age_bands_count_birthdays_exactly(born, band):
    assert age_band(born=born, on=date(2026, 12, 2)) == band


def test_quarters_are_calendar_quarters():
    assert [quarter_of(date(2026, m, 1)) for m in (1, 3, 4, 12)] == ["2026 Q1", "2026 Q1", "2026 Q2", "2026 Q4"]
