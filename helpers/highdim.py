"""Random vectors in many dimensions: cosines, distances, and a shared offset (numpy only).

Model functions for notebook 04.02:

* :func:`random_pairs`, :func:`pair_cosines` and :func:`cosine_sample`: the cosines of random
  pairs of vectors whose entries are Gaussian, |Gaussian| or uniform on [0, 1], with the
  formulas they approach (:func:`cosine_limit`, :func:`spread_formula`);
  :func:`cosine_spreads` is the live demo's model (all three kinds at one ``d``);
* :func:`relative_contrast` and :func:`distance_concentration`: how the nearest and the
  farthest of many random points end up at almost the same distance;
* :func:`mean_pair_cosine`, :func:`anisotropy` and :func:`offset_cloud`: the mean cosine of
  a set of vectors, what subtracting their mean vector does to it, and a synthetic set
  whose vectors share one offset direction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from .normalizations import mean_center
from .vectors import _as_array, _unit, as_count

__all__ = [
    "D_MAX",
    "KINDS",
    "Anisotropy",
    "Concentration",
    "CosineSample",
    "CosineSpreads",
    "anisotropy",
    "cosine_limit",
    "cosine_sample",
    "cosine_spreads",
    "distance_concentration",
    "entry_moments",
    "mean_pair_cosine",
    "offset_cloud",
    "pair_cosines",
    "random_pairs",
    "relative_contrast",
    "spread_formula",
]

# The three kinds of random entries, and the names the notebook gives them.
KINDS = ("gaussian", "abs_gaussian", "uniform")
KIND_NAMES = {"gaussian": "Gaussian", "abs_gaussian": "|Gaussian|", "uniform": "uniform [0, 1]"}
D_MAX = 1024  # random_pairs draws vectors this long once and uses their first d entries
N_PAIRS = 1000
BINS = 80  # histogram bins of width 0.025 on [-1, 1]


def _whole(value: object, name: str, example: str, low: int = 1) -> int:
    return as_count(value, name, low=low, example=example)


def _kind(kind: object) -> str:
    if kind not in KINDS:
        raise ValueError(
            f"kind must be one of {', '.join(map(repr, KINDS))}, got {kind!r}: "
            "'gaussian' (standard normal entries), 'abs_gaussian' (their absolute values) or "
            "'uniform' (uniform on [0, 1])."
        )
    return str(kind)


# ---------------------------------------------------------------- formulas


def entry_moments(kind: str) -> tuple[float, float]:
    """(E[x], E[x²]) of one entry: Gaussian (0, 1); |Gaussian| (√(2/π), 1); uniform (1/2, 1/3)."""
    return {
        "gaussian": (0.0, 1.0),
        "abs_gaussian": (math.sqrt(2 / math.pi), 1.0),
        "uniform": (0.5, 1 / 3),
    }[_kind(kind)]


def cosine_limit(kind: str) -> float:
    """What the cosine of two random vectors settles at as d grows: E[x]² / E[x²].

    0 for Gaussian entries, 2/π ≈ 0.637 for |Gaussian| entries, 3/4 for uniform [0, 1].
    """
    mean, square = entry_moments(kind)
    return mean * mean / square


def spread_formula(d: int) -> float:
    """1/√d: the standard deviation of the cosine of two random Gaussian vectors in d dimensions."""
    return 1 / math.sqrt(_whole(d, "d", "d=384"))


# ---------------------------------------------------------------- random pairs and cosines


@lru_cache(maxsize=4)
def _draws(kind: str, n_pairs: int, length: int, seed: int) -> np.ndarray:
    """(2, n_pairs, length) random entries, read-only; |Gaussian| reuses the Gaussian draws."""
    if kind == "abs_gaussian":
        out = np.abs(_draws("gaussian", n_pairs, length, seed))
    elif kind == "gaussian":
        out = np.random.default_rng([seed, 0]).standard_normal((2, n_pairs, length))
    else:
        out = np.random.default_rng([seed, 1]).random((2, n_pairs, length))
    out.flags.writeable = False
    return out


def random_pairs(
    kind: str, d: int, *, n_pairs: int = N_PAIRS, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """``n_pairs`` random pairs (x[i], y[i]) of d-dimensional vectors with entries of ``kind``.

    For d up to :data:`D_MAX` they are the first d entries of the same 1024-entry vectors
    (drawn once per kind, size and seed, and cached), so raising d adds entries to the same
    pairs. |Gaussian| pairs are the absolute values of the Gaussian pairs. Read-only arrays.
    """
    kind = _kind(kind)
    d = _whole(d, "d", "d=384")
    n_pairs = _whole(n_pairs, "n_pairs", "n_pairs=1000", low=2)
    seed = _whole(seed, "seed", "seed=0", low=0)
    draws = _draws(kind, n_pairs, max(d, D_MAX), seed)
    return draws[0, :, :d], draws[1, :, :d]


def pair_cosines(x: npt.ArrayLike, y: npt.ArrayLike) -> np.ndarray:
    """cos(x[i], y[i]) for each row i of two batches of the same shape (n, d)."""
    a = _as_array(x, "x", ndim=(2,)).astype(np.float64)
    b = _as_array(y, "y", ndim=(2,)).astype(np.float64)
    if a.shape != b.shape:
        raise ValueError(
            f"x has shape {a.shape} but y has shape {b.shape}; pair_cosines pairs row i of x "
            "with row i of y, so both need the same number of rows and of entries."
        )
    for arr, name in ((a, "x"), (b, "y")):
        zero = np.flatnonzero(~np.any(arr, axis=1))
        if zero.size:
            raise ValueError(
                f"{name} row {zero[0]} is the zero vector: it has no direction, so its cosine "
                "is undefined; drop that pair or give the row a nonzero entry."
            )
    # Cosines ignore each row's length: scale rows to a largest entry of 1, so that huge or
    # tiny entries (1e200, 1e-200) can neither overflow nor underflow the sums of squares.
    a = a / np.abs(a).max(axis=1, keepdims=True)
    b = b / np.abs(b).max(axis=1, keepdims=True)
    return _row_cosines(a, b)


def _row_cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """cos(a[i], b[i]) for checked, nonzero rows: (a·b) / √((a·a)(b·b)), clipped to [-1, 1]."""
    return np.clip(np.vecdot(a, b) / np.sqrt(np.vecdot(a, a) * np.vecdot(b, b)), -1.0, 1.0)


@dataclass(frozen=True)
class CosineSample:
    """The cosines of ``n`` random pairs in ``d`` dimensions, their summary and histogram."""

    kind: str
    d: int
    cosines: np.ndarray  # (n,)
    mean: float
    std: float  # the standard deviation (divided by n)
    limit: float  # E[x]²/E[x²], the value the cosines settle at as d grows
    edges: np.ndarray  # (bins + 1,) from -1 to 1
    counts: np.ndarray  # (bins,) pairs per bin (a cosine of exactly 1 goes in the last bin)

    @property
    def name(self) -> str:
        return KIND_NAMES[self.kind]

    @property
    def shares(self) -> np.ndarray:
        """The share of the pairs in each bin (sums to 1)."""
        return self.counts / self.counts.sum()


def _histogram(values: np.ndarray, bins: int) -> tuple[np.ndarray, np.ndarray]:
    edges = np.linspace(-1.0, 1.0, bins + 1)
    index = np.minimum(np.floor((values + 1.0) * (bins / 2.0)).astype(np.intp), bins - 1)
    return edges, np.bincount(np.maximum(index, 0), minlength=bins)


def cosine_sample(
    kind: str, d: int, *, n_pairs: int = N_PAIRS, seed: int = 0, bins: int = BINS
) -> CosineSample:
    """The cosines of :func:`random_pairs` (kind, d), with mean, spread, limit and histogram."""
    bins = _whole(bins, "bins", "bins=80")
    x, y = random_pairs(kind, d, n_pairs=n_pairs, seed=seed)
    cos = _row_cosines(x, y)  # random draws: finite, and a zero row has probability 0
    edges, counts = _histogram(cos, bins)
    return CosineSample(
        kind=kind,
        d=int(d),
        cosines=cos,
        mean=float(cos.mean()),
        std=float(cos.std()),
        limit=cosine_limit(kind),
        edges=edges,
        counts=counts,
    )


@dataclass(frozen=True)
class CosineSpreads:
    """The live demo's model: cosines of random pairs of all three kinds at one ``d``."""

    d: int
    formula_std: float  # 1/√d
    samples: tuple[CosineSample, ...]  # one per kind, in KINDS order

    def __getitem__(self, kind: str) -> CosineSample:
        return self.samples[KINDS.index(_kind(kind))]

    @property
    def angle_spread(self) -> float:
        """The standard deviation, in degrees, of the angle between two Gaussian vectors."""
        angles = np.degrees(np.arccos(self["gaussian"].cosines))
        return float(angles.std())


