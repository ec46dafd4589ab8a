"""``release_check(paths)``, which the lead calls before anything leaves Pledge, lists every finding in every file."""

from pathlib import Path

import pytest

from pledge.redaction.leaks import Finding, release_check
from pledge.redaction.leaks.corpus import CLEAN, LEAKY, UNCHECKABLE, build

pytestmark = pytest.mark.db_independent


def test_it_lists_the_findings_of_every_file_in_a_folder_and_below(folder: Path) -> None:
    (folder / "inner").mkdir()
    for case in LEAKY[:2]:
        build(case, folder / "inner")
    CLEAN[0][1](folder / CLEAN[0][0])
    findings = release_check([folder])
    assert all(isinstance(finding, Finding) for finding in findings)
    assert {Path(finding.file).name for finding in findings} == {LEAKY[0].name, LEAKY[1].name}


def test_it_never_raises_for_a_folder_of_damaged_and_unknown_files(folder: Path) -> None:
    for case in UNCHECKABLE:
        build(case, folder)
    assert len(release_check([folder])) == len(UNCHECKABLE)


def test_a_finding_fingerprint_changes_when_the_file_changes(folder: Path) -> None:
    path = build(LEAKY[0], folder)
    (before,) = release_check([path])
    path.write_bytes(path.read_bytes() + b"\0")  # still a valid zip: trailing bytes are ignored
    (after,) = release_check([path])
    assert before.fingerprint != after.fingerprint
    assert before == after  # the same leak, in a different file version


def test_it_accepts_strings_and_paths(folder: Path) -> None:
    path = build(LEAKY[0], folder)
    assert release_check([str(path)]) == release_check([path])
