"""The mailbox connector (P074): .eml files and an mbox read as messages; emails to and from verified addresses."""

import mailbox
from email.message import EmailMessage
from pathlib import Path

import pytest

from pledge.discovery.connectors import MailboxConnector, connect, find_messages, load_systems
from pledge.discovery.sources import IdentityField, ReadOnlySystem, RecordKey, Write, WriteAction
from pledge.discovery.tests.connector_estate import write_yaml


def message(*, sender: str, to: str, subject: str, body: str, cc: str = "", html: bool = False) -> EmailMessage:
    email = EmailMessage()
    email["From"], email["To"], email["Subject"] = sender, to, subject
    email["Message-ID"] = f"<{abs(hash(subject))}@mail.anyshire.example>"
    if cc:
        email["Cc"] = cc
    email.set_content(body, subtype="html" if html else "plain")
    return email


def contact_centre(tmp_path: Path) -> MailboxConnector:
    folder = tmp_path / "mail"
    (folder / "2026").mkdir(parents=True)
    incoming = message(sender='"Bob Smith" <Bob.Smith@Example.com>', to="customer.services@anyshire.example",
                       subject="Bin not collected", body="My bin was missed again.\nBob")  # fmt: skip
    sorry = "<p>Sorry, Mr Smith &amp; family.</p>"
    reply = message(sender="customer.services@anyshire.example", to="bob.smith@example.com",
                    subject="Re: Bin not collected", body=sorry, html=True)  # fmt: skip
    other = message(sender="Ann Lee <ann@example.org>", to="customer.services@anyshire.example",
                    cc="BOB.SMITH@example.com", subject="Noise", body="Next door is loud.")  # fmt: skip
    (folder / "0001.eml").write_bytes(incoming.as_bytes())
    (folder / "2026" / "0002.eml").write_bytes(reply.as_bytes())
    box = mailbox.mbox(folder / "archive.mbox")
    box.add(other)
    box.add(message(sender="eve@example.net", to="customer.services@anyshire.example", subject="Hi", body="Hello"))
    box.close()
    [config] = load_systems(
        write_yaml(tmp_path, "systems:\n  - {slug: mail, name: Contact, kind: mailbox, folder: mail}\n")
    )
    connector = connect(config)
    assert isinstance(connector, MailboxConnector)
    return connector


def test_each_message_is_a_record_with_its_addresses_and_senders_name(tmp_path: Path) -> None:
    connector = contact_centre(tmp_path)
    records = {r.ref.key: r for batch in connector.iter_records(batch_size=2) for r in batch}
    assert sorted(records) == ["0001.eml", "2026/0002.eml", "archive.mbox#0", "archive.mbox#1"]
    assert records["0001.eml"].identity == {
        IdentityField.EMAIL: "Bob.Smith@Example.com, customer.services@anyshire.example",
        IdentityField.FULL_NAME: "Bob Smith",
    }
    assert records["archive.mbox#0"].identity[IdentityField.EMAIL] == (
        "ann@example.org, customer.services@anyshire.example, BOB.SMITH@example.com"
    )
    assert records["0001.eml"].columns["body"] == "My bin was missed again.\nBob"


def test_it_finds_emails_to_and_from_the_requesters_verified_addresses_in_any_case(tmp_path: Path) -> None:
    connector = contact_centre(tmp_path)
    found = find_messages(connector, {" bob.smith@EXAMPLE.com "})
    assert [r.ref.key for r in found] == ["0001.eml", "2026/0002.eml", "archive.mbox#0"]
    assert found[1].columns["body"] == "Sorry, Mr Smith & family."
    assert ("Subject", "Re: Bin not collected") in found[1].columns["headers"]
    assert find_messages(connector, {"smith@example.com"}) == []  # exact addresses only, never a guess
    assert find_messages(connector, set()) == []


def test_fetch_returns_headers_and_body_and_ignores_keys_outside_the_folder(tmp_path: Path) -> None:
    connector = contact_centre(tmp_path)
    (tmp_path / "secret.eml").write_bytes(message(sender="a@b.c", to="d@e.f", subject="s", body="b").as_bytes())
    refs = [RecordKey("mail", "messages", key) for key in ("archive.mbox#1", "../secret.eml", "archive.mbox#9", "x")]
    [found] = connector.fetch(refs)
    assert found.columns["subject"] == "Hi" and found.columns["message_id"].endswith("@mail.anyshire.example>")


def test_check_counts_messages_and_reports_a_missing_mailbox(tmp_path: Path) -> None:
    connector = contact_centre(tmp_path)
    assert connector.check() == [] and connector.count(connector.table) == 4
    connector.root = tmp_path / "gone"
    assert connector.check() == [f"The mailbox {tmp_path / 'gone'} does not exist."]


def test_it_never_writes_to_a_mailbox(tmp_path: Path) -> None:
    connector = contact_centre(tmp_path)
    with pytest.raises(ReadOnlySystem, match="Pledge never writes to it"):
        connector.apply([Write(RecordKey("mail", "messages", "0001.eml"), WriteAction.DELETE)])
    assert (tmp_path / "mail" / "0001.eml").exists()
