"""load_systems: the connected-systems YAML, and file:line problems for every mistake a DPO might make."""

from pathlib import Path

import pytest

from pledge.discovery.connectors import SystemsInvalid, load_systems
from pledge.discovery.sources import IdentityField, SystemKind
from pledge.discovery.tests.connector_estate import make_council_tax, write_yaml


def problems_of(path: Path) -> list[str]:
    with pytest.raises(SystemsInvalid) as raised:
        load_systems(path)
    return raised.value.problems


def test_it_reads_a_system_with_its_tables_and_mappings(tmp_path: Path) -> None:
    path = make_council_tax(tmp_path)
    [system] = load_systems(path)
    assert system.slug == "council-tax" and system.kind is SystemKind.SQL
    assert system.register_system == "revenues-benefits-system" and system.controller == "anyshire-council"
    assert system.writable is False
    assert system.source_file == str(path) and system.source_line == 2
    accounts, notes = system.tables
    assert accounts.key == "account_ref" and accounts.retention_rule == "council-tax-six-years"
    assert accounts.trigger_column == "closed_on" and accounts.restriction_column == "restricted"
    assert accounts.columns[1].identity is IdentityField.FULL_NAME
    assert accounts.columns[1].category == "Identity and contact"
    assert notes.parent_table == "accounts" and notes.parent_key == "account_ref"
    assert notes.columns[0].free_text is True and notes.columns[0].identity is None


def test_it_resolves_a_relative_sqlite_path_against_the_yaml_folder(tmp_path: Path) -> None:
    [system] = load_systems(make_council_tax(tmp_path / "estate"))
    assert system.location == f"sqlite:///{tmp_path / 'estate' / 'council_tax.sqlite'}"


def test_it_keeps_environment_variables_unexpanded_so_no_password_sits_in_the_config(tmp_path: Path) -> None:
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: housing
            name: Housing
            kind: sql
            url: postgresql+psycopg://pledge:${HOUSING_PASSWORD}@db.anyshire.example/housing
            tables:
              - {name: tenants, key: tenant_id, columns: [{column: name, identity: full_name}]}
        """,
    )
    [system] = load_systems(path)
    assert "${HOUSING_PASSWORD}" in system.location


def test_it_reads_a_files_system_folder_relative_to_the_yaml(tmp_path: Path) -> None:
    (tmp_path / "libraries").mkdir()
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: libraries
            name: Libraries
            kind: files
            folder: libraries
            tables:
              - {name: members, key: member_id, columns: [{column: email, identity: email}]}
        """,
    )
    [system] = load_systems(path)
    assert system.kind is SystemKind.FILES and system.location == str(tmp_path / "libraries")


def test_a_mailbox_without_tables_is_read_as_messages(tmp_path: Path) -> None:
    (tmp_path / "mail").mkdir()
    path = write_yaml(tmp_path, "systems:\n  - {slug: contact, name: Contact centre, kind: mailbox, folder: mail}\n")
    [system] = load_systems(path)
    [messages] = system.tables
    assert messages.name == "messages" and messages.key == "message"
    assert {m.column for m in messages.columns if m.identity is IdentityField.EMAIL} == {"from", "to", "cc"}


def test_it_reports_a_yaml_syntax_error_with_its_line(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "systems:\n  - slug: a\n    name: [unclosed\n")
    [problem] = problems_of(path)
    assert problem.startswith(f"{path}:") and "YAML syntax" in problem


def test_it_reports_an_unknown_key_at_its_line(tmp_path: Path) -> None:
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: council-tax
            name: Council Tax
            kind: sql
            url: sqlite:////nowhere/absolute.sqlite
            passwrd: hunter2
            tables:
              - name: accounts
                key: account_ref
                colums: []
        """,
    )
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:6: unknown key 'passwrd'") for p in problems), problems
    assert any(p.startswith(f"{path}:10: unknown key 'colums'") for p in problems), problems


def test_it_reports_a_missing_key_column_and_an_unknown_identity_field(tmp_path: Path) -> None:
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: council-tax
            name: Council Tax
            kind: sql
            url: sqlite:////nowhere/absolute.sqlite
            tables:
              - name: accounts
                columns:
                  - {column: holder, identity: fullname}
        """,
    )
    problems = problems_of(path)
    assert f"{path}:7: table 'accounts' has no key column ('key:'): records could not be found again" in problems
    assert any(p.startswith(f"{path}:9: unknown identity field 'fullname'") for p in problems), problems


def test_it_reports_duplicate_slugs_and_writable_systems_with_nothing_to_write(tmp_path: Path) -> None:
    (tmp_path / "mail").mkdir()
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - {slug: contact, name: Contact centre, kind: mailbox, folder: mail, writable: true}
          - slug: contact
            name: Contact centre again
            kind: files
            folder: mail
            writable: true
            tables: []
        """,
    )
    problems = problems_of(path)
    assert f"{path}:2: system 'contact': a mailbox cannot be written to by Pledge" in problems
    assert any(p.startswith(f"{path}:3: system slug 'contact' is used twice") for p in problems), problems
    assert f"{path}:7: system 'contact' is writable but has no tables to write to" in problems
    assert any(p.startswith(f"{path}:8: system 'contact' needs a 'tables:' list") for p in problems), problems


def test_it_reports_relative_paths_that_do_not_exist(tmp_path: Path) -> None:
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: council-tax
            name: Council Tax
            kind: sql
            url: sqlite:///missing.sqlite
            tables: [{name: accounts, key: ref}]
          - slug: libraries
            name: Libraries
            kind: files
            folder: nowhere
            tables: [{name: members, key: id}]
        """,
    )
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:5: the SQLite file 'missing.sqlite' does not exist") for p in problems)
    assert any(p.startswith(f"{path}:10: system 'libraries': 'nowhere' does not exist") for p in problems)


def test_it_reports_an_unknown_kind_a_bad_parent_and_a_duplicate_column(tmp_path: Path) -> None:
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: x
            name: X
            kind: oracle
          - slug: y
            name: Y
            kind: sql
            url: sqlite:////abs.sqlite
            tables:
              - name: notes
                key: id
                parent_table: clients
                parent_key: client_id
                columns: [{column: a}, {column: a}]
        """,
    )
    problems = problems_of(path)
    assert any(p.startswith(f"{path}:4: unknown kind 'oracle'") for p in problems), problems
    assert any(p.startswith(f"{path}:10: system 'y': table 'notes' names parent_table 'clients'") for p in problems)
    assert f"{path}:14: table 'notes': column 'a' is mapped twice" in problems


def test_it_refuses_a_file_without_a_systems_list(tmp_path: Path) -> None:
    path = write_yaml(tmp_path, "- slug: x\n")
    assert problems_of(path) == [f"{path}:1: the file must be a mapping with a 'systems:' list"]


def test_a_mailbox_has_one_table_keyed_by_message(tmp_path: Path) -> None:
    (tmp_path / "mail").mkdir()
    path = write_yaml(
        tmp_path,
        """\
        systems:
          - slug: contact
            name: Contact centre
            kind: mailbox
            folder: mail
            tables:
              - {name: messages, key: message_id, columns: [{column: from, identity: email}]}
              - {name: more, key: message}
        """,
    )
    problems = problems_of(path)
    assert any(
        p.startswith(f"{path}:7: system 'contact': a mailbox's messages are keyed by 'message'") for p in problems
    )
    assert f"{path}:8: system 'contact': a mailbox has one table of messages, not 2" in problems
