"""Connectors: read (and, only when configured writable, change) the council systems searched for a request.

``load_systems(path)`` reads the connected-systems YAML; ``connect(config)`` gives the ``Connector`` for one system
(``pledge.discovery.sources.Connector``): SQL through SQLAlchemy, a folder of CSV/XLSX files, or a mailbox.
"""

from pledge.discovery.connectors.config import SystemsInvalid, load_systems
from pledge.discovery.connectors.files import FilesConnector
from pledge.discovery.connectors.mailbox import MailboxConnector, find_messages
from pledge.discovery.connectors.records import ConnectionFailed, WriteFailed
from pledge.discovery.connectors.sql import SqlConnector, mask_url
from pledge.discovery.sources import SystemConfig, SystemKind

AnyConnector = SqlConnector | FilesConnector | MailboxConnector

__all__ = [
    "AnyConnector",
    "ConnectionFailed",
    "FilesConnector",
    "MailboxConnector",
    "SqlConnector",
    "SystemsInvalid",
    "WriteFailed",
    "connect",
    "find_messages",
    "load_systems",
    "mask_url",
]


def connect(config: SystemConfig) -> AnyConnector:
    """The connector for ``config``; nothing is opened until it is first used."""
    if config.kind is SystemKind.SQL:
        return SqlConnector(config)
    if config.kind is SystemKind.FILES:
        return FilesConnector(config)
    return MailboxConnector(config)
