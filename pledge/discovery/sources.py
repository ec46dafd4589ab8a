"""What a connector reads from a council system: records with their identity fields, framework-free.

This module is the contract between connectors (``connectors``), the identity index (``matching``), the estate
generator (``estate``) and fulfilment (access packages, erasure and rectification plans). It has no Django import.
"""

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


class IdentityField(StrEnum):
    """The identity fields a system's columns may be mapped to (issue 5, Connectors)."""

    FULL_NAME = "full_name"  # "Robert Smith", "SMITH, Robert", "Smith Robert J" — any order; parsed by matching
    GIVEN_NAME = "given_name"
    MIDDLE_NAMES = "middle_names"
    FAMILY_NAME = "family_name"
    FORMER_FAMILY_NAME = "former_family_name"
    DATE_OF_BIRTH = "date_of_birth"  # ISO date, or as the system holds it (dd/mm/yyyy); parsed by matching
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"  # one line or several joined by ", "
    POSTCODE = "postcode"
    PREVIOUS_ADDRESS = "previous_address"
    PREVIOUS_POSTCODE = "previous_postcode"
    UPRN = "uprn"
    NI_NUMBER = "ni_number"
    NHS_NUMBER = "nhs_number"
    ACCOUNT_REFERENCE = "account_reference"


@dataclass(frozen=True)
class RecordKey:
    """Where one record lives: the connector's system slug, the table (or file) and the row's key, as text."""

    system: str
    table: str
    key: str

    def __str__(self) -> str:
        return f"{self.system}/{self.table}/{self.key}"

    @classmethod
    def parse(cls, text: str) -> "RecordKey":
        """The inverse of ``str()``: 'council-tax/accounts/CT000123'."""
        system, table, key = text.split("/", 2)
        return cls(system=system, table=table, key=key)


@dataclass(frozen=True)
class SourceRecord:
    """One row of a system: its identity fields (mapped, raw text) and every column as the system holds it."""

    ref: RecordKey
    identity: Mapping[IdentityField, str]
    columns: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ColumnMapping:
    """A column of a table: the identity field it holds (if any), the register data category, and whether it is
    free text that may name other people (case notes, transcripts: marked for review before release)."""

    column: str
    identity: IdentityField | None = None
    category: str = ""
    free_text: bool = False


@dataclass(frozen=True)
class TableConfig:
    """A table (SQL) or a file (CSV/XLSX, name without folder) of a system, with its key column and mappings."""

    name: str
    key: str
    columns: Sequence[ColumnMapping]
    # For a linked table (e.g. case notes under a client), the column holding the parent row's key, and the parent.
    parent_table: str = ""
    parent_key: str = ""
    # Retention (erasure plans, disposal): the register RetentionRule slug for these rows and the date column its
    # period counts from (account closed, case closed, last contact...); empty when the system does not say.
    retention_rule: str = ""
    trigger_column: str = ""
    # A column the system uses to mark a record restricted (Art 18); Pledge sets it through a writable connector.
    restriction_column: str = ""


class SystemKind(StrEnum):
    SQL = "sql"  # a SQLAlchemy URL
    FILES = "files"  # a folder of CSV/XLSX files
    MAILBOX = "mailbox"  # a folder of .eml files (or an mbox), P074


@dataclass(frozen=True)
class SystemConfig:
    """One connected system, as configured in YAML (``connectors.load_systems``)."""

    slug: str
    name: str
    kind: SystemKind
    location: str  # the SQLAlchemy URL, or the folder/file path (relative paths resolved against the YAML file)
    tables: Sequence[TableConfig]
    register_system: str = ""  # the register System slug this is (its owner, activities, retention)
    controller: str = ""  # the register Controller slug; a separate controller (the ERO) is searched but flagged
    writable: bool = False  # never write unless True
    source_file: str = ""  # the YAML file and line it came from, for error messages
    source_line: int = 0


class Connector(Protocol):
    """Reads (and, only when ``config.writable``, changes) one system. Every method streams or takes keys."""

    config: SystemConfig

    def check(self) -> list[str]:
        """Problems connecting or with the mapping (missing table/column), as sentences; empty when all is well."""
        ...

    def iter_records(self, *, batch_size: int = 5000) -> Iterator[list[SourceRecord]]:
        """Every record of every mapped table, in batches, never the whole system in memory."""
        ...

    def fetch(self, refs: Sequence[RecordKey]) -> list[SourceRecord]:
        """The full rows for these keys (and, for a parent row, its linked child rows' records too)."""
        ...

    def apply(self, writes: Sequence["Write"]) -> None:
        """Make these changes in one transaction, all or nothing; ``ReadOnlySystem`` unless writable."""
        ...


class WriteAction(StrEnum):
    UPDATE = "update"  # set columns (rectification, anonymisation, a restriction flag)
    DELETE = "delete"  # remove the row and its linked child rows (erasure, disposal)


@dataclass(frozen=True)
class Write:
    """One change to one record, as an erasure/rectification plan or a retention run asks a writable system."""

    ref: RecordKey
    action: WriteAction
    changes: Mapping[str, Any] = field(default_factory=dict)


class ReadOnlySystem(Exception):
    """Raised by a connector asked to write to a system that is not configured as writable."""
