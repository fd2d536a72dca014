"""03.01's exercises: a softmax that does not overflow, the loss of a small score matrix by
hand, and which changes of a row softmax ignores."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to


def _softmax_loop(x: Any) -> np.ndarray:
    """Softmax of a row (or of each row), by Python loops with the largest entry factored out."""
    rows = np.atleast_2d(np.asarray(x, dtype=float)).tolist()
    out = []
    for row in rows:
        top = max(row)
        e = [math.exp(v - top) for v in row]
        total = math.fsum(e)
        out.append([v / total for v in e])
    result = np.array(out)
    return result[0] if np.ndim(x) == 1 else result


def _as_float(actual: Any) -> np.ndarray:
    return np.asarray(actual, dtype=float)


def _has_nan(args: tuple[Any, ...], actual: Any) -> bool:
    a = _as_float(actual)
    return bool(np.any(~np.isfinite(a)))


def _one_sum_for_everything(args: tuple[Any, ...], actual: Any) -> bool:
    x = np.asarray(args[0], dtype=float)
    a = _as_float(actual)
    e = np.exp(x - x.max())
    return x.ndim == 2 and a.shape == x.shape and bool(np.allclose(a, e / e.sum()))


def _without_keepdims(args: tuple[Any, ...], actual: Any) -> bool:
    """A square batch where the max or the sum (or both) lost its axis and broadcast across."""
    x = np.asarray(args[0], dtype=float)
    if x.ndim != 2 or x.shape[0] != x.shape[1]:
        return False
    a = _as_float(actual)
    wrong = []
    with np.errstate(all="ignore"):
        for shifted, sound in (
            (x - x.max(axis=-1), False),
            (x - x.max(axis=-1, keepdims=True), True),
        ):
            e = np.exp(shifted)
            wrong.append(e / e.sum(axis=-1))
            if not sound:
                wrong.append(e / e.sum(axis=-1, keepdims=True))
    return any(a.shape == w.shape and np.allclose(a, w, equal_nan=True) for w in wrong)


def _rows_do_not_sum_to_one(args: tuple[Any, ...], actual: Any) -> bool:
    a = _as_float(actual)
    return a.shape == np.shape(args[0]) and not np.allclose(a.sum(axis=-1), 1.0)


def _no_exp(args: tuple[Any, ...], actual: Any) -> bool:
    x = np.asarray(args[0], dtype=float)
    a = _as_float(actual)
    return a.shape == x.shape and bool(np.allclose(a, x / x.sum(axis=-1, keepdims=True)))


def _log_probs(args: tuple[Any, ...], actual: Any) -> bool:
    a = _as_float(actual)
    p = _softmax_loop(args[0])
    return a.shape == p.shape and bool(np.allclose(a, np.log(p)))


# Hidden cases: small logits first, then the large ones a naive softmax overflows on, a
# square batch (where a max or sum without keepdims broadcasts silently along the wrong
# axis), and a row with a tiny and a huge logit.
SOFTMAX_CASES = (
    [1.0, 2.0, 3.0],
    [1000.0, 1001.0],
    [[1.0, 2.0, 3.0], [1000.0, 1000.0, 1000.0], [0.0, -2.0, 5.0]],
    [-1000.0, 0.0, 1000.0],
    [[710.0, 0.0], [-5.0, 5.0]],
)

# Exercise 2's score matrix: row 0 ranks its right answer first, row 1 is a tie.
LOSS_S = ((2.0, 0.0), (1.0, 1.0))
_p = [  # p(right) of each row: e^S_ii over the row's sum of e^S_ij
    math.exp(LOSS_S[i][i]) / math.fsum(math.exp(v) for v in LOSS_S[i]) for i in range(2)
]
_loss = -math.fsum(math.log(p) for p in _p) / 2
_p_columns = [  # the same down each column: a common mix-up of the axis
    math.exp(LOSS_S[j][j]) / math.fsum(math.exp(LOSS_S[i][j]) for i in range(2)) for j in range(2)
]

# Exercise 3: the row [2, 1, 0] after (a) adding 5, (b) multiplying by 5, (c) making the
# question vector q twice as long: every score q·a_j doubles. Only the offset leaves
# softmax unchanged.
_row = (2.0, 1.0, 0.0)
_same = tuple(
    bool(np.allclose(_softmax_loop(changed), _softmax_loop(_row)))
    for changed in (
        [v + 5 for v in _row],
        [5 * v for v in _row],
        [2 * v for v in _row],  # (2q)·a_j = 2 (q·a_j)
    )
)


def _flags(actual: Any) -> tuple[bool, ...] | None:
    a = np.asarray(actual)
    if a.shape != (3,) or a.dtype.kind not in "biuf":
        return None
    return tuple(bool(v) for v in a)


def _says(pattern: tuple[bool | None, ...]) -> Any:
    """Matcher: the answer's flags agree with ``pattern`` wherever it is not None."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        flags = _flags(actual)
        return flags is not None and all(
            p is None or p == f for p, f in zip(pattern, flags, strict=True)
        )

    return matches


