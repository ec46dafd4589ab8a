"""Files the scanner cannot check or read are findings that block release, never a crash, and cannot be cleaned."""

from pathlib import Path

import pytest

from pledge.redaction.leaks import CannotClean, LeakKind, clean, release_check, scan_file
from pledge.redaction.leaks.corpus import UNCHECKABLE, CorpusCase

pytestmark = pytest.mark.db_independent


@pytest.mark.parametrize("case", UNCHECKABLE, ids=[case.name for case in UNCHECKABLE])
def test_it_reports_a_file_it_cannot_check_as_one_blocking_finding(case: CorpusCase, built) -> None:
    (finding,) = scan_file(built(case))
    assert finding.kind is case.kind
    assert not finding.auto_fixable


@pytest.mark.parametrize("case", UNCHECKABLE, ids=[case.name for case in UNCHECKABLE])
def test_it_refuses_to_clean_a_file_it_cannot_check(case: CorpusCase, built, tmp_path: Path) -> None:
    with pytest.raises(CannotClean):
        clean(built(case), out_dir=tmp_path / "clean")


def test_a_missing_file_is_a_finding_not_an_error(tmp_path: Path) -> None:
    (finding,) = release_check([tmp_path / "gone.pdf"])
    assert finding.kind is LeakKind.UNREADABLE


def test_a_plain_text_file_with_the_wrong_suffix_cannot_be_checked(folder: Path) -> None:
    (folder / "notes.json").write_text('{"name": "Mary Example"}')
    (finding,) = scan_file(folder / "notes.json")
    assert finding.kind is LeakKind.UNSUPPORTED_TYPE


def test_a_binary_file_named_csv_cannot_be_checked(folder: Path) -> None:
    (folder / "data.csv").write_bytes(b"\x00\x01binary\x00")
    (finding,) = scan_file(folder / "data.csv")
    assert finding.kind is LeakKind.UNSUPPORTED_TYPE