def cosine_spreads(
    d: int, *, n_pairs: int = N_PAIRS, seed: int = 0, bins: int = BINS
) -> CosineSpreads:
    """Cosines of random pairs with Gaussian, |Gaussian| and uniform [0, 1] entries at ``d``."""
    samples = tuple(cosine_sample(k, d, n_pairs=n_pairs, seed=seed, bins=bins) for k in KINDS)
    return CosineSpreads(d=int(d), formula_std=spread_formula(d), samples=samples)


# ---------------------------------------------------------------- distances concentrate


def relative_contrast(points: npt.ArrayLike, query: npt.ArrayLike) -> float:
    """(farthest − nearest) / nearest: Euclidean distances from ``query`` to rows of ``points``."""
    p = _as_array(points, "points", ndim=(2,)).astype(np.float64)
    q = _as_array(query, "query").astype(np.float64)
    if q.shape != (p.shape[1],):
        raise ValueError(
            f"query has {q.size} entries but each point has {p.shape[1]}; they need the same "
            "dimension."
        )
    if p.shape[0] < 2:
        raise ValueError("points needs at least 2 rows: a nearest and a farthest point.")
    dist = np.sqrt(np.sum((p - q) ** 2, axis=1))
    nearest = float(dist.min())
    if nearest == 0:
        raise ValueError(
            "query coincides with one of the points (distance 0), so (max − min)/min is "
            "infinite; drop that point or pick a query that is not among the points."
        )
    return (float(dist.max()) - nearest) / nearest


