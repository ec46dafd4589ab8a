"""Ordinary files, as Pledge and the usual libraries write them, produce no false findings."""

from pathlib import Path

import pytest

from pledge.redaction.leaks import clean, release_check, scan_file
from pledge.redaction.leaks.corpus import CLEAN

pytestmark = pytest.mark.db_independent


@pytest.mark.parametrize(("name", "builder"), CLEAN, ids=[name for name, _ in CLEAN])
def test_an_ordinary_file_has_no_findings(name: str, builder, folder: Path) -> None:
    builder(folder / name)
    assert scan_file(folder / name) == []


def test_cleaning_a_clean_file_copies_it_unchanged(folder: Path, tmp_path: Path) -> None:
    name, builder = CLEAN[0]
    builder(folder / name)
    copy = clean(folder / name, out_dir=tmp_path / "out")
    assert copy.read_bytes() == (folder / name).read_bytes()


def test_a_folder_of_ordinary_files_passes_the_release_check(folder: Path) -> None:
    for name, builder in CLEAN:
        builder(folder / name)
    assert release_check([folder]) == []
