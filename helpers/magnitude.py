"""Rankings by dot product and by cosine, and how a candidate's length can flip them.

Model functions for notebook 02.01 (numpy only). Each returns every number its
figure or readout shows, computed with :mod:`helpers.vectors` validation.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .vectors import _as_array, as_vector, norm


@dataclass(frozen=True)
class Rankings:
    """A query scored against candidates, by dot product and by cosine similarity.

    The orders list candidate indices best first; equal scores go lower index first.
    """

    query: np.ndarray  # (d,)
    candidates: np.ndarray  # (m, d), one candidate per row
    dots: np.ndarray  # (m,) q·c for each candidate
    cosines: np.ndarray  # (m,) cos(q, c) = q·c / (|q| |c|)
    lengths: np.ndarray  # (m,) |c|
    by_dot: tuple[int, ...]  # indices, largest q·c first
    by_cosine: tuple[int, ...]  # indices, largest cosine first

    @property
    def agree(self) -> bool:
        """True when both scores put the candidates in the same order."""
        return self.by_dot == self.by_cosine


@dataclass(frozen=True)
class Stretch:
    """Candidates after multiplying one of them (``index``) by ``scale``, ranked both ways."""

    scale: float
    index: int  # the candidate that was stretched
    base: np.ndarray  # that candidate before stretching
    rankings: Rankings  # of the candidates with the stretched one in place
    overtakes: tuple[float, ...]  # per candidate j: the threshold s* above which `index`
    # beats j under the dot product (math.inf: never; nan for `index` itself)


def _nonzero(v: np.ndarray, name: str) -> np.ndarray:
    if not np.any(v):
        raise ValueError(
            f"{name} is the zero vector: it has no direction, so it cannot be compared by "
            "angle; use a vector with at least one nonzero entry."
        )
    return v


def _same_dim(v: np.ndarray, name: str, d: int, other: str) -> np.ndarray:
    if v.shape[-1] != d:
        raise ValueError(
            f"{name} has {v.shape[-1]} entries per vector but {other} has {d}; every vector "
            "needs the same number of entries (the same embedding dimension)."
        )
    return v


def best_first(scores: npt.ArrayLike) -> tuple[int, ...]:
    """Indices of ``scores`` from largest to smallest; equal scores keep lower index first."""
    s = _as_array(scores, "scores")
    return tuple(int(i) for i in np.argsort(-s, kind="stable"))


def rankings(q: npt.ArrayLike, candidates: npt.ArrayLike) -> Rankings:
    """Score each row of ``candidates`` against ``q`` by dot product and by cosine; rank both."""
    query = _nonzero(as_vector(q, "q"), "q").astype(np.float64)
    cands = _as_array(candidates, "candidates", ndim=(2,)).astype(np.float64)
    _same_dim(cands, "candidates", query.size, "q")
    lengths = np.asarray(norm(cands))  # one length per candidate, overflow-safe
    zero = np.flatnonzero(lengths == 0)
    if zero.size:
        raise ValueError(
            f"candidates row {zero[0]} is the zero vector: it has no direction, so its cosine "
            "with q is undefined; drop it or give it a nonzero entry."
        )
    dots = cands @ query
    cosines = np.clip(dots / (lengths * math.sqrt(float(query @ query))), -1.0, 1.0)
    return Rankings(
        query=query,
        candidates=cands,
        dots=dots,
        cosines=cosines,
        lengths=lengths,
        by_dot=best_first(dots),
        by_cosine=best_first(cosines),
    )


def winning_threshold(score_relevant: float, score_off_topic: float) -> float:
    """The threshold s* for s × score_off_topic > score_relevant: every s > s* wins.

    With score_off_topic > 0 it is score_relevant / score_off_topic, the scale at which
    the two scores tie (0.0 if that is negative: every positive scale already wins).
    With score_off_topic <= 0 growing never wins: math.inf (0.0 in the one odd case
    score_off_topic = 0 > score_relevant, where every scale wins).
    """
    r, x = float(score_relevant), float(score_off_topic)
    if not (math.isfinite(r) and math.isfinite(x)):
        raise ValueError(f"scores must be finite, got {r} and {x}; check the vectors for NaN.")
    if x > 0:
        return max(r / x, 0.0)
    if x == 0:
        return 0.0 if r < 0 else math.inf
    return math.inf  # s·x < 0 falls further as s grows


def winning_scale_threshold(
    q: npt.ArrayLike, relevant: npt.ArrayLike, off_topic: npt.ArrayLike
) -> float:
    """The threshold s*: s × off_topic beats relevant under q's dot product for every s > s*.

    It is not itself a winning scale: with q·off_topic > 0 it is the scale at which the two
    dot products tie, s* = (q·relevant) / (q·off_topic) (0.0 if that is negative). With
    q·off_topic <= 0 no growth helps, and it is math.inf (0.0 in the one odd case
    q·off_topic = 0 > q·relevant, where off_topic wins at every scale). Under cosine no
    positive scale changes anything.
    """
    query = _nonzero(as_vector(q, "q"), "q").astype(np.float64)
    r = _same_dim(as_vector(relevant, "relevant"), "relevant", query.size, "q")
    x = _same_dim(as_vector(off_topic, "off_topic"), "off_topic", query.size, "q")
    return winning_threshold(float(query @ r), float(query @ x))


def stretch(q: npt.ArrayLike, candidates: npt.ArrayLike, index: int, scale: float) -> Stretch:
    """Multiply candidate ``index`` by ``scale`` (> 0), then rank all candidates both ways."""
    cands = _as_array(candidates, "candidates", ndim=(2,)).astype(np.float64)
    if isinstance(index, bool) or not isinstance(index, int | np.integer):
        raise TypeError(f"index must be a row number (int), got {index!r}; e.g. index=2.")
    if not -cands.shape[0] <= index < cands.shape[0]:
        raise ValueError(
            f"index is {index}, but there are only {cands.shape[0]} candidates; pass 0 to "
            f"{cands.shape[0] - 1}."
        )
    s = float(_as_array(scale, "scale", ndim=(0,)))
    if s <= 0:
        raise ValueError(
            f"scale must be > 0, got {s}; a negative scale flips the direction, which is not "
            "a change of length."
        )
    i = int(index) % cands.shape[0]
    base = cands[i].copy()
    stretched = cands.copy()
    stretched[i] = s * base
    ranked = rankings(q, stretched)
    base_dot = float(ranked.query @ base)
    overtakes = tuple(
        math.nan if j == i else winning_threshold(float(ranked.dots[j]), base_dot)
        for j in range(cands.shape[0])
    )
    return Stretch(scale=s, index=i, base=base, rankings=ranked, overtakes=overtakes)


def top_hits(queries: npt.ArrayLike, answers: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """For each query row: the index of its top hit (best answer) by dot product and by cosine.

    A loop over the queries: each is ranked against every answer with :func:`rankings`, and
    the first index of each order is kept. Returns two integer arrays, one entry per query.
    """
    qs = _as_array(queries, "queries", ndim=(2,))
    by_dot, by_cos = [], []
    for q in qs:
        ranked = rankings(q, answers)
        by_dot.append(ranked.by_dot[0])
        by_cos.append(ranked.by_cosine[0])
    return np.array(by_dot), np.array(by_cos)
