"""Small-number suppression for published statistics, with secondary suppression that totals cannot undo.

Why: a table of counts about residents (service users by age band and ethnicity, say) can identify a person when a
cell is small. The ONS and NHS Digital disclosure-control guidance suppress small cells ("fewer than 5" is the
common council threshold; it is configuration, ``threshold``). Suppressing a small cell is not enough when the row
and column totals are published: with one hidden cell in a row, the total minus the others gives it back. So after
the primary (small-number) suppression we suppress further cells until no hidden cell can be worked out exactly from
the published cells and totals.

The test is linear algebra, not a rule of thumb. The hidden cells are unknowns; each published total is a linear
equation over the hidden cells of its line. A hidden cell is recoverable exactly when its unit vector lies in the
row space of those equations, i.e. when adding it as an extra equation does not raise the rank. The constraint
matrix is the incidence matrix of a bipartite graph (rows and columns; a hidden cell joins its row and its column),
which is totally unimodular, so its rank over the rationals equals its rank modulo a prime: we compute ranks mod p
in whole numbers, exactly. Secondary cells are chosen greedily, cheapest first (the smallest count that is not
zero, so a hidden zero does not give the game away through non-negativity, then zeros), which keeps the
information lost small; it is not guaranteed minimal (that problem is NP-hard) and does not claim to be.

Not covered, and said so on purpose: interval disclosure (bounds from non-negativity narrower than the threshold)
and differencing between two published tables. Publish one table per population and period.
"""

from collections.abc import Sequence
from dataclasses import dataclass

_PRIME = 2_147_483_647  # 2^31 - 1: ranks of 0/1 incidence matrices are the same over GF(p) as over the rationals

Cell = tuple[int, int]


@dataclass(frozen=True)
class SuppressedTable:
    """A table ready to publish: ``None`` where a cell is hidden, with its row and column totals."""

    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int, ...]
    total: int
    primary: frozenset[Cell]  # hidden because small
    secondary: frozenset[Cell]  # hidden so that the small ones cannot be worked out

    @property
    def hidden(self) -> frozenset[Cell]:
        return self.primary | self.secondary


def suppress_table(counts: Sequence[Sequence[int]], *, threshold: int = 5) -> SuppressedTable:
    """Hide every count from 1 to ``threshold - 1``, then as few others as the greedy rule needs so that no hidden
    cell is recoverable from the published cells and totals (row totals when there are 2+ columns, column totals
    when there are 2+ rows). Zero is published: a count of nobody identifies nobody. ``ValueError`` for a ragged or
    negative table."""
    grid = _checked(counts)
    primary = {(r, c) for r, row in enumerate(grid) for c, value in enumerate(row) if 0 < value < threshold}
    hidden = set(primary)
    while (exposed := _first_recoverable(grid, hidden)) is not None:
        hidden |= _cheapest_cover(grid, hidden, exposed)
    return SuppressedTable(
        cells=tuple(tuple(None if (r, c) in hidden else v for c, v in enumerate(row)) for r, row in enumerate(grid)),
        row_totals=tuple(sum(row) for row in grid),
        column_totals=tuple(sum(col) for col in zip(*grid, strict=True)) if grid else (),
        total=sum(sum(row) for row in grid),
        primary=frozenset(primary),
        secondary=frozenset(hidden - primary),
    )


def recoverable_cells(counts: Sequence[Sequence[int]], hidden: set[Cell] | frozenset[Cell]) -> set[Cell]:
    """The hidden cells that the published cells and totals give away exactly (empty for a safe table)."""
    grid = _checked(counts)
    return {cell for cell in hidden if _is_recoverable(grid, set(hidden), cell)}


def _checked(counts: Sequence[Sequence[int]]) -> list[list[int]]:
    grid = [list(row) for row in counts]
    if grid and any(len(row) != len(grid[0]) for row in grid):
        raise ValueError("every row of the table must have the same number of columns")
    if any(value < 0 for row in grid for value in row):
        raise ValueError("counts cannot be negative")
    return grid


def _first_recoverable(grid: list[list[int]], hidden: set[Cell]) -> Cell | None:
    for cell in sorted(hidden):
        if _is_recoverable(grid, hidden, cell):
            return cell
    return None


