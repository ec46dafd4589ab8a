"""EXIF, XMP, IPTC and comment metadata in JPEG and PNG pictures (CIPA DC-008 Exif 2.32; PNG 3rd edition).

A phone photo of a letter or a home visit carries the place it was taken (GPS IFD), the camera's owner and serial
number, and the time: personal data of whoever took it and, often, the address of the person in it.
"""

from __future__ import annotations

import io
import struct
import warnings

from PIL import Image, UnidentifiedImageError

from pledge.redaction.leaks.findings import Collector, LeakKind, Severity
from pledge.redaction.leaks.xmp import identifying_fields, is_gps

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
# Tags that say who, where, when or with what; technical tags (resolution, exposure) identify nobody.
IDENTIFYING_TAGS = {
    0x010E: "ImageDescription",
    0x010F: "Make",
    0x0110: "Model",
    0x013B: "Artist",
    0x8298: "Copyright",
    0x9003: "DateTimeOriginal",
    0x9004: "DateTimeDigitized",
    0x9286: "UserComment",
    0x9C9B: "XPTitle",
    0x9C9C: "XPComment",
    0x9C9D: "XPAuthor",
    0x9C9E: "XPKeywords",
    0x9C9F: "XPSubject",
    0xA420: "ImageUniqueID",
    0xA430: "CameraOwnerName",
    0xA431: "BodySerialNumber",
    0xA435: "LensSerialNumber",
}
GPS_TAG_NAMES = {1: "GPSLatitudeRef", 2: "GPSLatitude", 3: "GPSLongitudeRef", 4: "GPSLongitude", 6: "GPSAltitude"}
# Text chunks that name the program or the file's own dates, written by every image editor: nobody is identified.
PNG_HARMLESS_KEYS = {"software", "date:create", "date:modify", "date:timestamp", "creation time"}
USER_COMMENT = 0x9286
XMP_MARKER = b"http://ns.adobe.com/xap/1.0/"
IPTC_RECORD = b"8BIM\x04\x04"  # Photoshop resource 0x0404: the IPTC captions, credits and places


def scan_image_bytes(data: bytes, found: Collector, *, location_prefix: str = "") -> None:
    """Report GPS, identifying EXIF tags and other metadata in a JPEG or PNG held in ``data``."""
    try:
        with warnings.catch_warnings(), Image.open(io.BytesIO(data)) as image:
            warnings.simplefilter("ignore")  # Pillow warns about damaged EXIF and reads what it can
            exif = image.getexif()
            text_chunks = dict(getattr(image, "text", {}) or {})
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        found.add(
            LeakKind.UNREADABLE,
            f"{location_prefix}image",
            f"the picture cannot be read ({type(error).__name__})",
            auto_fixable=False,
        )
        return
    _scan_exif(exif, found, location_prefix)
    if data.startswith(b"\xff\xd8"):
        _scan_jpeg_segments(data, found, location_prefix)
    else:
        _scan_png_text(text_chunks, found, location_prefix)


def _scan_exif(exif: Image.Exif, found: Collector, prefix: str) -> None:
    gps = {tag: value for tag, value in exif.get_ifd(GPS_IFD).items() if value not in (None, "", b"")}
    if gps:
        names = ", ".join(GPS_TAG_NAMES.get(tag, f"tag {tag}") for tag in sorted(gps))
        found.add(LeakKind.EXIF_GPS, f"{prefix}EXIF GPS IFD", "the picture records where it was taken", quote=names)
    tags = {**dict(exif.items()), **dict(exif.get_ifd(EXIF_IFD).items())}
    readable = {tag: _printable(tag, value) for tag, value in tags.items() if tag in IDENTIFYING_TAGS}
    identifying = [f"{IDENTIFYING_TAGS[tag]}={text}" for tag, text in sorted(readable.items()) if text]
    if identifying:
        found.add(
            LeakKind.EXIF_OTHER,
            f"{prefix}EXIF tags",
            f"{len(identifying)} identifying EXIF tag(s)",
            severity=Severity.MEDIUM,
            quote="; ".join(identifying),
        )


def _scan_png_text(chunks: dict, found: Collector, prefix: str) -> None:
    for key, value in chunks.items():
        if str(key).lower() in PNG_HARMLESS_KEYS or not str(value).strip():
            continue
        if key == "XML:com.adobe.xmp":
            _scan_xmp(str(value).encode(), found, prefix)
            continue
        found.add(
            LeakKind.METADATA,
            f"{prefix}PNG text chunk {key}",
            "the picture carries a text chunk",
            severity=Severity.MEDIUM,
            quote=f"{key}={value}",
        )


def _scan_xmp(packet: bytes, found: Collector, prefix: str) -> None:
    fields = identifying_fields(packet)
    gps = [name for name, _ in fields if is_gps(name)]
    if gps:
        found.add(
            LeakKind.EXIF_GPS,
            f"{prefix}XMP GPS fields",
            "the picture's XMP records where it was taken",
            quote=", ".join(gps),
        )
    others = [f"{name}={text}" for name, text in fields if not is_gps(name)]
    if others:
        found.add(
            LeakKind.METADATA,
            f"{prefix}XMP packet",
            "the picture's XMP names who or what it shows",
            severity=Severity.MEDIUM,
            quote="; ".join(others),
        )


def _printable(tag: int, value: object) -> str:
    if isinstance(value, bytes) and tag == USER_COMMENT:
        value = value[8:]  # the first eight bytes name the character set
    if isinstance(value, bytes):
        return value.decode("utf-16-le" if value[1:2] == b"\x00" else "latin-1", "replace").strip("\x00 ")
    return str(value).strip("\x00 ")


def jpeg_segments(data: bytes) -> list[tuple[int, bytes]]:
    """The marker segments before the image data of a JPEG, as (marker, payload), up to and excluding SOS."""
    segments = []
    offset = 2
    while offset + 4 <= len(data) and data[offset] == 0xFF:
        marker = data[offset + 1]
        if marker == 0xDA:  # start of scan: entropy-coded data follows
            break
        (length,) = struct.unpack(">H", data[offset + 2 : offset + 4])
        segments.append((marker, data[offset + 4 : offset + 2 + length]))
        offset += 2 + length
    return segments


def _scan_jpeg_segments(data: bytes, found: Collector, prefix: str) -> None:
    for marker, payload in jpeg_segments(data):
        if marker == 0xE1 and payload.startswith(XMP_MARKER):
            _scan_xmp(payload, found, prefix)
        elif marker == 0xED and IPTC_RECORD in payload:
            found.add(
                LeakKind.METADATA,
                f"{prefix}JPEG IPTC block",
                "the picture carries IPTC captions or credits",
                severity=Severity.MEDIUM,
            )
        elif marker == 0xFE:
            found.add(
                LeakKind.METADATA,
                f"{prefix}JPEG comment",
                "the picture carries a comment",
                severity=Severity.MEDIUM,
                quote=payload.decode("utf-8", "replace"),
            )
