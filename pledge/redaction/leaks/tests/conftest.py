"""Fixtures for the leak scanner: a folder to build corpus files in."""

from pathlib import Path

import pytest

from pledge.redaction.leaks.corpus import CorpusCase, build


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder for the files a test builds."""
    path = tmp_path / "files"
    path.mkdir()
    return path


@pytest.fixture
def built(folder: Path):  # noqa: ANN201 - returns a builder function
    """Build a corpus case in the test's folder: ``built(case) -> Path``."""

    def _build(case: CorpusCase) -> Path:
        return build(case, folder)

    return _build
