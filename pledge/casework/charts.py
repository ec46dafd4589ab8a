"""Bar charts drawn on the server as SVG: the geometry here, the markup in ``casework/_bar_chart.html``. No Django.

Each bar carries its label above it and its value written at its end, so the chart reads without colour, and the
page follows every chart with the same figures as a table. One bar per row keeps long labels whole at any width.
"""

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
ROW_HEIGHT = 52
BAR_HEIGHT = 22
LABEL_BASELINE = 17  # the label's baseline, from the top of its row
BAR_TOP = 24
VALUE_ROOM = 96  # kept free to the right of the longest bar for its value
MARGIN = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    label_y: int
    bar_y: int
    bar_width: float
    value_x: float
    value_y: int


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart; ``slug`` makes the ids of its title and description unique on the page."""

    slug: str
    title: str
    description: str
    height: int
    bars: list[Bar]
    width: int = WIDTH
    bar_height: int = BAR_HEIGHT
    x0: int = MARGIN

    @property
    def axis_bottom(self) -> int:
        return self.height - MARGIN


def bar_chart(
    *,
    slug: str,
    title: str,
    description: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    value_texts: Sequence[str],
    maximum: float | None = None,
) -> BarChart:
    """Lay out one bar per value; a None value draws no bar but keeps its label and text (like "No figure").

    ``maximum`` fixes the scale (100 for percentages); by default the largest value fills the width.
    """
    if not len(labels) == len(values) == len(value_texts):
        raise ValueError("Each bar needs a label, a value and its text")
    if any(value is not None and value < 0 for value in values):
        raise ValueError("Bar values cannot be negative")
    scale_to = maximum if maximum is not None else max((v for v in values if v is not None), default=0)
    usable = WIDTH - 2 * MARGIN - VALUE_ROOM
    bars = []
    for row, (label, value, text) in enumerate(zip(labels, values, value_texts, strict=True)):
        top = MARGIN + row * ROW_HEIGHT
        width = usable * (value or 0) / scale_to if scale_to else 0
        bars.append(
            Bar(
                label=label,
                value_text=text,
                label_y=top + LABEL_BASELINE,
                bar_y=top + BAR_TOP,
                bar_width=round(width, 1),
                value_x=round(MARGIN + width + 6, 1),
                value_y=top + BAR_TOP + BAR_HEIGHT - 6,
            )
        )
    return BarChart(
        slug=slug, title=title, description=description, height=2 * MARGIN + len(bars) * ROW_HEIGHT, bars=bars
    )
