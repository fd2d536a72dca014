"""The identity cos(θ2 − θ1) = x1·x2 + y1·y2 (numpy only)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .vectors import from_angle


@dataclass(frozen=True)
class IdentitySides:
    """Both sides of cos(θ2 − θ1) = x1·x2 + y1·y2 for two unit vectors (angles in radians)."""

    theta1: float
    theta2: float
    u1: np.ndarray
    u2: np.ndarray
    lhs: float  # cos(θ2 − θ1), from the angles alone
    rhs: float  # x1·x2 + y1·y2, from the coordinates alone

    @property
    def difference(self) -> float:
        """θ2 − θ1 wrapped into (−π, π]: the signed angle from u1 to u2."""
        return wrap_angle(self.theta2 - self.theta1)


def _finite_angle(theta: float, name: str) -> float:
    try:
        value = float(theta)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a number (an angle in radians), got {theta!r}.") from None
    if not math.isfinite(value):
        raise ValueError(f"{name} is {value}; give a finite angle in radians.")
    return value


def wrap_angle(theta: float) -> float:
    """Return the angle equivalent to ``theta`` in the interval (−π, π]."""
    theta = _finite_angle(theta, "theta")
    wrapped = math.remainder(theta, math.tau)  # in [−π, π]
    return math.pi if wrapped == -math.pi else wrapped


def identity_sides(theta1: float, theta2: float) -> IdentitySides:
    """Evaluate cos(θ2 − θ1) from the angles and x1·x2 + y1·y2 from the coordinates."""
    theta1 = _finite_angle(theta1, "theta1")
    theta2 = _finite_angle(theta2, "theta2")
    u1, u2 = from_angle(theta1), from_angle(theta2)
    rhs = float(u1[0] * u2[0] + u1[1] * u2[1])
    return IdentitySides(theta1, theta2, u1, u2, lhs=math.cos(theta2 - theta1), rhs=rhs)
