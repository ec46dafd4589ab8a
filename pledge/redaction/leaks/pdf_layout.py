"""Where a PDF page's text is, and which of it lies under a dark filled shape (ISO 32000-1 §8.5 paths, §9.4 text).

"Redacting" by drawing a black rectangle over text leaves the text in the file: select-all, copy and paste reads it.
A character is treated as covered when its centre lies inside a dark fill, and either the text is dark itself
(dark on dark is unreadable whichever was drawn first) or the fill was drawn after it. Light text drawn on a dark
banner is visible and is not reported.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

DARK = 0.35  # relative luminance below which a fill hides black text
FILL_OPERATORS = {b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"}
PATH_POINT_OPERATORS = {b"m": 2, b"l": 2, b"c": 6, b"v": 4, b"y": 4}
TEXT_SHOW_OPERATORS = {b"Tj", b"TJ", b"'", b'"'}
Matrix = list[float]


@dataclass(frozen=True)
class Box:
    """A dark filled area in page space, and when it was painted."""

    x0: float
    y0: float
    x1: float
    y1: float
    order: int

    def contains(self, x: float, y: float) -> bool:
        """Whether the point lies inside, with half a point of tolerance."""
        return self.x0 - 0.5 <= x <= self.x1 + 0.5 and self.y0 - 0.5 <= y <= self.y1 + 0.5


@dataclass
class Piece:
    """A run of text as drawn: its characters' centres in page space, its size and colour, and when it was drawn."""

    text: str
    origin: tuple[float, float]
    size: float
    dark: bool
    order: int
    centres: list[tuple[float, float]] = field(default_factory=list)
    starts: list[tuple[float, float]] = field(default_factory=list)

    def covered_mask(self, boxes: list[Box]) -> list[bool]:
        """For each character, whether a dark box hides it."""
        mask = []
        for x, y in self.centres:
            hiding = [box for box in boxes if box.contains(x, y) and (self.dark or box.order > self.order)]
            mask.append(bool(hiding))
        return mask

    def covered_text(self, boxes: list[Box]) -> str:
        """The characters a dark box hides."""
        return "".join(
            char for char, covered in zip(self.text, self.covered_mask(boxes), strict=True) if covered
        ).strip()

    def visible_runs(self, boxes: list[Box]) -> list[tuple[float, float, str]]:
        """(x, y, text) for each stretch of characters no box hides, ready to draw again."""
        runs: list[tuple[float, float, str]] = []
        current: list[str] = []
        start = (0.0, 0.0)
        for index, covered in enumerate([*self.covered_mask(boxes), True]):
            if not covered and index < len(self.text):
                if not current:
                    start = self.starts[index]
                current.append(self.text[index])
            elif current:
                runs.append((start[0], start[1], "".join(current)))
                current = []
        return [run for run in runs if run[2].strip()]


@dataclass
class PageLayout:
    """The text pieces and dark boxes of one page."""

    pieces: list[Piece] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)

    def covered(self) -> list[str]:
        """The hidden text of each piece that has any."""
        return [text for text in (piece.covered_text(self.boxes) for piece in self.pieces) if text.strip()]


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """The matrix that applies ``m`` and then ``n`` (PDF's row-vector convention)."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    """The point (x, y) transformed by ``m``."""
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def luminance(operands: list[float]) -> float:
    """Relative luminance of a gray, RGB or CMYK colour given as operands."""
    if len(operands) == 1:
        return operands[0]
    if len(operands) == 3:
        red, green, blue = operands
        return 0.299 * red + 0.587 * green + 0.114 * blue
    if len(operands) == 4:
        cyan, magenta, yellow, black = operands
        return luminance([(1 - cyan) * (1 - black), (1 - magenta) * (1 - black), (1 - yellow) * (1 - black)])
    return 1.0


def metrics_font(font: Any) -> str:
    """The standard font whose widths approximate the PDF font's (exact for the standard 14)."""
    name = str(font.get("/BaseFont", "")) if font is not None and hasattr(font, "get") else ""
    family = "Courier" if "Courier" in name else "Times" if "Times" in name else "Helvetica"
    bold = "Bold" in name
    if family == "Times":
        return "Times-Bold" if bold else "Times-Roman"
    return f"{family}-Bold" if bold else family


