"""Bar chart geometry: bars in proportion, labels and values on every bar, a fixed scale for percentages."""

import pytest

from pledge.casework.charts import MARGIN, ROW_HEIGHT, VALUE_ROOM, WIDTH, bar_chart

USABLE = WIDTH - 2 * MARGIN - VALUE_ROOM


def chart(values, maximum=None):
    return bar_chart(
        slug="s",
        title="T",
        description="D",
        labels=[f"L{n}" for n in range(len(values))],
        values=values,
        value_texts=[str(v) for v in values],
        maximum=maximum,
    )


def test_the_largest_value_fills_the_width_and_the_others_are_in_proportion() -> None:
    bars = chart([10, 5, 0]).bars
    assert [b.bar_width for b in bars] == [USABLE, USABLE / 2, 0]


def test_every_bar_keeps_its_label_and_value_text() -> None:
    bars = chart([3, 1]).bars
    assert [(b.label, b.value_text) for b in bars] == [("L0", "3"), ("L1", "1")]


def test_the_value_is_written_just_after_the_end_of_its_bar() -> None:
    bar = chart([10, 5]).bars[1]
    assert bar.value_x == pytest.approx(MARGIN + bar.bar_width + 6, abs=0.1)


def test_a_fixed_maximum_sets_the_scale() -> None:
    assert chart([50.0], maximum=100).bars[0].bar_width == USABLE / 2


def test_a_missing_value_draws_no_bar_but_keeps_its_row() -> None:
    made = bar_chart(
        slug="s", title="T", description="D", labels=["A", "B"], values=[None, 4], value_texts=["No figure", "4"]
    )
    assert made.bars[0].bar_width == 0
    assert made.bars[0].value_text == "No figure"


def test_all_zero_values_draw_no_bars_without_dividing_by_zero() -> None:
    assert [b.bar_width for b in chart([0, 0]).bars] == [0, 0]


def test_rows_do_not_overlap_and_the_chart_is_tall_enough() -> None:
    made = chart([1, 2, 3])
    assert [b.bar_y for b in made.bars] == [MARGIN + 24 + n * ROW_HEIGHT for n in range(3)]
    assert made.height == 2 * MARGIN + 3 * ROW_HEIGHT
    assert all(b.label_y < b.bar_y for b in made.bars)


def test_it_refuses_mismatched_or_negative_values() -> None:
    with pytest.raises(ValueError):
        bar_chart(slug="s", title="T", description="D", labels=["A"], values=[1, 2], value_texts=["1", "2"])
    with pytest.raises(ValueError):
        chart([-1])
