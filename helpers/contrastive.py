"""Softmax, cross-entropy and the dual-encoder (contrastive) loss, with its gradients (numpy only).

The loss a dual-encoder lab trains with is ``CrossEntropyLoss(q_emb @ a_emb.T, arange(N))``:
row i of the score matrix is a question's scores against every answer in the batch, and
the right answer is the one on the diagonal. :func:`contrastive_loss` computes exactly
that, optionally on L2-normalized rows (cosine scores), divided by a temperature, and in
both directions (CLIP's symmetric loss), and returns its gradients for training in numpy.

Every function checks its input first and raises a short ``ValueError`` or ``TypeError``
that names the argument and says what to do.
"""

from __future__ import annotations

import math
from typing import Literal, overload

import numpy as np
import numpy.typing as npt

from .vectors import FloatArray, _as_array, _check_flag, _unit, norm

__all__ = [
    "chance_loss",
    "check_temperature",
    "contrastive_loss",
    "cross_entropy",
    "log_softmax",
    "loss_floor",
    "simplex",
    "softmax",
]


# ---------------------------------------------------------------- validation


def _check_axis(axis: object, ndim: int) -> int:
    if isinstance(axis, bool) or not isinstance(axis, int | np.integer):
        raise TypeError(f"axis must be an integer (e.g. axis=-1 for each row), got {axis!r}.")
    if not -ndim <= int(axis) < ndim:
        raise ValueError(
            f"axis={axis} does not exist for a {ndim}-D array; use -1 (each row) or one of "
            f"{list(range(-ndim, ndim))}."
        )
    return int(axis)


def check_temperature(temperature: object) -> float:
    """Return ``temperature`` as a float if it is a positive, finite number; else raise."""
    if isinstance(temperature, bool) or not isinstance(temperature, int | float | np.number):
        raise TypeError(
            f"temperature must be a positive number such as 0.07 or 1.0, got {temperature!r}."
        )
    t = float(temperature)
    if not math.isfinite(t) or t <= 0:
        raise ValueError(
            f"temperature must be a positive, finite number (it divides every score), got "
            f"{temperature!r}; typical values are 0.05 to 1."
        )
    return t


def _check_batches(Q: npt.ArrayLike, A: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    q, a = _as_array(Q, "Q", ndim=(2,)), _as_array(A, "A", ndim=(2,))
    if q.shape[0] != a.shape[0]:
        raise ValueError(
            f"Q has {q.shape[0]} rows (questions) but A has {a.shape[0]} rows (answers); the "
            "loss pairs row i of Q with row i of A, so pass the same number of each."
        )
    if q.shape[1] != a.shape[1]:
        raise ValueError(
            f"Q has d={q.shape[1]} columns but A has d={a.shape[1]}; both encoders must "
            f"output the same embedding dimension (Q has shape {q.shape}, A has shape {a.shape})."
        )
    dtype = np.result_type(q, a)
    return q.astype(dtype, copy=False), a.astype(dtype, copy=False)


def _check_targets(targets: npt.ArrayLike, n: int, m: int) -> np.ndarray:
    if targets is None or isinstance(targets, str | bytes):
        raise TypeError(
            f"targets must be one integer class index per row, e.g. np.arange({n}), got "
            f"{targets!r}."
        )
    t = np.asarray(targets)
    if t.dtype.kind == "f" and t.size and np.all(np.isfinite(t)) and np.all(t == np.round(t)):
        t = t.astype(np.int64)
    if t.dtype.kind not in "iu":
        raise TypeError(
            f"targets must hold integer class indices (the column of the right answer in "
            f"each row), but its dtype is {t.dtype}; e.g. targets=np.arange({n})."
        )
    if t.shape != (n,):
        raise ValueError(
            f"targets has shape {t.shape} but logits has {n} rows; give one target per row "
            f"(shape ({n},))."
        )
    if np.any((t < 0) | (t >= m)):
        bad = int(t[np.argmax((t < 0) | (t >= m))])
        raise ValueError(
            f"targets contains {bad}, but logits has only {m} columns; every target must be "
            f"a column index from 0 to {m - 1}."
        )
    return t


# ---------------------------------------------------------------- softmax and cross-entropy


def log_softmax(logits: npt.ArrayLike, *, axis: int = -1) -> FloatArray:
    """log softmax along ``axis``: x - max(x) - log(sum(exp(x - max(x)))), stable for huge x."""
    x = _as_array(logits, "logits", ndim=(1, 2))
    ax = _check_axis(axis, x.ndim)
    shifted = x - np.max(x, axis=ax, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=ax, keepdims=True))


def softmax(logits: npt.ArrayLike, *, axis: int = -1) -> FloatArray:
    """exp(x) / sum(exp(x)) along ``axis`` (each row by default): positive, summing to 1.

    The maximum is subtracted first, which changes nothing (softmax ignores a common offset)
    but keeps exp from overflowing for large logits.
    """
    x = _as_array(logits, "logits", ndim=(1, 2))
    ax = _check_axis(axis, x.ndim)
    e = np.exp(x - np.max(x, axis=ax, keepdims=True))
    return e / np.sum(e, axis=ax, keepdims=True)


