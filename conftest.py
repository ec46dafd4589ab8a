"""Fixtures for every test: private files (attachments, evidence, released responses), the connected systems and the
identity index go to a temporary folder, so no test writes under var/ or reads what a demo left there."""

from pathlib import Path

import pytest
from django.conf import LazySettings


@pytest.fixture(autouse=True)
def private_files(settings: LazySettings, tmp_path: Path) -> Path:
    """Each test's private folder, so no test leaves files behind or sees another's."""
    root = tmp_path / "private"
    settings.PLEDGE_PRIVATE_ROOT = root
    return root


@pytest.fixture(autouse=True)
def connected_systems(settings: LazySettings, tmp_path: Path) -> Path:
    """Each test's connected-systems file (absent until a test writes an estate there) and identity index."""
    settings.PLEDGE_SYSTEMS = tmp_path / "estate" / "systems.yaml"
    settings.PLEDGE_IDENTITY_INDEX = tmp_path / "identity-index"
    return settings.PLEDGE_SYSTEMS