@dataclass(frozen=True)
class Concentration:
    """Distances from a few query points to many random points, at several dimensions.

    Points and queries are uniform in the cube [0, 1]^d; at dimension ``dims[j]`` they are
    the first ``dims[j]`` coordinates of the same points (drawn once at the largest d).
    """

    dims: tuple[int, ...]
    n_points: int
    nearest: np.ndarray  # (n_queries, len(dims)): the smallest distance
    farthest: np.ndarray  # (n_queries, len(dims)): the largest distance
    mean: np.ndarray  # (n_queries, len(dims)): the average distance
    std: np.ndarray  # (n_queries, len(dims)): their standard deviation
    first: np.ndarray  # (len(dims), n_points): every distance from the first query

    @property
    def contrast(self) -> np.ndarray:
        """(farthest − nearest) / nearest, per query and dimension."""
        return (self.farthest - self.nearest) / self.nearest

    @property
    def ratio(self) -> np.ndarray:
        """farthest / nearest, per query and dimension."""
        return self.farthest / self.nearest


def distance_concentration(
    dims: tuple[int, ...], *, n_points: int = 1000, n_queries: int = 5, seed: int = 0
) -> Concentration:
    """Nearest, farthest, mean and spread of the distances from ``n_queries`` random queries
    to ``n_points`` random points in [0, 1]^d, for each d in ``dims`` (increasing)."""
    if isinstance(dims, str | bytes) or not hasattr(dims, "__len__") or len(dims) == 0:
        raise TypeError(f"dims must be a non-empty sequence of dimensions, got {dims!r}.")
    ds = tuple(_whole(d, "every entry of dims", "dims=(2, 10, 100)") for d in dims)
    if any(b <= a for a, b in zip(ds, ds[1:], strict=False)):
        raise ValueError(f"dims must increase, got {ds}; sort them, e.g. {tuple(sorted(set(ds)))}.")
    n_points = _whole(n_points, "n_points", "n_points=1000", low=2)
    n_queries = _whole(n_queries, "n_queries", "n_queries=5")
    rng = np.random.default_rng(_whole(seed, "seed", "seed=0", low=0))
    points = rng.random((n_points, ds[-1]))
    queries = rng.random((n_queries, ds[-1]))
    cols = np.array(ds) - 1
    shape = (n_queries, len(ds))
    nearest, farthest, mean, std = (np.empty(shape) for _ in range(4))
    first = np.empty((len(ds), n_points))
    for i, q in enumerate(queries):
        # Squared distance in the first d coordinates, for every d at once: a running sum.
        dist = np.sqrt(np.cumsum((points - q) ** 2, axis=1)[:, cols]).T  # (len(dims), n)
        nearest[i], farthest[i] = dist.min(axis=1), dist.max(axis=1)
        mean[i], std[i] = dist.mean(axis=1), dist.std(axis=1)
        if i == 0:
            first[:] = dist
    return Concentration(ds, n_points, nearest, farthest, mean, std, first)