class _Painter:
    """Follows the page's colour and path operators alongside pypdf's text extraction."""

    def __init__(self) -> None:
        self.layout = PageLayout()
        self.order = 0
        self.dark = True  # the initial fill colour is black
        self.stack: list[bool] = []
        self.points: list[tuple[float, float]] = []
        self.text_dark: bool | None = None

    def before(self, operator: bytes, operands: list[Any], cm: Matrix, tm: Matrix) -> None:
        self.order += 1
        numbers = [float(value) for value in operands if isinstance(value, int | float)]
        if operator == b"q":
            self.stack.append(self.dark)
        elif operator == b"Q" and self.stack:
            self.dark = self.stack.pop()
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn") and numbers:
            self.dark = luminance(numbers) < DARK
        elif operator == b"cs":
            self.dark = True
        elif operator == b"re" and len(numbers) == 4:
            x, y, width, height = numbers
            self.points += [
                apply(cm, x, y),
                apply(cm, x + width, y),
                apply(cm, x, y + height),
                apply(cm, x + width, y + height),
            ]
        elif operator in PATH_POINT_OPERATORS and len(numbers) >= PATH_POINT_OPERATORS[operator]:
            self.points += [apply(cm, numbers[i], numbers[i + 1]) for i in range(0, len(numbers) - 1, 2)]
        elif operator in FILL_OPERATORS:
            self._fill()
        elif operator in (b"n", b"S", b"s"):
            self.points = []
        elif operator in TEXT_SHOW_OPERATORS and self.text_dark is None:
            self.text_dark = self.dark

    def _fill(self) -> None:
        if self.points and self.dark:
            xs = [point[0] for point in self.points]
            ys = [point[1] for point in self.points]
            if max(xs) - min(xs) > 1 and max(ys) - min(ys) > 1:
                self.layout.boxes.append(Box(min(xs), min(ys), max(xs), max(ys), self.order))
        self.points = []

    def text(self, text: str, cm: Matrix, tm: Matrix, font: Any, size: float) -> None:
        dark = self.dark if self.text_dark is None else self.text_dark
        self.text_dark = None
        if not text.strip():
            return
        matrix = multiply(list(map(float, tm)), list(map(float, cm)))
        font_name = metrics_font(font)
        lines = text.split("\n")
        for number, line in enumerate(lines):
            if line.strip():
                self.layout.pieces.append(_piece(line, matrix, float(size or 0), font_name, dark, self.order, number))


def _piece(line: str, matrix: Matrix, size: float, font_name: str, dark: bool, order: int, number: int) -> Piece:
    rise = 0.3 * size
    drop = -1.2 * size * number
    piece = Piece(
        text=line, origin=apply(matrix, 0, drop), size=size * math.hypot(matrix[2], matrix[3]), dark=dark, order=order
    )
    advance = 0.0
    for char in line:
        width = stringWidth(char, font_name, size)
        piece.starts.append(apply(matrix, advance, drop))
        piece.centres.append(apply(matrix, advance + width / 2, drop + rise))
        advance += width
    return piece


def page_layout(page: Any, *, apply_redaction_marks: bool = False) -> PageLayout:
    """The text pieces and dark boxes of a pypdf page; with ``apply_redaction_marks``, each redaction annotation's
    rectangle counts as a box painted over everything (which is what applying it means)."""
    painter = _Painter()
    page.extract_text(visitor_operand_before=painter.before, visitor_text=painter.text)
    if apply_redaction_marks:
        for reference in page.get("/Annots") or []:
            annotation = reference.get_object()
            if annotation.get("/Subtype") == "/Redact" and "/Rect" in annotation:
                x0, y0, x1, y1 = (float(value) for value in annotation["/Rect"])
                painter.layout.boxes.append(Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1), sys.maxsize))
    return painter.layout
