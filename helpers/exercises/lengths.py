"""01.02's exercises: a·b from lengths and an angle, and the cosine that is not the dot product."""

from __future__ import annotations

import math

import numpy as np

from ..checks import Case, Exercise, Mistake, close_to

EXERCISES = (
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
)

# Reference answers (tests/test_exercises.py checks that each passes).


def dot_from_lengths(len_a: float, len_b: float, theta_deg: float) -> float:
    return len_a * len_b * np.cos(np.radians(theta_deg))


SOLUTIONS = {"01.02-dot-from-lengths": dot_from_lengths, "01.02-cosine-not-dot": 0.96}
