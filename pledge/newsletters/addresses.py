"""Subscriber addresses at rest: sealed with AES-256-GCM under the private-file keys (``PLEDGE_FILE_KEYS``, see
``pledge.core.encryption``), so the table, a backup or a debug dump shows no address. Rows are found by the
consent ledger's keyed hash of the normalised address (its subject id), never by the address itself."""

import base64
import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from pledge.core.encryption import DecryptionError, file_keys

_CONTEXT = b"pledge-newsletter-address"


def _key_id(key: bytes) -> str:
    return hashlib.sha256(b"pledge-key-id" + key).hexdigest()[:8]


def seal_address(email: str) -> str:
    """The address encrypted with the current key, as ``key-id:base64(nonce + ciphertext)``."""
    key = file_keys()[0]
    nonce = os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, email.encode(), _CONTEXT)
    return f"{_key_id(key)}:{base64.b64encode(nonce + sealed).decode()}"


def open_address(sealed: str) -> str:
    """The address back; ``DecryptionError`` when it was altered or its key is no longer configured."""
    key_id, _, body = sealed.partition(":")
    key = next((k for k in file_keys() if _key_id(k) == key_id), None)
    if key is None:
        raise DecryptionError("The address was sealed with a key that is not in PLEDGE_FILE_KEYS")
    raw = base64.b64decode(body)
    try:
        return AESGCM(key).decrypt(raw[:12], raw[12:], _CONTEXT).decode()
    except InvalidTag:
        raise DecryptionError("The sealed address was altered") from None
