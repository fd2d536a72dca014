"""Reference solutions, kept out of the notebooks; tests/test_exercises.py runs them."""

from __future__ import annotations

from typing import Any

import numpy as np


def unit_vector_deg(theta_deg: float) -> np.ndarray:
    theta = np.radians(theta_deg)
    return np.array([np.cos(theta), np.sin(theta)])


def dot2(u: Any, v: Any) -> float:
    return u[0] * v[0] + u[1] * v[1]


SOLUTIONS: dict[str, Any] = {
    "01.00-warm-up": 11,
    "01.01-unit-vector": unit_vector_deg,
    "01.01-dot2": dot2,
    "01.01-sixty-degrees": 0.5,
}
