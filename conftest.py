"""Fixtures for every test: private files (attachments, evidence, released responses), the connected systems and the
identity index go to a temporary folder, so no test writes under var/ or reads what a demo left there."""

import os
from pathlib import Path

import pytest
from django.conf import LazySettings

# Fixtures every app's tests share: the frozen clock `at`, `staff` of each role and `client_as`.
pytest_plugins = ["pledge.core.testing"]

# Modules that never open Pledge's database (the estate generator, the matching engine, the connectors' own test
# databases, Spark): the suite runs once per database, and these would only repeat themselves on the second pass.
DB_INDEPENDENT = (
    "pledge/discovery/tests/test_spark_linkage.py",
    "pledge/discovery/tests/test_estate_",
    "pledge/discovery/tests/test_matching_",
    "pledge/discovery/tests/test_connectors_",
)


# Fixtures through which a test reaches the database; pytest-django refuses database access to any other test.
DATABASE_FIXTURES = frozenset({"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"})


def uses_the_database(item: pytest.Item) -> bool:
    """Whether a test can touch Pledge's database. pytest-django blocks the database for every other test, so a test
    this says False for would fail, not pass silently, if it tried."""
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The PostgreSQL pass runs only what can differ between database engines: tests that use the database.

    Pure tests (the law, parsers, the estate generator, the matching engine, the connectors' own test databases,
    Spark) never open Pledge's database and would only repeat themselves. Browser tests are also left to the SQLite
    pass: they prove markup, JavaScript-off behaviour and accessibility, which do not depend on the database engine,
    and the service and view tests below them run on both engines. This keeps .ci/run under 30 minutes; run the
    browser tests on PostgreSQL with PLEDGE_BROWSER_ON_POSTGRES=1."""
    on_postgres = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
    browsers_too = os.environ.get("PLEDGE_BROWSER_ON_POSTGRES") == "1"
    skip = pytest.mark.skip(reason="does not touch the database: it runs on the SQLite pass")
    skip_browser = pytest.mark.skip(reason="a browser test: it runs on the SQLite pass")
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        independent = path.startswith(DB_INDEPENDENT) or not uses_the_database(item)
        if independent:
            item.add_marker(pytest.mark.db_independent)
        if on_postgres and independent:
            item.add_marker(skip)
        elif on_postgres and not browsers_too and item.get_closest_marker("browser"):
            item.add_marker(skip_browser)


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
