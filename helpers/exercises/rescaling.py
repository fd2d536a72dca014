"""04.04's exercises: a score under D, a cosine under D, Kendall τ by hand, and why
"M M⁻¹ cancels" needs a diagonal (or symmetric) M."""

from __future__ import annotations

import math

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to


def _fdot(u: tuple[float, ...], v: tuple[float, ...]) -> float:
    return math.fsum(x * y for x, y in zip(u, v, strict=True))


def _cos(u: tuple[float, ...], v: tuple[float, ...]) -> float:
    return _fdot(u, v) / math.sqrt(_fdot(u, u) * _fdot(v, v))


# Exercise 1: one user a, one item b, D = diag(DIAG).
USER, ITEM, DIAG = (2.0, 1.0, -1.0), (0.5, 3.0, 2.0), (2.0, 0.5, 4.0)


def _times(v: tuple[float, ...], d: tuple[float, ...]) -> tuple[float, ...]:
    """v D for D = diag(d): each coordinate times its d."""
    return tuple(x * s for x, s in zip(v, d, strict=True))


def _over(v: tuple[float, ...], d: tuple[float, ...]) -> tuple[float, ...]:
    """v D⁻¹: each coordinate divided by its d."""
    return tuple(x / s for x, s in zip(v, d, strict=True))


# Exercise 2: two items in 2-D, D = diag(1, 2).
ITEM_1, ITEM_2, DIAG_2 = (1.0, 2.0), (2.0, -1.0), (1.0, 2.0)

# Exercise 3: five items ranked before and after a rescaling, best first.
BEFORE, AFTER = "PQRST", "RPQTS"


def _tau_by_pairs(before: str, after: str) -> tuple[int, int]:
    """(pairs in the same order, pairs swapped), pair by pair."""
    pos = {item: k for k, item in enumerate(after)}
    same = swapped = 0
    for i in range(len(before)):
        for j in range(i + 1, len(before)):
            if pos[before[i]] < pos[before[j]]:
                same += 1
            else:
                swapped += 1
    return same, swapped


_same, _swapped = _tau_by_pairs(BEFORE, AFTER)
_pairs = _same + _swapped

# Exercise 4: a, b as rows; M is not diagonal, M⁻¹ and its transpose worked out by hand.
ROW_A, ROW_B = (1.0, 2.0), (3.0, 1.0)
M = ((1.0, 1.0), (0.0, 1.0))
M_INV = ((1.0, -1.0), (0.0, 1.0))  # M @ M_INV = I
M_INV_T = ((1.0, 0.0), (-1.0, 1.0))


def _row_times(v: tuple[float, ...], m: tuple[tuple[float, ...], ...]) -> tuple[float, ...]:
    """Row vector times matrix: entry j is the sum over i of v[i] m[i][j]."""
    return tuple(math.fsum(v[i] * m[i][j] for i in range(len(v))) for j in range(len(m[0])))


def _matrix_times(m: tuple[tuple[float, ...], ...], v: tuple[float, ...]) -> tuple[float, ...]:
    """Matrix times column vector (the other order): entry i is sum over j of m[i][j] v[j]."""
    return tuple(math.fsum(m[i][j] * v[j] for j in range(len(v))) for i in range(len(m)))


