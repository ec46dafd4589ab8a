"""A tiny connected estate for disposal tests: council tax (SQLite, writable, with notes under each account), webchat
(SQLite, read-only), newsletters (CSV, writable, anonymised at the end) and a mailbox of .eml files (read-only)."""

import csv
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from pledge.register.models import RetentionAction, RetentionRule, RetentionTrigger, System

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
        retention_rule: council-tax-account
        trigger_column: closed_on
        columns:
          - {column: account_ref, identity: account_reference}
          - {column: holder, identity: full_name}
          - {column: email, identity: email}
      - name: notes
        key: note_id
        parent_table: accounts
        parent_key: account_ref
        columns:
          - {column: note_id}
          - {column: account_ref}
          - {column: text, free_text: true}
      - name: payments
        key: payment_id
        columns:
          - {column: payment_id}
  - slug: webchat
    name: Webchat
    register_system: webchat
    kind: sql
    url: sqlite:///webchat.sqlite3
    tables:
      - name: sessions
        key: session_id
        retention_rule: webchat-transcript
        trigger_column: ended_at
        columns:
          - {column: session_id}
          - {column: email, identity: email}
  - slug: newsletters
    name: Newsletters
    register_system: newsletter-platform
    kind: files
    folder: newsletters
    writable: true
    tables:
      - name: subscribers
        key: subscriber_id
        retention_rule: newsletter-subscription
        trigger_column: unsubscribed_on
        columns:
          - {column: subscriber_id}
          - {column: name, identity: full_name}
          - {column: email, identity: email}
  - slug: mailbox
    name: Customer Services Mailbox
    register_system: email-platform
    kind: mailbox
    folder: mailbox
    tables:
      - name: messages
        key: message
        retention_rule: customer-contact-record
        trigger_column: date
        columns:
          - {column: from, identity: email}
          - {column: subject}
"""

TODAY = date(2026, 12, 2)
ACCOUNTS = [
    # (ref, holder, email, closed_on): CT1 and CT2 closed long ago (due), CT3 recently, CT4 still open.
    ("CT1", "Ada Fictional", "ada@example.com", "2015-03-31"),
    ("CT2", "Bob Invented", "bob@example.com", "2016-06-30"),
    ("CT3", "Cy Madeup", "cy@example.com", "2025-01-31"),
    ("CT4", "Di Notreal", "di@example.com", None),
]


def make_rules() -> None:
    for slug, trigger, years, action, source in (
        ("council-tax-account", RetentionTrigger.ACCOUNT_CLOSED, 7, RetentionAction.DESTROY, "Limitation Act 1980"),
        ("webchat-transcript", RetentionTrigger.LAST_CONTACT, 2, RetentionAction.DESTROY, "LGA guidelines"),
        ("newsletter-subscription", RetentionTrigger.EVENT, 2, RetentionAction.ANONYMISE, "PECR reg 22"),
        ("customer-contact-record", RetentionTrigger.LAST_CONTACT, 2, RetentionAction.DESTROY, "LGA guidelines"),
    ):
        RetentionRule.objects.create(
            slug=slug, name=slug.replace("-", " ").capitalize(), trigger=trigger, years=years, action=action,
            source=source,
        )  # fmt: skip
    owners = {
        "revenues-system": "Head of Revenues",
        "webchat": "Head of Customer Services",
        "email-platform": "Head of ICT",
        "newsletter-platform": "Head of Communications",
    }
    for slug, owner in owners.items():
        System.objects.create(slug=slug, name=slug, owner_role=owner)


def write_estate(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(root / "council_tax.sqlite3") as db:
        db.execute("CREATE TABLE accounts (account_ref TEXT PRIMARY KEY, holder TEXT, email TEXT, closed_on TEXT)")
        db.execute("CREATE TABLE notes (note_id TEXT PRIMARY KEY, account_ref TEXT, text TEXT)")
        db.execute("CREATE TABLE payments (payment_id TEXT PRIMARY KEY)")
        db.executemany("INSERT INTO accounts VALUES (?, ?, ?, ?)", ACCOUNTS)
        db.executemany(
            "INSERT INTO notes VALUES (?, ?, ?)", [("N1", "CT1", "Called about a refund"), ("N3", "CT3", "")]
        )
    with sqlite3.connect(root / "webchat.sqlite3") as db:
        db.execute("CREATE TABLE sessions (session_id TEXT PRIMARY KEY, email TEXT, ended_at TEXT)")
        db.executemany(
            "INSERT INTO sessions VALUES (?, ?, ?)",
            [("W1", "ada@example.com", "2023-05-01T10:00:00"), ("W2", "eve@example.com", "2026-11-01T10:00:00")],
        )
    (root / "newsletters").mkdir()
    with (root / "newsletters" / "subscribers.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["subscriber_id", "name", "email", "unsubscribed_on"])
        writer.writerow(["S1", "Ada Fictional", "ada@example.com", "2020-01-01"])
        writer.writerow(["S2", "Bob Invented", "bob@example.com", ""])
    (root / "mailbox").mkdir()
    for name, sent in (("M1.eml", "Mon, 01 Mar 2021 09:00:00 +0000"), ("M2.eml", "Sun, 01 Nov 2026 09:00:00 +0000")):
        (root / "mailbox" / name).write_text(
            f"From: Ada Fictional <ada@example.com>\nTo: customer.services@anyshire.example\nDate: {sent}\n"
            "Subject: Bin not collected\n\nPlease could you help.\n"
        )
    path = root / "systems.yaml"
    path.write_text(SYSTEMS_YAML)
    return path


def accounts(root: Path) -> list[str]:
    with sqlite3.connect(root / "council_tax.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT account_ref FROM accounts ORDER BY account_ref")]


def notes(root: Path) -> list[str]:
    with sqlite3.connect(root / "council_tax.sqlite3") as db:
        return [row[0] for row in db.execute("SELECT note_id FROM notes ORDER BY note_id")]


def subscribers(root: Path) -> list[dict[str, Any]]:
    with (root / "newsletters" / "subscribers.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))
