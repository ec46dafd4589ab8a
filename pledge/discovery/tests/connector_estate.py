"""A tiny council estate for the connector tests: a council-tax database with notes, written as real files."""

import sqlite3
from pathlib import Path
from textwrap import dedent
from typing import Any

from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Text, create_engine, insert
from sqlalchemy.engine import Engine

COUNCIL_TAX_YAML = """\
systems:
  - slug: council-tax
    name: Council Tax (Revenues)
    register_system: revenues-benefits-system
    controller: anyshire-council
    kind: sql
    url: {url}
    writable: {writable}
    tables:
      - name: accounts
        key: account_ref
        retention_rule: council-tax-six-years
        trigger_column: closed_on
        restriction_column: restricted
        columns:
          - {{column: account_ref, identity: account_reference, category: Financial}}
          - {{column: holder_name, identity: full_name, category: Identity and contact}}
          - {{column: address_1, identity: address, category: Identity and contact}}
          - {{column: address_2, identity: address, category: Identity and contact}}
          - {{column: postcode, identity: postcode, category: Identity and contact}}
          - {{column: born_on, identity: date_of_birth, category: Identity and contact}}
      - name: notes
        key: note_id
        parent_table: accounts
        parent_key: account_ref
        columns:
          - {{column: body, free_text: true, category: Case notes}}
"""

ACCOUNTS = [
    ("CT0001", "SMITH, Robert", "1 High Street", "Anytown", "AN1 1AA", "1980-02-03", None, 0, "band C"),
    ("CT0002", "Margaret Jones", "2 Low Road", "", "AN2 2BB", "1955-11-30", "2024-03-31", 0, "band A"),
    ("CT0003", "Priya Patel", "3 Mill Lane", "Anytown", "AN3 3CC", "1991-07-14", None, 1, "band D"),
]
NOTES = [(1, "CT0001", "Called about a direct debit."), (2, "CT0001", "Asked for a single person discount."),
         (3, "CT0002", "Account closed on moving out.")]  # fmt: skip


def council_tax_metadata() -> tuple[MetaData, Table, Table]:
    metadata = MetaData()
    accounts = Table(
        "accounts",
        metadata,
        Column("account_ref", String(20), primary_key=True),
        Column("holder_name", String(200), nullable=False),
        Column("address_1", String(200)),
        Column("address_2", String(200)),
        Column("postcode", String(10)),
        Column("born_on", Date),
        Column("closed_on", Date),
        Column("restricted", Integer, nullable=False),
        Column("band", String(10)),
    )
    notes = Table(
        "notes",
        metadata,
        Column("note_id", Integer, primary_key=True),
        Column("account_ref", String(20), nullable=False),
        Column("body", Text),
    )
    return metadata, accounts, notes


def fill_council_tax(engine: Engine) -> None:
    """Create and fill the accounts and notes tables through SQLAlchemy (any database)."""
    import datetime as dt

    metadata, accounts, notes = council_tax_metadata()
    metadata.create_all(engine)
    names = [column.name for column in accounts.columns]
    rows: list[dict[str, Any]] = [dict(zip(names, row, strict=True)) for row in ACCOUNTS]
    for row in rows:
        for column in ("born_on", "closed_on"):
            row[column] = dt.date.fromisoformat(row[column]) if row[column] else None
    with engine.begin() as connection:
        connection.execute(insert(accounts), rows)
        connection.execute(insert(notes), [{"note_id": n, "account_ref": a, "body": b} for n, a, b in NOTES])


def make_council_tax(folder: Path, *, writable: bool = False) -> Path:
    """A SQLite council-tax database and its systems.yaml (relative URL) in ``folder``; returns the YAML path."""
    folder.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{folder / 'council_tax.sqlite'}")
    fill_council_tax(engine)
    engine.dispose()
    return write_yaml(
        folder, COUNCIL_TAX_YAML.format(url="sqlite:///council_tax.sqlite", writable=str(writable).lower())
    )


def write_yaml(folder: Path, text: str, name: str = "systems.yaml") -> Path:
    path = folder / name
    path.write_text(dedent(text), encoding="utf-8")
    return path


def sqlite_rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as connection:
        return list(connection.execute(sql))
