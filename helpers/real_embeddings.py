"""Lengths, neighbours and slices of real embeddings (numpy only), for notebook 04.03.

* :func:`length_summary`, :func:`spearman`, :func:`band_quartiles`: how long GloVe's word
  vectors are, and how that goes with a word's frequency rank;
* :func:`neighbours`, :func:`top_one`: nearest neighbours by dot product and by cosine;
* :func:`best_answers`: each question's best answer in a score matrix, and how many are right
  (recall@1);
* :func:`prefix_lengths`, :func:`typical_slice_length`, :func:`random_slice_band`,
  :func:`slice_view`: the length of the first k components of a vector (the live demo).

Every function validates its input with :mod:`helpers.vectors` and raises a ``ValueError``
or ``TypeError`` that names the argument and says what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .search import top_k
from .vectors import _as_array, _unit, as_count, as_vector, cosine_similarity, norm

__all__ = [
    "BandQuartiles",
    "BestAnswers",
    "LengthSummary",
    "Neighbours",
    "SliceView",
    "TopOne",
    "average_ranks",
    "band_quartiles",
    "best_answers",
    "length_summary",
    "neighbours",
    "prefix_lengths",
    "random_slice_band",
    "random_unit_vectors",
    "slice_view",
    "spearman",
    "top_one",
    "typical_slice_length",
]


# ---------------------------------------------------------------- small validators


def _whole(value: object, name: str, example: str) -> int:
    """``value`` as an int; a float is accepted only if it is a whole number (slider values)."""
    return as_count(value, name, low=None, example=example, whole_floats=True)


def _row(value: object, name: str, n: int, what: str) -> int:
    i = _whole(value, name, f"{name}=0")
    if not 0 <= i < n:
        raise ValueError(f"{name} is {i}, but {what} are numbered 0 to {n - 1}; pick one of those.")
    return i


def _nonzero_rows(v: np.ndarray, name: str) -> np.ndarray:
    lengths = np.asarray(norm(v))
    zero = np.flatnonzero(lengths == 0)
    if zero.size:
        raise ValueError(
            f"{name} row {zero[0]} is all zeros: a zero vector has no direction, so its cosine "
            f"is undefined; drop such rows, e.g. {name}[{name}.any(axis=1)]."
        )
    return lengths


# ---------------------------------------------------------------- lengths and frequency


@dataclass(frozen=True)
class LengthSummary:
    """The L2 length of every row, its five-number summary and the rows shortest first."""

    lengths: np.ndarray  # (n,) |v_i|
    minimum: float
    q1: float  # 25th percentile (numpy's default, linear interpolation)
    median: float
    q3: float  # 75th percentile
    maximum: float
    order: np.ndarray  # row indices from the shortest to the longest (ties: lower index first)


def length_summary(vectors: npt.ArrayLike) -> LengthSummary:
    """Lengths of the rows of ``vectors`` (n, d): min, quartiles, max, and rows by length."""
    v = _as_array(vectors, "vectors", ndim=(2,))
    lengths = np.asarray(norm(v), dtype=np.float64)
    q1, median, q3 = np.percentile(lengths, [25, 50, 75])
    return LengthSummary(
        lengths=lengths,
        minimum=float(lengths.min()),
        q1=float(q1),
        median=float(median),
        q3=float(q3),
        maximum=float(lengths.max()),
        order=np.argsort(lengths, kind="stable"),
    )


def average_ranks(x: npt.ArrayLike) -> np.ndarray:
    """Ranks 1 … n of the entries of ``x`` (smallest = 1); tied entries share their mean rank."""
    v = _as_array(x, "x").astype(np.float64)
    order = np.argsort(v, kind="stable")
    sorted_v = v[order]
    # Runs of equal values: where each run starts in the sorted order, and how long it is.
    starts = np.flatnonzero(np.r_[True, sorted_v[1:] != sorted_v[:-1]])
    counts = np.diff(np.r_[starts, v.size])
    mean_rank = starts + (counts + 1) / 2  # positions start..start+count-1, 1-based, averaged
    ranks = np.empty(v.size)
    ranks[order] = np.repeat(mean_rank, counts)
    return ranks


def spearman(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Spearman's rank correlation: the Pearson correlation of the ranks of x and of y.

    The Pearson correlation of two lists is the cosine similarity of the lists after
    subtracting each one's mean, so this is cos(rank(x) − mean, rank(y) − mean).
    """
    a, b = _as_array(x, "x"), _as_array(y, "y")
    if a.shape != b.shape:
        raise ValueError(
            f"x has {a.size} entries but y has {b.size}; pass one y per x (paired observations)."
        )
    if a.size < 2:
        raise ValueError("x and y need at least 2 pairs for a correlation; pass more data.")
    rx, ry = average_ranks(a), average_ranks(b)
    cx, cy = rx - rx.mean(), ry - ry.mean()
    for c, name in ((cx, "x"), (cy, "y")):
        if not np.any(c):
            raise ValueError(
                f"all entries of {name} are equal, so its ranks do not vary and the "
                "correlation is undefined; pass data that varies."
            )
    return float(cosine_similarity(cx, cy))


