"""Four normalizations, the point cloud they move, and nearest neighbours (numpy only).

Model functions for notebook 02.02. Each normalization works on a 2-D batch ``X`` of
shape (n, d), one vector per row, along the ``axis`` you choose:

* ``axis=1``: along each **row**, i.e. one vector (one embedding) at a time;
* ``axis=0``: along each **column**, i.e. one feature across the whole data set.

These are numpy's own axis numbers (``X.mean(axis=1)`` is one mean per row).

Two words are used the same way everywhere: an **offset** is a constant added to every
entry (a shift), a **scale** is a positive factor multiplying every entry (a stretch).
The **range** is max − min, the **spread** is the standard deviation.

================  =========================  ================  ======================
function          what it does               removes           pins down afterwards
================  =========================  ================  ======================
``l2_normalize``  x / |x|                    scale (length)    length 1
``mean_center``   x − mean(x)                offset            mean 0
``min_max``       (x − min) / (max − min)    offset and scale  min 0, max 1
``z_score``       (x − mean) / std           offset and scale  mean 0, spread 1
================  =========================  ================  ======================

``l2_normalize`` works along rows unless told otherwise (``axis=1`` is its default); the
other three have no default, so the caller must say ``axis=0`` or ``axis=1``.
``std`` is the population standard deviation (divide by n, ``np.std(ddof=0)``), as
scikit-learn's ``StandardScaler`` uses. Only ``l2_normalize`` along rows turns a dot
product into a cosine similarity.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .vectors import _as_array, norm, similarity_matrix

__all__ = [
    "METRICS",
    "NORMALIZATIONS",
    "CloudStep",
    "Normalization",
    "count_disagreements",
    "l2_normalize",
    "mean_center",
    "min_max",
    "nearest_neighbours",
    "normalize_cloud",
    "point_cloud",
    "scaled_copies",
    "z_score",
]

FloatArray = npt.NDArray[np.floating]
METRICS = ("euclidean", "inner", "cosine")
_WHAT = {1: ("row", "vector"), 0: ("column", "feature")}
_CHUNK = 4_000_000  # entries of the temporary (queries × points × d) array in nearest_neighbours


# ---------------------------------------------------------------- validation


def _check_axis(axis: object) -> int:
    """Return ``axis`` as 0 or 1, or raise an error that says what each value means."""
    meaning = (
        "axis=1 works along each row (one vector, one embedding), axis=0 along each column "
        "(one feature across the data set)"
    )
    if isinstance(axis, bool) or not isinstance(axis, int | np.integer):
        raise TypeError(f"axis must be the whole number 0 or 1, got {axis!r}; {meaning}.")
    if axis not in (0, 1):
        raise ValueError(f"axis must be 0 or 1, got {axis}; {meaning}.")
    return int(axis)


def _batch(X: npt.ArrayLike, name: str = "X") -> FloatArray:
    """A finite 2-D float batch (n, d): one vector per row."""
    return _as_array(X, name, ndim=(2,))


def _constant_error(X: FloatArray, axis: int, index: int, count: int, what: str) -> ValueError:
    line, thing = _WHAT[axis]
    value = float(X[index, 0] if axis == 1 else X[0, index])
    slicing = f"X[{index}]" if axis == 1 else f"X[:, {index}]"
    fix = (
        "drop that row, or use l2_normalize or mean_center, which accept it"
        if axis == 1
        else "drop that feature (it carries no information), or only mean_center it"
    )
    return ValueError(
        f"X {line} {index} ({slicing}) is constant: every entry is {value:g} "
        f"({count} constant {line}(s) in total). Its {what} is 0, so this {thing} cannot be "
        f"rescaled (a division by zero); {fix}."
    )


# ---------------------------------------------------------------- the four normalizations


def _unit_lines(x: FloatArray, ax: int, name: str) -> FloatArray:
    """Each row (ax=1) or column (ax=0) of the checked batch ``x`` divided by its length."""
    lines = x if ax == 1 else x.T
    lengths = np.asarray(norm(lines))  # one length per row of ``lines``, overflow-safe
    zero = np.flatnonzero(lengths == 0)
    if zero.size:
        line = _WHAT[ax][0]
        slicing = f"{name}[{zero[0]}]" if ax == 1 else f"{name}[:, {zero[0]}]"
        keep = f"{name}[{name}.any(axis=1)]" if ax == 1 else f"{name}[:, {name}.any(axis=0)]"
        raise ValueError(
            f"{name} {line} {zero[0]} ({slicing}) is all zeros ({zero.size} zero {line}(s) in "
            f"total): a zero vector has no direction, so it cannot be scaled to length 1; "
            f"drop it, e.g. {keep}."
        )
    out = lines / lengths[:, None]
    return out if ax == 1 else out.T


def l2_normalize(X: npt.ArrayLike, *, axis: int = 1) -> FloatArray:
    """Divide each row (axis=1, the default) or each column (axis=0) by its L2 length."""
    return _unit_lines(_batch(X), _check_axis(axis), "X")


def _centred(x: FloatArray, ax: int) -> FloatArray:
    """``x`` minus the mean of each row (ax=1) or column (ax=0); refuses an overflowing mean."""
    with np.errstate(over="ignore", invalid="ignore"):
        out = x - x.mean(axis=ax, keepdims=True)
    if not np.all(np.isfinite(out)):
        raise ValueError(
            "the mean of X overflows the float range (entries near ±1.8e308); scale X down "
            "first, e.g. X / np.abs(X).max()."
        )
    return out


def mean_center(X: npt.ArrayLike, *, axis: int) -> FloatArray:
    """Subtract the mean of each row (axis=1) or of each column (axis=0)."""
    return _centred(_batch(X), _check_axis(axis))


def min_max(X: npt.ArrayLike, *, axis: int) -> FloatArray:
    """Rescale each row (axis=1) or each column (axis=0) so its min is 0 and its max is 1."""
    x = _batch(X)
    ax = _check_axis(axis)
    low = x.min(axis=ax, keepdims=True)
    with np.errstate(over="ignore"):
        span = x.max(axis=ax, keepdims=True) - low
    flat = np.flatnonzero(span == 0)
    if flat.size:
        raise _constant_error(x, ax, int(flat[0]), flat.size, "range max − min")
    with np.errstate(over="ignore", invalid="ignore"):
        out = (x - low) / span
    if not np.all(np.isfinite(span)) or not np.all(np.isfinite(out)):
        raise ValueError("max − min of X overflows the float range; scale X down first.")
    return out


def z_score(X: npt.ArrayLike, *, axis: int) -> FloatArray:
    """Subtract the mean and divide by the standard deviation (ddof=0), per row or column."""
    x = _batch(X)
    ax = _check_axis(axis)
    flat = np.flatnonzero(x.max(axis=ax) == x.min(axis=ax))
    if flat.size:
        raise _constant_error(x, ax, int(flat[0]), flat.size, "standard deviation")
    centred = _centred(x, ax)
    with np.errstate(over="ignore", under="ignore"):
        spread = np.sqrt(np.mean(centred * centred, axis=ax, keepdims=True))
    if not np.all(np.isfinite(spread)) or np.any(spread == 0):
        raise ValueError(
            "the standard deviation of X leaves the float range (entries too large or too "
            "close together); rescale X first, e.g. X / np.abs(X).max()."
        )
    return centred / spread


# ---------------------------------------------------------------- the demo's point cloud


@dataclass(frozen=True)
class Normalization:
    """One choice of the demo's slider: its name, what it removes, what it pins down, where."""

    key: str
    name: str
    short: str  # what it removes, in a word or three: "offset and scale"
    removes: str  # the same, said of this cloud: "each column's offset and scale"
    pins: str  # what is fixed afterwards, in each row or column it works along: "min 0, max 1"
    along: str


