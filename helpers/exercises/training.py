"""03.02's exercises: recall@1 from a score matrix, the loss after doubling every embedding,
the gradient of a linear encoder's weights in the one-example-per-column layout (the
transpose students get wrong), and reading a flat loss: stuck at chance or at the floor?"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to


def _rows(S: Any) -> list[list[float]]:
    return [[float(v) for v in row] for row in S]


def _loop_recall(S: Any) -> float:
    """Fraction of rows whose largest entry is the diagonal one (the cases have no ties)."""
    rows = _rows(S)
    hits = sum(1 for i, row in enumerate(rows) if max(range(len(row)), key=row.__getitem__) == i)
    return hits / len(rows)


def _transposed(S: Any) -> list[list[float]]:
    rows = _rows(S)
    return [list(col) for col in zip(*rows, strict=True)]


def _first_column_recall(S: Any) -> float:
    rows = _rows(S)
    return sum(1 for row in rows if max(range(len(row)), key=row.__getitem__) == 0) / len(rows)


def _same(value: float) -> Any:
    """Matcher: the answer is the number ``value``."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        return math.isclose(float(actual), value, rel_tol=1e-9, abs_tol=1e-12)

    return matches


def _as(f: Any) -> Any:
    """Matcher: the answer equals f(*args) (a known wrong computation)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        return math.isclose(float(actual), f(*args), rel_tol=1e-9, abs_tol=1e-12)

    return matches


# Score matrices without ties, each read differently by rows and by columns.
RECALL_CASES = (
    [[0.9, 0.1, 0.3], [0.8, 0.5, 0.2], [0.1, 0.0, 0.7]],  # rows: 2 of 3; columns: 3 of 3
    [[2.0, 3.0], [1.0, 4.0]],  # rows: 1 of 2; columns: 2 of 2
    [[5.0, -1.0, 0.0, 2.0], [0.0, 1.0, 3.0, -2.0], [1.0, 0.5, 2.0, 0.0], [6.0, 0.0, 1.0, 4.0]],
    [[-0.2, -0.5, -0.9], [-0.4, -0.1, -0.3], [-0.6, -0.8, -0.7]],  # all negative
)

# Exercise 2: q0 = a0 = [1, 0], q1 = a1 = [0, 1], dot-product scores, τ = 1.
# Each row of S = Q Aᵀ is [1, 0] or [0, 1]: row loss ln(1 + e^(0 − 1)) = ln(1 + e^−1).
# Doubling every embedding multiplies every score by 2 × 2 = 4.
LOSS_NOW = math.log1p(math.exp(-1.0))
LOSS_DOUBLED = math.log1p(math.exp(-4.0))


# Exercise 3: one example per COLUMN. X is (n_in, N), W is (d, n_in), E = W @ X is (d, N).
# E[k][j] = Σ_m W[k][m] X[m][j], so dL/dW[k][m] = Σ_j dE[k][j] X[m][j]: dE @ X.T, (d, n_in).
def _loop_grad(X: Any, dE: Any) -> list[list[float]]:
    """dL/dW[k][m] = Σ_j dE[k][j] · X[m][j], by loops (X (n_in, N), dE (d, N))."""
    x, de = _rows(X), _rows(dE)
    n = len(x[0])
    return [
        [math.fsum(de[k][j] * x[m][j] for j in range(n)) for m in range(len(x))]
        for k in range(len(de))
    ]


GRAD_CASES = (
    ([[1.0, 2.0], [-1.0, 0.5]], [[0.3, -0.2], [0.1, 0.4]]),  # all square: any product "fits"
    ([[1.0, 0.0, 2.0, 1.0], [2.0, -1.0, 0.5, 1.0], [0.0, 3.0, 1.0, -1.0]],
     [[0.1, 0.3, -0.1, 0.2], [-0.2, 0.0, 0.4, 0.1]]),  # n_in 3, N 4, d 2
    ([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], [[0.2, 0.0, -0.4], [-0.1, 0.3, 0.1]]),  # square W
    ([[3.0], [1.0], [-2.0], [0.5]], [[0.25], [-0.5], [1.0]]),  # one example
)  # fmt: skip


def _gives(f: Any) -> Any:
    """Matcher: the answer equals f(X, dE) for numpy arrays X and dE (a known wrong formula)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        X, dE = (np.asarray(a, dtype=float) for a in args)
        got, wrong = np.asarray(actual, dtype=float), f(X, dE)
        return got.shape == wrong.shape and bool(np.allclose(got, wrong))

    return matches