def _cheapest_cover(grid: list[list[int]], hidden: set[Cell], exposed: Cell) -> set[Cell]:
    """The cheapest cells whose hiding makes ``exposed`` unrecoverable: one cell when one will do, else the
    cheapest rectangle through it (three more corners at most: a 4-cycle can never be solved from totals).

    A cell in a line whose total is 0 is never chosen: it is known to be 0 whatever is hidden."""
    rows, columns = len(grid), len(grid[0])
    usable = [
        (r, c)
        for r in range(rows)
        for c in range(columns)
        if (r, c) not in hidden and not _on_a_zero_line(grid, (r, c))
    ]
    for cell in sorted(usable, key=lambda cell: _cost(grid, cell)):
        if not _is_recoverable(grid, hidden | {cell}, exposed):
            return {cell}
    r, c = exposed
    choice: tuple[tuple[int, int, int], set[Cell]] | None = None
    for other_row in range(rows):
        for other_column in range(columns):
            if other_row == r or other_column == c:
                continue
            corners = {(r, other_column), (other_row, c), (other_row, other_column)}
            if any(corner not in hidden and corner not in usable for corner in corners):
                continue
            added = corners - hidden
            costs = [_cost(grid, corner) for corner in added]
            cost = (sum(z for z, _, _ in costs), sum(v for _, v, _ in costs), len(added))
            if choice is None or cost < choice[0]:
                choice = (cost, added)
    if choice is None or not choice[1]:
        raise ValueError(
            "the table cannot be made safe by hiding cells: a small count is alone on a line whose total gives it "
            "away; merge categories, or publish the table without totals"
        )
    return choice[1]


def _on_a_zero_line(grid: list[list[int]], cell: Cell) -> bool:
    """True when a published total of the cell's row or column is 0 (row totals need 2+ columns, column 2+ rows)."""
    r, c = cell
    zero_row = len(grid[0]) > 1 and sum(grid[r]) == 0
    return zero_row or (len(grid) > 1 and sum(row[c] for row in grid) == 0)


def _cost(grid: list[list[int]], cell: Cell) -> tuple[int, int, Cell]:
    value = grid[cell[0]][cell[1]]
    return (1 if value == 0 else 0, value, cell)  # non-zero first (a hidden zero is guessable), smallest first


def _is_recoverable(grid: list[list[int]], hidden: set[Cell], cell: Cell) -> bool:
    equations = _equations(grid, hidden)
    order = sorted(hidden)
    index = {c: i for i, c in enumerate(order)}
    unit = [0] * len(order)
    unit[index[cell]] = 1
    return _rank(equations + [unit]) == _rank(equations)


def _equations(grid: list[list[int]], hidden: set[Cell]) -> list[list[int]]:
    """One equation per published total, over the hidden cells (in sorted order) of its line."""
    order = sorted(hidden)
    rows, columns = len(grid), len(grid[0]) if grid else 0
    equations: list[list[int]] = []
    if columns > 1:  # a one-column table's "row total" is the cell itself, so it is not published apart
        equations += [[1 if r == row else 0 for r, _ in order] for row in range(rows)]
    if rows > 1:
        equations += [[1 if c == column else 0 for _, c in order] for column in range(columns)]
    if rows == 1 and columns == 1:
        equations.append([1] * len(order))  # the grand total is the only cell
    return [eq for eq in equations if any(eq)]


def _rank(matrix: list[list[int]]) -> int:
    """Rank by Gaussian elimination modulo a prime, in whole numbers (exact)."""
    rows = [[value % _PRIME for value in row] for row in matrix]
    rank, width = 0, len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((i for i in range(rank, len(rows)) if rows[i][column]), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        inverse = pow(rows[rank][column], _PRIME - 2, _PRIME)
        rows[rank] = [value * inverse % _PRIME for value in rows[rank]]
        for i in range(len(rows)):
            if i != rank and rows[i][column]:
                factor = rows[i][column]
                rows[i] = [(a - factor * b) % _PRIME for a, b in zip(rows[i], rows[rank], strict=True)]
        rank += 1
    return rank
