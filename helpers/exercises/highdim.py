"""04.02's exercises: the cosine spread at d = 1024, the mean cosine of uniform [0, 1] vectors
(the common mistake: 0.5), what centering the candidates does to two rankings, and how many
spreads above its baseline a score lies."""

from __future__ import annotations

import math
from typing import Any

from ..checks import Case, Exercise, Mistake, close_to

# Exercise 3's numbers: a query and three candidates; the candidates' mean is (2, 1).
RANK_Q = (1.0, 2.0)
RANK_CANDIDATES = ((4.0, 1.0), (2.0, 0.0), (0.0, 2.0))
# Exercise 4's numbers: a score and the mean and std of the off-diagonal scores.
SCORE, BASE_MEAN, BASE_STD, D_MODEL = 0.3, 0.06, 0.09, 384


def _fdot(u: Any, v: Any) -> float:
    return math.fsum(float(a) * float(b) for a, b in zip(u, v, strict=True))


def _order(scores: list[float]) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: -scores[i])


def _rankings_change() -> tuple[bool, bool]:
    """(dot ranking changes, cosine ranking changes) when the candidates' mean is subtracted
    from every candidate (the query stays as it is), by plain loops."""
    n = len(RANK_CANDIDATES)
    mean = [math.fsum(c[k] for c in RANK_CANDIDATES) / n for k in range(len(RANK_Q))]
    centred = [[c[k] - mean[k] for k in range(len(RANK_Q))] for c in RANK_CANDIDATES]

    def cos(c: Any) -> float:
        return _fdot(RANK_Q, c) / math.sqrt(_fdot(RANK_Q, RANK_Q) * _fdot(c, c))

    dots = [_fdot(RANK_Q, c) for c in RANK_CANDIDATES], [_fdot(RANK_Q, c) for c in centred]
    coss = [cos(c) for c in RANK_CANDIDATES], [cos(c) for c in centred]
    return _order(dots[0]) != _order(dots[1]), _order(coss[0]) != _order(coss[1])


_CHANGES = _rankings_change()


def _flags(actual: Any) -> tuple[bool, ...] | None:
    if isinstance(actual, tuple | list) and all(isinstance(a, bool) for a in actual):
        return tuple(actual)
    return None


def _says(pattern: tuple[bool | None, ...]) -> Any:
    """Matcher: the answer's flags agree with ``pattern`` wherever it is not None."""

    def matches(args: tuple[Any, ...], actual: Any) -> bool:
        flags = _flags(actual)
        return (
            flags is not None
            and len(flags) == len(pattern)
            and all(p is None or p == f for p, f in zip(pattern, flags, strict=True))
        )

    return matches


