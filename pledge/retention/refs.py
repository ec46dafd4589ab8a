"""Files of record references (``system/table/key``, one a line): what a disposal batch lists, approves and destroys.

A council's estate holds millions of records, so a batch keeps its references in an encrypted private file (the
core uploads storage), never as database rows, and its SHA-256 fingerprint, so an approval and a certificate can
prove which exact list they mean. References are keys, not personal data: no name, address or date is written.
"""

import gzip
import hashlib
import io
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from typing import IO

from django.core.files import File

from pledge.core.uploads import private_storage

FOLDER = "retention"
SPOOL_BYTES = 8 * 1024 * 1024


class RefWriter:
    """Collects references in a temporary gzip file as a run streams a table; ``save()`` stores it."""

    def __init__(self) -> None:
        self._raw: IO[bytes] = tempfile.TemporaryFile()
        self._gzip = gzip.GzipFile(fileobj=self._raw, mode="wb", mtime=0)
        self._digest = hashlib.sha256()
        self.count = 0

    def add(self, ref: str) -> None:
        line = f"{ref}\n".encode()
        self._gzip.write(line)
        self._digest.update(line)
        self.count += 1

    def extend(self, refs: Iterable[str]) -> None:
        for ref in refs:
            self.add(ref)

    @property
    def sha256(self) -> str:
        return self._digest.hexdigest()

    def save(self, kind: str) -> str:
        """Store the list in private storage; returns its storage name (random, so nothing is guessable)."""
        self._gzip.close()
        self._raw.seek(0)
        try:
            return private_storage().save(f"{FOLDER}/{kind}-{uuid.uuid4().hex}.txt.gz", File(self._raw))
        finally:
            self._raw.close()

    def discard(self) -> None:
        self._gzip.close()
        self._raw.close()


def save_refs(refs: Iterable[str], *, kind: str) -> tuple[str, str, int]:
    """Store ``refs``; returns (storage name, sha256 of the text, count)."""
    writer = RefWriter()
    writer.extend(refs)
    sha, count = writer.sha256, writer.count
    return writer.save(kind), sha, count


def read_refs(name: str) -> Iterator[str]:
    """The references in a stored list, in order, streamed; nothing when ``name`` is empty or missing."""
    storage = private_storage()
    if not name or not storage.exists(name):
        return
    with storage.open(name) as stored, gzip.GzipFile(fileobj=stored, mode="rb") as plain:
        for line in io.TextIOWrapper(plain, encoding="utf-8"):
            if line := line.rstrip("\n"):
                yield line


def delete_refs(name: str) -> None:
    """Remove a list nobody needs any more (a due list replaced by a fresher one)."""
    if name:
        private_storage().delete(name)