_COLUMNS = "columns: one feature across all points"
NORMALIZATIONS: tuple[Normalization, ...] = (  # fmt: skip
    Normalization("none", "none", "nothing", "nothing", "nothing", "—"),
    Normalization(
        "l2",
        "L2 per row",
        "scale (length)",
        "each point's scale (its length)",
        "length 1",
        "rows: one point at a time",
    ),
    Normalization(
        "center",
        "mean-centering per column",
        "offset",
        "each column's offset",
        "mean 0",
        _COLUMNS,
    ),
    Normalization(
        "minmax",
        "min–max per column",
        "offset and scale",
        "each column's offset and scale",
        "min 0, max 1",
        _COLUMNS,
    ),
    Normalization(
        "zscore",
        "z-score per column",
        "offset and scale",
        "each column's offset and scale",
        "mean 0, spread 1",
        _COLUMNS,
    ),
)


@dataclass(frozen=True)
class CloudStep:
    """A point cloud part-way (``t`` from 0 to 1) through one normalization."""

    kind: Normalization
    t: float
    before: np.ndarray  # (n, 2): the original points
    after: np.ndarray  # (n, 2): the fully normalized points
    points: np.ndarray  # (n, 2): (1 − t)·before + t·after, what is drawn
    means: tuple[float, float]  # the mean of each column of ``points``
    stds: tuple[float, float]  # the standard deviation (ddof=0) of each column of ``points``
    shortest: float  # the smallest row length |point|
    longest: float  # the largest row length |point|


def point_cloud(n: int = 12, *, seed: int = 33) -> FloatArray:
    """A seeded 2-D cloud of ``n`` points around (1.6, 0.9), spread more in x than in y."""
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(f"n must be a whole number of points >= 2, got {n!r}.")
    z = np.random.default_rng(seed).standard_normal((int(n), 2))
    return np.array([1.6, 0.9]) + z * np.array([0.9, 0.5])


def _apply(kind: str, x: FloatArray) -> FloatArray:
    if kind == "none":
        return x.copy()
    if kind == "l2":
        return l2_normalize(x, axis=1)
    if kind == "center":
        return mean_center(x, axis=0)
    if kind == "minmax":
        return min_max(x, axis=0)
    return z_score(x, axis=0)


