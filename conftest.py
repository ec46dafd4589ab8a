"""Fixtures for every test: private files (attachments, evidence, released responses) go to a temporary folder."""

from pathlib import Path

import pytest
from django.conf import LazySettings


@pytest.fixture(autouse=True)
def private_files(settings: LazySettings, tmp_path: Path) -> Path:
    """Each test's private folder, so no test leaves files behind or sees another's."""
    root = tmp_path / "private"
    settings.PLEDGE_PRIVATE_ROOT = root
    return root