# Exercise 4: a cosine run, N = 64, τ = 0.5, its loss flat at 3.9. Chance ln N; floor
# ln(1 + (N−1) e^(−N/((N−1)τ))) (03.01, section 6).
FLAT_N, FLAT_TAU, FLAT_LOSS = 64, 0.5, 3.9
FLAT_CHANCE = math.log(FLAT_N)
FLAT_FLOOR = math.log1p((FLAT_N - 1) * math.exp(-FLAT_N / ((FLAT_N - 1) * FLAT_TAU)))
# Section 9's rule: f, how far the loss has come from chance towards the floor; < 1/4 is stuck.
FLAT_F = (FLAT_CHANCE - FLAT_LOSS) / (FLAT_CHANCE - FLAT_FLOOR)


def _part(i: int, value: float, rtol: float = 2e-3) -> Any:
    """Matcher: entry ``i`` of the answer is the number ``value`` (a known wrong number)."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        got = actual[i]
        return not isinstance(got, bool) and math.isclose(float(got), value, rel_tol=rtol)

    return matches


def _verdict(stuck: bool) -> Any:
    """Matcher: the right two numbers, and ``stuck`` as the verdict."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        chance, floor, verdict = actual
        return (
            math.isclose(float(chance), FLAT_CHANCE, rel_tol=2e-3)
            and math.isclose(float(floor), FLAT_FLOOR, rel_tol=2e-3)
            and verdict is stuck
        )

    return matches