def normalize_cloud(points: npt.ArrayLike, kind: int, t: float = 1.0) -> CloudStep:
    """Move the 2-D ``points`` the fraction ``t`` of the way to normalization ``kind``.

    ``kind`` indexes :data:`NORMALIZATIONS` (0 none, 1 L2 per row, 2 mean-centering per
    column, 3 min–max per column, 4 z-score per column).
    """
    x = _batch(points, "points")
    if x.shape[1] != 2:
        raise ValueError(f"points must have 2 columns (x, y), got shape {x.shape}.")
    if isinstance(kind, bool) or float(kind) != int(kind) or not 0 <= int(kind) < 5:
        raise ValueError(
            f"kind must be 0, 1, 2, 3 or 4 (none, L2 per row, mean-centering, min–max, "
            f"z-score), got {kind!r}."
        )
    if not 0 <= float(t) <= 1:
        raise ValueError(f"t must be between 0 (before) and 1 (after), got {t!r}.")
    info = NORMALIZATIONS[int(kind)]
    after = _apply(info.key, x)
    shown = (1 - float(t)) * x + float(t) * after
    lengths = np.asarray(norm(shown))
    return CloudStep(
        kind=info,
        t=float(t),
        before=x,
        after=after,
        points=shown,
        means=(float(shown[:, 0].mean()), float(shown[:, 1].mean())),
        stds=(float(shown[:, 0].std()), float(shown[:, 1].std())),
        shortest=float(lengths.min()),
        longest=float(lengths.max()),
    )


# ---------------------------------------------------------------- nearest neighbours


def _pair_of_batches(Q: npt.ArrayLike, X: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    q, x = _batch(Q, "Q"), _batch(X, "X")
    if q.shape[1] != x.shape[1]:
        raise ValueError(
            f"Q has d={q.shape[1]} columns but X has d={x.shape[1]}; queries and points need "
            f"the same dimension (Q has shape {q.shape}, X has shape {x.shape})."
        )
    dtype = np.result_type(q, x)
    return q.astype(dtype, copy=False), x.astype(dtype, copy=False)


def nearest_neighbours(Q: npt.ArrayLike, X: npt.ArrayLike, metric: str) -> np.ndarray:
    """For each row of Q, the index of its nearest row of X under ``metric``.

    ``"euclidean"``: smallest |q − x|; ``"inner"``: largest q·x; ``"cosine"``: largest
    q·x / (|q| |x|). Ties go to the lower index.
    """
    if not isinstance(metric, str):
        raise TypeError(f"metric must be a string, one of {METRICS}, got {metric!r}.")
    if metric not in METRICS:
        raise ValueError(f"metric must be one of {METRICS}, got {metric!r}.")
    q, x = _pair_of_batches(Q, X)
    if metric == "inner":
        return np.argmax(similarity_matrix(q, x), axis=1)
    if metric == "cosine":
        return np.argmax(_unit_lines(q, 1, "Q") @ _unit_lines(x, 1, "X").T, axis=1)
    # Differences first, then squares: no cancellation, and exact ties stay exact.
    rows = max(1, _CHUNK // (x.shape[0] * x.shape[1]))  # bound the temporary array
    out = np.empty(q.shape[0], dtype=np.intp)
    for start in range(0, q.shape[0], rows):
        diff = q[start : start + rows, None, :] - x[None, :, :]
        with np.errstate(over="ignore"):
            d2 = np.einsum("ijk,ijk->ij", diff, diff)
        if not np.all(np.isfinite(d2)):
            raise ValueError("squared distances overflow the float range; scale Q and X down.")
        out[start : start + rows] = np.argmin(d2, axis=1)
    return out


def count_disagreements(first: npt.ArrayLike, second: npt.ArrayLike) -> int:
    """How many positions hold different indices in two equally long index arrays."""
    a, b = np.asarray(first), np.asarray(second)
    for arr, name in ((a, "first"), (b, "second")):
        if arr.ndim != 1 or arr.dtype.kind not in "iu":
            raise TypeError(
                f"{name} must be a 1-D array of integer indices (as nearest_neighbours "
                f"returns), got dtype {arr.dtype} with shape {arr.shape}."
            )
    if a.shape != b.shape:
        raise ValueError(
            f"first has {a.size} entries but second has {b.size}; compare the answers for "
            "the same queries."
        )
    return int(np.count_nonzero(a != b))


def scaled_copies(v: npt.ArrayLike, factors: npt.ArrayLike) -> FloatArray:
    """The rows c·v for each positive factor c: vectors that all normalize to v/|v|."""
    vec = _as_array(v, "v")
    c = _as_array(factors, "factors")
    if np.any(c <= 0):
        raise ValueError(
            "factors must all be positive: a negative factor flips the direction and 0 gives "
            "the zero vector."
        )
    return c[:, None] * vec[None, :]
