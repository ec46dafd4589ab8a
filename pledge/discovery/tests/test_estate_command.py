"""`pledge demo estate` writes an estate (SQLite files, or one shared database with --db) and says what it made."""

import sqlite3
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from pledge.discovery.estate.demo import ensure_demo_estate


def test_it_generates_an_estate_and_prints_progress_and_counts(tmp_path: Path) -> None:
    out = StringIO()
    call_command("demo", "estate", "--people", "60", "--seed", "3", "--out", str(tmp_path), stdout=out)
    printed = out.getvalue()
    assert "60 people in" in printed
    assert "council-tax:" in printed and "Hazards:" in printed
    assert (tmp_path / "systems.yaml").exists() and (tmp_path / "council_tax.sqlite").exists()


def test_with_db_every_sql_system_goes_into_one_database_with_prefixed_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'estate.sqlite'}"
    call_command(
        "demo", "estate", "--people", "60", "--seed", "3", "--out", str(tmp_path), "--db", url, stdout=StringIO()
    )
    configured = yaml.safe_load((tmp_path / "systems.yaml").read_text())["systems"]
    sql = [system for system in configured if system["kind"] == "sql"]
    assert {system["url"] for system in sql} == {url}
    tables = {row[0] for row in sqlite3.connect(tmp_path / "estate.sqlite").execute("SELECT name FROM sqlite_master")}
    assert "council_tax__accounts" in tables and "crm__calls" in tables
    assert not (tmp_path / "council_tax.sqlite").exists()
    council_tax = next(system for system in sql if system["slug"] == "council-tax")
    assert {table["name"] for table in council_tax["tables"]} == {
        "council_tax__accounts", "council_tax__joint_holders", "council_tax__notes",
    }  # fmt: skip
    truth = (tmp_path / "ground_truth.csv").read_text()
    assert "council-tax,council_tax__accounts," in truth


def test_it_refuses_a_population_of_nobody(tmp_path: Path) -> None:
    with pytest.raises(CommandError):
        call_command("demo", "estate", "--people", "0", "--out", str(tmp_path), stdout=StringIO())


def test_the_demo_estate_is_made_once(tmp_path: Path) -> None:
    existing = tmp_path / "systems.yaml"
    existing.write_text("systems: []\n")
    assert ensure_demo_estate(tmp_path) == existing
    assert existing.read_text() == "systems: []\n"


def test_a_password_given_as_a_variable_is_used_but_never_written_to_the_yaml(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("ESTATE_TEST_DB", str(tmp_path / "secret.sqlite"))
    url = "sqlite:///${ESTATE_TEST_DB}"
    call_command("demo", "estate", "--people", "30", "--out", str(tmp_path), "--db", url, stdout=StringIO())
    assert (tmp_path / "secret.sqlite").exists()
    written = (tmp_path / "systems.yaml").read_text()
    assert "${ESTATE_TEST_DB}" in written and "secret.sqlite" not in written


def test_a_missing_variable_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="NO_SUCH_ESTATE_VARIABLE"):
        call_command(
            "demo", "estate", "--people", "5", "--out", str(tmp_path), "--db", "sqlite:///${NO_SUCH_ESTATE_VARIABLE}",
            stdout=StringIO(),
        )  # fmt: skip
