"""The SQL connector against real SQLite, MariaDB and PostgreSQL databases: streaming, fetch, writes, checks."""

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, event, insert, text
from sqlalchemy.exc import OperationalError

from pledge.discovery.connectors import AnyConnector, SqlConnector, WriteFailed, connect, load_systems
from pledge.discovery.sources import (
    Connector,
    IdentityField,
    ReadOnlySystem,
    RecordKey,
    SystemConfig,
    SystemKind,
    Write,
    WriteAction,
)
from pledge.discovery.tests.connector_estate import COUNCIL_TAX_YAML, fill_council_tax, write_yaml

DATABASE = "pledge_connectors"
Connect = Callable[[SystemConfig], AnyConnector]
SERVERS = {
    "mariadb": "mysql+pymysql://root@127.0.0.1:3306",
    "postgresql": "postgresql+psycopg://root@127.0.0.1:5432",
}


def _server_database(backend: str) -> Iterator[str]:
    """A fresh database named pledge_connectors on a local server, dropped afterwards; skipped if unreachable."""
    admin_url = SERVERS[backend] + ("/postgres" if backend == "postgresql" else "/")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {DATABASE}"))
            connection.execute(text(f"CREATE DATABASE {DATABASE}"))
    except OperationalError as error:
        admin.dispose()
        pytest.skip(f"{backend} server at {admin_url} is unreachable: {error.orig}")
    try:
        yield f"{SERVERS[backend]}/{DATABASE}"
    finally:
        with admin.connect() as connection:
            if backend == "postgresql":
                connection.execute(
                    text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                    {"name": DATABASE},
                )
            connection.execute(text(f"DROP DATABASE IF EXISTS {DATABASE}"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "mariadb", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'council_tax.sqlite'}"
    else:
        yield from _server_database(request.param)


@pytest.fixture
def connect_to() -> Iterator[Connect]:
    """``connect``, closing every connector's pool when the test ends (a database server counts open sessions)."""
    opened: list[AnyConnector] = []

    def connect_and_remember(config: SystemConfig) -> AnyConnector:
        opened.append(connect(config))
        return opened[-1]

    yield connect_and_remember
    for connector in opened:
        connector.close()


def council_tax(url: str, tmp_path: Path, *, writable: bool = False) -> SystemConfig:
    engine = create_engine(url)
    fill_council_tax(engine)
    engine.dispose()
    yaml = write_yaml(tmp_path, COUNCIL_TAX_YAML.format(url=url, writable=str(writable).lower()))
    [config] = load_systems(yaml)
    return config


def all_records(connector: Connector) -> dict[RecordKey, dict]:
    return {
        r.ref: {"identity": dict(r.identity), "columns": dict(r.columns)} for b in connector.iter_records() for r in b
    }


def test_it_maps_identity_fields_and_yields_child_rows_with_their_parent_key(
    connect_to: Connect, database_url: str, tmp_path: Path
):
    connector = connect_to(council_tax(database_url, tmp_path))
    records = all_records(connector)
    robert = records[RecordKey("council-tax", "accounts", "CT0001")]
    assert robert["identity"] == {
        IdentityField.ACCOUNT_REFERENCE: "CT0001",
        IdentityField.FULL_NAME: "SMITH, Robert",
        IdentityField.ADDRESS: "1 High Street, Anytown",
        IdentityField.POSTCODE: "AN1 1AA",
        IdentityField.DATE_OF_BIRTH: "1980-02-03",
    }
    assert "band" not in robert["columns"]  # an index read takes only the mapped columns
    assert robert["columns"]["restricted"] == 0
    note = records[RecordKey("council-tax", "notes", "1")]
    assert note["columns"] == {"note_id": 1, "account_ref": "CT0001", "body": "Called about a direct debit."}
    assert note["identity"] == {}
    assert len(records) == 6


def test_fetch_returns_whole_rows_and_the_parents_children(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    connector = connect_to(council_tax(database_url, tmp_path))
    found = connector.fetch([RecordKey("council-tax", "accounts", "CT0001"), RecordKey("other", "accounts", "CT0002")])
    assert [str(r.ref) for r in found] == ["council-tax/accounts/CT0001", "council-tax/notes/1", "council-tax/notes/2"]
    assert found[0].columns["band"] == "band C"  # every column, not only the mapped ones
    assert connector.fetch([RecordKey("council-tax", "notes", "3"), RecordKey("council-tax", "notes", "x")])[0].columns[
        "body"
    ] == ("Account closed on moving out.")


def test_it_streams_fifty_thousand_rows_in_batches_of_a_thousand(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    metadata = MetaData()
    people = Table("people", metadata, Column("id", Integer, primary_key=True), Column("name", String(50)))
    engine = create_engine(database_url)
    metadata.create_all(engine)
    with engine.begin() as connection:
        connection.execute(insert(people), [{"id": n, "name": f"Person {n}"} for n in range(1, 50_001)])
    engine.dispose()
    yaml = write_yaml(
        tmp_path,
        f"""\
        systems:
          - slug: big
            name: Big
            kind: sql
            url: {database_url}
            tables: [{{name: people, key: id, columns: [{{column: name, identity: full_name}}]}}]
        """,
    )
    [config] = load_systems(yaml)
    sizes = [len(batch) for batch in connect_to(config).iter_records(batch_size=1000)]
    assert sizes == [1000] * 50


def test_it_reads_through_a_server_side_cursor_on_database_servers(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    connector = connect_to(council_tax(database_url, tmp_path))
    assert isinstance(connector, SqlConnector)
    cursors: list[str] = []
    event.listen(connector.engine, "before_cursor_execute", lambda c, cursor, *_: cursors.append(type(cursor).__name__))
    batches = connector.iter_records(batch_size=2)
    next(batches)
    batches.close()
    expected = {"sqlite": "Cursor", "mariadb": "SSCursor", "postgresql": "ServerCursor"}
    assert cursors[-1] == expected[connector.engine.dialect.name.replace("mysql", "mariadb")]


def test_it_refuses_to_write_to_a_read_only_system_before_touching_it(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    connector = connect_to(council_tax(database_url, tmp_path))
    with pytest.raises(ReadOnlySystem):
        connector.apply([Write(RecordKey("council-tax", "accounts", "CT0001"), WriteAction.DELETE)])
    assert len(connector.fetch([RecordKey("council-tax", "accounts", "CT0001")])) == 3


def test_it_updates_and_deletes_with_children_in_one_transaction(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    connector = connect_to(council_tax(database_url, tmp_path, writable=True))
    connector.apply(
        [
            Write(RecordKey("council-tax", "accounts", "CT0002"), WriteAction.UPDATE, {"holder_name": "Peggy Jones"}),
            Write(RecordKey("council-tax", "accounts", "CT0001"), WriteAction.DELETE),
        ]
    )
    keys = {str(ref) for ref in all_records(connector)}
    assert keys == {"council-tax/accounts/CT0002", "council-tax/accounts/CT0003", "council-tax/notes/3"}
    [peggy, _note] = connector.fetch([RecordKey("council-tax", "accounts", "CT0002")])
    assert peggy.identity[IdentityField.FULL_NAME] == "Peggy Jones"


def test_an_update_takes_iso_dates_as_text_and_may_repeat_a_value(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    connector = connect_to(council_tax(database_url, tmp_path, writable=True))
    ref = RecordKey("council-tax", "accounts", "CT0003")
    write = Write(ref, WriteAction.UPDATE, {"closed_on": "2026-01-31", "restricted": "1"})
    connector.apply([write])
    connector.apply([write])  # the same values again: matched, so not "not found", on MariaDB too
    [priya] = connector.fetch([ref])
    assert (priya.columns["closed_on"], priya.columns["restricted"]) == (dt.date(2026, 1, 31), 1)
    with pytest.raises(WriteFailed, match="not a valid date"):
        connector.apply([Write(ref, WriteAction.UPDATE, {"closed_on": "31/01/2026"})])


def test_a_failing_write_rolls_back_the_earlier_ones(connect_to: Connect, database_url: str, tmp_path: Path) -> None:
    connector = connect_to(council_tax(database_url, tmp_path, writable=True))
    before = all_records(connector)
    with pytest.raises(WriteFailed, match="nothing was changed"):
        connector.apply(
            [
                Write(RecordKey("council-tax", "accounts", "CT0001"), WriteAction.DELETE),
                Write(RecordKey("council-tax", "accounts", "CT0002"), WriteAction.UPDATE, {"holder_name": None}),
            ]
        )
    assert all_records(connector) == before


def test_a_write_to_a_missing_record_or_column_changes_nothing(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    connector = connect_to(council_tax(database_url, tmp_path, writable=True))
    before = all_records(connector)
    first = Write(RecordKey("council-tax", "accounts", "CT0001"), WriteAction.UPDATE, {"holder_name": "X"})
    with pytest.raises(WriteFailed, match="was not found"):
        connector.apply([first, Write(RecordKey("council-tax", "accounts", "CT9999"), WriteAction.DELETE)])
    with pytest.raises(WriteFailed, match="no column"):
        connector.apply([first, Write(first.ref, WriteAction.UPDATE, {"shoe_size": 9})])
    assert all_records(connector) == before


def test_check_is_quiet_for_a_good_mapping_and_counts_rows(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    config = council_tax(database_url, tmp_path)
    connector = connect_to(config)
    assert connector.check() == []
    assert [connector.count(table) for table in config.tables] == [3, 3]


def test_check_reports_missing_tables_columns_and_a_key_that_repeats(
    connect_to: Connect, database_url: str, tmp_path: Path
) -> None:
    config = council_tax(database_url, tmp_path)
    accounts, notes = config.tables
    broken = dataclasses.replace(
        config,
        tables=[
            dataclasses.replace(accounts, trigger_column="closed_at"),
            dataclasses.replace(notes, key="account_ref", parent_table="", parent_key=""),
            dataclasses.replace(notes, name="payments"),
        ],
    )
    assert connect_to(broken).check() == [
        "Table 'accounts' has no column(s) closed_at.",
        "Table 'notes': key column 'account_ref' is not unique (1 value(s) repeat in the first 3 rows).",
        f"Table 'payments' is missing from {connect_to(broken).config.location.split('@')[-1]}."
        if "sqlite" in database_url
        else f"Table 'payments' is missing from {database_url}.",
    ]


def test_check_cannot_connect_without_showing_the_password(connect_to: Connect, tmp_path: Path) -> None:
    config = SystemConfig(
        slug="housing",
        name="Housing",
        kind=SystemKind.SQL,
        location="postgresql+psycopg://pledge:s3cret-Pa55@127.0.0.1:1/housing",
        tables=[],
    )
    [problem] = connect_to(config).check()
    assert problem.startswith("Cannot connect to postgresql+psycopg://pledge:***@127.0.0.1:1/housing: ")
    assert "s3cret" not in problem


def test_check_names_an_unset_environment_variable(
    connect_to: Connect, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HOUSING_PASSWORD", raising=False)
    config = SystemConfig("housing", "Housing", SystemKind.SQL, "mysql+pymysql://u:${HOUSING_PASSWORD}@h/d", [])
    assert connect_to(config).check() == ["The environment variable(s) HOUSING_PASSWORD used in the URL are not set."]


def test_a_read_only_sqlite_system_is_never_created_when_the_file_is_missing(
    connect_to: Connect, tmp_path: Path
) -> None:
    config = SystemConfig("gone", "Gone", SystemKind.SQL, f"sqlite:///{tmp_path / 'x.sqlite'}", [])
    [problem] = connect_to(config).check()
    assert problem.startswith("Cannot connect to sqlite:///") and not (tmp_path / "x.sqlite").exists()


@pytest.fixture
def mariadb_url() -> Iterator[str]:
    yield from _server_database("mariadb")


def test_a_password_can_come_from_the_environment(
    connect_to: Connect, mariadb_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = mariadb_url
    monkeypatch.setenv("PLEDGE_CONNECTORS_PASSWORD", "")
    with_variable = url.replace("root@", "root:${PLEDGE_CONNECTORS_PASSWORD}@")
    config = council_tax(url, tmp_path)
    connector = connect_to(dataclasses.replace(config, location=with_variable))
    assert connector.check() == [] and len(connector.fetch([RecordKey("council-tax", "accounts", "CT0001")])) == 3


def test_a_sql_server_url_is_accepted_and_a_missing_driver_is_reported(connect_to: Connect, tmp_path: Path) -> None:
    location = "mssql+pyodbc://pledge:s3cret@sql.anyshire.example/revenues?driver=ODBC+Driver+18+for+SQL+Server"
    config = SystemConfig("revenues", "Revenues", SystemKind.SQL, location, [])
    [problem] = connect_to(config).check()
    assert problem.startswith("Cannot connect to mssql+pyodbc://pledge:***@sql.anyshire.example/revenues")
    assert "pyodbc" in problem and "s3cret" not in problem


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    yield from _server_database("postgresql")


def test_check_reports_a_table_the_account_may_not_read_and_goes_on(postgresql_url: str, tmp_path: Path) -> None:
    config = council_tax(postgresql_url, tmp_path)
    admin = create_engine(postgresql_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text("DROP ROLE IF EXISTS pledge_connectors_reader"))
        connection.execute(text("CREATE ROLE pledge_connectors_reader LOGIN"))
        connection.execute(text("GRANT SELECT ON accounts TO pledge_connectors_reader"))
    try:
        reader = dataclasses.replace(config, location=postgresql_url.replace("root@", "pledge_connectors_reader@"))
        with connect(reader) as connector:
            [problem] = connector.check()
        assert problem.startswith("Table 'notes' cannot be read: permission denied for table notes")
    finally:
        with admin.connect() as connection:
            connection.execute(text("REVOKE ALL ON accounts FROM pledge_connectors_reader"))
            connection.execute(text("DROP OWNED BY pledge_connectors_reader"))
            connection.execute(text("DROP ROLE pledge_connectors_reader"))
        admin.dispose()
