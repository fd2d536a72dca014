"""01.01's exercises: unit vectors from angles, and the dot product of two 2-D vectors."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to

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

EXERCISES = (
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
            Case(args, args[0][0] * args[1][0] + args[0][1] * args[1][1]) for args in _DOT_INPUTS
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
)

# Reference answers (tests/test_exercises.py checks that each passes).


def unit_vector_deg(theta_deg: float) -> np.ndarray:
    theta = np.radians(theta_deg)
    return np.array([np.cos(theta), np.sin(theta)])


def dot2(u: Any, v: Any) -> float:
    return u[0] * v[0] + u[1] * v[1]


SOLUTIONS = {
    "01.01-unit-vector": unit_vector_deg,
    "01.01-dot2": dot2,
    "01.01-sixty-degrees": 0.5,
}
