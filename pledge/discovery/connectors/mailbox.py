"""A connected mailbox: a folder of ``.eml`` files and/or ``.mbox`` files, one record per message (P074).

Councils tell people that "emails that we send to you or you send to us may be kept as a record of contact", so
those emails are personal data within a subject access request (UK GDPR Art 15). Each message's identity fields
come from its From, To and Cc addresses and the sender's display name; ``find_messages`` finds every message to
or from a requester's *verified* addresses, which is the search a caseworker can defend as reasonable.
"""

import mailbox
import re
from collections.abc import Iterator, Sequence
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from html import unescape
from itertools import islice
from pathlib import Path
from typing import Any

from pledge.discovery.connectors.records import Closing, record_of, wanted_columns
from pledge.discovery.sources import ReadOnlySystem, RecordKey, SourceRecord, SystemConfig, TableConfig, Write

CHECK_SAMPLE = (
    1000  # messages parsed by ``check``: a broken export shows in the first ones, and a big mailbox stays quick
)
MBOX_SEPARATOR = "#"  # an mbox message's key is "<file>#<position>", an .eml file's key is its path in the folder


class MailboxConnector(Closing):
    """Reads a folder of emails; never writes (an email record of contact is changed in the mail system itself)."""

    def __init__(self, config: SystemConfig) -> None:
        self.config = config
        self.root = Path(config.location)
        self.table: TableConfig = config.tables[0]

    def _sources(self) -> Iterator[Path]:
        if self.root.is_file():
            yield self.root
            return
        yield from sorted(p for p in self.root.rglob("*") if p.is_file() and p.suffix.lower() in (".eml", ".mbox"))

    def _name(self, path: Path) -> str:
        return path.name if self.root.is_file() else path.relative_to(self.root).as_posix()

    def messages(self) -> Iterator[tuple[str, EmailMessage]]:
        """Every message with its key, streamed (an mbox is read one message at a time)."""
        parser = BytesParser(policy=policy.default)
        for path in self._sources():
            if path.suffix.lower() == ".eml":
                yield self._name(path), _as_email(parser.parsebytes(path.read_bytes()))
                continue
            box = mailbox.mbox(path, create=False)
            try:
                for position, key in enumerate(box.iterkeys()):
                    message = parser.parsebytes(box.get_bytes(key))
                    yield f"{self._name(path)}{MBOX_SEPARATOR}{position}", _as_email(message)
            finally:
                box.close()

    def _path_of(self, name: str) -> Path | None:
        """The file a key names; None when it leaves the folder (../) or does not exist."""
        path = self.root if self.root.is_file() else (self.root / name).resolve()
        if not self.root.is_file() and not path.is_relative_to(self.root.resolve()):
            return None
        return path if path.is_file() else None

    def _messages_for(self, keys: Sequence[str]) -> Iterator[tuple[str, EmailMessage]]:
        """The messages for ``keys``, opening each mbox once however many of its messages are asked for."""
        parser = BytesParser(policy=policy.default)
        in_mbox: dict[Path, list[tuple[str, str]]] = {}
        for key in keys:
            name, _, position = key.partition(MBOX_SEPARATOR)
            path = self._path_of(name)
            if path is not None and not position and path.suffix.lower() == ".eml":
                yield key, _as_email(parser.parsebytes(path.read_bytes()))
            elif path is not None and position.isdigit():
                in_mbox.setdefault(path, []).append((key, position))
        for path, wanted in in_mbox.items():
            box = mailbox.mbox(path, create=False)
            try:
                box_keys = list(box.iterkeys())
                for key, position in wanted:
                    if int(position) < len(box_keys):
                        yield key, _as_email(parser.parsebytes(box.get_bytes(box_keys[int(position)])))
            finally:
                box.close()

    def iter_records(self, *, batch_size: int = 5000) -> Iterator[list[SourceRecord]]:
        """Every message as a record (From/To/Cc addresses, sender's name, subject, body), in batches."""
        wanted = wanted_columns(self.table)
        rows = ({c: row.get(c) for c in wanted} for row in (row_of(key, message) for key, message in self.messages()))
        records = (record_of(self.config.slug, self.table, row) for row in rows)
        while batch := list(islice(records, batch_size)):
            yield batch

    def fetch(self, refs: Sequence[RecordKey]) -> list[SourceRecord]:
        """The messages named by ``refs``, with every header and the text body."""
        keys = [r.key for r in dict.fromkeys(refs) if r.system == self.config.slug and r.table == self.table.name]
        found = {}
        for key, message in self._messages_for(keys):
            row = row_of(key, message) | {"headers": [(name, str(value)) for name, value in message.items()]}
            found[key] = record_of(self.config.slug, self.table, row)
        return [found[key] for key in keys if key in found]

    def count(self, table: TableConfig) -> int:
        """How many messages the mailbox holds (counted without parsing them)."""
        total = 0
        for path in self._sources():
            if path.suffix.lower() == ".eml":
                total += 1
                continue
            box = mailbox.mbox(path, create=False)
            try:
                total += len(box)
            finally:
                box.close()
        return total

    def check(self) -> list[str]:
        """A missing folder, or messages that cannot be read (a sample of the first ones), as sentences."""
        if not self.root.exists():
            return [f"The mailbox {self.root} does not exist."]
        try:
            for _ in islice(self.messages(), CHECK_SAMPLE):
                pass
        except (OSError, ValueError, mailbox.Error) as error:
            return [f"The mailbox {self.root} cannot be read: {error}"]
        return []

    def apply(self, writes: Sequence[Write]) -> None:
        """Always refused: Pledge does not change emails; the mail system's owner does."""
        raise ReadOnlySystem(f"{self.config.name} ({self.config.slug}) is a mailbox; Pledge never writes to it")


