"""EXIF, XMP, IPTC and comment metadata in JPEG and PNG pictures (CIPA DC-008 Exif 2.32; PNG 3rd edition).

A phone photo of a letter or a home visit carries the place it was taken (GPS IFD), the camera's owner and serial
number, and the time: personal data of whoever took it and, often, the address of the person in it.
"""

from __future__ import annotations

import io
import struct

from PIL import Image, UnidentifiedImageError

from pledge.redaction.leaks.findings import Collector, LeakKind, Severity

GPS_IFD = 0x8825
EXIF_IFD = 0x8769
# Tags that say who, where, when or with what; technical tags (resolution, exposure) identify nobody.
IDENTIFYING_TAGS = {
    0x010E: "ImageDescription",
    0x010F: "Make",
    0x0110: "Model",
    0x0132: "DateTime",
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
PNG_TEXT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt"}
XMP_MARKER = b"http://ns.adobe.com/xap/1.0/"


def scan_image_bytes(data: bytes, found: Collector, *, location_prefix: str = "") -> None:
    """Report GPS, identifying EXIF tags and other metadata in a JPEG or PNG held in ``data``."""
    try:
        with Image.open(io.BytesIO(data)) as image:
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
        for key in text_chunks:
            found.add(
                LeakKind.METADATA,
                f"{location_prefix}PNG text chunk {key}",
                "the picture carries a text chunk",
                severity=Severity.MEDIUM,
                quote=f"{key}={str(text_chunks[key])}",
            )


def _scan_exif(exif: Image.Exif, found: Collector, prefix: str) -> None:
    gps = {tag: value for tag, value in exif.get_ifd(GPS_IFD).items() if value not in (None, "", b"")}
    if gps:
        names = ", ".join(GPS_TAG_NAMES.get(tag, f"tag {tag}") for tag in sorted(gps))
        found.add(LeakKind.EXIF_GPS, f"{prefix}EXIF GPS IFD", "the picture records where it was taken", quote=names)
    tags = {**dict(exif.items()), **dict(exif.get_ifd(EXIF_IFD).items())}
    identifying = [
        f"{IDENTIFYING_TAGS[tag]}={_printable(value)}" for tag, value in sorted(tags.items()) if tag in IDENTIFYING_TAGS
    ]
    if identifying:
        found.add(
            LeakKind.EXIF_OTHER,
            f"{prefix}EXIF tags",
            f"{len(identifying)} identifying EXIF tag(s)",
            severity=Severity.MEDIUM,
            quote="; ".join(identifying),
        )


def _printable(value: object) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-16-le" if value[1:2] == b"\x00" else "latin-1", "replace").strip("\x00 ")
    return str(value)


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
            found.add(
                LeakKind.METADATA,
                f"{prefix}JPEG XMP packet",
                "the picture carries an XMP metadata packet",
                severity=Severity.MEDIUM,
                quote=payload[len(XMP_MARKER) : len(XMP_MARKER) + 200].decode("utf-8", "replace"),
            )
        elif marker == 0xED:
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
