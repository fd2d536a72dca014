"""The rescaling freedom of a learned factorization X ≈ A Bᵀ, and what it does to cosines.

Model functions for notebook 04.04 (numpy only), after Steck, Ekanadham & Kallus (2024),
"Is Cosine-Similarity of Embeddings Really About Similarity?" (arXiv:2403.05440):
replacing A by A·D and B by B·D⁻¹ (D diagonal, positive) leaves every user–item dot
product (every entry of A Bᵀ) unchanged, but changes the cosines between rows of B, and
their ranking. Kendall's τ (:func:`kendall_tau`) measures how much a ranking changed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .vectors import _as_array, as_count, as_vector, similarity_matrix


@dataclass(frozen=True)
class Factorization:
    """X ≈ A Bᵀ from a truncated SVD, X ≈ U S Vᵀ, with S split as A = U S^split,
    B = V S^(1 − split). Row u of A is user u's embedding, row i of B is item i's.

    With ``shrink`` = λ > 0 every kept singular value is first lowered by λ: A = U (S − λ)^split,
    B = V (S − λ)^(1 − split). At split 0.5 that is the best rank-k model under weight decay,
    the loss |X − A Bᵀ|² + λ (|A|² + |B|²).
    """

    X: np.ndarray  # (n_users, n_items), the data
    A: np.ndarray  # (n_users, k), one embedding per user
    B: np.ndarray  # (n_items, k), one embedding per item
    singular_values: np.ndarray  # (k,), the k largest of X, largest first (before shrinking)
    split: float  # the power of S (or S − λ) given to A; B gets 1 − split
    shrink: float = 0.0  # λ, subtracted from every kept singular value

    @property
    def fitted(self) -> np.ndarray:
        """A Bᵀ: the model's score for every (user, item), one dot product each."""
        return self.A @ self.B.T

    @property
    def relative_error(self) -> float:
        """|X − A Bᵀ| / |X| (Frobenius norms: square roots of sums of squared entries)."""
        return float(np.linalg.norm(self.X - self.fitted) / np.linalg.norm(self.X))


@dataclass(frozen=True)
class PairCounts:
    """How the pairs of positions (i < j) of two score lists x, y compare."""

    concordant: int  # x and y order i, j the same way
    discordant: int  # opposite ways
    tied_x: int  # x ties i and j, y does not
    tied_y: int  # y ties them, x does not
    tied_both: int  # both tie them

    @property
    def pairs(self) -> int:
        return self.concordant + self.discordant + self.tied_x + self.tied_y + self.tied_both


@dataclass(frozen=True)
class Rescaled:
    """One query item's neighbours by cosine after A → A D, B → B D⁻¹, beside D = I.

    ``items`` are the other items in index order; ``cosines[j]`` and ``base_cosines[j]``
    belong to ``items[j]``. The orders list item numbers, largest cosine first.
    """

    d: np.ndarray  # (k,) the diagonal of D
    query: int
    items: tuple[int, ...]
    cosines: np.ndarray  # cos(query, item) with B D⁻¹
    base_cosines: np.ndarray  # the same with B (D = I)
    order: tuple[int, ...]  # items, nearest first, with B D⁻¹
    base_order: tuple[int, ...]  # the same with B
    tau: float  # Kendall τ between base_cosines and cosines
    counts: PairCounts  # the pairs behind τ
    max_change: float  # max |(A D)(B D⁻¹)ᵀ − A Bᵀ| over every entry
    user_score: float  # row 0 of A D dotted with the query's row of B D⁻¹
    base_user_score: float  # the same with A and B


def _count(value: object, name: str, low: int, high: int, example: str) -> int:
    return as_count(value, name, low=low, high=high, example=example)


