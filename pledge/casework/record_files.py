"""Saving and reading the private files kept on a case (attachments, ID evidence), through ``pledge.core.uploads``."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

from django.core.files.base import File

from pledge.core.uploads import CheckedUpload, FileType, check_upload, private_name, private_storage


@contextmanager
def stored_upload(upload: File, *, folder: str, allowed: frozenset[FileType]) -> Iterator[tuple[CheckedUpload, str]]:
    """Check ``upload`` (``UploadRejectedError`` if refused), save it encrypted under a random name, and remove the
    file again if the block raises, so a refused change leaves no file behind."""
    checked = check_upload(upload, allowed=allowed)
    storage = private_storage()
    name = storage.save(private_name(folder=folder, checked=checked), upload)
    try:
        yield checked, name
    except BaseException:
        storage.delete(name)
        raise


def open_private(name: str) -> IO[bytes]:
    """The decrypted contents of a stored file; the caller closes it."""
    return private_storage().open(name, "rb")  # type: ignore[no-any-return]


def delete_private(name: str) -> None:
    """Remove a stored file; a file already gone is not an error (deleting twice changes nothing)."""
    if name:
        private_storage().delete(name)