@dataclass(frozen=True)
class BandQuartiles:
    """Quartiles of y inside each band edges[b] <= x < edges[b+1] (NaN for an empty band)."""

    edges: np.ndarray  # (n_bands + 1,)
    q1: np.ndarray  # (n_bands,) 25th percentile (numpy's default, linear interpolation)
    median: np.ndarray  # (n_bands,)
    q3: np.ndarray  # (n_bands,) 75th percentile
    count: np.ndarray  # (n_bands,) points in the band

    @property
    def iqr(self) -> np.ndarray:
        """Interquartile range q3 − q1: the width of the middle half of each band."""
        return self.q3 - self.q1


def band_quartiles(x: npt.ArrayLike, y: npt.ArrayLike, edges: npt.ArrayLike) -> BandQuartiles:
    """Quartiles of ``y`` and the number of points, over each band edges[i] <= x < edges[i+1]."""
    a, b = _as_array(x, "x"), _as_array(y, "y")
    if a.shape != b.shape:
        raise ValueError(f"x has {a.size} entries but y has {b.size}; pass one y per x.")
    e = _as_array(edges, "edges").astype(np.float64)
    if e.size < 2 or not np.all(np.diff(e) > 0):
        raise ValueError(
            f"edges must be at least two increasing numbers, got {e.tolist()}; e.g. [0, 10, 100]."
        )
    rows, counts = [], []
    for lo, hi in zip(e[:-1], e[1:], strict=True):
        inside = b[(a >= lo) & (a < hi)]
        counts.append(inside.size)
        rows.append(np.percentile(inside, [25, 50, 75]) if inside.size else [math.nan] * 3)
    q = np.array(rows, dtype=np.float64).reshape(-1, 3)
    return BandQuartiles(edges=e, q1=q[:, 0], median=q[:, 1], q3=q[:, 2], count=np.array(counts))


# ---------------------------------------------------------------- neighbours


@dataclass(frozen=True)
class Neighbours:
    """A query row's ``k`` nearest other rows by dot product and by cosine, best first."""

    query: int
    by_dot: np.ndarray  # (k,) row indices, largest q·v first (the query itself left out)
    dots: np.ndarray  # (k,) their dot products with the query
    by_cosine: np.ndarray  # (k,) row indices, largest cosine first
    cosines: np.ndarray  # (k,) their cosines with the query


def _drop(indices: np.ndarray, scores: np.ndarray, query: int, k: int) -> tuple:
    keep = indices != query
    return indices[keep][:k], scores[keep][:k]


def neighbours(vectors: npt.ArrayLike, query: int, k: int = 5) -> Neighbours:
    """The ``k`` rows of ``vectors`` nearest to row ``query``, by dot product and by cosine.

    The query's own row is left out. Both lists come from :func:`helpers.search.top_k`
    (ties go to the lower index).
    """
    v = _as_array(vectors, "vectors", ndim=(2,))
    i = _row(query, "query", v.shape[0], f"the {v.shape[0]} rows of vectors")
    k = _whole(k, "k", "k=5")
    if not 1 <= k < v.shape[0]:
        raise ValueError(
            f"k is {k}, but there are only {v.shape[0] - 1} other rows; pass 1 to {v.shape[0] - 1}."
        )
    _nonzero_rows(v, "vectors")
    q = v[i : i + 1]
    dot_s, dot_i = top_k(q, v, k + 1)
    cos_s, cos_i = top_k(q, v, k + 1, normalize=True)
    by_dot, dots = _drop(dot_i[0], dot_s[0], i, k)
    by_cos, cosines = _drop(cos_i[0], cos_s[0], i, k)
    return Neighbours(query=i, by_dot=by_dot, dots=dots, by_cosine=by_cos, cosines=cosines)


