"""Private files are ciphertext on disk, read back intact, and refuse to open when tampered with or cut short."""

import io
from pathlib import Path

import pytest
from django.conf import LazySettings

from pledge.core.encryption import MAGIC, DecryptionError, decrypt_stream, encrypt_stream, new_file_key
from pledge.core.uploads import private_storage

SECRET = b"Name: Jo Example\nNI number: QQ 12 34 56 C\n"


def _seal(plain: bytes) -> bytes:
    out = io.BytesIO()
    encrypt_stream(io.BytesIO(plain), out)
    return out.getvalue()


def _open(sealed: bytes) -> bytes:
    return b"".join(decrypt_stream(io.BytesIO(sealed)))


@pytest.mark.parametrize("size", [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 300_000])
def test_it_reads_back_exactly_what_it_wrote(size: int) -> None:
    plain = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    assert _open(_seal(plain)) == plain


def test_a_raw_read_of_storage_shows_ciphertext(private_files: Path) -> None:
    name = private_storage().save("evidence/a.txt", io.BytesIO(SECRET))
    raw = (private_files / name).read_bytes()
    assert raw.startswith(MAGIC)
    assert b"Jo Example" not in raw and b"QQ 12" not in raw
    with private_storage().open(name) as opened:
        assert opened.read() == SECRET


def test_it_refuses_a_file_that_was_altered() -> None:
    sealed = bytearray(_seal(SECRET))
    sealed[-1] ^= 1
    with pytest.raises(DecryptionError, match="altered"):
        _open(bytes(sealed))


def test_it_refuses_a_file_cut_short_at_a_chunk_boundary() -> None:
    sealed = _seal(b"a" * (64 * 1024 * 2 + 10))
    first_chunk_end = len(MAGIC) + 12 + 4 + 64 * 1024 + 16
    with pytest.raises(DecryptionError, match="cut short"):
        _open(sealed[:first_chunk_end])


def test_it_refuses_a_file_that_is_not_ours() -> None:
    with pytest.raises(DecryptionError, match="Not an encrypted"):
        _open(b"%PDF-1.7 plain")


def test_old_files_still_open_after_the_key_is_rotated(settings: LazySettings) -> None:
    old, new = new_file_key(), new_file_key()
    settings.PLEDGE_FILE_KEYS = old
    sealed = _seal(SECRET)
    settings.PLEDGE_FILE_KEYS = f"{new},{old}"
    assert _open(sealed) == SECRET
    assert _open(_seal(SECRET)) == SECRET
    settings.PLEDGE_FILE_KEYS = new
    with pytest.raises(DecryptionError, match="not in PLEDGE_FILE_KEYS"):
        _open(sealed)


def test_it_refuses_a_key_of_the_wrong_length(settings: LazySettings) -> None:
    settings.PLEDGE_FILE_KEYS = "c2hvcnQ="
    with pytest.raises(ValueError, match="32 bytes"):
        _seal(SECRET)
