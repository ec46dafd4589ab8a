"""The identifying fields of an XMP metadata packet (ISO 16684-1), in a PDF or a picture.

XMP also carries tool names, document ids and edit history, which name nobody; only fields that say who, what
about or where are findings. Both XMP spellings are read: ``<dc:creator>...</dc:creator>`` and
``exif:GPSLatitude="..."``.
"""

from __future__ import annotations

import re

FIELDS = (
    "dc:creator|dc:title|dc:description|dc:subject|dc:rights|pdf:Keywords|pdf:Author|photoshop:AuthorsPosition|"
    "photoshop:City|photoshop:State|photoshop:Country|photoshop:Credit|Iptc4xmpCore:Location|exif:GPSLatitude|"
    "exif:GPSLongitude|exif:GPSAltitude"
)
AS_ELEMENT = re.compile(rf"<({FIELDS})\b[^>]*>(.*?)</\1>".encode(), re.S)
AS_ATTRIBUTE = re.compile(rf"\b({FIELDS})=\"([^\"]*)\"".encode())
TAGS = re.compile(r"<[^>]+>")


def identifying_fields(packet: bytes) -> list[tuple[str, str]]:
    """(field, text) for each filled-in identifying field of the XMP ``packet``."""
    found = []
    for pattern in (AS_ELEMENT, AS_ATTRIBUTE):
        for name, inner in pattern.findall(packet):
            text = " ".join(TAGS.sub(" ", inner.decode("utf-8", "replace")).split())
            if text:
                found.append((name.decode(), text))
    return found


def is_gps(field: str) -> bool:
    """Whether an XMP field records a position."""
    return field.startswith("exif:GPS")