def cross_entropy(logits: npt.ArrayLike, targets: npt.ArrayLike) -> float:
    """Mean over rows of -log softmax(row)[target]: the loss of ``CrossEntropyLoss``.

    ``logits`` has shape (n, m) (one row of scores per example); ``targets`` holds the
    column of the right class in each row.
    """
    x = _as_array(logits, "logits", ndim=(2,))
    t = _check_targets(targets, *x.shape)
    return float(-np.mean(log_softmax(x)[np.arange(x.shape[0]), t]))


# ---------------------------------------------------------------- the dual-encoder loss


@overload
def contrastive_loss(
    Q: npt.ArrayLike,
    A: npt.ArrayLike,
    *,
    temperature: float = ...,
    normalize: bool = ...,
    symmetric: bool = ...,
    return_grads: Literal[False] = ...,
) -> float: ...
@overload
def contrastive_loss(
    Q: npt.ArrayLike,
    A: npt.ArrayLike,
    *,
    temperature: float = ...,
    normalize: bool = ...,
    symmetric: bool = ...,
    return_grads: Literal[True],
) -> tuple[float, FloatArray, FloatArray, float]: ...
def contrastive_loss(
    Q: npt.ArrayLike,
    A: npt.ArrayLike,
    *,
    temperature: float = 1.0,
    normalize: bool = False,
    symmetric: bool = False,
    return_grads: bool = False,
) -> float | tuple[float, FloatArray, FloatArray, float]:
    """The dual-encoder loss ``cross_entropy(S / temperature, arange(N))``, S = Q @ A.T.

    Row i of ``Q`` (N, d) is question i and row i of ``A`` (N, d) its answer; the other N-1
    answers in the batch are the negatives. With ``normalize=True`` every row is scaled to
    length 1 first, so S holds cosine similarities. ``symmetric=True`` averages the
    question→answer loss with the answer→question loss (the same matrix read by columns),
    as CLIP does. With ``return_grads=True`` it returns ``(loss, dQ, dA, dtemperature)``,
    the loss and its gradients with respect to Q, A and the temperature.
    """
    for flag, name in ((normalize, "normalize"), (symmetric, "symmetric")):
        _check_flag(flag, name)
    _check_flag(return_grads, "return_grads")
    tau = check_temperature(temperature)
    q, a = _check_batches(Q, A)
    if normalize:
        purpose = "its cosine score (normalize=True)"
        qn, an = _unit(q, "Q", purpose), _unit(a, "A", purpose)
    else:
        qn, an = q, a
    s = qn @ an.T
    z = s / tau
    n = s.shape[0]
    rows = np.arange(n)
    lr = log_softmax(z, axis=1)  # question -> answer: each row over the answers
    loss = -np.mean(lr[rows, rows])
    if symmetric:
        lc = log_softmax(z, axis=0)  # answer -> question: each column over the questions
        loss = (loss - np.mean(lc[rows, rows])) / 2
    if not return_grads:
        return float(loss)

    # d loss / d z: (softmax - one-hot) / N for each direction, averaged if symmetric.
    eye = np.eye(n, dtype=z.dtype)
    dz = (np.exp(lr) - eye) / n
    if symmetric:
        dz = (dz + (np.exp(lc) - eye) / n) / 2
    ds = dz / tau
    dtau = float(-np.sum(dz * s) / tau**2)
    dqn, dan = ds @ an, ds.T @ qn
    if normalize:
        # Through x -> x/|x|: remove the part along the unit vector, then divide by |x|.
        dqn = (dqn - qn * np.sum(dqn * qn, axis=1, keepdims=True)) / norm(q)[:, None]
        dan = (dan - an * np.sum(dan * an, axis=1, keepdims=True)) / norm(a)[:, None]
    return float(loss), dqn, dan, dtau


# ---------------------------------------------------------------- reference values


def _check_batch_size(n: object) -> int:
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 2:
        raise ValueError(
            f"the batch size N must be a whole number of pairs, at least 2 (one right "
            f"answer and one negative), got {n!r}."
        )
    return int(n)


def chance_loss(n: int) -> float:
    """ln N: the loss when every score in a row is equal (a uniform guess over N answers)."""
    return math.log(_check_batch_size(n))


def loss_floor(n: int, temperature: float) -> float:
    """Lowest possible loss with cosine scores / temperature: ln(1 + (N-1)·exp(-N/((N-1)τ))).

    Reached when the N unit vectors form a regular simplex: every diagonal cosine 1, every
    other cosine -1/(N-1). Then a row's logits are 1/τ once and -1/((N-1)τ) N-1 times.
    """
    n = _check_batch_size(n)
    tau = check_temperature(temperature)
    return math.log1p((n - 1) * math.exp(-n / ((n - 1) * tau)))


def simplex(n: int) -> FloatArray:
    """N unit vectors (rows, in N dimensions) whose pairwise cosines are all -1/(N-1).

    The corners of a regular simplex: the standard basis vectors, mean-centred and scaled
    to length 1. Using them as both questions and answers gives :func:`loss_floor`.
    """
    n = _check_batch_size(n)
    centred = np.eye(n) - 1.0 / n
    return centred / np.sqrt(1.0 - 1.0 / n)