@dataclass(frozen=True)
class TopOne:
    """For each query row: its nearest other row by dot product and by cosine."""

    queries: np.ndarray  # (n,) row indices of the queries
    by_dot: np.ndarray  # (n,) the other row with the largest q·v (ties: lower index)
    by_cosine: np.ndarray  # (n,) the other row with the largest cosine
    self_first_by_dot: np.ndarray  # (n,) bool: does q·q beat every other q·v?

    @property
    def differ(self) -> np.ndarray:
        """True where the two scores pick different nearest rows."""
        return self.by_dot != self.by_cosine


def top_one(vectors: npt.ArrayLike, queries: npt.ArrayLike, *, chunk_rows: int = 250) -> TopOne:
    """Nearest other row of ``vectors`` for each row listed in ``queries``, both ways.

    One matrix product gives every q·v of a chunk of queries. Along a row, |q| is the
    same for every candidate, so dividing by it cannot change the winner: the cosine
    winner is the largest q·v / |v|. So both winners come from the same product.
    """
    v = _as_array(vectors, "vectors", ndim=(2,))
    lengths = _nonzero_rows(v, "vectors")
    q = np.asarray(queries)
    if q.ndim != 1 or q.size == 0 or q.dtype.kind not in "iu":
        raise TypeError(
            "queries must be a non-empty 1-D array of row numbers (integers), e.g. np.arange(100)."
        )
    if q.min() < 0 or q.max() >= v.shape[0]:
        raise ValueError(
            f"queries must be row numbers 0 to {v.shape[0] - 1}; got {int(q.min())} to "
            f"{int(q.max())}."
        )
    chunk = _whole(chunk_rows, "chunk_rows", "chunk_rows=250")
    if chunk < 1:
        raise ValueError(f"chunk_rows is {chunk}; pass a positive number of rows.")
    by_dot, by_cos, self_first = [], [], []
    for start in range(0, q.size, chunk):
        rows = q[start : start + chunk]
        s = v[rows] @ v.T  # (chunk, n): every q·v
        here = np.arange(rows.size)
        self_first.append(np.argmax(s, axis=1) == rows)
        s[here, rows] = -np.inf  # leave each query out of its own list
        by_dot.append(np.argmax(s, axis=1))
        by_cos.append(np.argmax(s / lengths, axis=1))
    return TopOne(
        queries=q.copy(),
        by_dot=np.concatenate(by_dot),
        by_cosine=np.concatenate(by_cos),
        self_first_by_dot=np.concatenate(self_first),
    )


# ---------------------------------------------------------------- question → answer


@dataclass(frozen=True)
class BestAnswers:
    """Each row's best column in a square score matrix, and how many are on the diagonal."""

    best: np.ndarray  # (n,) argmax of each row (a tie goes to the lower column)
    hits: np.ndarray  # (n,) bool: best[i] == i
    own_rank: np.ndarray  # (n,) place of the diagonal entry in its row: 1 = best
    tied: np.ndarray  # (n,) bool: the row's top score is shared by two or more columns
    recall: float  # recall@1 = hits / n

    @property
    def n_hits(self) -> int:
        return int(self.hits.sum())


def best_answers(scores: npt.ArrayLike) -> BestAnswers:
    """Each question's best answer in a square score matrix whose right answers are on the
    diagonal, and recall@1, the fraction of questions whose best answer is their own.

    Row i scores question i against every answer; answer i is its own. A tie at the top of a
    row goes to the lower-numbered answer (``np.argmax``), so a tie counts as a hit only if
    the own answer is the lowest-numbered of the tied; ``tied`` flags such rows. (03.02's
    ``helpers.training.recall_at_1`` counts a tie of k answers as 1/k instead.)
    ``own_rank`` counts the answers scoring strictly more than answer i, plus one.
    """
    s = _as_array(scores, "scores", ndim=(2,))
    n, m = s.shape
    if n != m:
        raise ValueError(
            f"scores has shape {s.shape}; recall@1 with the diagonal as the right answers "
            "needs one answer per question, a square (n, n) matrix."
        )
    best = np.argmax(s, axis=1)
    hits = best == np.arange(n)
    own_rank = (s > np.diag(s)[:, None]).sum(axis=1) + 1
    tied = (s == s.max(axis=1, keepdims=True)).sum(axis=1) > 1
    return BestAnswers(
        best=best, hits=hits, own_rank=own_rank, tied=tied, recall=float(hits.mean())
    )


# ---------------------------------------------------------------- slices of a vector


