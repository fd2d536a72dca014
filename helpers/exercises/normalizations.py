"""02.02's exercises: L2-normalize the rows, z-score the columns, undo a normalization with a
stored length, and |a − b|² for unit vectors."""

from __future__ import annotations

import math
import statistics
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


def _columns_standardized(rows: tuple[tuple[float, ...], ...]) -> np.ndarray:
    """Each column minus its mean, over its population standard deviation, by loops."""
    columns = list(zip(*rows, strict=True))
    stats = [(statistics.fmean(c), statistics.pstdev(c)) for c in columns]
    return np.array([[(x - m) / sd for x, (m, sd) in zip(row, stats, strict=True)] for row in rows])


def _z_along(x: np.ndarray, axis: int | None, ddof: int = 0) -> np.ndarray:
    mean = x.mean(axis=axis, keepdims=axis is not None)
    return (x - mean) / x.std(axis=axis, ddof=ddof, keepdims=axis is not None)


def _z_per_row(args: tuple[Any, ...], actual: Any) -> bool:
    return _same(actual, _z_along(_x(args), 1))


def _z_whole_array(args: tuple[Any, ...], actual: Any) -> bool:
    return _same(actual, _z_along(_x(args), None))


def _z_sample_std(args: tuple[Any, ...], actual: Any) -> bool:
    return _same(actual, _z_along(_x(args), 0, ddof=1))


def _over_range(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, (x - x.mean(axis=0)) / (x.max(axis=0) - x.min(axis=0)))


def _min_max_columns(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, (x - x.min(axis=0)) / (x.max(axis=0) - x.min(axis=0)))


def _centred_only(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, x - x.mean(axis=0))


def _not_centred(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, x / x.std(axis=0))


def _over_variance(args: tuple[Any, ...], actual: Any) -> bool:
    x = _x(args)
    return _same(actual, (x - x.mean(axis=0)) / x.var(axis=0))


# Every row and every column varies, so the per-row mistake is computable too; 3×2 first, so
# that a transposed answer has the wrong shape.
_FEATURE_TABLES = (
    ((1.0, 10.0), (2.0, 30.0), (6.0, 20.0)),
    ((180.0, 70.0, 30.0), (165.0, 55.0, 41.0), (172.0, 90.0, 25.0), (190.0, 80.0, 52.0)),
    ((0.0, 1.0, 4.0), (3.0, -1.0, 2.0), (-3.0, 2.0, 0.5)),
    ((2.0, 2.5), (4.0, -1.0), (4.0, 0.0), (5.0, 3.5), (7.0, 1.0)),
)

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
        prompt="l2_normalize_rows(X): divide each row of the 2-D array X by its own length "
        "(numpy only; the hidden cases have no all-zero row).",
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
        key="02.02-z-score-columns",
        prompt="z_score_columns(X): in each column (feature) of the 2-D array X, subtract the "
        "column's mean and divide by the column's standard deviation (ddof=0); every column then "
        "has mean 0 and spread 1.",
        cases=tuple(Case((np.array(m),), _columns_standardized(m)) for m in _FEATURE_TABLES),
        mistakes=(
            Mistake(
                _z_per_row,
                "You standardized each row (one vector at a time, axis=1). A feature is a "
                "column: take the mean and the standard deviation down each column, axis=0.",
            ),
            Mistake(
                _over_range,
                "You divided by the range max − min: that is mean normalization, "
                "(x − mean) / (max − min). The z-score divides by the standard deviation.",
            ),
            Mistake(
                _min_max_columns,
                "That is min–max scaling (smallest 0, largest 1). The z-score subtracts the "
                "mean and divides by the standard deviation.",
            ),
            Mistake(
                _z_sample_std,
                "You divided by the sample standard deviation (ddof=1, divide by n − 1, as "
                "pandas' .std() does). Here, as in scikit-learn's StandardScaler, divide by n: "
                "np.std's default ddof=0.",
            ),
            Mistake(
                _z_whole_array,
                "You used one mean and one standard deviation for the whole array. Each column "
                "needs its own: X.mean(axis=0), X.std(axis=0).",
            ),
            Mistake(
                _centred_only,
                "You subtracted the column means but did not divide by the standard deviations: "
                "that is mean-centering, which keeps the scale.",
            ),
            Mistake(
                _not_centred,
                "You divided by the standard deviations but did not subtract the column means "
                "first, so the offset is still there.",
            ),
            Mistake(
                _over_variance,
                "You divided by the variance; the standard deviation is its square root.",
            ),
        ),
        hint="(X − X.mean(axis=0)) / X.std(axis=0): axis=0 gives one mean and one standard "
        "deviation per column.",
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


def z_score_columns(X: Any) -> np.ndarray:
    x = np.asarray(X, dtype=float)
    return (x - x.mean(axis=0)) / x.std(axis=0)


SOLUTIONS = {
    "02.02-l2-normalize-rows": l2_normalize_rows,
    "02.02-z-score-columns": z_score_columns,
    "02.02-original-entry": 9.0,
    "02.02-unit-distance": 1.0,
}
