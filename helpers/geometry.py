"""Dot products of vectors of any length, projections and rotations (numpy only).

Model functions for notebooks 01.02 and 01.03: each returns every number a
figure or readout shows, computed with :mod:`helpers.vectors`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .vectors import (
    angle_between,
    as_vector,
    cosine_similarity,
    dot,
    from_angle,
    norm,
    project,
    scalar_projection,
)

RIGHT_ANGLE_TOL = 1e-9  # |cos θ| below this counts as a right angle


@dataclass(frozen=True)
class DotParts:
    """Two vectors and both sides of a·b = |a| |b| cos θ (angles in radians)."""

    a: np.ndarray
    b: np.ndarray
    theta: float  # the angle between a and b, in [0, π]
    dot: float  # a·b, from the coordinates
    lengths: float  # |a| |b|
    cos: float  # cos θ = a·b / (|a| |b|)

    @property
    def rhs(self) -> float:
        """|a| |b| cos θ, from lengths and the angle alone."""
        return self.lengths * math.cos(self.theta)


@dataclass(frozen=True)
class ProjectionParts:
    """The projection of ``a`` onto ``b`` and how it relates to a·b."""

    a: np.ndarray
    b: np.ndarray
    scalar: float  # signed length of the projection: a·b / |b| = |a| cos θ
    vector: np.ndarray  # the projection itself, a point on the line through b
    dot: float  # a·b = scalar × |b|
    theta: float  # the angle between a and b, in [0, π]
    kind: str  # "acute", "right" or "obtuse"


def angle_kind(cos: float) -> str:
    """Name the angle whose cosine is ``cos``: acute (> 0), right (0) or obtuse (< 0)."""
    if not math.isfinite(cos):
        raise ValueError(f"cos is {cos}; give a finite cosine.")
    if abs(cos) < RIGHT_ANGLE_TOL:
        return "right"
    return "acute" if cos > 0 else "obtuse"


def dot_parts(a: npt.ArrayLike, b: npt.ArrayLike) -> DotParts:
    """Both sides of a·b = |a| |b| cos θ for two nonzero vectors of the same dimension."""
    x, y = as_vector(a, "a"), as_vector(b, "b")
    cos = float(cosine_similarity(x, y))
    return DotParts(
        a=x,
        b=y,
        theta=float(angle_between(x, y)),
        dot=float(dot(x, y)),
        lengths=float(norm(x)) * float(norm(y)),
        cos=cos,
    )


def dot_parts_2d(len_a: float, len_b: float, theta: float, *, start: float = 0.0) -> DotParts:
    """dot_parts for a at angle ``start`` and b at ``start + theta`` (radians), given lengths."""
    return dot_parts(from_angle(start, len_a), from_angle(start + theta, len_b))


def projection_parts(a: npt.ArrayLike, b: npt.ArrayLike) -> ProjectionParts:
    """Scalar and vector projection of ``a`` onto ``b``, the dot product and the angle kind."""
    x, y = as_vector(a, "a"), as_vector(b, "onto")
    return ProjectionParts(
        a=x,
        b=y,
        scalar=float(scalar_projection(x, y)),
        vector=project(x, y),
        dot=float(dot(x, y)),
        theta=float(angle_between(x, y)),
        kind=angle_kind(float(cosine_similarity(x, y))),
    )


def random_rotation(d: int, rng: np.random.Generator) -> np.ndarray:
    """A random d×d rotation: orthogonal (Qᵀ Q = I) with determinant +1, drawn from ``rng``.

    The Q factor of the QR decomposition of a Gaussian matrix is orthogonal, but its
    column signs are whatever the LAPACK routine leaves, and it may be a reflection
    (determinant −1). Multiplying each column by the sign of R's diagonal makes Q
    uniformly distributed over all orthogonal matrices and independent of LAPACK;
    then, when its determinant is −1 (about half the time), flipping the first column
    makes it a rotation.
    """
    if isinstance(d, bool) or not isinstance(d, int | np.integer):
        raise TypeError(
            f"d must be a whole number of dimensions, got {d!r} ({type(d).__name__}); "
            "pass an int such as d=3."
        )
    if d < 2:
        raise ValueError(f"d is {d}, but a rotation needs at least 2 dimensions; pass d >= 2.")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"rng must be a numpy random Generator, got {type(rng).__name__}; "
            "pass rng=np.random.default_rng(seed)."
        )
    q, r = np.linalg.qr(rng.standard_normal((int(d), int(d))))
    q = q * np.where(np.diag(r) < 0, -1.0, 1.0)
    sign, _ = np.linalg.slogdet(q)
    if sign < 0:
        q[:, 0] = -q[:, 0]
    return q
