"""The (axis0, row, col) position id of every image token, built the way the engine's PositionIds builds it."""
from __future__ import annotations

Grid = tuple[int, int]
"""A packed latent's token grid: (rows, columns)."""


def position_ids(target: Grid, references: list[Grid], index: bool, shift: bool) -> list[tuple[int, int, int]]:
    """Target tokens first as (0, r, c), then reference i (1-based) as (i with index encoding, else 1; r; c plus the
    column counts of the references before it with position shift, else c); tokens row-major."""
    ids = _grid_ids(0, target, 0)
    column_offset = 0
    for i, reference in enumerate(references, start=1):
        ids += _grid_ids(i if index else 1, reference, column_offset if shift else 0)
        column_offset += reference[1]
    return ids


def _grid_ids(axis0: int, grid: Grid, column_offset: int) -> list[tuple[int, int, int]]:
    rows, columns = grid
    return [(axis0, r, c + column_offset) for r in range(rows) for c in range(columns)]
