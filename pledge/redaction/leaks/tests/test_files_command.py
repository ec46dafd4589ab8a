"""`pledge files scan PATH... [--json] [--clean OUTDIR]` prints findings; exits 1 when any, 0 when clean, 2 misused."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from pledge.redaction.leaks.corpus import CLEAN, LEAKY, UNCHECKABLE, build
from pledge.redaction.management.commands.files import Command

pytestmark = pytest.mark.db_independent


def scan(*args: str) -> tuple[int, str]:
    out = StringIO()
    try:
        call_command(Command(), "scan", *args, stdout=out)
    except SystemExit as stop:
        return int(stop.code or 0), out.getvalue()
    return 0, out.getvalue()


def test_it_lists_the_findings_and_exits_1(folder: Path) -> None:
    path = build(LEAKY[0], folder)
    status, output = scan(str(path))
    assert status == 1
    assert "Hidden sheet" in output
    assert "1 finding(s) in 1 of 1 file(s)" in output


def test_it_exits_0_when_every_file_is_clean(folder: Path) -> None:
    for name, builder in CLEAN:
        builder(folder / name)
    status, output = scan(str(folder))
    assert status == 0
    assert f"0 finding(s) in 0 of {len(CLEAN)} file(s)" in output


def test_it_exits_2_for_a_path_that_does_not_exist(folder: Path) -> None:
    with pytest.raises(CommandError) as refusal:
        scan(str(folder / "missing.pdf"))
    assert refusal.value.returncode == 2


def test_it_prints_json_with_each_finding(folder: Path) -> None:
    path = build(LEAKY[0], folder)
    status, output = scan(str(path), "--json")
    report = json.loads(output)
    assert status == 1
    assert report["findings"] == 1
    assert report["files"][0]["findings"][0]["kind"] == "hidden_sheet"
    assert report["files"][0]["findings"][0]["auto_fixable"] is True


def test_it_writes_clean_copies_and_exits_0_when_they_rescan_clean(folder: Path, tmp_path: Path) -> None:
    for case in LEAKY[:3]:
        build(case, folder)
    status, output = scan(str(folder), "--clean", str(tmp_path / "out"))
    assert status == 0
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == sorted(case.name for case in LEAKY[:3])
    assert output.count("(clean)") == 3


def test_it_exits_1_when_a_file_cannot_be_cleaned(folder: Path, tmp_path: Path) -> None:
    build(UNCHECKABLE[0], folder)
    status, output = scan(str(folder), "--clean", str(tmp_path / "out"))
    assert status == 1
    assert "cannot clean" in output


def test_two_files_with_the_same_name_get_separate_clean_copies(folder: Path, tmp_path: Path) -> None:
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    build(LEAKY[0], folder / "a")
    build(LEAKY[0], folder / "b")
    status, _ = scan(str(folder), "--clean", str(tmp_path / "out"))
    assert status == 0
    assert (tmp_path / "out" / "hidden-sheet.xlsx").exists()
    assert (tmp_path / "out" / "2" / "hidden-sheet.xlsx").exists()


def test_unhide_keeps_hidden_rows_in_the_clean_copy(folder: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    build(next(case for case in LEAKY if case.name == "hidden-rows.xlsx"), folder)
    status, _ = scan(str(folder), "--clean", str(tmp_path / "out"), "--unhide")
    rows = list(load_workbook(tmp_path / "out" / "hidden-rows.xlsx").active.iter_rows(values_only=True))
    assert status == 0
    assert ("Peter Sample (complainant)", 1) in rows


@pytest.mark.skipif(not apps.is_installed("pledge.redaction"), reason="pledge.redaction is not in INSTALLED_APPS yet")
def test_the_pledge_command_returns_the_exit_status(folder: Path) -> None:
    from pledge.cli import main

    path = build(LEAKY[0], folder)
    assert main(["pledge", "files", "scan", str(path)]) == 1
    assert main(["pledge", "files", "scan", str(folder / "missing.pdf")]) == 2
    assert main(["pledge", "files", "scan"]) == 2
