"""Private files are encrypted at rest (promise P127): a raw read of the disk shows ciphertext.

Format: ``PLDGENC1``, a 4-byte key id, an 8-byte random nonce prefix, then chunks of up to 64 KiB, each
``length (4 bytes) + AES-256-GCM(chunk)`` with the nonce ``prefix + chunk number`` and the associated data
saying whether it is the last chunk, so a file cut short or with chunks reordered fails to decrypt.

Keys come from ``PLEDGE_FILE_KEYS`` (comma-separated, urlsafe base64 of 32 bytes; the first encrypts, all
decrypt, so a key can be rotated without losing old files). Without it the key is derived from ``SECRET_KEY``
with HKDF, which is enough for the demo; production should set its own keys and keep them apart from backups.
"""

import base64
import hashlib
import os
import struct
from collections.abc import Iterable, Iterator
from functools import cache
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

MAGIC = b"PLDGENC1"
CHUNK = 64 * 1024
_LAST, _MORE = b"last", b"more"


class DecryptionError(ValueError):
    """The file is not one of ours, was altered, or was encrypted with a key we no longer hold."""


def _key_id(key: bytes) -> bytes:
    return hashlib.sha256(b"pledge-key-id" + key).digest()[:4]


@cache
def _keys_from(configured: str, secret_key: str) -> tuple[bytes, ...]:
    keys = [base64.urlsafe_b64decode(part.strip()) for part in configured.split(",") if part.strip()]
    if any(len(key) != 32 for key in keys):
        raise ValueError("Each key in PLEDGE_FILE_KEYS must be 32 bytes, in urlsafe base64")
    if not keys:
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"pledge-private-files")
        keys = [derived.derive(secret_key.encode())]
    return tuple(keys)


def file_keys() -> tuple[bytes, ...]:
    """The keys in force: the first encrypts, every one may decrypt."""
    return _keys_from(str(getattr(settings, "PLEDGE_FILE_KEYS", "")), str(settings.SECRET_KEY))


def new_file_key() -> str:
    """A fresh key, as it goes into ``PLEDGE_FILE_KEYS``."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


def _chunks(stream: IO[bytes]) -> Iterator[bytes]:
    while block := stream.read(CHUNK):
        yield block


def encrypt_stream(plain: IO[bytes], out: IO[bytes]) -> None:
    """Write ``plain`` to ``out`` encrypted with the current key."""
    key = file_keys()[0]
    cipher, prefix = AESGCM(key), os.urandom(8)
    out.write(MAGIC + _key_id(key) + prefix)
    pending = next(_chunks(plain), b"")
    number = 0
    for block in _chunks(plain):
        _write_chunk(out, cipher, prefix, number, pending, last=False)
        pending, number = block, number + 1
    _write_chunk(out, cipher, prefix, number, pending, last=True)


def _write_chunk(out: IO[bytes], cipher: AESGCM, prefix: bytes, number: int, block: bytes, *, last: bool) -> None:
    sealed = cipher.encrypt(prefix + struct.pack(">I", number), block, _LAST if last else _MORE)
    out.write(struct.pack(">I", len(sealed)) + sealed)


def decrypt_stream(sealed: IO[bytes]) -> Iterator[bytes]:
    """The plaintext of an encrypted file, chunk by chunk; ``DecryptionError`` if it is not intact."""
    header = sealed.read(len(MAGIC) + 12)
    if len(header) != len(MAGIC) + 12 or not header.startswith(MAGIC):
        raise DecryptionError("Not an encrypted Pledge file")
    key_id, prefix = header[len(MAGIC) : len(MAGIC) + 4], header[len(MAGIC) + 4 :]
    key = next((k for k in file_keys() if _key_id(k) == key_id), None)
    if key is None:
        raise DecryptionError("The file was encrypted with a key that is not in PLEDGE_FILE_KEYS")
    yield from _open_chunks(sealed, AESGCM(key), prefix)


def _open_chunks(sealed: IO[bytes], cipher: AESGCM, prefix: bytes) -> Iterable[bytes]:
    number, finished = 0, False
    while length_bytes := sealed.read(4):
        if finished or len(length_bytes) != 4:
            raise DecryptionError("The file has data after its last chunk")
        body = sealed.read(struct.unpack(">I", length_bytes)[0])
        nonce = prefix + struct.pack(">I", number)
        try:
            yield cipher.decrypt(nonce, body, _MORE)
        except InvalidTag:
            try:
                yield cipher.decrypt(nonce, body, _LAST)
            except InvalidTag:
                raise DecryptionError("The file was altered or damaged") from None
            finished = True
        number += 1
    if not finished:
        raise DecryptionError("The file was cut short")