# ---------------------------------------------------------------- a shared offset


def mean_pair_cosine(X: npt.ArrayLike) -> float:
    """The average cosine over all pairs of different rows of X, without the n × n matrix.

    With unit rows û_i and their sum s = û_1 + … + û_n, the sum of all n² dot products
    û_i·û_j is s·s, and the n with i = j are 1 each, so the mean over the n(n − 1) pairs
    i ≠ j is (s·s − n) / (n(n − 1)).
    """
    x = _as_array(X, "X", ndim=(2,)).astype(np.float64)
    n = x.shape[0]
    if n < 2:
        raise ValueError(f"X has {n} row; a mean over pairs needs at least 2 rows.")
    s = _unit(x, "X", "its cosine with the other rows").sum(axis=0)
    return float((s @ s - n) / (n * (n - 1)))


@dataclass(frozen=True)
class Anisotropy:
    """How much a set of vectors shares one direction, before and after centering."""

    n: int
    d: int
    mean_cosine: float  # average cosine over all pairs of different rows
    centered_cosine: float  # the same after subtracting the mean vector from every row
    mean_vector: np.ndarray  # (d,) the mean of the rows
    mean_length: float  # the average length |x_i|
    mean_square: float  # the average squared length |x_i|²

    @property
    def mean_vector_length(self) -> float:
        return float(np.sqrt(self.mean_vector @ self.mean_vector))

    @property
    def share(self) -> float:
        """|mean vector| / average length."""
        return self.mean_vector_length / self.mean_length

    @property
    def predicted(self) -> float:
        """|mean vector|² / average |x|²: E[x]²/E[x²] for whole vectors."""
        return float(self.mean_vector @ self.mean_vector) / self.mean_square


def anisotropy(X: npt.ArrayLike) -> Anisotropy:
    """Mean pair cosine of the rows of X, its size predicted from the mean vector, and the
    mean pair cosine after centering (subtracting the mean vector from every row)."""
    x = _as_array(X, "X", ndim=(2,)).astype(np.float64)
    if x.shape[0] < 2:
        raise ValueError(f"X has {x.shape[0]} row; pairs and a mean vector need at least 2 rows.")
    lengths = np.sqrt(np.vecdot(x, x))
    centered = mean_center(x, axis=0)
    if np.any(np.sqrt(np.vecdot(centered, centered)) == 0):
        raise ValueError(
            "a row of X equals the mean of all rows, so after centering it is the zero vector "
            "and has no direction; drop that row (or the duplicates that cause it)."
        )
    return Anisotropy(
        n=x.shape[0],
        d=x.shape[1],
        mean_cosine=mean_pair_cosine(x),
        centered_cosine=mean_pair_cosine(centered),
        mean_vector=x.mean(axis=0),
        mean_length=float(lengths.mean()),
        mean_square=float(np.mean(lengths**2)),
    )


def offset_cloud(n: int, d: int, offset: float, *, seed: int = 0) -> np.ndarray:
    """n random vectors in d dimensions sharing one offset: Gaussian noise (each entry mean 0,
    variance 1, so its length is about √d) plus ``offset`` × √d along one fixed direction.

    The direction is the first coordinate axis. With ``offset`` = 0 the directions are
    random; with ``offset`` = r the offset is r times as long as a typical noise vector.
    """
    n = _whole(n, "n", "n=500", low=2)
    d = _whole(d, "d", "d=384")
    r = float(_as_array(offset, "offset", ndim=(0,)))
    if r < 0:
        raise ValueError(f"offset must be >= 0, got {r}; it is a length (0: no offset).")
    X = np.random.default_rng(_whole(seed, "seed", "seed=0", low=0)).standard_normal((n, d))
    X[:, 0] += r * math.sqrt(d)
    return X
