"""``pledge systems check`` and ``pledge systems list``: a clear report per system, exit 1 on any problem."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import LazySettings
from django.core.management import call_command
from django.core.management.base import CommandError

from pledge.discovery.tests.connector_estate import make_council_tax, sqlite_rows


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("systems", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_reports_each_system_ok_with_its_record_counts(tmp_path: Path) -> None:
    path = make_council_tax(tmp_path)
    out, _ = run("check", "--systems", str(path))
    assert f"council-tax (Council Tax (Revenues), sql at sqlite:///{tmp_path}/council_tax.sqlite): OK" in out
    assert "  accounts: 3 records\n  notes: 3 records\n" in out
    assert "All 1 system(s)" in out


def test_it_reads_the_systems_file_from_settings_by_default(tmp_path: Path, settings: LazySettings) -> None:
    settings.PLEDGE_SYSTEMS = make_council_tax(tmp_path)
    out, _ = run("check")
    assert "council-tax" in out and ": OK" in out


def test_it_lists_problems_and_exits_with_status_one(tmp_path: Path) -> None:
    path = make_council_tax(tmp_path)
    sqlite_rows(tmp_path / "council_tax.sqlite", "drop table notes")
    out = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("systems", "check", "--systems", str(path), stdout=out, stderr=StringIO())
    assert raised.value.returncode == 1
    assert "council-tax (Council Tax (Revenues), sql at" in out.getvalue() and "1 problem(s)" in out.getvalue()
    assert "  - Table 'notes' is missing from sqlite:///" in out.getvalue()


def test_it_prints_file_and_line_for_a_broken_systems_file(tmp_path: Path) -> None:
    path = tmp_path / "systems.yaml"
    path.write_text("systems:\n  - slug: x\n    name: X\n    kind: sqlserver\n")
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("systems", "check", "--systems", str(path), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 1
    assert f"{path}:4: unknown kind 'sqlserver'" in err.getvalue()


def test_it_lists_systems_and_tables_without_connecting(tmp_path: Path) -> None:
    out, _ = run("list", "--systems", str(make_council_tax(tmp_path)))
    assert "council-tax: Council Tax (Revenues) (sql, read-only) at sqlite:///" in out
    assert "    notes (key note_id, under accounts): no identity" in out