EXERCISES = (
    Exercise(
        key="03.02-recall-at-1",
        prompt=(
            "recall_from_scores(S): S[i][j] scores question i against answer j, and question i's "
            "right answer is answer i. Return the fraction of questions whose right answer "
            "has the highest score in their row."
        ),
        cases=tuple(Case((S,), _loop_recall(S)) for S in RECALL_CASES),
        mistakes=(
            Mistake(
                _as(lambda S: _loop_recall(_transposed(S))),
                "That reads the columns: for each answer, which question scores highest "
                "(argmax along axis=0). A question's scores are its row: argmax(axis=1).",
            ),
            Mistake(
                _as(lambda S: _loop_recall(S) * len(S)),
                "That is the number of questions right; divide by the number of questions.",
            ),
            Mistake(
                _as(lambda S: 100 * _loop_recall(S)),
                "That is a percentage; return a fraction between 0 and 1.",
            ),
            Mistake(
                _as(_first_column_recall),
                "That compares each row's best column with 0. Question i's right answer is "
                "column i: compare with np.arange(len(S)).",
            ),
        ),
        hint=(
            "S = np.asarray(S); best = S.argmax(axis=1) is each row's best column; the row is "
            "right when best[i] == i. The mean of those True/False values is the fraction."
        ),
    ),
    Exercise(
        key="03.02-doubled-loss",
        prompt=(
            "q0 = a0 = [1, 0] and q1 = a1 = [0, 1], scored by dot product (τ = 1). The loss is "
            "ln(1 + e^−1) ≈ 0.313. Every embedding is doubled. What is the loss now?"
        ),
        cases=(Case((), LOSS_DOUBLED),),
        mistakes=(
            Mistake(
                close_to(math.log1p(math.exp(-2.0)), rtol=5e-3),
                "That doubles every score, but both vectors doubled: (2q)·(2a) = 4 q·a. "
                "The scores are 4 and 0.",
            ),
            Mistake(
                close_to(LOSS_NOW, rtol=5e-3),
                "Unchanged would be right for cosine scores, which ignore length. These are "
                "dot products: (2q)·(2a) = 4 q·a.",
            ),
            Mistake(
                close_to(LOSS_NOW / 2, rtol=5e-3),
                "The loss is not halved: work out each row again, ln(1 + e^(0 − s)) with the "
                "new diagonal score s = (2q)·(2a).",
            ),
            Mistake(
                close_to(2 * LOSS_DOUBLED, rtol=5e-3),
                "That is the sum of the two rows; the loss is their mean.",
            ),
        ),
        hint=(
            "Row i of S = Q Aᵀ holds q_i·a_0 and q_i·a_1. With two answers the row's loss is "
            "−ln(e^s_ii / (e^s_ii + e^s_ij)) = ln(1 + e^(s_ij − s_ii)). Compute the new scores."
        ),
        rtol=5e-3,  # three significant digits typed by hand are enough
        is_function=False,
    ),
    Exercise(
        key="03.02-encoder-grad",
        prompt=(
            "grad_W(X, dE), one example per column: X has shape (n_in, N), W has shape "
            "(d, n_in) and E = W @ X has shape (d, N). Given dE = dL/dE, of shape (d, N), "
            "return dL/dW."
        ),
        cases=tuple(Case((X, dE), _loop_grad(X, dE)) for X, dE in GRAD_CASES),
        mistakes=(
            Mistake(
                _gives(lambda X, dE: X.T @ dE),
                "That is section 4's X.T @ dE, which is for one example per ROW. Here the "
                "examples are the columns: write E[k, j] = Σ_m W[k, m] X[m, j] and redo the "
                "chain rule for one entry W[k, m].",
            ),
            Mistake(
                _gives(lambda X, dE: X @ dE.T),
                "That is X @ dE.T, the transpose of the answer: shape (n_in, d). A gradient has "
                "the shape of what it differentiates, and W is (d, n_in).",
            ),
            Mistake(
                _gives(lambda X, dE: dE @ X.T / X.shape[1]),
                "No extra 1/N: dE already carries the loss's mean over the batch. Just sum over "
                "the examples.",
            ),
            Mistake(
                _gives(lambda X, dE: dE.sum(axis=1, keepdims=True) * X.sum(axis=1)),
                "That multiplies the sums over the examples. The chain rule pairs each "
                "example's dE with the same example's X: Σ_j dE[k, j] X[m, j], one sum.",
            ),
        ),
        hint=(
            "E[k, j] = Σ_m W[k, m] X[m, j]: the weight W[k, m] changes E[k, j] by X[m, j] for "
            "every example j. So dL/dW[k, m] = Σ_j dE[k, j] X[m, j], a row of dE times a row "
            "of X. Which matrix product has those entries, and the shape (d, n_in)?"
        ),
    ),
    Exercise(
        key="03.02-stuck-or-done",
        prompt=(
            "A cosine run with batches of N = 64 pairs and a fixed τ = 0.5 has shown a loss flat "
            "at about 3.9 for thousands of steps. answer = (chance, floor, stuck): the chance "
            "level, the floor at this τ, and True if the run is stuck, False if it is done, by "
            "section 9's rule: f = (chance − loss)/(chance − floor) below 1/4 is stuck, above "
            "3/4 done."
        ),
        cases=(Case((), (FLAT_CHANCE, FLAT_FLOOR, True)),),
        mistakes=(
            Mistake(
                _part(0, math.log10(FLAT_N)),
                "That is log₁₀ 64. The loss uses the natural logarithm: ln 64 = np.log(64).",
            ),
            Mistake(
                _part(0, math.log(32)),
                "ln 32 is the chance level for batches of 32. Here N = 64: ln 64.",
            ),
            Mistake(
                _part(1, math.log1p((FLAT_N - 1) * math.exp(-2 / FLAT_TAU))),
                "That puts every negative at cosine −1, a gap of −2. The negatives of one row "
                "are the other rows' answers and cannot all point away at once: the best gap "
                "is −1/(N−1) − 1 = −N/(N−1), divided by τ (03.01, section 6).",
            ),
            Mistake(
                _part(1, math.log1p((FLAT_N - 1) * math.exp(-1 / FLAT_TAU))),
                "Close, but that uses a gap of −1 (negatives at cosine 0). In the simplex every "
                "negative has cosine −1/(N−1), so the gap is −N/(N−1): "
                "ln(1 + (N−1)·e^(−N/((N−1)τ))).",
            ),
            Mistake(
                _part(1, math.log1p((FLAT_N - 1) * math.exp(-FLAT_N * FLAT_TAU / (FLAT_N - 1)))),
                "That multiplies the gap by τ. The temperature divides the scores: the exponent "
                "is −N/((N−1)·τ).",
            ),
            Mistake(
                lambda args, actual: isinstance(actual[2], str),
                "Answer the last part with True (stuck) or False (done), not a word.",
            ),
            Mistake(
                _verdict(False),
                "Your two numbers are right; now apply section 9's rule. f = (chance − 3.9) / "
                f"(chance − floor) = {FLAT_CHANCE - FLAT_LOSS:.3f} / "
                f"{FLAT_CHANCE - FLAT_FLOOR:.3f} ≈ {FLAT_F:.2f}: the loss has come only about "
                "an eighth of the way from chance towards the floor, under the cut-off of 1/4, so "
                "the scores barely tell the right answer from the others. Done would be above 3/4.",
            ),
        ),
        hint=(
            "Chance is ln N. The floor is ln(1 + (N−1)·e^(−N/((N−1)τ))). Then f = (chance − 3.9) "
            "/ (chance − floor): below 1/4 stuck, above 3/4 done. Answer with two numbers and "
            "True or False, e.g. answer = (1.0, 0.5, False)."
        ),
        rtol=2e-3,  # three or four digits typed by hand are enough
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def recall_from_scores(S: Any) -> float:
    S = np.asarray(S, dtype=float)
    return float(np.mean(S.argmax(axis=1) == np.arange(len(S))))


def grad_W(X: Any, dE: Any) -> np.ndarray:
    return np.asarray(dE, dtype=float) @ np.asarray(X, dtype=float).T


SOLUTIONS = {
    "03.02-recall-at-1": recall_from_scores,
    "03.02-doubled-loss": math.log(1 + math.exp(-4)),
    "03.02-encoder-grad": grad_W,
    "03.02-stuck-or-done": (math.log(64), math.log(1 + 63 * math.exp(-64 / (63 * 0.5))), True),
}