EXERCISES = (
    Exercise(
        key="04.04-score-unchanged",
        prompt=(
            "User a = [2, 1, −1], item b = [0.5, 3, 2], D = diag(2, 0.5, 4). The model's score "
            "after rescaling: (a D)·(b D⁻¹)."
        ),
        cases=(Case((), _fdot(_times(USER, DIAG), _over(ITEM, DIAG))),),
        mistakes=(
            Mistake(
                close_to(_fdot(_times(USER, DIAG), _times(ITEM, DIAG))),
                "That is (a D)·(b D): the item's coordinates were multiplied by d too. B gets "
                "D⁻¹: divide each coordinate of b by its d.",
            ),
            Mistake(
                close_to(_fdot(_times(USER, DIAG), ITEM)),
                "That is (a D)·b: only the user was rescaled. Divide b's coordinates by d too.",
            ),
            Mistake(
                close_to(_fdot(USER, _over(ITEM, DIAG))),
                "That is a·(b D⁻¹): only the item was rescaled. Multiply a's coordinates by d.",
            ),
        ),
        hint=(
            "Coordinate j of a D is a_j d_j, of b D⁻¹ it is b_j / d_j; multiply them pairwise "
            "and add up. What happens to each d_j?"
        ),
        is_function=False,
    ),
    Exercise(
        key="04.04-cosine-after",
        prompt=(
            "Items b₁ = [1, 2] and b₂ = [2, −1], D = diag(1, 2). Enter their cosine after "
            "rescaling, cos(b₁ D⁻¹, b₂ D⁻¹) (not the cosine before)."
        ),
        cases=(Case((), _cos(_over(ITEM_1, DIAG_2), _over(ITEM_2, DIAG_2))),),
        mistakes=(
            Mistake(
                close_to(_cos(ITEM_1, ITEM_2), rtol=1e-3),  # 0: b₁ and b₂ are at right angles
                "0 is their cosine before rescaling (b₁·b₂ = 2 − 2 = 0). D changes each "
                "coordinate by a different factor, so the directions, and the cosine, change: "
                "work out b₁ D⁻¹ and b₂ D⁻¹ first.",
            ),
            Mistake(
                close_to(_cos(_times(ITEM_1, DIAG_2), _times(ITEM_2, DIAG_2)), rtol=1e-3),
                "That is cos(b₁ D, b₂ D): the items get D⁻¹, so divide the second coordinate "
                "by 2 rather than multiplying it.",
            ),
            Mistake(
                close_to(_fdot(_over(ITEM_1, DIAG_2), _over(ITEM_2, DIAG_2)), rtol=1e-3),
                "That is the dot product (b₁ D⁻¹)·(b₂ D⁻¹); divide it by both lengths.",
            ),
        ),
        hint="b₁ D⁻¹ = [1/1, 2/2]; then cos = u·v / (|u| |v|).",
        rtol=1e-3,
        is_function=False,
    ),
    Exercise(
        key="04.04-kendall-by-hand",
        prompt=(
            f"Five items ranked nearest first: {' > '.join(BEFORE)} before rescaling, "
            f"{' > '.join(AFTER)} after. Kendall τ between the two rankings."
        ),
        cases=(Case((), (_same - _swapped) / _pairs),),
        mistakes=(
            Mistake(
                close_to(_same / _pairs),
                f"{_same}/{_pairs} is the fraction of pairs in the same order; τ subtracts the "
                "fraction in the opposite order from it.",
            ),
            Mistake(
                close_to(_swapped / _pairs),
                f"{_swapped}/{_pairs} is the fraction of pairs swapped; τ is the fraction kept "
                "minus this.",
            ),
            Mistake(
                close_to(float(_same - _swapped)),
                f"{_same - _swapped} is a count of pairs; divide by the number of pairs, "
                f"5·4/2 = {_pairs}.",
            ),
            Mistake(
                close_to((_same - _swapped) / len(BEFORE)),
                f"Divide by the number of pairs, 5·4/2 = {_pairs}, not by the 5 items.",
            ),
            Mistake(
                close_to(-(_same - _swapped) / _pairs),
                "The sign is flipped: more pairs keep their order than swap, so τ > 0.",
            ),
        ),
        hint=(
            "List the 10 pairs (P,Q), (P,R), … and for each ask: same order after? τ = "
            "(same − swapped) / 10."
        ),
        is_function=False,
    ),
    Exercise(
        key="04.04-any-matrix",
        prompt=(
            'A classmate says: "M M⁻¹ = I for any invertible M, so A M and B M⁻¹ keep every '
            'score too." Test it with a = [1, 2], b = [3, 1] (rows) and M = [[1, 1], [0, 1]] '
            "(M⁻¹ = [[1, −1], [0, 1]]): compute (a M)·(b M⁻¹)."
        ),
        cases=(Case((), _fdot(_row_times(ROW_A, M), _row_times(ROW_B, M_INV))),),
        mistakes=(
            Mistake(
                close_to(_fdot(ROW_A, ROW_B)),
                "5 is a·b, what the classmate expects. Work it out: a M = [1, 3] and "
                "b M⁻¹ = [3, −2]. The scores are A M (B M⁻¹)ᵀ = A M (M⁻¹)ᵀ Bᵀ, and "
                "(M⁻¹)ᵀ is not M⁻¹ unless M is symmetric (a diagonal D is). With B (M⁻¹)ᵀ "
                "instead of B M⁻¹ the score would be 5 again.",
            ),
            Mistake(
                close_to(_fdot(_matrix_times(M, ROW_A), _matrix_times(M_INV, ROW_B))),
                "That is (M a)·(M⁻¹ b), with a and b as columns. Here they are rows: entry j "
                "of a M is a₁ M₁ⱼ + a₂ M₂ⱼ (a times column j of M).",
            ),
        ),
        hint="a M = [1·1 + 2·0, 1·1 + 2·1]; do the same for b with M⁻¹, then the dot product.",
        is_function=False,
    ),
)

# Reference answers (tests/test_exercises.py checks that each passes).
_D = np.diag(DIAG)
_M = np.array(M)

SOLUTIONS = {
    "04.04-score-unchanged": float((np.array(USER) @ _D) @ (np.array(ITEM) @ np.linalg.inv(_D))),
    "04.04-cosine-after": float(
        np.dot(u := np.array(ITEM_1) / DIAG_2, v := np.array(ITEM_2) / DIAG_2)
        / (np.linalg.norm(u) * np.linalg.norm(v))
    ),
    "04.04-kendall-by-hand": 0.4,
    "04.04-any-matrix": float((np.array(ROW_A) @ _M) @ (np.array(ROW_B) @ np.linalg.inv(_M))),
}
