"""A tiny connected estate for plan tests: council tax (SQLite, retention rule), newsletters (writable CSV), the
library (read-only CSV) and the electoral register (a separate controller), with a systems.yaml beside them."""

import csv
import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.utils import timezone

from pledge.casework.models import Case
from pledge.discovery.models import Candidate, CandidateDecision, DiscoveryRun, RunState
from pledge.discovery.sources import RecordKey
from pledge.register.models import Controller, ControllerKind, System

SYSTEMS_YAML = """\
systems:
  - slug: council-tax
    name: Council Tax
    register_system: revenues-system
    kind: sql
    url: sqlite:///council_tax.sqlite3
    writable: true
    tables:
      - name: accounts
        key: account_ref
        retention_rule: six-years-after-closure
        trigger_column: closed_on
        restriction_column: restricted
        columns:
          - {column: account_ref, identity: account_reference, category: Account details}
          - {column: holder, identity: full_name, category: Identity and contact}
          - {column: email, identity: email, category: Identity and contact}
          - {column: balance, category: Financial}
  - slug: newsletters
    name: Newsletters
    register_system: newsletters-system
    kind: files
    folder: newsletters
    writable: true
    tables:
      - name: subscribers
        key: subscriber_id
        restriction_column: restricted
        columns:
          - {column: subscriber_id}
          - {column: name, identity: full_name, category: Identity and contact}
          - {column: email, identity: email, category: Identity and contact}
          - {column: topic, category: Preferences}
  - slug: library
    name: Library
    register_system: library-system
    kind: files
    folder: library
    tables:
      - name: members
        key: member_id
        columns:
          - {column: member_id}
          - {column: name, identity: full_name, category: Identity and contact}
          - {column: email, identity: email, category: Identity and contact}
  - slug: electoral
    name: Electoral register
    register_system: electoral-system
    controller: ero
    kind: files
    folder: electoral
    writable: true
    tables:
      - name: electors
        key: elector_id
        columns:
          - {column: elector_id}
          - {column: name, identity: full_name, category: Identity and contact}
"""

ZEB = "Zebedee Unusualname"
ZEB_EMAIL = "zebedee.unusualname@example.com"


@dataclass(frozen=True)
class Estate:
    folder: Path
    yaml: Path

    def csv_rows(self, system: str, table: str) -> list[dict[str, str]]:
        with (self.folder / system / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    def accounts(self) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.folder / "council_tax.sqlite3") as db:
            return list(db.execute("SELECT account_ref, holder, email, closed_on, restricted FROM accounts ORDER BY 1"))


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def build_estate(folder: Path) -> Estate:
    """The four systems on disk; CT1 closed in 2024 (still under its six years), CT2 closed in 2015 (past them)."""
    folder.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(folder / "council_tax.sqlite3") as db:
        db.execute(
            "CREATE TABLE accounts (account_ref TEXT PRIMARY KEY, holder TEXT, email TEXT, balance TEXT,"
            " closed_on TEXT, restricted TEXT DEFAULT '')"
        )
        db.executemany(
            "INSERT INTO accounts VALUES (?, ?, ?, ?, ?, '')",
            [
                ("CT1", ZEB, ZEB_EMAIL, "0.00", "2024-03-31"),
                ("CT2", ZEB, ZEB_EMAIL, "12.50", "2015-01-01"),
                ("CT3", "Someone Else", "else@example.com", "1.00", ""),
            ],
        )
    _write_csv(
        folder / "newsletters" / "subscribers.csv",
        ["subscriber_id", "name", "email", "topic", "restricted"],
        [["N1", ZEB, ZEB_EMAIL, "Bins and recycling", ""], ["N2", "Someone Else", "else@example.com", "Events", ""]],
    )
    _write_csv(folder / "library" / "members.csv", ["member_id", "name", "email"], [["L1", ZEB, ZEB_EMAIL]])
    _write_csv(folder / "electoral" / "electors.csv", ["elector_id", "name"], [["E1", ZEB]])
    yaml = folder / "systems.yaml"
    yaml.write_text(SYSTEMS_YAML, encoding="utf-8")
    return Estate(folder=folder, yaml=yaml)


def register_estate_systems() -> None:
    """The register side: the systems' owners and the Electoral Registration Officer (the minimal register first)."""
    System.objects.create(slug="newsletters-system", name="Newsletters", owner_role="Communications manager")
    System.objects.create(slug="library-system", name="Library system", owner_role="Library systems manager")
    System.objects.create(slug="electoral-system", name="Electoral register")
    Controller.objects.create(
        slug="ero",
        name="Electoral Registration Officer",
        kind=ControllerKind.ELECTORAL_REGISTRATION_OFFICER,
        address="Town Hall",
        email="ero@testshire.example",
        phone="01632 960101",
        ico_registration="ZX999002",
        dpo_name="DPO",
        dpo_email="dpo@testshire.example",
    )


ALL_ZEB = (
    "council-tax/accounts/CT1",
    "council-tax/accounts/CT2",
    "newsletters/subscribers/N1",
    "library/members/L1",
    "electoral/electors/E1",
)


def confirm_records(*, case: Case, actor: Any, refs: tuple[str, ...] = ALL_ZEB, on: date | None = None) -> None:
    """A finished discovery run on ``case`` whose candidates ``refs`` a caseworker confirmed."""
    run = DiscoveryRun.objects.create(
        case=case, state=RunState.FINISHED, started_by=actor, finished_at=timezone.now(), identifiers={"name": ZEB}
    )
    for text in refs:
        ref = RecordKey.parse(text)
        Candidate.objects.create(
            run=run,
            system=ref.system,
            table=ref.table,
            key=ref.key,
            probability=0.99,
            decision=CandidateDecision.CONFIRMED,
            decided_by=actor,
            decided_at=timezone.now(),
        )
