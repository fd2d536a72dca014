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


def dot_from_lengths(len_a: float, len_b: float, theta_deg: float) -> float:
    return len_a * len_b * np.cos(np.radians(theta_deg))


def projection_length(a: Any, b: Any) -> float:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a @ b / np.sqrt(b @ b)


SOLUTIONS |= {
    "01.02-dot-from-lengths": dot_from_lengths,
    "01.02-cosine-not-dot": 0.96,
    "01.03-scalar-projection": projection_length,
    "01.03-is-dot-a-length": 3.0,
}
