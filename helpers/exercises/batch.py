"""02.03's exercises: the shape of Q @ A.T, a @ b on 1-D arrays, the best answer per
question, and the memory of a score matrix."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to, same_numbers


def _loop_cosines(Q: list[list[float]], A: list[list[float]]) -> list[list[float]]:
    """cos(q_i, a_j) for every pair, by Python loops (the reference for the cases)."""

    def dot(u: list[float], v: list[float]) -> float:
        return math.fsum(x * y for x, y in zip(u, v, strict=True))

    return [[dot(q, a) / math.sqrt(dot(q, q) * dot(a, a)) for a in A] for q in Q]


def _first_max(row: list[float]) -> int:
    return max(range(len(row)), key=lambda j: (row[j], -j))


def _best_by_cosine(Q: list[list[float]], A: list[list[float]]) -> list[int]:
    return [_first_max(row) for row in _loop_cosines(Q, A)]


def _best_by_raw(Q: list[list[float]], A: list[list[float]]) -> list[int]:
    raw = [[math.fsum(x * y for x, y in zip(q, a, strict=True)) for a in A] for q in Q]
    return [_first_max(row) for row in raw]


def _best_question_per_answer(Q: list[list[float]], A: list[list[float]]) -> list[int]:
    cos = _loop_cosines(Q, A)
    return [_first_max([cos[i][j] for i in range(len(Q))]) for j in range(len(A))]


# Each case has a different number of questions and answers, and in each some question's
# best answer by raw dot product is not its best by cosine.
_INPUTS = (
    (  # the notebook's Q and A
        [[-1, 1, 3], [1, 2, 0], [2, -1, 1], [0, 2, 1]],
        [[0, 1, -1], [1, 0, 3], [1, 0, 0], [3, 1, 1], [0, 2, 1]],
    ),
    (
        [[1.0, 0.0], [0.0, 1.0]],
        [[0.9, 0.1], [5.0, 3.0], [0.1, 0.9]],
    ),
    (
        [[0.2, 0.99], [0.9, 0.99], [1.0, -1.0]],
        [[0.2, 0.99], [0.9, 0.99]],
    ),
)


def _mistaken(func: Any) -> Any:
    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        return same_numbers(func(*args))(args, actual)

    return matches


EXERCISES = (
    Exercise(
        key="02.03-shape",
        prompt="Q has shape (32, 384) and A has shape (1000, 384): the shape of Q @ A.T.",
        cases=(Case((), (32, 1000)),),
        mistakes=(
            Mistake(
                same_numbers((384, 384)),
                "384 is the length d of each vector: it is the inner size of (32, 384) @ "
                "(384, 1000), the one that is summed over and disappears.",
            ),
            Mistake(
                same_numbers((1000, 32)),
                "That is the shape of A @ Q.T, answers down the side. In Q @ A.T each row "
                "is a question: (n, d) @ (d, m) = (n, m).",
            ),
            Mistake(
                same_numbers((32, 384)),
                "That is Q's own shape. Each question gets one score per answer, so a row "
                "has as many entries as there are answers.",
            ),
        ),
        hint="(n, d) @ (d, m) = (n, m): one row per question, one column per answer.",
        is_function=False,
    ),
    Exercise(
        key="02.03-matmul-1d",
        prompt="a = np.array([1, -2, 3]), b = np.array([4, 0.5, 2]): the value of a @ b.",
        cases=(Case((), 1 * 4 + (-2) * 0.5 + 3 * 2),),
        mistakes=(
            Mistake(
                same_numbers([4.0, -1.0, 6.0]),
                "That is a * b, the elementwise product. On two 1-D arrays, @ multiplies "
                "matching entries and then adds them up: a single number.",
            ),
            Mistake(
                close_to(4 + 1 + 6),
                "Mind the sign: the middle product is (−2) × 0.5 = −1, so it is subtracted.",
            ),
            Mistake(
                close_to(9 / (math.sqrt(14) * 4.5), rtol=1e-3),
                "That is the cosine similarity. @ does not divide by the lengths; it is the "
                "plain dot product.",
            ),
        ),
        hint="a @ b = a[0]*b[0] + a[1]*b[1] + a[2]*b[2].",
        rtol=1e-9,
        is_function=False,
    ),
    Exercise(
        key="02.03-best-answers",
        prompt=(
            "best_answers(Q, A): for each question (row of Q), the index of the answer "
            "(row of A) with the highest cosine similarity."
        ),
        cases=tuple(Case((Q, A), _best_by_cosine(Q, A)) for Q, A in _INPUTS),
        mistakes=(
            Mistake(
                _mistaken(_best_question_per_answer),
                "You took argmax along axis 0, down each column: that is the best question "
                "for each answer. The answers of one question are along a row: axis=1.",
            ),
            Mistake(
                _mistaken(_best_by_raw),
                "Those are the winners by raw dot product. Normalize the rows of Q and A "
                "first (helpers.vectors.normalize does a whole batch), then multiply.",
            ),
        ),
        hint="normalize(Q) @ normalize(A).T, then argmax along each row (axis=1).",
    ),
    Exercise(
        key="02.03-memory",
        prompt=(
            "The memory, in GiB, of the float32 score matrix of 10,000 questions against "
            "1,000,000 answers."
        ),
        cases=(Case((), 10_000 * 1_000_000 * 4 / 1024**3),),
        mistakes=(
            Mistake(
                close_to(10_000 * 1_000_000 * 8 / 1024**3, rtol=5e-3),
                "That is float64, 8 bytes per entry. float32 takes 4.",
            ),
            Mistake(
                close_to(10_000 * 1_000_000 * 4, rtol=5e-3),
                "That is the number of bytes. A GiB is 2**30 = 1,073,741,824 bytes: divide.",
            ),
            Mistake(
                close_to(10_000 * 1_000_000 * 4 / 1e9, rtol=5e-3),
                "That is in GB, billions of bytes. A GiB is 2**30 = 1,073,741,824 bytes.",
            ),
            Mistake(
                close_to(10_000 * 1_000_000 / 1024**3, rtol=5e-3),
                "That counts the entries, not the bytes: each float32 entry takes 4 bytes.",
            ),
        ),
        hint="entries = n × m; bytes = 4 × entries; GiB = bytes / 2**30.",
        rtol=5e-3,
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).


def best_answers(Q: Any, A: Any) -> np.ndarray:
    Q, A = np.asarray(Q, dtype=float), np.asarray(A, dtype=float)
    q = Q / np.linalg.norm(Q, axis=1, keepdims=True)
    a = A / np.linalg.norm(A, axis=1, keepdims=True)
    return np.argmax(q @ a.T, axis=1)


SOLUTIONS = {
    "02.03-shape": (32, 1000),
    "02.03-matmul-1d": 9.0,
    "02.03-best-answers": best_answers,
    "02.03-memory": 37.25,
}
