"""04.03's exercises: the typical length of a slice (k/d is the common mistake), what a
slice of length 0.8 holds, distances from the dot products of unit vectors, recall@1."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to

SLICE_K, SLICE_D = 16, 384
SCREEN_K, SCREEN_D, SCREEN_LENGTH = 5, 384, 0.8


def _is(value: Any) -> Any:
    """A mistake matcher: the answer, as numbers, is ``value`` (same shape)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        got = np.asarray(actual, dtype=float)
        want = np.asarray(value, dtype=float)
        return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-6, atol=1e-9))

    return matches


def _mistaken(func: Any) -> Any:
    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        return _is(func(*args))(args, actual)

    return matches


# ---------------------------------------------------------------- distances from dot products

# Dot products of a unit query with unit vectors (each is a cosine, in [-1, 1]).
DOT_CASES = (
    [0.3, 0.8, -0.2],
    [1.0, 0.0, -1.0, 0.5],
    [0.95],
    [-0.6, 0.25, 0.7, 0.1, 0.0],
)


def _distances(dots: list[float]) -> list[float]:
    """|q − x| = √(2 − 2 q·x) for unit q and x, entry by entry."""
    return [math.sqrt(2 - 2 * c) for c in dots]


# ---------------------------------------------------------------- recall@1

# Square score matrices; in each, the best answer per row (argmax along a row) and the best
# question per column (argmax down a column) give different counts.
RECALL_CASES = (
    [[0.9, 0.1, 0.3], [0.8, 0.2, 0.1], [0.0, 0.1, 0.5]],
    [
        [0.5, 0.6, 0.1, 0.0],
        [0.2, 0.7, 0.3, 0.1],
        [0.4, 0.1, 0.2, 0.3],
        [0.1, 0.0, 0.2, 0.6],
    ],
    [[0.2, 0.4], [0.3, 0.1]],
)


def _rows_right(S: list[list[float]]) -> int:
    """How many rows i have their largest entry in column i (a tie: the lower column)."""
    return sum(max(range(len(row)), key=lambda j: (row[j], -j)) == i for i, row in enumerate(S))


def _columns_right(S: list[list[float]]) -> int:
    n = len(S)
    cols = [[S[i][j] for i in range(n)] for j in range(n)]
    return sum(max(range(n), key=lambda i: (col[i], -i)) == j for j, col in enumerate(cols))


