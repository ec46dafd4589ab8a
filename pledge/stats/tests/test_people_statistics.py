"""`pledge stats export people`: service users of a connected system by age band and sex, suppressed."""

import csv
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from pledge.stats.export import HIDDEN
from pledge.stats.people import people_by

pytestmark = pytest.mark.django_db

SYSTEMS = """\
systems:
  - slug: adult-social-care
    name: Adult social care
    kind: files
    folder: care
    tables:
      - name: clients
        key: client_id
        columns:
          - {column: client_id, identity: account_reference}
          - {column: name, identity: full_name}
          - {column: born, identity: date_of_birth}
          - {column: sex, category: Equalities monitoring}
"""


@pytest.fixture
def systems(tmp_path):
    (tmp_path / "care").mkdir()
    rows = [("client_id", "name", "born", "sex")]
    people = [("1950-06-01", "F")] * 12 + [("1950-06-01", "M")] * 8 + [("01/02/1990", "F")] * 9
    people += [("1990-02-01", "M")] * 3 + [("", "F")] * 6 + [("", "M")] * 7
    rows += [(f"C{i}", f"Fictional Person {i}", born, sex) for i, (born, sex) in enumerate(people)]
    with open(tmp_path / "care" / "clients.csv", "w", newline="") as out:
        csv.writer(out).writerows(rows)
    (tmp_path / "systems.yaml").write_text(SYSTEMS)
    return tmp_path / "systems.yaml"


def test_people_are_counted_by_age_band_and_sex_through_the_connector(systems):
    table = people_by(
        systems=systems,
        system="adult-social-care",
        table="clients",
        rows="age_band",
        columns="sex",
        on=date(2026, 12, 1),
    )
    counts = dict(zip(table.rows, table.counts, strict=True))
    assert table.columns == ("F", "M")
    assert counts["75-84"] == (12, 8)
    assert counts["35-44"] == (9, 3)  # day-first 01/02/1990 and ISO dates alike
    assert counts["Not known"] == (6, 7)


def test_the_export_hides_the_three_and_what_would_give_it_away(systems, tmp_path):
    out = tmp_path / "people.csv"
    call_command(
        "stats",
        "export",
        "people",
        "--systems",
        str(systems),
        "--system",
        "adult-social-care",
        "--table",
        "clients",
        "--rows",
        "age_band",
        "--columns",
        "sex",
        "--on",
        "2026-12-01",
        "--out",
        str(out),
    )
    rows = {r[0]: r[1:] for r in csv.reader(StringIO(out.read_text())) if r}
    assert rows["35-44"][:2] == [HIDDEN, HIDDEN]
    assert rows["Total"] == ["27", "18", "45"]


def test_an_unconfigured_column_is_a_clear_error(systems, tmp_path):
    with pytest.raises(CommandError, match="no configured column 'ethnicity'"):
        call_command(
            "stats",
            "export",
            "people",
            "--systems",
            str(systems),
            "--system",
            "adult-social-care",
            "--table",
            "clients",
            "--columns",
            "ethnicity",
            "--out",
            str(tmp_path / "x.csv"),
        )


def test_an_unknown_system_is_a_clear_error(systems, tmp_path):
    with pytest.raises(CommandError, match="no connected system 'housing'"):
        call_command(
            "stats",
            "export",
            "people",
            "--systems",
            str(systems),
            "--system",
            "housing",
            "--table",
            "tenants",
            "--out",
            str(tmp_path / "x.csv"),
        )
