"""Removing metadata from JPEG and PNG pictures without re-compressing them where that can be avoided."""

from __future__ import annotations

import io
import struct
import zlib

from PIL import Image, ImageOps

from pledge.redaction.leaks.image_scan import jpeg_segments

ORIENTATION = 0x0112
# JFIF (APP0), the colour profile (APP2) and Adobe's colour transform flag (APP14) change how the picture looks;
# every other application segment and comment is metadata.
JPEG_KEEP = {0xE0, 0xE2, 0xEE}
PNG_DROP = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}


def strip_image_metadata(data: bytes) -> bytes:
    """The picture in ``data`` with EXIF (GPS included), XMP, IPTC, comments and text chunks removed."""
    if data.startswith(b"\xff\xd8"):
        return _strip_jpeg(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _strip_png(data)
    raise ValueError("only JPEG and PNG pictures can be stripped")


def _strip_jpeg(data: bytes) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        orientation = image.getexif().get(ORIENTATION, 1)
        if orientation not in (1, None):
            # Without its EXIF the picture would show on its side: turn the pixels instead (one re-encode).
            upright = ImageOps.exif_transpose(image)
            out = io.BytesIO()
            upright.save(out, "JPEG", quality=95, icc_profile=image.info.get("icc_profile"))
            return _strip_jpeg(out.getvalue())
    segments = jpeg_segments(data)
    kept = [b"\xff\xd8"]
    offset = 2
    for marker, payload in segments:
        length = len(payload) + 2
        if marker in JPEG_KEEP or not (0xE0 <= marker <= 0xEF or marker == 0xFE):
            kept.append(bytes([0xFF, marker]) + struct.pack(">H", length) + payload)
        offset += 2 + length
    kept.append(data[offset:])
    return b"".join(kept)


def _strip_png(data: bytes) -> bytes:
    kept = [data[:8]]
    offset = 8
    while offset + 8 <= len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        chunk_type = data[offset + 4 : offset + 8]
        end = offset + 12 + length
        if chunk_type not in PNG_DROP:
            kept.append(data[offset:end])
        offset = end
        if chunk_type == b"IEND":
            break
    stripped = b"".join(kept)
    # A truncated or odd file: fall back to Pillow's decoder rather than emit broken chunks.
    if not stripped.endswith(_iend()):
        with Image.open(io.BytesIO(data)) as image:
            out = io.BytesIO()
            image.save(out, "PNG")
            return out.getvalue()
    return stripped


def _iend() -> bytes:
    return struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))