def _as_email(message: Any) -> EmailMessage:
    return message if isinstance(message, EmailMessage) else EmailMessage()


def addresses_of(message: EmailMessage, header: str) -> list[tuple[str, str]]:
    """(display name, address) pairs of one header; an unparseable header gives what can be read of it."""
    values = [str(value) for value in message.get_all(header, [])]
    return [(name, address) for name, address in getaddresses(values) if address]


def row_of(key: str, message: EmailMessage) -> dict[str, Any]:
    """A message as a row: the columns the default mailbox mapping names, plus every participant's address."""
    sender, to, cc = (addresses_of(message, header) for header in ("from", "to", "cc"))
    return {
        "message": key,
        "message_id": str(message.get("message-id", "")),
        "date": str(message.get("date", "")),
        "from": ", ".join(address for _, address in sender),
        "from_name": ", ".join(name for name, _ in sender if name),
        "to": ", ".join(address for _, address in to),
        "to_names": ", ".join(name for name, _ in to if name),
        "cc": ", ".join(address for _, address in cc),
        "subject": str(message.get("subject", "")),
        "body": text_body(message),
        "attachments": [part.get_filename() or "" for part in message.iter_attachments()],
    }


def text_body(message: EmailMessage) -> str:
    """The message's plain-text body, or its HTML body with the tags removed."""
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):
        return ""
    if part.get_content_subtype() == "html":
        content = unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?is)<(script|style).*?</\1>", " ", content)))
    return str(content).replace("\r\n", "\n").strip()


def normalise_address(address: str) -> str:
    """An address as compared: trimmed and lower-cased (the local part is case-insensitive in practice)."""
    parsed = Address(addr_spec=address.strip()) if "@" in address else None
    return (parsed.addr_spec if parsed else address).strip().lower()


def find_messages(connector: MailboxConnector, addresses: set[str]) -> list[SourceRecord]:
    """Every message from, to or copied to one of the requester's verified ``addresses`` (exact, any case)."""
    wanted = {normalise_address(address) for address in addresses if address.strip()}
    if not wanted:
        return []
    refs = []
    for key, message in connector.messages():
        participants = [address for header in ("from", "to", "cc") for _, address in addresses_of(message, header)]
        if any(address.strip().lower() in wanted for address in participants):
            refs.append(RecordKey(system=connector.config.slug, table=connector.table.name, key=key))
    return connector.fetch(refs)
