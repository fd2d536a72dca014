"""Lengths, dot products, cosine similarity, angles and projections (numpy only).

Every function checks its input first, so a mistake raises a short ``ValueError`` or
``TypeError`` that names the argument and says how to fix it, never a silent NaN.

Lengths use power-of-two scaling, so huge (1e200) and tiny (1e-200) vectors give the
right answer instead of inf or 0. float32 in gives float32 out; ints become float64.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

__all__ = [
    "angle_between",
    "as_count",
    "as_vector",
    "cosine_similarity",
    "dot",
    "from_angle",
    "norm",
    "normalize",
    "project",
    "scalar_projection",
    "similarity_matrix",
]

FloatArray = npt.NDArray[np.floating]


# ---------------------------------------------------------------- validation


def _as_array(x: npt.ArrayLike, name: str, ndim: Sequence[int] = (1,)) -> FloatArray:
    """Check ``x`` and return it as a finite, non-empty float array with an allowed ndim."""
    if x is None:
        raise TypeError(f"{name} is None; pass a vector of numbers, e.g. {name}=[0.2, 0.99].")
    if isinstance(x, str | bytes):
        raise TypeError(f"{name} is text ({x!r}); pass numbers, e.g. {name}=[0.2, 0.99].")
    try:
        arr = np.asarray(x)
    except (ValueError, TypeError):
        raise ValueError(
            f"{name} is not a rectangular array of numbers (do its rows have different "
            "lengths?); give every vector the same number of entries."
        ) from None
    _check_dtype(arr, name)
    if arr.dtype.kind in "iu":
        arr = arr.astype(np.float64)
    elif arr.dtype == np.float16:
        arr = arr.astype(np.float32)
    if arr.ndim not in ndim:
        raise ValueError(_ndim_message(arr, name, tuple(ndim)))
    if arr.size == 0:
        raise ValueError(
            f"{name} is empty (shape {arr.shape}); pass at least one vector with at least "
            "one entry."
        )
    finite = np.isfinite(arr)
    if not finite.all():
        raise ValueError(_non_finite_message(arr, finite, name))
    return arr


def _check_dtype(arr: np.ndarray, name: str) -> None:
    kind = arr.dtype.kind
    if kind in "iuf":
        return
    if kind == "b":
        raise TypeError(
            f"{name} holds booleans (True/False), not numbers; if you mean 0/1, convert "
            f"with np.asarray({name}, dtype=float)."
        )
    if kind == "c":
        raise TypeError(
            f"{name} holds complex numbers; these helpers work with real vectors only, "
            f"so pass {name}.real (or the real and imaginary parts as separate coordinates)."
        )
    if kind in "US":
        raise TypeError(
            f"{name} holds text (dtype {arr.dtype}); pass numbers, e.g. [0.2, 0.99] rather "
            "than ['0.2', '0.99'] (convert with float(...))."
        )
    raise TypeError(
        f"{name} must hold only real numbers, but its dtype is {arr.dtype} (None, text, "
        "mixed types or ints too big for int64 inside?); replace those entries with floats."
    )


def _ndim_message(arr: np.ndarray, name: str, ndim: tuple[int, ...]) -> str:
    got = "a scalar" if arr.ndim == 0 else f"a {arr.ndim}-D array with shape {arr.shape}"
    if ndim == (0,):
        return (
            f"{name} must be a single number, but got {got}; call the function once per "
            "value (or use numpy directly for many values at once)."
        )
    if ndim == (2,):
        hint = (
            f"for a single vector use {name}[None, :] or np.atleast_2d({name})"
            if arr.ndim < 2
            else f"reshape it to (n, d), e.g. {name}.reshape(-1, {name}.shape[-1])"
        )
        return f"{name} must be a 2-D batch of row vectors (n, d), but got {got}; {hint}."
    if ndim == (1, 2):
        return (
            f"{name} must be a 1-D vector or a 2-D batch of row vectors (n, d), but got "
            f"{got}; reshape it, e.g. {name}.reshape(-1, {name}.shape[-1])."
        )
    if arr.ndim == 0:
        return f"{name} must be a 1-D vector, but got {got}; wrap it in a list, e.g. [{name}]."
    return (
        f"{name} must be a single 1-D vector, but got {got}; pick one row ({name}[i]), "
        f"flatten a (1, d) array with {name}.ravel(), or use similarity_matrix for batches."
    )


def _non_finite_message(arr: np.ndarray, finite: np.ndarray, name: str) -> str:
    bad = ~finite
    n_nan = int(np.isnan(arr).sum())
    n_inf = int(bad.sum()) - n_nan
    if arr.ndim == 0:
        return f"{name} is {arr.item()}; pass a finite number."
    first = np.unravel_index(int(np.argmax(bad)), arr.shape)
    where = int(first[0]) if arr.ndim == 1 else tuple(int(i) for i in first)
    return (
        f"{name} contains {n_nan} NaN and {n_inf} infinite value(s), the first at index "
        f"{where}; fix or drop those entries (np.isfinite({name}) shows where) first."
    )


def _pair(a: npt.ArrayLike, b: npt.ArrayLike, na: str, nb: str) -> tuple[FloatArray, FloatArray]:
    """Validate two 1-D vectors of the same shape and cast both to their common dtype."""
    x, y = _as_array(a, na), _as_array(b, nb)
    if x.shape != y.shape:
        raise ValueError(
            f"{na} has shape {x.shape} but {nb} has shape {y.shape}; both vectors need the "
            "same number of entries (the same embedding dimension)."
        )
    dtype = np.result_type(x, y)
    return x.astype(dtype, copy=False), y.astype(dtype, copy=False)


def as_count(
    value: object,
    name: str,
    *,
    example: str,
    low: int | None = 1,
    high: int | None = None,
    whole_floats: bool = False,
) -> int:
    """``value`` as an int in [low, high] (a bound of None is open); else a clear error.

    ``whole_floats=True`` also takes floats such as 5.0 (slider values arrive as floats).
    ``example`` is shown in the message, e.g. "n=8".
    """
    kinds = int | np.integer | float if whole_floats else int | np.integer
    if isinstance(value, bool | np.bool_) or not isinstance(value, kinds):
        raise TypeError(f"{name} must be a whole number (int), got {value!r}; e.g. {example}.")
    if isinstance(value, float) and not (math.isfinite(value) and value == int(value)):
        raise ValueError(f"{name} must be a whole number, got {value!r}; e.g. {example}.")
    n = int(value)
    if high is not None and not (low if low is not None else n) <= n <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {n}; e.g. {example}.")
    if low is not None and n < low:
        raise ValueError(f"{name} must be at least {low}, got {n}; e.g. {example}.")
    return n


def _check_flag(value: object, name: str) -> None:
    if not isinstance(value, bool | np.bool_):
        raise TypeError(f"{name} must be True or False, got {value!r}.")


# ---------------------------------------------------------------- scaled arithmetic


def _scaled(v: FloatArray) -> tuple[FloatArray, np.ndarray]:
    """Split ``v`` (or each row) into ``s * 2**e`` with max |s| in [0.5, 1).

    Scaling by a power of two is exact, except for entries so much smaller than the largest
    that they become subnormal; those cannot change the result anyway. Where the factor
    2**-e fits the dtype (almost always) it is one fast multiplication; ``ldexp`` handles
    the rest.
    """
    e = np.frexp(np.max(np.abs(v), axis=-1))[1]
    with np.errstate(over="ignore", under="ignore"):
        factor = np.ldexp(np.ones(e.shape, dtype=v.dtype), -e)
    if v.ndim == 2:
        e, factor = e[:, None], factor[:, None]
    if np.all(np.isfinite(factor) & (factor > 0)):
        return v * factor, e.squeeze(-1) if v.ndim == 2 else e
    return np.ldexp(v, -e), e.squeeze(-1) if v.ndim == 2 else e


def _direct_squares(v: FloatArray) -> FloatArray | None:
    """Sums of squares (per row) computed directly, or None where that would be inexact.

    Direct is safe when nothing overflows and every sum is at least tiny·d/eps: then
    squares that underflow add less than one rounding error. Typical data takes this
    one-pass path; huge, tiny or zero vectors fall back to :func:`_scaled`.
    """
    with np.errstate(over="ignore", under="ignore"):
        r2 = np.vecdot(v, v)
    info = np.finfo(v.dtype)
    floor = float(info.tiny) * v.shape[-1] / float(info.eps)
    return r2 if np.all(np.isfinite(r2)) and np.all(r2 >= floor) else None


def _unscale(x: FloatArray, e: np.ndarray, what: str, hint: str) -> FloatArray:
    """Return ``x * 2**e``; raise if the true value is beyond the float range."""
    with np.errstate(over="ignore"):
        out = np.ldexp(x, e)
    if not np.all(np.isfinite(out)):
        big = np.finfo(out.dtype).max
        raise ValueError(f"{what} is larger than the largest {out.dtype} ({big:.3g}); {hint}.")
    return out


def _unit(v: FloatArray, name: str, purpose: str) -> FloatArray:
    """Unit vector(s) along ``v`` (or each row), refusing zero vectors."""
    r2 = _direct_squares(v)
    if r2 is not None:
        r = np.sqrt(r2)
        return v / (r if v.ndim == 1 else r[:, None])
    s, _ = _scaled(v)
    r = np.sqrt(np.vecdot(s, s))  # >= 0.5 unless the vector (row) is all zeros
    if v.ndim == 1:
        if r == 0:
            raise ValueError(
                f"{name} is the zero vector: it has no direction, so {purpose} is undefined; "
                "use a vector with at least one nonzero entry."
            )
        return s / r
    zero = np.flatnonzero(r == 0)
    if zero.size:
        raise ValueError(
            f"{name} row {zero[0]} is all zeros ({zero.size} zero row(s) in total): a zero "
            f"vector has no direction, so {purpose} is undefined; drop those rows, e.g. "
            f"{name}[{name}.any(axis=1)]."
        )
    return s / r[:, None]


def _overflow_possible(x: FloatArray, y: FloatArray, d: int) -> bool:
    """Cheap bound: can a sum of ``d`` products of entries of x and y leave the float range?"""
    bound = float(np.max(np.abs(x))) * float(np.max(np.abs(y))) * d  # Python floats: no warning
    return bound > float(np.finfo(x.dtype).max)


# ---------------------------------------------------------------- public API


def as_vector(v: npt.ArrayLike, name: str = "v", *, dim: int | None = None) -> FloatArray:
    """Check ``v`` is a finite 1-D vector of numbers (of length ``dim``, if given); return it."""
    arr = _as_array(v, name)
    if dim is not None and arr.shape != (dim,):
        raise ValueError(
            f"{name} has {arr.size} entries but a {dim}-D vector is needed here; "
            f"pass exactly {dim} numbers, e.g. [0.2, 0.99]."
        )
    return arr


def dot(a: npt.ArrayLike, b: npt.ArrayLike) -> np.floating:
    """Dot product a·b = sum of a[i]*b[i] of two 1-D vectors of the same length."""
    x, y = _pair(a, b, "a", "b")
    if not _overflow_possible(x, y, x.size):
        return np.dot(x, y)
    with np.errstate(over="ignore", invalid="ignore"):
        out = np.dot(x, y)
    if not np.isfinite(out):
        raise ValueError(
            f"the dot product a·b overflows {x.dtype}; compare directions with "
            "cosine_similarity(a, b) instead, or scale a and b down first."
        )
    return out


def norm(v: npt.ArrayLike) -> np.floating | FloatArray:
    """L2 length |v|: a scalar for a 1-D vector, one length per row for a 2-D batch."""
    arr = _as_array(v, "v", ndim=(1, 2))
    r2 = _direct_squares(arr)
    if r2 is not None:
        return np.sqrt(r2)
    s, e = _scaled(arr)
    return _unscale(np.sqrt(np.vecdot(s, s)), e, "the length of v", "scale v down first")


def normalize(v: npt.ArrayLike) -> FloatArray:
    """Unit vector v/|v| with the same direction (each row of a 2-D batch separately)."""
    return _unit(_as_array(v, "v", ndim=(1, 2)), "v", "normalizing it")


def cosine_similarity(a: npt.ArrayLike, b: npt.ArrayLike) -> np.floating:
    """cos θ = a·b / (|a| |b|) for two nonzero 1-D vectors; always in [-1, 1]."""
    x, y = _pair(a, b, "a", "b")
    purpose = "the cosine similarity"
    c = np.dot(_unit(x, "a", purpose), _unit(y, "b", purpose))
    return np.clip(c, -1, 1)


def similarity_matrix(Q: npt.ArrayLike, A: npt.ArrayLike, *, normalize: bool = False) -> FloatArray:
    """All dot products ``Q @ A.T`` (shape (n, m)) of rows of Q (n, d) and A (m, d).

    With ``normalize=True`` the rows are first scaled to length 1, so the entries are
    cosine similarities (they may exceed ±1 by a rounding error; nothing is clipped).
    """
    _check_flag(normalize, "normalize")
    q, a = _as_array(Q, "Q", ndim=(2,)), _as_array(A, "A", ndim=(2,))
    if q.shape[1] != a.shape[1]:
        raise ValueError(
            f"Q has d={q.shape[1]} columns but A has d={a.shape[1]}; both batches need the "
            f"same embedding dimension (Q has shape {q.shape}, A has shape {a.shape})."
        )
    dtype = np.result_type(q, a)
    q, a = q.astype(dtype, copy=False), a.astype(dtype, copy=False)
    if normalize:
        purpose = "its cosine similarity"
        return _unit(q, "Q", purpose) @ _unit(a, "A", purpose).T
    if not _overflow_possible(q, a, q.shape[1]):
        return q @ a.T
    with np.errstate(over="ignore", invalid="ignore"):
        out = q @ a.T
    if not np.isfinite(out).all():
        raise ValueError(
            f"the dot products Q @ A.T overflow {dtype} (some exceed "
            f"{np.finfo(dtype).max:.3g}); use normalize=True for cosine similarities, or "
            "scale Q and A down first."
        )
    return out


def angle_between(a: npt.ArrayLike, b: npt.ArrayLike, *, degrees: bool = False) -> np.floating:
    """Angle between two nonzero 1-D vectors, in [0, π] radians (or [0, 180] degrees).

    Uses 2·atan2(|â − b̂|, |â + b̂|), which stays accurate near 0 and π where
    arccos(cos θ) loses most of its digits.
    """
    _check_flag(degrees, "degrees")
    x, y = _pair(a, b, "a", "b")
    ua, ub = _unit(x, "a", "the angle"), _unit(y, "b", "the angle")
    diff, total = ua - ub, ua + ub
    theta = 2 * np.arctan2(np.sqrt(np.dot(diff, diff)), np.sqrt(np.dot(total, total)))
    return np.degrees(theta) if degrees else theta


def scalar_projection(a: npt.ArrayLike, onto: npt.ArrayLike) -> np.floating:
    """Signed length of the projection of ``a`` onto ``onto``: a·onto / |onto| = |a| cos θ."""
    x, y = _pair(a, onto, "a", "onto")
    u = _unit(y, "onto", "projecting onto it")
    s, e = _scaled(x)
    return _unscale(np.dot(s, u), e, "the scalar projection", "scale a down first")


def project(a: npt.ArrayLike, onto: npt.ArrayLike) -> FloatArray:
    """Vector projection of ``a`` onto ``onto``: (a·onto / |onto|²) onto."""
    x, y = _pair(a, onto, "a", "onto")
    u = _unit(y, "onto", "projecting onto it")
    s, e = _scaled(x)
    return _unscale(np.dot(s, u) * u, e, "the projection", "scale a down first")


def from_angle(theta: float, length: float = 1.0) -> FloatArray:
    """The 2-D vector (length·cos θ, length·sin θ); ``theta`` in radians, ``length`` >= 0."""
    t = _as_array(theta, "theta", ndim=(0,))
    r = _as_array(length, "length", ndim=(0,))
    if r < 0:
        raise ValueError(
            f"length must be >= 0, got {r.item()}; to point the other way, add π to theta instead."
        )
    # Python numbers are "weak" in np.result_type, so a float32 theta keeps float32.
    weak = [x if type(x) in (int, float) else arr for x, arr in ((theta, t), (length, r))]
    dtype = np.result_type(*weak)
    if dtype.kind != "f":
        dtype = np.dtype(np.float64)
    t, r = t.astype(dtype), r.astype(dtype)
    return np.array([np.cos(t), np.sin(t)], dtype=dtype) * r
