"""Scaled dot-product attention, softmax(QKᵀ/√d)V, and why it divides by √d (numpy only).

Model functions for notebook 04.01:

* :func:`attention`: the scores QKᵀ, the weights (softmax of each row, optionally of the
  scores divided by √d) and the output rows, weighted averages of the value rows;
* :func:`entropy`: how spread out a row of weights is, −Σ w ln w (0 ln 0 counted as 0);
* :func:`dot_spread`: the variance of q·k for random q, k, measured at several d;
* :func:`saturation`: one query against n keys, weights with and without the √d;
* :func:`entropy_curve`: the mean entropy of the weights against d, with and without it;
* :func:`softmax_jacobian`: how much each weight moves when one score moves.

Softmax is :func:`helpers.contrastive.softmax` (03.01). Every function checks its input
first and raises a short ``ValueError`` or ``TypeError`` naming the argument.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .contrastive import softmax
from .vectors import _as_array, _check_flag, as_count, as_vector

__all__ = [
    "Attention",
    "DotSpread",
    "EntropyCurve",
    "Saturation",
    "attention",
    "dot_spread",
    "entropy",
    "entropy_curve",
    "saturation",
    "seeded_query_keys",
    "softmax_jacobian",
]


# ---------------------------------------------------------------- validation


def _check_count(value: object, name: str, *, low: int = 1, example: int = 8) -> int:
    return as_count(value, name, low=low, example=f"{name}={example}")


def _check_dims(dims: Sequence[int], name: str = "dims") -> tuple[int, ...]:
    if isinstance(dims, str | bytes) or not isinstance(dims, Sequence | np.ndarray):
        raise TypeError(f"{name} must be a list of dimensions, e.g. {name}=[4, 16, 64].")
    out = tuple(_check_count(d, f"each entry of {name}", example=64) for d in dims)
    if not out:
        raise ValueError(f"{name} is empty; pass at least one dimension, e.g. {name}=[4, 16].")
    return out


# ---------------------------------------------------------------- attention


@dataclass(frozen=True)
class Attention:
    """softmax(QKᵀ/√d)V step by step (``scaled=False``: softmax(QKᵀ)V, no division)."""

    queries: np.ndarray  # (m, d), one query per row
    keys: np.ndarray  # (n, d), one key per row
    values: np.ndarray  # (n, d_v), row j goes with key j
    divisor: float  # √d, or 1.0 without scaling
    scores: np.ndarray  # (m, n) = Q Kᵀ: entry (i, j) is q_i·k_j
    logits: np.ndarray  # (m, n) = scores / divisor: what softmax sees
    weights: np.ndarray  # (m, n): softmax of each row of logits, each row summing to 1
    output: np.ndarray  # (m, d_v) = weights @ V: row i the weighted average of the values

    @property
    def d(self) -> int:
        """The dimension of the queries and keys."""
        return int(self.queries.shape[1])


def attention(
    Q: npt.ArrayLike, K: npt.ArrayLike, V: npt.ArrayLike, *, scaled: bool = True
) -> Attention:
    """Scaled dot-product attention: weights softmax(QKᵀ/√d) by rows, output weights @ V.

    ``Q`` is (m, d) (or one query, (d,)), ``K`` is (n, d) and ``V`` is (n, d_v): value j
    belongs to key j. With ``scaled=False`` the scores go into softmax undivided.
    """
    _check_flag(scaled, "scaled")
    q = _as_array(Q, "Q", ndim=(1, 2)).astype(np.float64)
    q = q[None, :] if q.ndim == 1 else q
    k = _as_array(K, "K", ndim=(2,)).astype(np.float64)
    v = _as_array(V, "V", ndim=(2,)).astype(np.float64)
    if q.shape[1] != k.shape[1]:
        raise ValueError(
            f"Q has d={q.shape[1]} entries per query but K has d={k.shape[1]} per key; a "
            "query and a key must have the same dimension d to have a dot product."
        )
    if v.shape[0] != k.shape[0]:
        raise ValueError(
            f"K has {k.shape[0]} keys but V has {v.shape[0]} values; value j belongs to key "
            "j, so pass one value row per key."
        )
    divisor = math.sqrt(q.shape[1]) if scaled else 1.0
    scores = q @ k.T
    logits = scores / divisor
    weights = softmax(logits)
    return Attention(
        queries=q,
        keys=k,
        values=v,
        divisor=divisor,
        scores=scores,
        logits=logits,
        weights=weights,
        output=weights @ v,
    )


# ---------------------------------------------------------------- entropy


def entropy(weights: npt.ArrayLike) -> float | np.ndarray:
    """−Σ w ln w of a row of weights (0 ln 0 counts as 0), or of each row of a 2-D array.

    ln n for n equal weights, 0 when one weight is 1 and the rest 0.
    """
    w = _as_array(weights, "weights", ndim=(1, 2)).astype(np.float64)
    if np.any(w < 0):
        raise ValueError(
            f"weights has a negative entry ({w.min():.3g}); weights come out of softmax and "
            "are never negative: pass softmax(scores), not the scores."
        )
    sums = w.sum(axis=-1)
    if not np.allclose(sums, 1.0, rtol=0, atol=1e-6):
        bad = float(np.ravel(sums)[np.argmax(np.abs(np.ravel(sums) - 1))])
        raise ValueError(
            f"each row of weights must sum to 1, but one sums to {bad:.6g}; pass softmax "
            "output (or divide the row by its sum)."
        )
    terms = np.zeros_like(w)
    positive = w > 0
    terms[positive] = w[positive] * np.log(w[positive])
    h = -terms.sum(axis=-1)
    h = np.maximum(h, 0.0)  # −0.0 and rounding below 0 for a one-hot row
    return float(h) if h.ndim == 0 else h


def softmax_jacobian(weights: npt.ArrayLike) -> np.ndarray:
    """J[i, j] = ∂w_i/∂s_j = w_i (δ_ij − w_j) for w = softmax(s): each weight's response
    to a small change of each score."""
    w = as_vector(weights, "weights").astype(np.float64)
    if np.any(w < 0) or not math.isclose(float(w.sum()), 1.0, abs_tol=1e-6):
        raise ValueError(
            "weights must be softmax output (non-negative, summing to 1); pass softmax(scores)."
        )
    return np.diag(w) - np.outer(w, w)


# ---------------------------------------------------------------- random q and k


@dataclass(frozen=True)
class DotSpread:
    """q·k for ``pairs`` random pairs at each d: its variance, std, and variance after ÷√d."""

    dims: tuple[int, ...]
    pairs: int
    variance: np.ndarray  # (len(dims),) measured Var(q·k)
    std: np.ndarray  # its square root
    scaled_variance: np.ndarray  # measured Var(q·k / √d)


def dot_spread(dims: Sequence[int], *, pairs: int = 2000, seed: int = 0) -> DotSpread:
    """Measure Var(q·k) at each d in ``dims``: ``pairs`` independent pairs q, k with i.i.d.
    standard normal entries (mean 0, variance 1), drawn from ``default_rng(seed)``."""
    ds = _check_dims(dims)
    m = _check_count(pairs, "pairs", low=2, example=2000)
    rng = np.random.default_rng(seed)
    var, scaled = [], []
    for d in ds:
        q = rng.standard_normal((m, d))
        k = rng.standard_normal((m, d))
        s = np.einsum("ij,ij->i", q, k)  # one dot product per pair
        var.append(s.var())
        scaled.append((s / math.sqrt(d)).var())
    variance = np.array(var)
    return DotSpread(
        dims=ds, pairs=m, variance=variance, std=np.sqrt(variance), scaled_variance=np.array(scaled)
    )


def seeded_query_keys(n: int, d: int, *, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """One query (d,) and n keys (n, d), i.i.d. standard normal: ``default_rng(seed)`` draws
    the query first, then the keys row by row."""
    n = _check_count(n, "n", low=2)
    d = _check_count(d, "d", example=64)
    rng = np.random.default_rng(seed)
    return rng.standard_normal(d), rng.standard_normal((n, d))


# ---------------------------------------------------------------- saturation


@dataclass(frozen=True)
class Saturation:
    """One query against n keys: softmax of the scores divided by √d and undivided."""

    d: int
    scores: np.ndarray  # (n,) q·k_j
    scaled_weights: np.ndarray  # (n,) softmax(scores / √d)
    raw_weights: np.ndarray  # (n,) softmax(scores)
    scaled_max: float
    raw_max: float
    scaled_entropy: float
    raw_entropy: float
    uniform_entropy: float  # ln n: the entropy of n equal weights
    top: int  # the key with the largest score (the same with or without √d)
    gap: float  # largest score minus the second largest, undivided

    @property
    def n(self) -> int:
        return int(self.scores.size)


def saturation(q: npt.ArrayLike, keys: npt.ArrayLike) -> Saturation:
    """Score one query ``q`` (d,) against ``keys`` (n, d) and softmax the row both ways."""
    query = as_vector(q, "q").astype(np.float64)
    k = _as_array(keys, "keys", ndim=(2,)).astype(np.float64)
    if k.shape[1] != query.size:
        raise ValueError(
            f"q has d={query.size} entries but each key has {k.shape[1]}; pass keys of shape "
            f"(n, {query.size})."
        )
    if k.shape[0] < 2:
        raise ValueError("keys needs at least 2 rows: with one key its weight is always 1.")
    d = query.size
    scores = k @ query
    scaled, raw = softmax(scores / math.sqrt(d)), softmax(scores)
    top2 = np.sort(scores)[-2:]
    return Saturation(
        d=d,
        scores=scores,
        scaled_weights=scaled,
        raw_weights=raw,
        scaled_max=float(scaled.max()),
        raw_max=float(raw.max()),
        scaled_entropy=float(entropy(scaled)),
        raw_entropy=float(entropy(raw)),
        uniform_entropy=math.log(k.shape[0]),
        top=int(np.argmax(scores)),
        gap=float(top2[1] - top2[0]),
    )


@dataclass(frozen=True)
class EntropyCurve:
    """Mean entropy (and mean largest weight) of a query's weights over n keys, per d."""

    dims: tuple[int, ...]
    n: int
    queries: int
    scaled_entropy: np.ndarray  # (len(dims),) with the √d
    raw_entropy: np.ndarray  # without it
    scaled_max: np.ndarray  # mean largest weight, with the √d
    raw_max: np.ndarray  # without it

    @property
    def uniform_entropy(self) -> float:
        """ln n: the entropy of n equal weights, the most spread out a row can be."""
        return math.log(self.n)


