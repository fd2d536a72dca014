"""02.02's exercises: L2-normalize the rows, undo a normalization with a stored length,
and |a − b|² for unit vectors."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to


def _rows_over_lengths(rows: tuple[tuple[float, ...], ...]) -> np.ndarray:
    """Each row divided by its own length, with explicit loops (the expected answers)."""
    out = []
    for row in rows:
        length = math.sqrt(math.fsum(x * x for x in row))
        out.append([x / length for x in row])
    return np.array(out)


def _same(actual: Any, wrong: np.ndarray) -> bool:
    a = np.asarray(actual, dtype=float)
    return a.shape == wrong.shape and bool(np.allclose(a, wrong, atol=1e-9))


def _x(args: tuple[Any, ...]) -> np.ndarray:
    return np.asarray(args[0], dtype=float)


def _per_column(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, x / np.sqrt((x * x).sum(axis=0, keepdims=True)))


def _mean_subtracted(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    by_row = x - x.mean(axis=1, keepdims=True)
    by_col = x - x.mean(axis=0, keepdims=True)
    candidates = [by_row, by_col, x - x.mean()]
    for c in (by_row, by_col):
        lengths = np.sqrt((c * c).sum(axis=1, keepdims=True))
        if np.all(lengths > 0):
            candidates.append(c / lengths)  # centred first, then L2
    return any(_same(actual, c) for c in candidates)


def _squared_length(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, x / (x * x).sum(axis=1, keepdims=True))


def _l1_length(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, x / np.abs(x).sum(axis=1, keepdims=True))


def _lengths_broadcast_wrong(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    lengths = np.sqrt((x * x).sum(axis=1))
    return x.shape[0] == x.shape[1] and _same(actual, x / lengths[None, :])


_MATRICES = (
    ((3.0, 4.0), (1.0, 0.0)),
    ((1.0, 2.0, 2.0), (0.0, -3.0, 4.0)),
    ((2.0, 0.0), (0.0, 5.0), (1.0, 1.0)),
    ((0.2, 0.99), (0.9, 0.99)),
    ((1.0, -1.0, 0.5, 2.0), (0.3, 0.3, 0.3, 0.3), (-2.0, 1.0, 4.0, 0.0)),
)

EXERCISES = (
    Exercise(
        key="02.02-l2-normalize-rows",
        prompt="l2_normalize_rows(X): divide each row of the 2-D array X by its own length.",
        cases=tuple(Case((np.array(m),), _rows_over_lengths(m)) for m in _MATRICES),
        mistakes=(
            Mistake(
                _per_column,
                "You divided each column by the column's length: that normalizes each "
                "feature across the data set (axis=0). A row is one vector; divide each row "
                "by its own length, np.linalg.norm(X, axis=1, keepdims=True).",
            ),
            Mistake(
                _lengths_broadcast_wrong,
                "Right lengths, wrong places: X / lengths divides column j by the length of "
                "row j. Keep the lengths as a column, lengths[:, None] or keepdims=True.",
            ),
            Mistake(
                _mean_subtracted,
                "You subtracted a mean: that is mean-centering, which removes an offset. L2 "
                "normalization subtracts nothing; it only divides each row by its length.",
            ),
            Mistake(
                _squared_length,
                "You divided by the sum of squares |x|²; the length is its square root.",
            ),
            Mistake(
                _l1_length,
                "You divided by the sum of the absolute entries (the L1 length, so each row's "
                "entries add up to 1 in size). Use the L2 length √(x₁² + … + x_d²).",
            ),
        ),
        hint="Each row x becomes x / |x|, with |x| = √(x₁² + … + x_d²); every row then has "
        "length 1.",
    ),
    Exercise(
        key="02.02-original-entry",
        prompt="A normalized vector is [0.6, 0.8] and its original had length 15: the "
        "original's first entry.",
        cases=(Case((), 0.6 * 15),),
        mistakes=(
            Mistake(
                close_to(0.6 / 15), "Normalizing divided by the length; undo it by multiplying."
            ),
            Mistake(
                close_to(0.6), "That is the normalized entry. The original is 15 times longer."
            ),
            Mistake(close_to(0.8 * 15), "That is the second entry; the first goes with 0.6."),
            Mistake(
                close_to(3.0),
                "[3, 4] normalizes to [0.6, 0.8], but its length is 5, not 15. Which multiple "
                "of [0.6, 0.8] has length 15?",
            ),
        ),
        hint="original = length × normalized vector.",
        is_function=False,
    ),
    Exercise(
        key="02.02-unit-distance",
        prompt="a and b are unit vectors 60° apart: |a − b|².",
        cases=(Case((), 2 - 2 * math.cos(math.radians(60))),),
        mistakes=(
            Mistake(
                close_to(2 + 2 * math.cos(math.radians(60))),
                "The cross term has a minus sign: (a − b)·(a − b) = a·a − 2 a·b + b·b.",
            ),
            Mistake(
                close_to(2 - math.cos(math.radians(60))),
                "a·b appears twice, as a·b and as b·a: the cross term is −2 a·b.",
            ),
            Mistake(close_to(1 - math.cos(math.radians(60))), "Both a·a and b·b equal 1: 1 + 1."),
            Mistake(close_to(2.0), "Do not drop the cross term −2 a·b = −2 cos 60°."),
        ),
        hint="|a − b|² = a·a − 2 a·b + b·b = 1 − 2 cos θ + 1.",
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def l2_normalize_rows(X: Any) -> np.ndarray:
    x = np.asarray(X, dtype=float)
    return x / np.sqrt((x * x).sum(axis=1, keepdims=True))


SOLUTIONS = {
    "02.02-l2-normalize-rows": l2_normalize_rows,
    "02.02-original-entry": 9.0,
    "02.02-unit-distance": 1.0,
}