def prefix_lengths(v: npt.ArrayLike) -> np.ndarray:
    """|v[:k]| for k = 1 … d: the length of the first k components (entry k − 1).

    A running ``hypot``, so tiny or huge entries neither underflow nor overflow when squared.
    """
    x = as_vector(v, "v").astype(np.float64)
    return np.hypot.accumulate(np.abs(x))


def typical_slice_length(k: int, d: int) -> float:
    """√(k/d): the root-mean-square length of k of the d components of a unit vector
    pointing in a random direction (each squared component is 1/d on average)."""
    kk, dd = _whole(k, "k", "k=5"), _whole(d, "d", "d=384")
    if dd < 1 or not 1 <= kk <= dd:
        raise ValueError(f"need 1 <= k <= d, got k={kk}, d={dd}; a slice keeps 1 to d components.")
    return math.sqrt(kk / dd)


def random_unit_vectors(n: int, d: int, seed: int) -> np.ndarray:
    """``n`` seeded random directions in ``d`` dimensions: Gaussian rows, normalized."""
    nn, dd = _whole(n, "n", "n=1000"), _whole(d, "d", "d=384")
    if nn < 1 or dd < 1:
        raise ValueError(f"n and d must be at least 1, got n={nn}, d={dd}.")
    rng = np.random.default_rng(_whole(seed, "seed", "seed=0"))
    return _unit(rng.standard_normal((nn, dd)), "random vectors", "normalizing")


def random_slice_band(
    d: int, n: int = 1000, seed: int = 403, percentiles: tuple[float, float, float] = (5, 50, 95)
) -> np.ndarray:
    """Percentiles (3, d) of |u[:k]| over ``n`` seeded random unit vectors u, for k = 1 … d."""
    p = _as_array(percentiles, "percentiles")
    if p.shape != (3,) or not (np.all(np.diff(p) > 0) and 0 <= p[0] and p[-1] <= 100):
        raise ValueError(
            f"percentiles must be three increasing numbers in [0, 100], got {p.tolist()}; "
            "e.g. (5, 50, 95)."
        )
    u = random_unit_vectors(n, d, seed)
    prefixes = np.sqrt(np.cumsum(u * u, axis=1))
    return np.percentile(prefixes, p, axis=0)


@dataclass(frozen=True)
class SliceView:
    """Vector ``index`` of a batch, cut after its first ``k`` components (the demo's model)."""

    index: int
    k: int
    d: int
    prefix: np.ndarray  # (d,) |v[:j]| for j = 1 … d
    length: float  # |v[:k]|
    share: float  # |v[:k]|² / |v|²: the part of the squared length in the first k
    full: float  # |v|
    typical: float  # √(k/d)
    band: tuple[float, float, float]  # random directions at k: low, median, high percentile
    reaches: int | None  # smallest j with |v[:j]| >= ``level`` × |v|, or None
    level: float


def slice_view(
    vectors: npt.ArrayLike, index: int, k: int, band: npt.ArrayLike, *, level: float = 0.8
) -> SliceView:
    """The first ``k`` components of row ``index``, beside √(k/d) and the random ``band``."""
    v = _as_array(vectors, "vectors", ndim=(2,))
    n, d = v.shape
    i = _row(index, "index", n, f"the {n} vectors")
    kk = _whole(k, "k", "k=5")
    if not 1 <= kk <= d:
        raise ValueError(f"k is {kk}, but a slice keeps 1 to d = {d} components; pick one.")
    b = _as_array(band, "band", ndim=(2,))
    if b.shape != (3, d):
        raise ValueError(
            f"band has shape {b.shape}, not (3, {d}); make it with random_slice_band({d})."
        )
    lv = float(_as_array(level, "level", ndim=(0,)))
    if not 0 < lv <= 1:
        raise ValueError(f"level must be in (0, 1], got {lv}; e.g. level=0.8.")
    prefix = prefix_lengths(v[i])
    full = float(prefix[-1])
    if full == 0:
        raise ValueError(f"vectors row {i} is all zeros; it has no direction to slice.")
    above = np.flatnonzero(prefix >= lv * full)
    return SliceView(
        index=i,
        k=kk,
        d=d,
        prefix=prefix,
        length=float(prefix[kk - 1]),
        share=float(prefix[kk - 1] ** 2 / full**2),
        full=full,
        typical=typical_slice_length(kk, d),
        band=(float(b[0, kk - 1]), float(b[1, kk - 1]), float(b[2, kk - 1])),
        reaches=int(above[0]) + 1 if above.size else None,
        level=lv,
    )