def _positive_diagonal(d: npt.ArrayLike, k: int) -> np.ndarray:
    diag = as_vector(d, "d").astype(np.float64)
    if diag.size != k:
        raise ValueError(
            f"d has {diag.size} entries but the embeddings have k={k} columns; D = diag(d) "
            f"needs one entry per column, e.g. d=[1.0] * {k}."
        )
    if np.any(diag <= 0):
        bad = int(np.flatnonzero(diag <= 0)[0])
        raise ValueError(
            f"d[{bad}] is {diag[bad]}, but every diagonal entry of D must be > 0: a zero has "
            "no inverse, and a negative entry flips that coordinate's sign; use d > 0."
        )
    return diag


def _factors(A: npt.ArrayLike, B: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    a = _as_array(A, "A", ndim=(2,)).astype(np.float64)
    b = _as_array(B, "B", ndim=(2,)).astype(np.float64)
    if a.shape[1] != b.shape[1]:
        raise ValueError(
            f"A has k={a.shape[1]} columns but B has k={b.shape[1]}; in X ≈ A Bᵀ both need "
            f"the same number of columns (A has shape {a.shape}, B has shape {b.shape})."
        )
    return a, b


def ratings_matrix(
    n_users: int = 12, n_items: int = 8, *, rank: int = 3, noise: float = 0.3, seed: int = 0
) -> np.ndarray:
    """A seeded toy ratings matrix: whole stars 0–5 from hidden tastes of ``rank`` numbers.

    Entry (u, i) is 2.5 + t_u·p_i + noise, rounded and clipped to 0..5, where t_u (user
    u's hidden taste) and p_i (item i's hidden profile) are standard normal.
    """
    n_users = _count(n_users, "n_users", 2, 10_000, "n_users=12")
    n_items = _count(n_items, "n_items", 2, 10_000, "n_items=8")
    rank = _count(rank, "rank", 1, min(n_users, n_items), "rank=3")
    sigma = float(_as_array(noise, "noise", ndim=(0,)))
    if sigma < 0:
        raise ValueError(f"noise is a standard deviation, so it must be >= 0, got {sigma}.")
    rng = np.random.default_rng(seed)
    tastes = rng.standard_normal((n_users, rank))
    profiles = rng.standard_normal((n_items, rank))
    raw = 2.5 + tastes @ profiles.T + sigma * rng.standard_normal((n_users, n_items))
    return np.clip(np.round(raw), 0.0, 5.0)


def factorize(
    X: npt.ArrayLike, k: int, *, split: float = 0.5, shrink: float = 0.0
) -> Factorization:
    """The best rank-k fit X ≈ A Bᵀ (truncated SVD), A = U S^split, B = V S^(1 − split).

    ``shrink`` = λ ≥ 0 lowers every kept singular value by λ first (it must stay above 0):
    with split 0.5, A = U (S − λ)^½, B = V (S − λ)^½ minimizes the weight-decay loss
    |X − A Bᵀ|² + λ (|A|² + |B|²) over every A, B with k columns.

    Signs: the SVD fixes each column of U and V only up to sign (flipping column j of both
    changes no product and no cosine); we flip so that in each column of B the entry of
    largest size is positive.
    """
    x = _as_array(X, "X", ndim=(2,)).astype(np.float64)
    k = _count(k, "k", 1, min(x.shape), "k=3")
    p = float(_as_array(split, "split", ndim=(0,)))
    if not 0.0 <= p <= 1.0:
        raise ValueError(
            f"split must be between 0 and 1 (the power of S given to A), got {p}; "
            "0.5 splits S evenly."
        )
    lam = float(_as_array(shrink, "shrink", ndim=(0,)))
    if lam < 0:
        raise ValueError(
            f"shrink is the weight-decay strength λ, so it must be >= 0, got {lam}; "
            "use 0 for no weight decay."
        )
    u, s, vt = np.linalg.svd(x, full_matrices=False)
    if s[k - 1] <= s[0] * max(x.shape) * np.finfo(np.float64).eps:  # numpy's rank cut-off
        raise ValueError(
            f"X has rank below k={k} (its singular value number {k} is 0 up to rounding), so "
            "A and B would not be determined; pick a smaller k."
        )
    if lam >= s[k - 1]:
        raise ValueError(
            f"shrink={lam} is not below singular value number {k}, {s[k - 1]:.4g}: that "
            "column would shrink to 0 or below; use a smaller shrink or a smaller k."
        )
    u, s, v = u[:, :k], s[:k], vt[:k].T
    flip = np.sign(v[np.argmax(np.abs(v), axis=0), np.arange(k)])
    u, v = u * flip, v * flip
    kept = s - lam
    return Factorization(
        X=x, A=u * kept**p, B=v * kept ** (1.0 - p), singular_values=s, split=p, shrink=lam
    )


def rescale(A: npt.ArrayLike, B: npt.ArrayLike, d: npt.ArrayLike) -> tuple[np.ndarray, np.ndarray]:
    """(A D, B D⁻¹) for D = diag(d), d > 0: column j of A times d[j], of B divided by it."""
    a, b = _factors(A, B)
    diag = _positive_diagonal(d, a.shape[1])
    return a * diag, b / diag


def item_cosines(B: npt.ArrayLike) -> np.ndarray:
    """Every item–item cosine: entry (i, j) is cos(row i of B, row j of B)."""
    b = _as_array(B, "B", ndim=(2,))
    return similarity_matrix(b, b, normalize=True)


def best_first(scores: npt.ArrayLike) -> tuple[int, ...]:
    """Positions of ``scores`` from largest to smallest; equal scores keep lower index first."""
    s = _as_array(scores, "scores")
    return tuple(int(i) for i in np.argsort(-s, kind="stable"))


def pair_counts(x: npt.ArrayLike, y: npt.ArrayLike) -> PairCounts:
    """Compare every pair of positions i < j of x and y: same order, opposite, or tied."""
    a, b = as_vector(x, "x"), as_vector(y, "y")
    if a.shape != b.shape:
        raise ValueError(
            f"x has {a.size} scores but y has {b.size}; Kendall τ compares two scores of "
            "the same items, so give one score per item in each."
        )
    if a.size < 2:
        raise ValueError("x and y need at least 2 scores each: τ compares pairs of items.")
    i, j = np.triu_indices(a.size, k=1)
    sx, sy = np.sign(a[i] - a[j]), np.sign(b[i] - b[j])
    return PairCounts(
        concordant=int(np.sum(sx * sy > 0)),
        discordant=int(np.sum(sx * sy < 0)),
        tied_x=int(np.sum((sx == 0) & (sy != 0))),
        tied_y=int(np.sum((sx != 0) & (sy == 0))),
        tied_both=int(np.sum((sx == 0) & (sy == 0))),
    )


def tau_from_counts(c: PairCounts) -> float:
    """Kendall τ-b from pair counts: (C − D) / √((C + D + T_x)(C + D + T_y)).

    With no ties it is (C − D) / (number of pairs): the fraction of pairs ordered the same
    way minus the fraction ordered the opposite way.
    """
    ordered = c.concordant + c.discordant
    denominator = math.sqrt((ordered + c.tied_x) * (ordered + c.tied_y))
    if denominator == 0:
        raise ValueError(
            "every score in x (or every score in y) is the same, so no pair is ordered and "
            "Kendall τ is undefined (0/0); rank scores that differ."
        )
    return (c.concordant - c.discordant) / denominator


def kendall_tau(x: npt.ArrayLike, y: npt.ArrayLike) -> float:
    """Kendall τ between two score lists of the same items, from −1 to +1.

    +1: every pair of items is ordered the same way by x and by y; −1: every pair is
    reversed. Ties: τ-b (scipy's default), where a pair tied in one list counts as neither
    same nor opposite and shrinks that list's share of the denominator, so that two
    identical lists with ties still give +1. A pair tied in both is left out.
    """
    return tau_from_counts(pair_counts(x, y))


def _query(query: int, n_items: int) -> int:
    return _count(query, "query", 0, n_items - 1, f"query=0 (an item number below {n_items})")


def rescaled_neighbours(
    A: npt.ArrayLike, B: npt.ArrayLike, d: npt.ArrayLike, query: int
) -> Rescaled:
    """The query item's cosines with every other item, with B and with B D⁻¹; τ between them."""
    a, b = _factors(A, B)
    q = _query(query, b.shape[0])
    ad, bd = rescale(a, b, d)
    items = tuple(i for i in range(b.shape[0]) if i != q)
    base = item_cosines(b)[q, list(items)]
    now = item_cosines(bd)[q, list(items)]
    counts = pair_counts(base, now)
    return Rescaled(
        d=_positive_diagonal(d, a.shape[1]),
        query=q,
        items=items,
        cosines=now,
        base_cosines=base,
        order=tuple(items[i] for i in best_first(now)),
        base_order=tuple(items[i] for i in best_first(base)),
        tau=tau_from_counts(counts),
        counts=counts,
        max_change=float(np.max(np.abs(ad @ bd.T - a @ b.T))),
        user_score=float(ad[0] @ bd[q]),
        base_user_score=float(a[0] @ b[q]),
    )


def tau_over(
    A: npt.ArrayLike, B: npt.ArrayLike, query: int, diagonals: npt.ArrayLike
) -> np.ndarray:
    """Kendall τ of the query's neighbour ranking, B D⁻¹ against B, for each row d of
    ``diagonals`` (shape (m, k)): one τ per D, all at once (the same τ-b as
    :func:`kendall_tau`)."""
    a, b = _factors(A, B)
    q = _query(query, b.shape[0])
    ds = _as_array(diagonals, "diagonals", ndim=(2,)).astype(np.float64)
    for d in ds:
        _positive_diagonal(d, b.shape[1])
    others = [i for i in range(b.shape[0]) if i != q]
    base = item_cosines(b)[q, others]
    scaled = b[None, :, :] / ds[:, None, :]  # (m, items, k): B D⁻¹ for every D
    unit = scaled / np.linalg.norm(scaled, axis=2, keepdims=True)
    cosines = np.einsum("mk,mnk->mn", unit[:, q], unit[:, others])  # (m, items − 1)
    i, j = np.triu_indices(len(others), k=1)
    sx = np.sign(base[i] - base[j])  # (pairs,)
    sy = np.sign(cosines[:, i] - cosines[:, j])  # (m, pairs)
    concordant = np.sum(sx * sy > 0, axis=1)
    discordant = np.sum(sx * sy < 0, axis=1)
    tied_x = np.sum((sx == 0) & (sy != 0), axis=1)
    tied_y = np.sum((sx != 0) & (sy == 0), axis=1)
    ordered = concordant + discordant
    denominator = np.sqrt((ordered + tied_x) * (ordered + tied_y))
    if np.any(denominator == 0):
        raise ValueError(
            "for some D every cosine with the query is the same, so Kendall τ is undefined "
            "(0/0); leave out that D."
        )
    return (concordant - discordant) / denominator


def weight_decay(A: npt.ArrayLike, B: npt.ArrayLike, d: npt.ArrayLike) -> float:
    """|A D|² + |B D⁻¹|² (sums of all squared entries): the usual L2 penalty on both factors."""
    ad, bd = rescale(A, B, d)
    return float(np.sum(ad**2) + np.sum(bd**2))


def balancing_diagonal(A: npt.ArrayLike, B: npt.ArrayLike) -> np.ndarray:
    """The d > 0 that makes :func:`weight_decay` smallest: d_j = √(|B_j| / |A_j|) per column j.

    Column j contributes d_j² |A_j|² + |B_j|² / d_j², smallest where d_j⁴ = |B_j|² / |A_j|²;
    after it, columns j of A D and B D⁻¹ have equal lengths.
    """
    a, b = _factors(A, B)
    na, nb = np.linalg.norm(a, axis=0), np.linalg.norm(b, axis=0)
    if np.any(na == 0) or np.any(nb == 0):
        raise ValueError(
            "a column of A or B is all zeros, so no rescaling balances it; drop that column."
        )
    return np.sqrt(nb / na)
