"""The course's exercises, by key, with their hidden cases and known mistakes.

Expected values come from closed forms (``math.cos`` and friends), never from the
reference solutions in :mod:`helpers.solutions`; a test proves those pass.
In a notebook::

    from helpers.exercises import check
    check("01.01-unit-vector", unit_vector_deg)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .checks import Case, Exercise, Mistake, close_to, evaluate

_ANGLES_DEG = (0.0, 30.0, 90.0, 135.0, 200.0, -45.0, 359.0)


def _unit_deg(theta_deg: float) -> tuple[float, float]:
    t = math.radians(theta_deg)
    return (math.cos(t), math.sin(t))


def _used_radians(args: tuple[Any, ...], actual: Any) -> bool:
    return np.allclose(actual, [math.cos(args[0]), math.sin(args[0])])


def _swapped(args: tuple[Any, ...], actual: Any) -> bool:
    c, s = _unit_deg(args[0])
    return np.allclose(actual, [s, c])


def _elementwise(args: tuple[Any, ...], actual: Any) -> bool:
    u, v = (np.asarray(a, dtype=float) for a in args)
    return np.shape(actual) == (2,) and np.allclose(actual, u * v)


def _cross_pairs(args: tuple[Any, ...], actual: Any) -> bool:
    (x1, y1), (x2, y2) = args
    return math.isclose(float(actual), x1 * y2 + y1 * x2, abs_tol=1e-12)


_DOT_INPUTS = (
    ((1.0, 0.0), (0.0, 1.0)),
    ((0.6, 0.8), (0.6, 0.8)),
    ((0.2, 0.99), (0.9, 0.99)),  # the course's a and b: not unit vectors, any floats work
    ((-0.5, 0.25), (0.75, -2.0)),
    ((3.0, 4.0), (-4.0, 3.0)),
)

EXERCISES: dict[str, Exercise] = {
    e.key: e
    for e in (
        Exercise(
            key="01.00-warm-up",
            prompt="The dot product [1, 2] · [3, 4], as one number.",
            cases=(Case((), 1 * 3 + 2 * 4),),
            mistakes=(
                Mistake(
                    lambda args, actual: np.shape(actual) == (2,) and np.allclose(actual, [3, 8]),
                    "[3, 8] are the products of matching entries; the dot product adds them up.",
                ),
            ),
            hint="Multiply matching entries, then add: 1·3 + 2·4.",
            is_function=False,
        ),
        Exercise(
            key="01.01-unit-vector",
            prompt="unit_vector_deg(theta_deg): the unit vector at theta_deg degrees, as [x, y].",
            cases=tuple(Case((t,), _unit_deg(t)) for t in _ANGLES_DEG),
            mistakes=(
                Mistake(
                    _used_radians,
                    "np.cos and np.sin take radians. Convert first: np.radians(theta_deg).",
                ),
                Mistake(_swapped, "x is the cosine and y is the sine: (cos θ, sin θ)."),
            ),
            hint="The tip of a unit vector at angle θ is at (cos θ, sin θ).",
        ),
        Exercise(
            key="01.01-dot2",
            prompt="dot2(u, v): x1·x2 + y1·y2 for two 2-D vectors, as one number.",
            cases=tuple(
                Case(args, args[0][0] * args[1][0] + args[0][1] * args[1][1])
                for args in _DOT_INPUTS
            ),
            mistakes=(
                Mistake(
                    _elementwise,
                    "You returned the two products [x1·x2, y1·y2]. The dot product is their "
                    "sum: one number. (In numpy, u * v is elementwise; u @ v sums.)",
                ),
                Mistake(_cross_pairs, "Pair x with x and y with y: x1·x2 + y1·y2."),
            ),
        ),
        Exercise(
            key="01.01-sixty-degrees",
            prompt="u1 at 100°, u2 at 160°: x1·x2 + y1·y2, found without a calculator.",
            cases=(Case((), math.cos(math.radians(60))),),
            mistakes=(
                Mistake(close_to(-0.5), "Check the sign: 60° apart is an acute angle."),
                Mistake(
                    close_to(math.cos(math.radians(30))),
                    "That is cos 30° (and sin 60°). The identity gives cos(θ2 − θ1): "
                    "how far apart are 100° and 160°?",
                ),
            ),
            hint="By the identity, x1·x2 + y1·y2 = cos(θ2 − θ1). What is θ2 − θ1?",
            rtol=1e-3,
            atol=1e-3,
            is_function=False,
        ),
        Exercise(
            key="01.02-dot-from-lengths",
            prompt="dot_from_lengths(len_a, len_b, theta_deg): a·b from two lengths and the "
            "angle between the vectors, in degrees.",
            cases=tuple(
                Case((la, lb, t), la * lb * math.cos(math.radians(t)))
                for la, lb, t in ((1, 1, 0), (2, 3, 60), (0.5, 4, 90), (2.5, 1.2, 135), (3, 3, 180))
            ),
            mistakes=(
                Mistake(
                    lambda args, actual: math.isclose(
                        float(actual), args[0] * args[1] * math.cos(args[2]), abs_tol=1e-9
                    ),
                    "np.cos takes radians: convert theta_deg with np.radians first.",
                ),
                Mistake(
                    lambda args, actual: math.isclose(
                        float(actual), math.cos(math.radians(args[2])), abs_tol=1e-9
                    ),
                    "That is cos θ alone. For vectors of any length, a·b = |a| |b| cos θ.",
                ),
            ),
            hint="a·b = |a| |b| cos θ.",
        ),
        Exercise(
            key="01.02-cosine-not-dot",
            prompt="a = [3, 4], b = [4, 3]: the cosine of the angle between them.",
            cases=(Case((), (3 * 4 + 4 * 3) / (5 * 5)),),
            mistakes=(
                Mistake(
                    close_to(24.0),
                    "24 is a·b. It equals cos θ only for unit vectors; here |a| = |b| = 5, "
                    "so divide by |a| |b|.",
                ),
                Mistake(close_to(24 / 5), "Divide by both lengths: |a| |b| = 25, not 5."),
            ),
            hint="cos θ = a·b / (|a| |b|).",
            rtol=1e-3,
            atol=1e-3,
            is_function=False,
        ),
        Exercise(
            key="01.03-scalar-projection",
            prompt="projection_length(a, b): the signed length of the projection of a onto b.",
            cases=tuple(
                Case((a, b), sum(x * y for x, y in zip(a, b, strict=True)) / math.hypot(*b))
                for a, b in (
                    ((3.0, 4.0), (2.0, 0.0)),
                    ((1.0, 1.0), (0.0, 3.0)),
                    ((-2.0, 1.0), (1.0, 1.0)),
                    ((2.0, -1.0, 2.0), (1.0, 2.0, 2.0)),
                    ((0.2, 0.99), (0.9, 0.99)),
                )
            ),
            mistakes=(
                Mistake(
                    lambda args, actual: math.isclose(
                        float(actual), float(np.dot(*args)), abs_tol=1e-9
                    ),
                    "That is a·b, the projection length times |b|. Divide by |b|.",
                ),
                Mistake(
                    lambda args, actual: math.isclose(
                        float(actual),
                        float(np.dot(*args)) / float(np.dot(args[1], args[1])),
                        abs_tol=1e-9,
                    ),
                    "You divided by |b|²: that is the factor that scales b into the vector "
                    "projection. The length divides by |b| once.",
                ),
            ),
            hint="projection length = a·b / |b| = |a| cos θ.",
        ),
        Exercise(
            key="01.03-is-dot-a-length",
            prompt="a = [3, 4], b = [2, 0]: the length of the projection of a onto b.",
            cases=(Case((), 3.0),),
            mistakes=(
                Mistake(
                    close_to(6.0),
                    "6 is a·b = 3 × |b|: the projection length times the length of b, not a "
                    "length on its own. Divide by |b| = 2.",
                ),
                Mistake(close_to(5.0), "5 is |a|. Drop a perpendicular from a's tip onto b."),
            ),
            hint="b points along the x-axis, so the projection is a's x-coordinate.",
            is_function=False,
        ),
    )
}


def check(key: str, answer: Any) -> None:
    """Print feedback on ``answer`` to exercise ``key``; never raises."""
    exercise = EXERCISES.get(key)
    if exercise is None:
        print(f"✗ no exercise called {key!r}; known: {', '.join(sorted(EXERCISES))}")
        return
    print(evaluate(exercise, answer).message)
