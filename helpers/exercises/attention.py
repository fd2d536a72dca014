"""04.01's exercises: one attention output row by hand, the spread of q·k at d = 256
(standard deviation, not variance), which way the entropy of the weights moves as d
grows, the entropy of a row of weights, and what dividing by √d changes (the weights and
the output) and what it does not (which key ranks first)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake

# Exercise 1: one query, two keys of dimension d = 4 (so √d = 2), two 2-D values.
ROW_Q = (1.0, 1.0, 0.0, 2.0)
ROW_K = ((1.0, 0.0, 1.0, 1.0), (0.0, 1.0, 1.0, -1.0))
ROW_V = ((2.0, 1.0), (0.0, 4.0))


def _fdot(u: Sequence[float], v: Sequence[float]) -> float:
    return math.fsum(x * y for x, y in zip(u, v, strict=True))


def _weights(divisor: float) -> list[float]:
    """softmax of (q·k1, q·k2) / divisor, by hand: w1 = 1 / (1 + e^(s2 − s1))."""
    s1, s2 = (_fdot(ROW_Q, k) / divisor for k in ROW_K)
    w1 = 1.0 / (1.0 + math.exp(s2 - s1))
    return [w1, 1.0 - w1]


def _mix(w: Sequence[float], rows: Sequence[Sequence[float]]) -> list[float]:
    return [math.fsum(w[j] * rows[j][c] for j in range(len(w))) for c in range(len(rows[0]))]


_COLUMNS = tuple(zip(*ROW_V, strict=True))  # V transposed: what w @ V.T mixes
_SCALED = _weights(math.sqrt(len(ROW_Q)))


def _equals(*expected: float, rtol: float = 1e-3) -> Callable[[tuple[Any, ...], Any], bool]:
    """A mistake matcher: the answer is this list of numbers."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        a = np.asarray(actual, dtype=float)
        return a.shape == (len(expected),) and bool(np.allclose(a, expected, rtol=rtol))

    return matches


# Exercise 4: rows of weights and their entropies, computed term by term (0 ln 0 = 0).
ENTROPY_ROWS = (
    (0.25, 0.25, 0.25, 0.25),
    (0.0, 1.0, 0.0),
    (0.5, 0.5, 0.0),
    (0.7, 0.2, 0.1),
    (0.9, 0.05, 0.03, 0.02, 0.0),
)


def _entropy_terms(w: Sequence[float]) -> float:
    return 0.0 - math.fsum(p * math.log(p) for p in w if p > 0)  # 0.0 −: no "−0" shown


def _as_float(actual: Any) -> float:
    a = np.asarray(actual, dtype=float)
    if a.shape != ():
        raise ValueError("not a single number")
    return float(a)


