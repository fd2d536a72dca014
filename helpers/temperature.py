"""One row of cosine scores through softmax at a temperature τ (numpy only).

Model functions for notebook 03.01:

* :func:`cosine_row` builds an honest row of cosine scores: question q's cosine with its
  right answer (set exactly) and with random directions (the negatives), seeded;
* :func:`row_softmax` divides a row by τ, applies softmax and returns every number the
  demo shows: the probabilities, p(right), the row's loss −ln p(right), the chance level
  ln N and the batch floor for N unit vectors (:func:`helpers.contrastive.loss_floor`), a
  bound on the average loss over a batch's rows, not on one row's loss; given the
  dimension of the vectors, it also says whether any batch can reach that floor (the regular
  simplex that reaches it needs N − 1 dimensions).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .contrastive import chance_loss, check_temperature, log_softmax, loss_floor
from .vectors import _as_array, _unit, as_count

__all__ = ["TemperatureRow", "cosine_row", "row_softmax"]


@dataclass(frozen=True)
class TemperatureRow:
    """One question's row of cosine scores, divided by τ and turned into probabilities.

    Entry ``right`` is the right answer; every other entry is a negative (another answer of
    the batch).
    """

    tau: float  # the temperature τ
    right: int  # the column of the right answer
    cosines: np.ndarray  # (N,) the row's cosine scores, each in [-1, 1]
    logits: np.ndarray  # (N,) cosines / τ: what softmax sees
    probs: np.ndarray  # (N,) softmax(logits): positive, summing to 1
    loss: float  # −ln probs[right], this row's cross-entropy
    chance: float  # ln N: the loss when every score in the row is equal
    floor: float  # the lowest average loss over a batch's rows any N unit vectors reach at τ
    dim: int | None = None  # the dimension of the vectors, if known

    @property
    def n(self) -> int:
        """N, the batch size: the right answer and N − 1 negatives."""
        return int(self.cosines.size)

    @property
    def p_right(self) -> float:
        """The probability softmax gives the right answer."""
        return float(self.probs[self.right])

    @property
    def top_negative(self) -> float:
        """The largest cosine among the negatives."""
        return float(np.max(np.delete(self.cosines, self.right)))

    @property
    def floor_reachable(self) -> bool | None:
        """Whether some batch of N unit vectors in ``dim`` dimensions reaches the floor: only
        the regular simplex does, and it needs N − 1 dimensions. None when ``dim`` is unknown."""
        return None if self.dim is None else self.n - 1 <= self.dim

    @property
    def ranked_first(self) -> bool:
        """True when the right answer's cosine beats every negative's."""
        return float(self.cosines[self.right]) > self.top_negative


def _count(value: object, name: str, low: int, example: str) -> int:
    return as_count(value, name, low=low, example=example, whole_floats=True)


def cosine_row(negatives: int, *, right: float = 0.8, d: int = 16, seed: int = 301) -> np.ndarray:
    """Cosines of a question q with its right answer (entry 0) and ``negatives`` others.

    q is a random direction in ``d`` dimensions; the right answer is
    ``right``·q̂ + √(1 − right²)·û with û a random unit vector at right angles to q, so its
    cosine with q is exactly ``right``; each negative is a random Gaussian direction, scored
    by its cosine with q. Everything comes from ``np.random.default_rng(seed)``, drawn in
    that order (q, then û, then the negatives, row by row), so the first k negatives are
    the same whatever ``negatives`` is.
    """
    k = _count(negatives, "negatives", 1, "negatives=31")
    dim = _count(d, "d", 2, "d=16")
    r = float(_as_array(right, "right", ndim=(0,)))
    if not -1 <= r <= 1:
        raise ValueError(f"right is a cosine, so it must lie in [-1, 1], got {r}; e.g. 0.8.")
    rng = np.random.default_rng(_count(seed, "seed", 0, "seed=301"))
    q = _unit(rng.standard_normal(dim), "q", "its direction")
    u = rng.standard_normal(dim)
    u = _unit(u - (u @ q) * q, "u", "a direction at right angles to q")
    others = _unit(rng.standard_normal((k, dim)), "negatives", "its cosine with q")
    answer = r * q + math.sqrt(1.0 - r * r) * u
    return np.concatenate([[float(answer @ q)], others @ q])


def row_softmax(
    cosines: npt.ArrayLike, tau: float, *, right: int = 0, dim: int | None = None
) -> TemperatureRow:
    """Softmax of ``cosines / tau`` for one row, with the row's loss, ln N and the floor;
    ``dim``, the dimension of the vectors behind the cosines, if given, is kept in the result
    (for :attr:`TemperatureRow.floor_reachable`)."""
    c = _as_array(cosines, "cosines")
    if c.size < 2:
        raise ValueError(
            f"cosines has {c.size} entry; a row needs the right answer and at least one "
            "negative (N ≥ 2)."
        )
    if np.any(np.abs(c) > 1 + 1e-12):
        bad = float(c[np.argmax(np.abs(c))])
        raise ValueError(
            f"cosines contains {bad}, outside [-1, 1]; a cosine score comes from unit "
            "vectors, so normalize the vectors first (or pass their cosine similarities)."
        )
    t = check_temperature(tau)
    if isinstance(right, bool) or not isinstance(right, int | np.integer):
        raise TypeError(f"right must be a column index (int), got {right!r}; e.g. right=0.")
    if not 0 <= right < c.size:
        raise ValueError(f"right is {right}, but the row has columns 0 to {c.size - 1}.")
    d = None if dim is None else _count(dim, "dim", 1, "dim=16")
    c = np.clip(c.astype(np.float64), -1.0, 1.0)
    logits = c / t
    # The row's loss as ln(1 + Σ_{j≠right} e^(gap_j)), gap_j = logit_j − logit_right: log1p
    # keeps it accurate when it is tiny (small τ), where 1 − p(right) would round to 0.
    gaps = np.delete(logits - logits[right], right)
    top = float(np.max(gaps))
    if top <= 0:
        loss = math.log1p(float(np.sum(np.exp(gaps))))
    else:  # a negative outscores the right answer: factor out the largest term
        loss = top + math.log(math.exp(-top) + float(np.sum(np.exp(gaps - top))))
    return TemperatureRow(
        tau=t,
        right=int(right),
        cosines=c,
        logits=logits,
        probs=np.exp(log_softmax(logits)),
        loss=loss,
        chance=chance_loss(c.size),
        floor=loss_floor(c.size, t),
        dim=d,
    )
