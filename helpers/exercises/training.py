"""03.02's exercises: recall@1 from a score matrix, the loss after doubling every embedding,
and the gradient of a linear encoder's weights (the transpose students get wrong)."""

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


def _loop_grad(X: Any, dE: Any) -> list[list[float]]:
    """dL/dW[m][k] = Σ_i X[i][m] · dE[i][k], by loops."""
    x, de = _rows(X), _rows(dE)
    return [
        [math.fsum(x[i][m] * de[i][k] for i in range(len(x))) for k in range(len(de[0]))]
        for m in range(len(x[0]))
    ]


GRAD_CASES = (
    ([[1.0, 2.0, 0.0], [0.0, -1.0, 3.0], [2.0, 0.5, 1.0], [1.0, 1.0, -1.0]],
     [[0.1, -0.2], [0.3, 0.0], [-0.1, 0.4], [0.2, 0.1]]),
    ([[1.0, 0.0], [2.0, -1.0], [0.5, 3.0]], [[0.2, -0.1], [0.0, 0.3], [-0.4, 0.1]]),  # square W
    ([[3.0, 1.0, -2.0, 0.5]], [[0.25, -0.5, 1.0]]),  # one example
)  # fmt: skip


def _wrong_transpose(args: tuple[Any, ...], actual: Any) -> bool:
    X, dE = (np.asarray(a, dtype=float) for a in args)
    got = np.asarray(actual, dtype=float)
    wrong = dE.T @ X
    return got.shape == wrong.shape and bool(np.allclose(got, wrong))


def _divided_by_n(args: tuple[Any, ...], actual: Any) -> bool:
    X, dE = (np.asarray(a, dtype=float) for a in args)
    got, want = np.asarray(actual, dtype=float), X.T @ dE / X.shape[0]
    return X.shape[0] > 1 and got.shape == want.shape and bool(np.allclose(got, want))


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
            "grad_W(X, dE): the encoder computes E = X @ W, with X of shape (N, n_in) and W of "
            "shape (n_in, d). Given dE = dL/dE, of shape (N, d), return dL/dW."
        ),
        cases=tuple(Case((X, dE), _loop_grad(X, dE)) for X, dE in GRAD_CASES),
        mistakes=(
            Mistake(
                _wrong_transpose,
                "That is dE.T @ X, the transpose of the answer: it has shape (d, n_in), like "
                "W.T. A gradient has the shape of what it differentiates: W is (n_in, d), so "
                "put X.T first: X.T @ dE.",
            ),
            Mistake(
                _divided_by_n,
                "No extra 1/N: dE already carries the loss's mean over the batch. Just sum over "
                "the examples.",
            ),
        ),
        hint=(
            "E[i, k] = Σ_m X[i, m] W[m, k], so W[m, k] changes E[i, k] by X[i, m] for every i: "
            "dL/dW[m, k] = Σ_i X[i, m] dE[i, k]. In numpy: a sum over i of a row of X.T times a "
            "column of dE."
        ),
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def recall_from_scores(S: Any) -> float:
    S = np.asarray(S, dtype=float)
    return float(np.mean(S.argmax(axis=1) == np.arange(len(S))))


def grad_W(X: Any, dE: Any) -> np.ndarray:
    return np.asarray(X, dtype=float).T @ np.asarray(dE, dtype=float)


SOLUTIONS = {
    "03.02-recall-at-1": recall_from_scores,
    "03.02-doubled-loss": math.log(1 + math.exp(-4)),
    "03.02-encoder-grad": grad_W,
}
