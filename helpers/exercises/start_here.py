"""01.00's warm-up exercise."""

from __future__ import annotations

import numpy as np

from ..checks import Case, Exercise, Mistake

EXERCISES = (
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
)

# Reference answers (tests/test_exercises.py checks that each passes).
SOLUTIONS = {"01.00-warm-up": 11}
