"""The council's brand colour, checked before it reaches a stylesheet. No Django imports."""

import re

FALLBACK_COLOUR = "#0b0c0c"
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")

# White text on the header, panels and banners must meet WCAG 2.2 AA contrast (1.4.3).
MINIMUM_CONTRAST_WITH_WHITE = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def contrast_with_white(colour: str) -> float:
    """The WCAG contrast ratio between a #rgb or #rrggbb colour and white."""
    digits = colour.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
    luminance = 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)
    return 1.05 / (luminance + 0.05)


def safe_brand_colour(colour: str) -> str:
    """The colour in lower case when it is a hex colour dark enough for white text; otherwise near-black.

    The value goes into CSS, so anything but a plain hex colour is refused rather than escaped.
    """
    colour = (colour or "").strip()
    if not _HEX.match(colour) or contrast_with_white(colour) < MINIMUM_CONTRAST_WITH_WHITE:
        return FALLBACK_COLOUR
    return colour.lower()
