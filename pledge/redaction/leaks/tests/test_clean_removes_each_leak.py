"""Cleaning each leaky file writes a copy that rescans clean and no longer holds the hidden secret anywhere."""

from pathlib import Path

import pytest

from pledge.redaction.leaks import clean, scan_file
from pledge.redaction.leaks.corpus import LEAKY, CorpusCase, secret_survives

pytestmark = pytest.mark.db_independent


@pytest.mark.parametrize("case", LEAKY, ids=[case.name for case in LEAKY])
def test_the_cleaned_copy_rescans_clean(case: CorpusCase, built, tmp_path: Path) -> None:
    cleaned = clean(built(case), out_dir=tmp_path / "clean")
    assert scan_file(cleaned) == []


@pytest.mark.parametrize("case", LEAKY, ids=[case.name for case in LEAKY])
def test_the_hidden_secret_is_gone_from_the_cleaned_copy(case: CorpusCase, built, tmp_path: Path) -> None:
    source = built(case)
    assert secret_survives(source, case.secret)
    assert not secret_survives(clean(source, out_dir=tmp_path / "clean"), case.secret)


def test_cleaning_never_changes_the_original(built, tmp_path: Path) -> None:
    source = built(LEAKY[0])
    before = source.read_bytes()
    clean(source, out_dir=tmp_path / "clean")
    assert source.read_bytes() == before


def test_without_a_folder_the_copy_goes_next_to_the_original(built) -> None:
    source = built(LEAKY[0])
    assert clean(source) == source.with_name("hidden-sheet.clean.xlsx")
