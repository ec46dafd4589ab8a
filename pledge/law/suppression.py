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
        hidden.add(_cheapest_cover(grid, hidden, exposed))
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


def _cheapest_cover(grid: list[list[int]], hidden: set[Cell], exposed: Cell) -> Cell:
    """The cheapest published cell whose hiding makes ``exposed`` unrecoverable; failing any single one, the
    cheapest in the same row or column (the loop then goes on until the exposed cell is covered)."""
    published = sorted(
        ((r, c) for r in range(len(grid)) for c in range(len(grid[0])) if (r, c) not in hidden),
        key=lambda cell: _cost(grid, cell),
    )
    for cell in published:
        if not _is_recoverable(grid, hidden | {cell}, exposed):
            return cell
    same_line = [cell for cell in published if cell[0] == exposed[0] or cell[1] == exposed[1]]
    if not same_line:  # cannot happen: an exposed cell always has a published cell on a line with a total
        raise ValueError("the table cannot be made safe by hiding cells; publish it without totals")
    return same_line[0]


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
