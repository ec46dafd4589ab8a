"""Small-number and secondary suppression: no hidden cell can be worked out from the published table (issue 7)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pledge.law.suppression import recoverable_cells, suppress_table

tables = st.integers(min_value=1, max_value=6).flatmap(
    lambda columns: st.lists(
        st.lists(st.integers(min_value=0, max_value=30), min_size=columns, max_size=columns), min_size=1, max_size=6
    )
)


def _connected_without(edges: set[tuple[str, str]], start: str, goal: str) -> bool:
    """Independent of the module's algebra: is there another path between a cell's row and column?"""
    seen, frontier = {start}, [start]
    while frontier:
        node = frontier.pop()
        for a, b in edges:
            for here, there in ((a, b), (b, a)):
                if here == node and there not in seen:
                    if there == goal:
                        return True
                    seen.add(there)
                    frontier.append(there)
    return False


def recoverable_by_graph(rows: int, columns: int, hidden: frozenset[tuple[int, int]]) -> set[tuple[int, int]]:
    """A hidden cell is given away exactly when it is a bridge of the graph joining each hidden cell's row and
    column (both totals published); with one row or one column, when it is alone on its line."""
    if rows == 1 or columns == 1:
        return set(hidden) if len(hidden) == 1 else set()
    found = set()
    for r, c in hidden:
        others = {(f"r{a}", f"c{b}") for a, b in hidden if (a, b) != (r, c)}
        if not _connected_without(others, f"r{r}", f"c{c}"):
            found.add((r, c))
    return found


def unprotectable(counts: list[list[int]]) -> bool:
    """True when even hiding every cell that could help (all but those on a line whose total is 0, which are
    known to be 0) leaves a small count recoverable: then refusing the table is the only safe answer."""
    rows, columns = len(counts), len(counts[0])

    def zero_line(r: int, c: int) -> bool:
        return (columns > 1 and sum(counts[r]) == 0) or (rows > 1 and sum(row[c] for row in counts) == 0)

    small = {(r, c) for r in range(rows) for c in range(columns) if 0 < counts[r][c] < 5}
    everything = frozenset((r, c) for r in range(rows) for c in range(columns) if not zero_line(r, c)) | small
    if rows == 1 and columns == 1:
        return bool(small)
    return bool(recoverable_by_graph(rows, columns, everything) & small)


def suppressed_or_refused(counts, threshold: int = 5):
    """The suppressed table, or None when it was refused; a refusal must be one that no suppression could avoid."""
    try:
        return suppress_table(counts, threshold=threshold)
    except ValueError:
        assert threshold != 5 or unprotectable(counts)
        return None


@settings(max_examples=300, deadline=None)
@given(tables)
def test_every_small_count_is_hidden(counts):
    table = suppressed_or_refused(counts)
    if table is None:
        return
    for r, row in enumerate(counts):
        for c, value in enumerate(row):
            if 0 < value < 5:
                assert table.cells[r][c] is None


@settings(max_examples=300, deadline=None)
@given(tables)
def test_no_hidden_cell_can_be_worked_out_from_the_totals(counts):
    table = suppressed_or_refused(counts)
    if table is None:
        return
    assert recoverable_by_graph(len(counts), len(counts[0]), table.hidden) == set()
    assert recoverable_cells(counts, table.hidden) == set()


@settings(max_examples=200, deadline=None)
@given(tables)
def test_published_cells_and_totals_are_the_true_counts(counts):
    table = suppressed_or_refused(counts)
    if table is None:
        return
    for r, row in enumerate(counts):
        assert table.row_totals[r] == sum(row)
        for c, value in enumerate(row):
            assert table.cells[r][c] in (None, value)
    assert table.column_totals == tuple(sum(col) for col in zip(*counts, strict=True))
    assert table.total == sum(map(sum, counts))


@settings(max_examples=100, deadline=None)
@given(tables, st.integers(min_value=1, max_value=12))
def test_the_threshold_is_configuration(counts, threshold):
    table = suppressed_or_refused(counts, threshold)
    if table is None:
        return
    assert table.primary == {(r, c) for r, row in enumerate(counts) for c, v in enumerate(row) if 0 < v < threshold}


def test_one_small_cell_takes_a_rectangle_of_three_more_with_it():
    table = suppress_table([[2, 40, 50], [30, 6, 70], [80, 90, 7]], threshold=5)
    assert table.primary == {(0, 0)}
    # the smallest counts that close a cycle through the small cell: 6 at (1,1), 30 at (1,0), 40 at (0,1)
    assert table.secondary == {(0, 1), (1, 0), (1, 1)}


def test_two_small_cells_in_one_row_still_need_their_columns_covered():
    table = suppress_table([[1, 2, 40], [20, 30, 50]], threshold=5)
    assert table.primary == {(0, 0), (0, 1)}
    assert table.secondary == {(1, 0), (1, 1)}  # otherwise each column total gives its small cell back


def test_a_list_of_counts_with_a_total_hides_a_second_count():
    table = suppress_table([[3], [12], [25]], threshold=5)
    assert table.cells == ((None,), (None,), (25,))


def test_zero_is_published_and_used_last():
    table = suppress_table([[0, 3, 9]], threshold=5)
    assert table.cells == ((0, None, None),)


def test_the_same_table_is_suppressed_the_same_way_every_time():
    counts = [[4, 9, 1, 16], [7, 2, 30, 5], [11, 12, 13, 3]]
    assert suppress_table(counts) == suppress_table(counts)


def test_a_single_small_count_cannot_be_published_with_its_total():
    with pytest.raises(ValueError, match="cannot be made safe"):
        suppress_table([[3]], threshold=5)


def test_a_small_count_alone_in_its_row_and_column_is_refused_not_published():
    # Its row total and column total are both 1: hiding cells cannot help, since the others are known zeros.
    assert unprotectable([[0, 0], [0, 1]])
    with pytest.raises(ValueError, match="cannot be made safe"):
        suppress_table([[0, 0], [0, 1]], threshold=5)


def test_hidden_zeros_on_an_empty_line_are_never_used_to_protect_a_cell():
    table = suppress_table([[2, 9, 7], [8, 6, 12], [0, 0, 0]], threshold=5)
    assert all(r != 2 for r, _ in table.hidden)


def test_a_ragged_table_is_refused():
    with pytest.raises(ValueError, match="same number of columns"):
        suppress_table([[1, 2], [3]])