EXERCISES = (
    Exercise(
        key="04.02-spread-1024",
        prompt=(
            "Two random vectors with independent standard normal entries in d = 1024 "
            "dimensions: predict the standard deviation of their cosine."
        ),
        cases=(Case((), 1 / math.sqrt(1024)),),
        mistakes=(
            Mistake(
                close_to(1 / 1024, 1e-2),
                "1/1024 = 1/d is the variance of the cosine, the average squared distance from "
                "0. The standard deviation is its square root: √(1/d) = 1/√d.",
            ),
            Mistake(
                close_to(math.sqrt(1024), 1e-2),
                "√d = 32 is the typical size of the dot product q·k (04.01), not of the cosine, "
                "which divides q·k by both lengths, about √d each.",
            ),
            Mistake(
                close_to(1024, 1e-2),
                "d = 1024 is the variance of the dot product q·k (04.01). The cosine divides by "
                "|q| |k| ≈ d, so its variance is d / d² = 1/d.",
            ),
            Mistake(
                lambda args, actual: float(actual) == 0,
                "0 is the mean of the cosine. The question asks how far it typically strays "
                "from 0.",
            ),
        ),
        hint=(
            "The d squared coordinates of a unit vector add up to 1, so each is about 1/d. "
            "Three decimals are enough: answers within 2% of the exact value are accepted."
        ),
        rtol=0.02,  # 0.031 typed by hand is close enough (0.03 is not: 4% off)
        is_function=False,
    ),
    Exercise(
        key="04.02-uniform-mean",
        prompt=(
            "Two random vectors with independent entries uniform on [0, 1], in d = 1000 "
            "dimensions: predict the mean of their cosine (three decimals are enough)."
        ),
        cases=(Case((), 0.75),),
        mistakes=(
            Mistake(
                close_to(0.5, 1e-2),
                "0.5 is the mean of one entry, E[x]. The cosine divides the dot product by both "
                "lengths: cos ≈ (d·E[x]²) / (d·E[x²]) = E[x]² / E[x²].",
            ),
            Mistake(
                close_to(0.25, 1e-2),
                "0.25 = E[x]² is the average of one product x_i·y_i, the top of the fraction. "
                "Divide by E[x²] = 1/3, the average of one x_i², which comes from the lengths.",
            ),
            Mistake(
                close_to(0.0, 1e-2),
                "0 is right only when the entries have mean 0, so that the products x_i·y_i "
                "cancel. Entries in [0, 1] are never negative: every product is ≥ 0.",
            ),
            Mistake(
                close_to(2 / math.pi, 1e-2),
                "2/π ≈ 0.637 is the limit for |Gaussian| entries. For uniform [0, 1] entries, "
                "E[x] = 1/2 and E[x²] = 1/3.",
            ),
            Mistake(
                close_to(1 / 3, 1e-2),
                "1/3 is E[x²], the average of one squared entry: the bottom of the fraction "
                "E[x]² / E[x²].",
            ),
        ),
        hint="cos ≈ E[x]² / E[x²] in high dimension; for uniform [0, 1]: E[x] = 1/2, E[x²] = 1/3.",
        rtol=0.01,
        is_function=False,
    ),
    Exercise(
        key="04.02-centering-ranking",
        prompt=(
            "q = [1, 2] and candidates c1 = [4, 1], c2 = [2, 0], c3 = [0, 2]. Subtract the "
            "candidates' mean vector from each candidate (q stays as it is). Does the ranking "
            "by dot product with q change? Does the ranking by cosine change? Two True/False."
        ),
        cases=(Case((), _CHANGES),),
        mistakes=(
            Mistake(
                _says((True, None)),
                "Subtracting the same x̄ from every candidate lowers every q·c by the same "
                "amount: q·(c − x̄) = q·c − q·x̄. Equal shifts keep the order of the dot "
                "products.",
            ),
            Mistake(
                _says((None, False)),
                "The cosine divides by |c − x̄|, and subtracting x̄ changes each candidate's "
                "length differently. Compute the three cosines before and after.",
            ),
        ),
        hint=(
            "Answer with two booleans, e.g. answer = (False, False). Every candidate's dot "
            "product drops by the same number q·x̄, since q·(c − x̄) = q·c − q·x̄; for the "
            "cosines, compute the three before and after."
        ),
        is_function=False,
    ),
)

_SPREADS = (SCORE - BASE_MEAN) / BASE_STD

EXERCISES += (
    Exercise(
        key="04.02-spreads-above-baseline",
        prompt=(
            f"In a {D_MODEL}-d model's score matrix the off-diagonal scores (unrelated pairs) "
            f"have mean {BASE_MEAN} and standard deviation {BASE_STD}. How many of these "
            f"spreads above the baseline is a score of {SCORE}?"
        ),
        cases=(Case((), _SPREADS),),
        mistakes=(
            Mistake(
                close_to(SCORE / BASE_STD, 1e-2),
                f"{SCORE} / {BASE_STD} measures from 0. Unrelated pairs here average "
                f"{BASE_MEAN}, not 0: subtract that baseline first.",
            ),
            Mistake(
                close_to((SCORE - BASE_MEAN) / (1 / math.sqrt(D_MODEL)), 1e-2),
                f"1/√{D_MODEL} is the spread of random directions (isotropic). This model's "
                f"unrelated pairs spread by {BASE_STD}: use the spread measured in its own "
                "score matrix.",
            ),
            Mistake(
                close_to(SCORE * math.sqrt(D_MODEL), 1e-2),
                f"0.3 · √{D_MODEL} compares with 0 ± 1/√d, the isotropic baseline. Use this "
                f"model's baseline: mean {BASE_MEAN}, spread {BASE_STD}.",
            ),
            Mistake(
                close_to(SCORE - BASE_MEAN, 1e-2),
                "That is the gap in cosine units. Divide it by the spread to count spreads.",
            ),
        ),
        hint="(score − mean of the unrelated pairs) / their standard deviation.",
        rtol=0.01,
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).

SOLUTIONS = {
    "04.02-spread-1024": 1 / 32,
    "04.02-uniform-mean": 0.75,
    "04.02-centering-ranking": (False, True),
    "04.02-spreads-above-baseline": 8 / 3,
}
