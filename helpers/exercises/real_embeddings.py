"""04.03's exercises: the typical length of a slice (k/d is the common mistake), the number of
dimensions in which five given values would be a typical slice, distances from the dot products
of unit vectors, Spearman's rank correlation of a short list."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to, same_numbers

SLICE_K, SLICE_D = 24, 384  # not a k the notebook prints
FIVE = (0.3, -0.2, 0.2, 0.2, -0.2)  # squared length 0.25: typical for d = 5 / 0.25 = 20
RANKS = (1, 2, 3, 4, 5)
LENGTHS = (6.0, 4.5, 5.0, 12.0, 3.0)  # the 12.0 pulls Pearson's r of the raw values above 0


def _mistaken(func: Any) -> Any:
    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        return same_numbers(func(*args))(args, actual)

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


# ---------------------------------------------------------------- Spearman by hand


def _loop_ranks(values: tuple[float, ...]) -> list[float]:
    """Rank 1 for the smallest value, by counting (the values here have no ties)."""
    return [1 + sum(w < v for w in values) for v in values]


def _centred_cosine(x: list[float], y: list[float]) -> float:
    """Pearson's r: the cosine of the two lists after subtracting each list's mean."""
    mx, my = sum(x) / len(x), sum(y) / len(y)
    cx, cy = [a - mx for a in x], [b - my for b in y]
    dot = sum(a * b for a, b in zip(cx, cy, strict=True))
    return dot / math.sqrt(sum(a * a for a in cx) * sum(b * b for b in cy))


def _plain_cosine(x: list[float], y: list[float]) -> float:
    dot = sum(a * b for a, b in zip(x, y, strict=True))
    return dot / math.sqrt(sum(a * a for a in x) * sum(b * b for b in y))


_FIVE_SQ = math.fsum(v * v for v in FIVE)  # 0.25
SPEARMAN = _centred_cosine(_loop_ranks(RANKS), _loop_ranks(LENGTHS))  # −0.3


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
        key="04.03-five-values-d",
        prompt=(
            f"The first five values of an embedding are {list(FIVE)}. In how many dimensions d "
            "would five components of a typical unit vector have about the same length "
            "(root-mean-square) as these five?"
        ),
        cases=(Case((), 5 / _FIVE_SQ),),
        mistakes=(
            Mistake(
                close_to(5 / math.sqrt(_FIVE_SQ), rtol=1e-2),
                "That solves 5/d = length. The typical length is √(5/d), so square it: "
                "5/d = length², d = 5 / length².",
            ),
            Mistake(
                close_to(_FIVE_SQ, rtol=1e-2),
                "That is the squared length of the five values, the first step. Now solve "
                "√(5/d) = length for d.",
            ),
            Mistake(
                close_to(math.sqrt(_FIVE_SQ), rtol=1e-2),
                "That is the length of the five values, the first step. Now solve √(5/d) = length "
                "for d.",
            ),
            Mistake(
                close_to(1 / _FIVE_SQ, rtol=1e-2),
                "Five components, not one: their squared length is about 5/d in a typical "
                "direction, so d = 5 / length².",
            ),
            Mistake(
                close_to(5 / sum(abs(v) for v in FIVE), rtol=1e-2),
                "The length of the five values is √(sum of their squares), not the sum of their "
                "sizes.",
            ),
            Mistake(
                close_to(5 / sum(FIVE) ** 2, rtol=1e-2),
                "Square each value first, then add: the length is √(0.3² + 0.2² + …), not the "
                "square of their sum.",
            ),
        ),
        hint=(
            "First the length of the five values: √(sum of their squares). Five components of a "
            "typical unit vector have length √(5/d); set the two equal and solve for d."
        ),
        rtol=1e-2,  # d typed by hand; a rounded length squared is good enough
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
        key="04.03-spearman",
        prompt=(
            f"Five words have frequency ranks {list(RANKS)} and vector lengths {list(LENGTHS)}. "
            "What is Spearman's ρ between rank and length?"
        ),
        cases=(Case((), SPEARMAN),),
        mistakes=(
            Mistake(
                close_to(-SPEARMAN),
                "The sign is flipped. Rank both lists the same way, 1 for the smallest value: "
                "the shortest length (3.0) gets rank 1.",
            ),
            Mistake(
                close_to(_centred_cosine(list(RANKS), list(LENGTHS)), rtol=2e-2),
                "That is Pearson's r of the lengths themselves, and the one long vector (12.0) "
                "dominates it. Replace the lengths by their ranks first.",
            ),
            Mistake(
                close_to(_plain_cosine(_loop_ranks(RANKS), _loop_ranks(LENGTHS)), rtol=2e-2),
                "That is the cosine of the ranks without subtracting each list's mean; centre "
                "both lists of ranks first (the mean of 1 … 5 is 3).",
            ),
            Mistake(
                close_to(_plain_cosine(list(RANKS), list(LENGTHS)), rtol=2e-2),
                "That is the cosine of the raw lists. Rank the lengths, subtract each list's "
                "mean, then take the cosine.",
            ),
        ),
        hint=(
            "The lengths ranked from the smallest: 6.0 → 4, 4.5 → 2, 5.0 → 3, 12.0 → 5, 3.0 → 1. "
            "Subtract 3 from every rank, then take the cosine of the two centred lists."
        ),
        rtol=1e-3,
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def distances(dots: Any) -> np.ndarray:
    return np.sqrt(2 - 2 * np.asarray(dots, dtype=float))


SOLUTIONS = {
    "04.03-slice-length": 0.25,
    "04.03-five-values-d": 20,
    "04.03-distances": distances,
    "04.03-spearman": -0.3,
}
