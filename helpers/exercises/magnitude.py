"""02.01's exercises: the forum's mistake with new numbers, the winning scale, cosine ranking."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to


def _fdot(u: Any, v: Any) -> float:
    return math.fsum(float(x) * float(y) for x, y in zip(u, v, strict=True))


def _order(scores: list[float]) -> list[int]:
    """Indices best first, by a plain sort (Python's sort is stable: ties keep index order)."""
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def _cosines(q: Any, candidates: Any) -> list[float]:
    nq = math.sqrt(_fdot(q, q))
    return [_fdot(q, c) / (nq * math.sqrt(_fdot(c, c))) for c in candidates]


def _dots(q: Any, candidates: Any) -> list[float]:
    return [_fdot(q, c) for c in candidates]


def _same_order(actual: Any, expected: list[int]) -> bool:
    got = np.asarray(actual)
    return got.shape == (len(expected),) and [int(i) for i in got] == expected


# Each case has candidates whose lengths differ, so the dot-product order is a different one.
RANK_CASES = (
    ((1.0, 0.0), ((1.5, 0.3), (1.2, -1.0), (0.8, 1.0), (4.0, 3.2))),
    ((0.2, 0.99), ((0.2, 0.99), (0.9, 0.99))),
    ((3.0, 4.0), ((3.0, 4.0), (8.0, 4.0), (-1.0, 2.0), (0.3, 0.5))),
    ((1.0, 2.0, 2.0), ((2.0, 1.0, 2.0), (0.1, 0.2, 0.25), (5.0, 0.0, 3.0))),
)

# Exercise 2's numbers: q, a relevant answer r and an off-topic one x.
SCALE_Q, SCALE_R, SCALE_X = (1.0, 1.0), (2.0, 1.0), (-1.0, 3.0)
_qr, _qx = _fdot(SCALE_Q, SCALE_R), _fdot(SCALE_Q, SCALE_X)
_len_r, _len_x = math.hypot(*SCALE_R), math.hypot(*SCALE_X)
_cos_r = _qr / (math.hypot(*SCALE_Q) * _len_r)
_cos_x = _qx / (math.hypot(*SCALE_Q) * _len_x)

EXERCISES = (
    Exercise(
        key="02.01-cosine-not-self",
        prompt="a = [1, 2], b = [3, 3]: a·b = 9 beats a·a = 5. What is cos(a, b)?",
        cases=(Case((), 9 / math.sqrt(5 * 18)),),
        mistakes=(
            Mistake(
                close_to(9.0), "9 is a·b, which still carries both lengths. Divide by |a| |b|."
            ),
            Mistake(
                close_to(9 / 5),
                "9/5 is a·b / a·a = a·b / |a|²: one length too many of a and none of b. "
                "The cosine divides by |a| |b|.",
            ),
            Mistake(
                close_to(9 / math.sqrt(5)),
                "9/√5 is a·b / |a|, the length of b's shadow on a (01.03). Divide by |b| too.",
            ),
            Mistake(
                close_to(9 / 18),
                "9/18 divides by b·b = |b|², not by |a| |b|. Take square roots of a·a and b·b.",
            ),
            Mistake(
                close_to(9 / (5 * 18)),
                "9/90 divides by a·a × b·b, the squared lengths. Take the square root: "
                "|a| |b| = √(a·a × b·b).",
            ),
            Mistake(
                lambda args, actual: float(actual) > 1,
                "A cosine is never above 1 (Cauchy–Schwarz, 01.02). Divide a·b by both lengths.",
            ),
        ),
        hint="cos(a, b) = a·b / (|a| |b|), with |a| = √(a·a) and |b| = √(b·b).",
        rtol=1e-3,  # three decimals typed by hand are enough
        is_function=False,
    ),
    Exercise(
        key="02.01-winning-scale",
        prompt=(
            "q = [1, 1], relevant r = [2, 1], off-topic x = [-1, 3]: the threshold s*, the "
            "stretch at which s·x ties with r under the dot product (every larger s wins)."
        ),
        cases=(Case((), _qr / _qx),),
        mistakes=(
            Mistake(
                close_to(_qx / _qr),
                "Upside down: s·(q·x) > q·r means s > (q·r) / (q·x), relevant over off-topic.",
            ),
            Mistake(
                close_to(_cos_r / _cos_x),
                "That is the ratio of the cosines alone; the lengths count too: "
                "s > (|r| cos θ_r) / (|x| cos θ_x) = (q·r) / (q·x).",
            ),
            Mistake(
                close_to(_len_r / _len_x),
                "That is the ratio of the lengths alone; the angles count too: s > (q·r) / (q·x).",
            ),
            Mistake(
                lambda args, actual: math.isinf(float(actual)),
                "q·x = 2 is positive, so a long enough x does win; infinity is the answer only "
                "when q·x ≤ 0.",
            ),
        ),
        hint="Scaling x by s scales q·x by s: solve s·(q·x) > q·r for s.",
        is_function=False,
    ),
    Exercise(
        key="02.01-rank-by-cosine",
        prompt=(
            "rank_by_cosine(q, candidates): the indices of the candidates (rows) from the "
            "largest cosine with q to the smallest."
        ),
        cases=tuple(Case((q, c), _order(_cosines(q, c))) for q, c in RANK_CASES),
        mistakes=(
            Mistake(
                lambda args, actual: _same_order(actual, _order(_dots(*args))),
                "That is the order by the raw dot product q·c, which the longest candidates "
                "win (section 4). Divide each q·c by |q| |c| first.",
            ),
            Mistake(
                lambda args, actual: _same_order(actual, _order(_cosines(*args))[::-1]),
                "Worst first: np.argsort sorts from small to large. Sort the negated cosines, "
                "np.argsort(-cosines), or reverse the order.",
            ),
            Mistake(
                lambda args, actual: (
                    np.asarray(actual, dtype=float).shape == (len(args[1]),)
                    and np.allclose(np.asarray(actual, dtype=float), _cosines(*args))
                ),
                "Those are the cosines themselves; return the candidates' indices, best first "
                "(np.argsort gives indices).",
            ),
        ),
        hint=(
            "cos(q, c) = q·c / (|q| |c|); a loop calling cosine_similarity(q, c) for each "
            "candidate is fine. Then the indices sorted by it, largest first: np.argsort(x) "
            "lists the indices of x from its smallest entry to its largest, so "
            "np.argsort(-x) lists them largest first."
        ),
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def rank_by_cosine(q: Any, candidates: Any) -> np.ndarray:
    q, c = np.asarray(q, dtype=float), np.asarray(candidates, dtype=float)
    cosines = c @ q / (np.linalg.norm(c, axis=1) * np.linalg.norm(q))
    return np.argsort(-cosines, kind="stable")


SOLUTIONS = {
    "02.01-cosine-not-self": 9 / math.sqrt(90),
    "02.01-winning-scale": 1.5,
    "02.01-rank-by-cosine": rank_by_cosine,
}
