"""01.03's exercises: the scalar projection, and whether a·b is a length."""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to

EXERCISES = (
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

# Reference answers (tests/test_exercises.py checks that each passes).


def projection_length(a: Any, b: Any) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a @ b / np.sqrt(b @ b)


SOLUTIONS = {"01.03-scalar-projection": projection_length, "01.03-is-dot-a-length": 3.0}