EXERCISES = (
    Exercise(
        key="03.01-stable-softmax",
        prompt=(
            "stable_softmax(x): softmax of a 1-D row, or of each row of a 2-D array, that "
            "works for logits like [1000, 1001]."
        ),
        # x is a numpy array (the notebook says so): a function written for arrays passes.
        cases=tuple(Case((np.array(x),), _softmax_loop(x)) for x in SOFTMAX_CASES),
        mistakes=(
            Mistake(
                _without_keepdims,
                "For a 2-D array, x.max(axis=-1) has one entry per row, and x - x.max(axis=-1) "
                "subtracts them along each row instead of from each row (the same for the "
                "sum). Keep the axis: x.max(axis=-1, keepdims=True), e.sum(axis=-1, "
                "keepdims=True).",
            ),
            Mistake(
                _has_nan,
                "np.exp(1000) overflows to inf, and inf / inf is nan. Subtract each row's "
                "largest entry first: softmax(x − max x) = softmax(x) (section 2), and then "
                "the largest exponent is e⁰ = 1.",
            ),
            Mistake(
                _one_sum_for_everything,
                "These numbers sum to 1 over the whole array, not along each row. Take the "
                "max and the sum along the last axis, with keepdims=True: "
                "x.max(axis=-1, keepdims=True), e.sum(axis=-1, keepdims=True).",
            ),
            Mistake(
                _no_exp,
                "That divides the scores by their sum without exponentiating: softmax is "
                "e^x_j / Σ e^x_k, which is positive even for negative scores.",
            ),
            Mistake(
                _log_probs,
                "Those are the logarithms of the probabilities (log-softmax). Return the "
                "probabilities themselves.",
            ),
            Mistake(
                _rows_do_not_sum_to_one,
                "Each row of the result must sum to 1. For a 2-D array, take the max and the "
                "sum per row, with axis=-1 and keepdims=True, so that they broadcast back "
                "along the row (without keepdims a square array silently uses the wrong axis).",
            ),
        ),
        hint=(
            "Subtract the row's max, exponentiate, divide by the row's sum: "
            "e = np.exp(x - x.max(axis=-1, keepdims=True)); e / e.sum(axis=-1, keepdims=True)."
        ),
    ),
    Exercise(
        key="03.01-predict-loss",
        prompt=(
            "S = [[2, 0], [1, 1]] with targets [0, 1] (the diagonal): the cross-entropy loss, "
            "averaged over the two rows, by hand."
        ),
        cases=(Case((), _loss),),
        mistakes=(
            Mistake(close_to(-_loss, 1e-3), "Mind the sign: the loss is −ln p, and ln p < 0."),
            Mistake(
                close_to(_loss / math.log(10), 1e-3),
                "That is log base 10. Cross-entropy uses the natural logarithm ln (np.log).",
            ),
            Mistake(
                close_to(_loss / math.log(2), 1e-3),
                "That is log base 2. Cross-entropy uses the natural logarithm ln (np.log).",
            ),
            Mistake(
                close_to(sum(_p) / 2, 1e-3),
                "That is the average probability of the right answers. The loss is the "
                "average of −ln p(right) over the rows.",
            ),
            Mistake(
                close_to(1 - sum(_p) / 2, 1e-3),
                "That is 1 − the average probability. The loss is the average of −ln p(right).",
            ),
            Mistake(
                close_to(-math.log(sum(_p) / 2), 1e-3),
                "That is −ln of the average probability. Take −ln of each row's p(right) "
                "first, then average.",
            ),
            Mistake(
                close_to(2 * _loss, 1e-3),
                "That is the sum over the rows; CrossEntropyLoss averages them (divide by 2).",
            ),
            Mistake(
                close_to(-(math.log(_p_columns[0]) + math.log(_p_columns[1])) / 2, 1e-3),
                "That applies softmax down the columns. Each row is a question: softmax runs "
                "along the row, over the answers.",
            ),
            Mistake(
                close_to(-1.5, 1e-3),
                "That is −(mean of the diagonal scores), without softmax. Turn each row "
                "into probabilities first.",
            ),
        ),
        hint=(
            "Row 0: p = e²/(e² + e⁰). Row 1: two equal scores, so p = 1/2. The loss is "
            "(−ln p₀ − ln p₁)/2."
        ),
        rtol=1e-3,  # four decimals typed by hand are enough
        is_function=False,
    ),
    Exercise(
        key="03.01-what-softmax-ignores",
        prompt=(
            "The row x = [2, 1, 0] of scores x_j = q·a_j. For (a) x + 5, (b) 5·x, (c) q made "
            "twice as long: does softmax give the same probabilities as for x? Three True/False."
        ),
        cases=(Case((), _same),),
        mistakes=(
            Mistake(
                _says((True, True, True)),
                "softmax removes only the offset. Multiplying the scores by 5, or doubling them "
                "with a twice-as-long q, changes their gaps, and softmax sees the gaps.",
            ),
            Mistake(
                _says((None, True, None)),
                "(b): 5·x spreads the scores 5 times further apart, so softmax(5x) is sharper: "
                f"its top entry is {_softmax_loop([10.0, 5.0, 0.0])[0]:.3f}, not "
                f"{_softmax_loop(_row)[0]:.3f}. Try softmax(5 * x) and softmax(x).",
            ),
            Mistake(
                _says((None, None, True)),
                "(c): each score is x_j = q·a_j, so (2q)·a_j = 2·x_j: the row becomes 2x, a "
                "scale, like (b) with factor 2. softmax(2x) is sharper than softmax(x), so "
                "softmax does not undo a longer q; only normalizing the embeddings does.",
            ),
            Mistake(
                _says((False, None, None)),
                "(a): adding 5 multiplies every e^x_j by e⁵, in the numerator and in the sum "
                "below it, so e⁵ cancels: softmax(x + 5) = softmax(x).",
            ),
        ),
        hint="Answer with a tuple of three booleans, e.g. answer = (False, True, False).",
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def stable_softmax(x: Any) -> np.ndarray:
    x = np.asarray(x, dtype=float)
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


SOLUTIONS = {
    "03.01-stable-softmax": stable_softmax,
    "03.01-predict-loss": 0.4100,
    "03.01-what-softmax-ignores": (True, False, False),
}