def entropy_curve(
    dims: Sequence[int], *, n: int = 8, queries: int = 100, seed: int = 0
) -> EntropyCurve:
    """Average over ``queries`` random queries, each with its own n random keys (i.i.d.
    standard normal entries, ``default_rng(seed)``), the entropy and the largest weight of
    softmax(q·k/√d) and of softmax(q·k), at each d in ``dims``."""
    ds = _check_dims(dims)
    n = _check_count(n, "n", low=2)
    m = _check_count(queries, "queries", example=100)
    rng = np.random.default_rng(seed)
    out: dict[str, list[float]] = {"se": [], "re": [], "sm": [], "rm": []}
    for d in ds:
        q = rng.standard_normal((m, d))
        k = rng.standard_normal((m, n, d))
        scores = np.einsum("md,mnd->mn", q, k)  # row i: query i against its n keys
        for (h, top), divisor in ((("se", "sm"), math.sqrt(d)), (("re", "rm"), 1.0)):
            w = softmax(scores / divisor)
            out[h].append(float(np.mean(entropy(w))))
            out[top].append(float(np.mean(w.max(axis=1))))
    return EntropyCurve(
        dims=ds,
        n=n,
        queries=m,
        scaled_entropy=np.array(out["se"]),
        raw_entropy=np.array(out["re"]),
        scaled_max=np.array(out["sm"]),
        raw_max=np.array(out["rm"]),
    )