def _entropy_times(factor: float) -> Callable[[tuple[Any, ...], Any], bool]:
    """A mistake matcher: the answer is ``factor`` times the right entropy (which is not 0)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        h = _entropy_terms(args[0])
        return h > 0 and math.isclose(_as_float(actual), factor * h, rel_tol=1e-6)

    return matches


EXERCISES = (
    Exercise(
        key="04.01-attention-row",
        prompt=(
            "q = [1, 1, 0, 2]; keys k1 = [1, 0, 1, 1], k2 = [0, 1, 1, −1] (so d = 4); values "
            "v1 = [2, 1], v2 = [0, 4]. The output row of softmax(q Kᵀ / √d) V."
        ),
        cases=(Case((), _mix(_SCALED, ROW_V)),),
        mistakes=(
            Mistake(
                _equals(*_mix(_weights(1.0), ROW_V)),
                "That skips the √d: with d = 4, divide both scores by √4 = 2 before softmax.",
            ),
            Mistake(
                _equals(*_mix(_weights(4.0), ROW_V)),
                "That divides by d = 4; the scores are divided by √d = 2.",
            ),
            Mistake(
                _equals(*_SCALED),
                "Those are the two weights. The output is w1·v1 + w2·v2, a 2-D vector.",
            ),
            Mistake(
                _equals(*_mix(_SCALED, _COLUMNS)),
                "Each weight multiplies a whole value row: w1·[2, 1] + w2·[0, 4] (that is "
                "weights @ V, not weights @ V.T).",
            ),
            Mistake(
                _equals(*_mix([_fdot(ROW_Q, k) / 2 for k in ROW_K], ROW_V)),
                "That mixes the values with the scaled scores themselves; softmax turns them "
                "into weights that are positive and sum to 1 first.",
            ),
        ),
        hint=(
            "Scores q·k1 and q·k2, divided by √d = 2; softmax of the two (w1 = e^a / (e^a + "
            "e^b)); then w1·v1 + w2·v2."
        ),
        rtol=1e-3,  # three or four decimals typed by hand are enough
        is_function=False,
    ),
    Exercise(
        key="04.01-std-at-256",
        prompt=(
            "q and k have d = 256 i.i.d. entries, mean 0, variance 1. Predict (the standard "
            "deviation of q·k, the standard deviation of q·k / √d), as a tuple or a list."
        ),
        cases=(Case((), (16.0, 1.0)),),
        mistakes=(
            Mistake(
                _equals(256.0, 1.0),
                "256 = d is the variance of q·k. Its standard deviation is the square root, "
                "√256 = 16.",
            ),
            Mistake(
                _equals(256.0, 16.0),
                "256 is the variance of q·k, not its standard deviation (that is √256 = 16); "
                "and q·k / √d has standard deviation 16 / √256 = 1.",
            ),
            Mistake(
                _equals(16.0, 16.0),
                "Dividing q·k by √d = 16 divides its standard deviation by 16 too.",
            ),
            Mistake(
                _equals(16.0, 1 / 16),
                "16 / √d = 16 / 16: the standard deviation after scaling is 16 divided by 16 "
                "once, not by d = 256.",
            ),
        ),
        hint=(
            "Var(q·k) = d (section 2). A standard deviation is the square root of a variance, "
            "and dividing a number by c divides its standard deviation by c."
        ),
        is_function=False,
    ),
    Exercise(
        key="04.01-entropy-direction",
        prompt=(
            "Random queries and keys (i.i.d., mean 0, variance 1), 8 keys per query, averaged "
            "over 300 queries as in section 3's figure. The dimension d goes from 64 to 256. Does "
            "the mean entropy of the weights rise (+1), stay about the same (0: a change smaller "
            "than 0.1) or fall (−1): (without the √d, with the √d)?"
        ),
        cases=(Case((), (-1.0, 0.0)),),
        mistakes=(
            Mistake(
                _equals(0.0, -1.0),
                "Swapped: it is the undivided scores whose spread grows like √d; divided by √d "
                "their spread stays 1.",
            ),
            Mistake(
                _equals(1.0, 0.0),
                "Wider scores make softmax sharper, one weight nearer 1: the weights get less "
                "spread out, and entropy measures the spread.",
            ),
            Mistake(
                _equals(-1.0, -1.0),
                "With the √d the scores' spread is 1 at every d (section 2), so softmax sees the "
                "same kind of row: the mean entropy stays about the same.",
            ),
        ),
        hint=(
            "Without the √d the scores' standard deviation is √d; with it, 1. Wider scores, "
            "sharper softmax, lower entropy."
        ),
        is_function=False,
    ),
    Exercise(
        key="04.01-entropy",
        prompt=(
            "entropy(w): −Σ wⱼ ln wⱼ of a 1-D NumPy row of weights (non-negative, summing to "
            "1), counting 0 · ln 0 as 0 (take the log of the positive weights only)."
        ),
        cases=tuple(Case((np.array(w),), _entropy_terms(w)) for w in ENTROPY_ROWS),
        mistakes=(
            Mistake(
                lambda args, actual: math.isnan(_as_float(actual)),
                "nan: np.log(0) is −inf and 0 × −inf is nan. A weight of 0 adds nothing: "
                "sum only over the weights above 0 (e.g. w[w > 0]).",
            ),
            Mistake(
                _entropy_times(-1.0),
                "The sign: ln w ≤ 0 for weights up to 1, so Σ w ln w ≤ 0; the entropy is minus "
                "that sum.",
            ),
            Mistake(
                _entropy_times(1 / math.log(2)),
                "That is in bits (np.log2). Here entropy uses the natural log, np.log, so that "
                "n equal weights give ln n.",
            ),
            Mistake(
                lambda args, actual: np.asarray(actual).shape == np.asarray(args[0]).shape,
                "Those are the terms, one per weight; add them up (and keep the minus sign).",
            ),
        ),
        hint="Check it on equal weights (ln n) and on one weight 1 and the rest 0 (0).",
    ),
    Exercise(
        key="04.01-what-sqrt-d-changes",
        prompt=(
            "One query at d = 64 against 8 keys, 8 different scores, 8 different value rows. "
            "Dividing every score by √d = 8 before softmax, against not dividing: does it change "
            "(a) which key ranks first, (b) the weights, (c) the output row? (True = changes)"
        ),
        cases=(Case((), (False, True, True)),),
        mistakes=(
            Mistake(
                _equals(1.0, 1.0, 1.0),
                "(a): dividing every score by the same positive number keeps their order; if "
                "s_a > s_b then s_a / 8 > s_b / 8. The tallest bar was the same key in both "
                "panels of the demo.",
            ),
            Mistake(
                _equals(0.0, 0.0, 0.0),
                "(b): softmax is not blind to scale (03.01: softmax(2x) ≠ softmax(x)). The ratio "
                "of two weights is e^((s_a − s_b)/√d), not e^(s_a − s_b).",
            ),
            Mistake(
                _equals(0.0, 1.0, 0.0),
                "(c): the output row is w1·v1 + … + w8·v8; with other weights it is another mix "
                "of the same values.",
            ),
            Mistake(
                _equals(0.0, 0.0, 1.0),
                "(b) and (c): the output is weights @ V, so if the weights stayed the same the "
                "output could not move. It is the weights that change.",
            ),
        ),
        hint=(
            "Order of the scores: unchanged by dividing by a positive number. Softmax: its weight "
            "ratios are e^((s_a − s_b)/√d). Output: weights @ V."
        ),
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def entropy(w: Any) -> float:
    p = np.asarray(w, dtype=float)
    p = p[p > 0]
    return float(-np.sum(p * np.log(p)))


SOLUTIONS = {
    "04.01-attention-row": [1.7616, 1.3576],
    "04.01-std-at-256": (16, 1),
    "04.01-entropy-direction": (-1, 0),
    "04.01-entropy": entropy,
    "04.01-what-sqrt-d-changes": (False, True, True),
}
