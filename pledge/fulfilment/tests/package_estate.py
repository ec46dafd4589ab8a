"""A tiny connected estate for package tests: two SQLite systems and a systems.yaml in a temporary folder, a
register system for each, and a finished discovery run on the case with its records confirmed."""

import sqlite3
from pathlib import Path
from typing import Any

from django.utils import timezone

from pledge.casework.models import Case
from pledge.discovery.models import (
    Candidate,
    CandidateDecision,
    DiscoveryRun,
    RunState,
    SystemSearch,
    SystemSearchState,
)
from pledge.register.models import ProcessingActivity, System

NOTE = "Zebedee phoned about his bill. His neighbour Amy Brown has been paying it. Zebedee will call back."

SYSTEMS_YAML = """systems:
  - slug: revenues
    name: Revenues (council tax)
    register_system: revenues-system
    kind: sql
    url: sqlite:///estate.sqlite3
    tables:
      - name: accounts
        key: account_ref
        columns:
          - {column: account_ref, identity: account_reference, category: Account details}
          - {column: full_name, identity: full_name, category: Identity and contact}
          - {column: address, identity: address, category: Identity and contact}
          - {column: balance, category: Financial}
      - name: contacts
        key: contact_id
        parent_table: accounts
        parent_key: account_ref
        columns:
          - {column: note, category: Contact history, free_text: true}
  - slug: garden
    name: Garden waste subscriptions
    register_system: garden-system
    kind: sql
    url: sqlite:///estate.sqlite3
    tables:
      - name: subscriptions
        key: sub_id
        columns:
          - {column: name, identity: full_name, category: Identity and contact}
          - {column: email, identity: email, category: Identity and contact}
          - {column: bins, category: Service details}
          - {column: crew_note, category: Service details, free_text: true}
  - slug: contact-mailbox
    name: Contact centre mailbox
    register_system: revenues-system
    kind: mailbox
    folder: mailbox
"""
EMAIL = """From: Zebedee Unusualname <zebedee.unusualname@example.com>
To: contact@anyshire.example
Subject: My council tax bill
Date: Tue, 01 Dec 2026 10:00:00 +0000

Please check my bill, I think it is wrong.
"""
OTHER_EMAIL = """From: Someone Else <someone@example.com>
To: contact@anyshire.example
Subject: Bins

My bins were missed.
"""


def make_estate(folder: Path) -> Path:
    """Write the estate and its systems.yaml under ``folder``; return the YAML's path."""
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / "estate.sqlite3")
    db.executescript(
        """
        create table accounts (account_ref text primary key, full_name text, address text, balance text);
        create table contacts (contact_id text primary key, account_ref text, note text);
        create table subscriptions (sub_id text primary key, name text, email text, bins integer, crew_note text);
        insert into accounts values ('CT1', 'UNUSUALNAME, Zebedee', '1 High Street, Anytown', '120.50');
        insert into accounts values ('CT2', 'Amy Brown', '2 High Street, Anytown', '0.00');
        """
    )
    db.execute("insert into contacts values ('N1', 'CT1', ?)", (NOTE,))
    db.execute("insert into subscriptions values ('G1', 'Zeb Unusualname', 'zebedee@example.com', 2, 'Gate code 1234')")
    db.commit()
    db.close()
    (folder / "mailbox").mkdir(exist_ok=True)
    (folder / "mailbox" / "1.eml").write_text(EMAIL)
    (folder / "mailbox" / "2.eml").write_text(OTHER_EMAIL)
    path = folder / "systems.yaml"
    path.write_text(SYSTEMS_YAML)
    return path


def register_garden_system() -> None:
    """The garden-waste system in the register, used by the (contract, automated) garden-waste activity."""
    system = System.objects.create(slug="garden-system", name="Garden waste system")
    ProcessingActivity.objects.get(slug="garden-waste-subscription").systems.add(system)


def confirm_records(case: Case, actor: Any, refs: list[tuple[str, str, str]]) -> DiscoveryRun:
    """A finished run on ``case`` that searched both systems, with ``refs`` confirmed and one other rejected."""
    now = timezone.now()
    run = DiscoveryRun.objects.create(
        case=case,
        state=RunState.FINISHED,
        started_by=actor,
        started_at=now,
        finished_at=now,
        identifiers={"name": case.requester_name, "email": case.requester_email},
    )
    SystemSearch.objects.create(
        run=run, system="revenues", system_name="Revenues", state=SystemSearchState.SEARCHED, hits=2
    )
    SystemSearch.objects.create(
        run=run, system="garden", system_name="Garden waste", state=SystemSearchState.SEARCHED, hits=1
    )
    SystemSearch.objects.create(
        run=run,
        system="electoral",
        system_name="Electoral register",
        state=SystemSearchState.EXCLUDED,
        reason="held by the Electoral Registration Officer, a separate controller",
    )
    for system, table, key in refs:
        Candidate.objects.create(
            run=run, system=system, table=table, key=key, probability=0.99, decision=CandidateDecision.CONFIRMED
        )
    Candidate.objects.create(
        run=run, system="revenues", table="accounts", key="CT2", probability=0.4, decision=CandidateDecision.REJECTED
    )
    return run