EXERCISES = (
    Exercise(
        key="04.03-slice-length",
        prompt=(
            f"A unit vector in d = {SLICE_D} dimensions points in a typical direction. About "
            f"how long are its first k = {SLICE_K} components, taken together?"
        ),
        cases=(Case((), math.sqrt(SLICE_K / SLICE_D)),),
        mistakes=(
            Mistake(
                close_to(SLICE_K / SLICE_D, rtol=2e-2),
                f"{SLICE_K}/{SLICE_D} is the squared length of the slice (each squared "
                "component is about 1/d, and k of them add up). The length is its square root.",
            ),
            Mistake(
                close_to(1 / math.sqrt(SLICE_D), rtol=2e-2),
                "1/√d is the length of ONE typical component (and the spread of a random "
                "cosine, 04.02). A slice of k components has k of them: √(k/d).",
            ),
            Mistake(
                close_to(math.sqrt(SLICE_D / SLICE_K), rtol=2e-2),
                "Upside down: a slice of a unit vector is never longer than 1. It is √(k/d).",
            ),
            Mistake(
                close_to(SLICE_K / math.sqrt(SLICE_D), rtol=2e-2),
                "That adds the lengths of the k components, k/√d; lengths of perpendicular "
                "parts do not add, their squares do (Pythagoras): √(k · 1/d).",
            ),
            Mistake(
                lambda args, actual: float(actual) > 1,
                "The first k components of a unit vector have length at most 1: their squares "
                "are part of the sum that makes 1.",
            ),
        ),
        hint=(
            "Each of the d squared components is about 1/d (they add up to 1). Add k of them "
            "and take the square root."
        ),
        rtol=2e-3,  # three decimals typed by hand are enough
        is_function=False,
    ),
    Exercise(
        key="04.03-screenshot-share",
        prompt=(
            f"The first {SCREEN_K} components of a {SCREEN_D}-d unit vector have length "
            f"{SCREEN_LENGTH}. What fraction of the vector's squared length |v|² = 1 do they "
            "hold?"
        ),
        cases=(Case((), SCREEN_LENGTH**2),),
        mistakes=(
            Mistake(
                close_to(SCREEN_LENGTH),
                "0.8 is the slice's length. Squared components add up, lengths do not: the "
                "share of |v|² is the squared length of the slice.",
            ),
            Mistake(
                close_to(100 * SCREEN_LENGTH**2),
                "As a fraction, please: 64% is 0.64.",
            ),
            Mistake(
                close_to(1 - SCREEN_LENGTH**2),
                "That is what the other 379 components hold together. The five hold 0.8².",
            ),
            Mistake(
                close_to(SCREEN_K / SCREEN_D, rtol=1e-2),
                "5/384 is the share five components hold in a typical direction; these five "
                "have length 0.8, far more than typical. Square 0.8.",
            ),
        ),
        hint="|v|² is the sum of the squared components; the five contribute 0.8² of it.",
        rtol=1e-3,
        is_function=False,
    ),
    Exercise(
        key="04.03-distances",
        prompt=(
            "distances(dots): q and every x_j have length 1, and dots[j] = q·x_j. Return the "
            "Euclidean distances |q − x_j|, one per entry."
        ),
        cases=tuple(Case((dots,), _distances(dots)) for dots in DOT_CASES),
        mistakes=(
            Mistake(
                _mistaken(lambda dots: [2 - 2 * c for c in dots]),
                "Those are the squared distances |q − x|² = 2 − 2 q·x. Take the square root.",
            ),
            Mistake(
                _mistaken(lambda dots: [1 - c for c in dots]),
                "1 − cos θ is the 'cosine distance' of some libraries, not |q − x|. Expand "
                "|q − x|² = (q − x)·(q − x) with |q| = |x| = 1.",
            ),
            Mistake(
                _mistaken(lambda dots: [math.sqrt(1 - c) for c in dots]),
                "Almost: |q − x|² = |q|² − 2 q·x + |x|² = 1 − 2 q·x + 1. Both lengths count.",
            ),
            Mistake(
                _mistaken(lambda dots: [math.sqrt(2 + 2 * c) for c in dots]),
                "Sign: (q − x)·(q − x) = q·q − 2 q·x + x·x, a minus before 2 q·x.",
            ),
        ),
        hint="|q − x|² = (q − x)·(q − x) = |q|² − 2 q·x + |x|², with |q| = |x| = 1 (02.02).",
    ),
    Exercise(
        key="04.03-recall-at-1",
        prompt=(
            "recall_at_one(S): S is a square score matrix, row i = question i, column j = "
            "answer j, and answer i is question i's right answer. Return the fraction of "
            "questions whose highest score in their row is their own answer."
        ),
        cases=tuple(Case((S,), _rows_right(S) / len(S)) for S in RECALL_CASES),
        mistakes=(
            Mistake(
                lambda args, actual: math.isclose(
                    float(actual), _columns_right(args[0]) / len(args[0])
                ),
                "That looks down the columns (argmax with axis=0): for each answer, its best "
                "question. Recall@1 asks, for each question (a row), its best answer: axis=1.",
            ),
            Mistake(
                lambda args, actual: (
                    math.isclose(float(actual), _rows_right(args[0]))
                    and _rows_right(args[0]) != _rows_right(args[0]) / len(args[0])
                ),
                "That is the number of questions; divide by how many there are for the fraction.",
            ),
            Mistake(
                lambda args, actual: np.asarray(actual).shape == (len(args[0]),),
                "That is one value per question; recall@1 is a single number, the mean of "
                "(best answer == own answer) over the questions.",
            ),
        ),
        hint="S.argmax(axis=1) gives each row's best column; compare it with np.arange(n).",
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def distances(dots: Any) -> np.ndarray:
    return np.sqrt(2 - 2 * np.asarray(dots, dtype=float))


def recall_at_one(S: Any) -> float:
    s = np.asarray(S, dtype=float)
    return float(np.mean(s.argmax(axis=1) == np.arange(len(s))))


SOLUTIONS = {
    "04.03-slice-length": 0.204,
    "04.03-screenshot-share": 0.64,
    "04.03-distances": distances,
    "04.03-recall-at-1": recall_at_one,
}
