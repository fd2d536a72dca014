"""A tiny dual encoder trained in numpy: paired data, linear encoders, Adam, recall@1 (03.02).

* :func:`make_pairs`: seeded question/answer features that share a hidden latent vector per
  pair, split into training pairs and held-out test pairs;
* :func:`encode` and :func:`encoder_grad`: a linear encoder ``E = X @ W`` and the chain rule
  ``dW = X.T @ dE``;
* :func:`train`: minibatches of N pairs, the dual-encoder loss of :mod:`helpers.contrastive`
  with dot-product or cosine scores, a fixed or learned temperature, and Adam;
* :func:`recall_at_1`, :func:`alignment`, :func:`uniformity`: what the notebook measures;
* :func:`mean_batch_loss`: the mean loss of given embeddings over shuffled batches, for
  reference encoders (e.g. the hidden vectors z themselves);
* :func:`moving_embeddings` and :func:`embedding_frame`: the 2-D runs behind the live demo.

Every function checks its input first and raises a short ``ValueError`` or ``TypeError``
that names the argument and says what to do.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from .contrastive import contrastive_loss
from .vectors import FloatArray, _as_array, _check_flag, _unit, as_count, norm

__all__ = [
    "CLIP_MAX_SCALE",
    "CLIP_TEMPERATURE",
    "CURVE_WINDOW",
    "EmbeddingFrame",
    "FrameSide",
    "MovingEmbeddings",
    "Pairs",
    "Run",
    "adam_step",
    "alignment",
    "embedding_frame",
    "encode",
    "encoder_grad",
    "init_encoders",
    "log_scale_grad",
    "make_pairs",
    "mean_batch_loss",
    "moving_embeddings",
    "recall_at_1",
    "stretch_slope",
    "train",
    "uniformity",
]

CLIP_TEMPERATURE = 0.07  # CLIP's initial temperature (Radford et al. 2021)
CLIP_MAX_SCALE = 100.0  # CLIP clips the learned scale 1/τ so it never exceeds 100
SIMILARITIES = ("dot", "cosine")
CURVE_WINDOW = 10  # loss curves show means of 10 steps; a run's final loss is the last one


# ---------------------------------------------------------------- validation


def _count(value: object, name: str, *, minimum: int = 1, example: int = 32) -> int:
    return as_count(value, name, low=minimum, example=f"{name}={example}")


def _number(value: object, name: str, *, positive: bool = False, example: float = 0.1) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | np.number):
        raise TypeError(f"{name} must be a number, got {value!r}; e.g. {name}={example}.")
    x = float(value)
    if not math.isfinite(x) or x < 0 or (positive and x == 0):
        need = "a positive" if positive else "a non-negative"
        raise ValueError(
            f"{name} must be {need}, finite number, got {value!r}; e.g. {name}={example}."
        )
    return x


def _similarity(value: object) -> str:
    if value not in SIMILARITIES:
        raise ValueError(
            f"similarity must be 'dot' (raw q·a, as in the lab) or 'cosine' (rows normalized "
            f"first), got {value!r}."
        )
    return str(value)


def _same_rows(x: FloatArray, y: FloatArray, nx: str, ny: str, what: str) -> None:
    if x.shape[0] != y.shape[0]:
        raise ValueError(
            f"{nx} has {x.shape[0]} rows but {ny} has {y.shape[0]}; {what}, so pass the same "
            "number of rows."
        )


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Pairs:
    """Question and answer features of paired examples: row i of q_* goes with row i of a_*.

    Each pair shares a hidden latent vector z; questions see it through one random map,
    answers through another (of a different dimension), each with its own noise.
    """

    q_train: FloatArray  # (n_train, q_dim)
    a_train: FloatArray  # (n_train, a_dim)
    q_test: FloatArray  # (n_test, q_dim), held out: never trained on
    a_test: FloatArray  # (n_test, a_dim)
    z_train: FloatArray  # (n_train, latent_dim) the hidden vectors, never shown to the encoders
    z_test: FloatArray  # (n_test, latent_dim)
    latent_dim: int
    noise: float
    seed: int

    @property
    def n_train(self) -> int:
        return int(self.q_train.shape[0])

    @property
    def n_test(self) -> int:
        return int(self.q_test.shape[0])


def make_pairs(
    n_train: int = 512,
    n_test: int = 128,
    *,
    latent_dim: int = 8,
    q_dim: int = 24,
    a_dim: int = 16,
    noise: float = 0.3,
    seed: int = 0,
) -> Pairs:
    """Seeded pairs: question = z @ Mq + noise, answer = z @ Ma + noise, one latent z per pair.

    z points in a random direction (uniform over the sphere) and has length √latent_dim for
    every pair, so pairs differ only in the direction of z. Mq (latent_dim, q_dim) and
    Ma (latent_dim, a_dim) are random Gaussian maps scaled by 1/√latent_dim, so every
    feature of z @ M has variance about 1; the noise is Gaussian with standard deviation
    ``noise``. The first ``n_train`` pairs are for training, the other ``n_test`` held out.
    The hidden vectors are kept (``z_train``, ``z_test``) for reference encoders only.
    """
    n_train = _count(n_train, "n_train", minimum=2, example=512)
    n_test = _count(n_test, "n_test", minimum=2, example=128)
    k = _count(latent_dim, "latent_dim", example=8)
    dq = _count(q_dim, "q_dim", example=24)
    da = _count(a_dim, "a_dim", example=16)
    sigma = _number(noise, "noise", example=0.3)
    seed = _count(seed, "seed", minimum=0, example=0)
    rng = np.random.default_rng(seed)
    mq = rng.standard_normal((k, dq)) / math.sqrt(k)
    ma = rng.standard_normal((k, da)) / math.sqrt(k)
    n = n_train + n_test
    z = rng.standard_normal((n, k))
    z *= math.sqrt(k) / np.sqrt(np.sum(z * z, axis=1, keepdims=True))  # a Gaussian's direction
    q = z @ mq + sigma * rng.standard_normal((n, dq))
    a = z @ ma + sigma * rng.standard_normal((n, da))
    return Pairs(
        q[:n_train], a[:n_train], q[n_train:], a[n_train:], z[:n_train], z[n_train:], k, sigma,
        seed,
    )  # fmt: skip


# ---------------------------------------------------------------- the encoders


def init_encoders(
    q_dim: int, a_dim: int, emb_dim: int, *, scale: float = 0.35, seed: int = 0
) -> tuple[FloatArray, FloatArray]:
    """Random weights W_q (q_dim, emb_dim) and W_a (a_dim, emb_dim), entries N(0, scale²/in_dim).

    Dividing by the input dimension keeps an embedding's entries about ``scale`` times a
    feature's size, whatever the number of features. ``scale=0`` gives zero weights.
    """
    dq = _count(q_dim, "q_dim", example=24)
    da = _count(a_dim, "a_dim", example=16)
    d = _count(emb_dim, "emb_dim", example=8)
    s = _number(scale, "scale", example=0.35)
    rng = np.random.default_rng(_count(seed, "seed", minimum=0, example=0))
    w_q = rng.standard_normal((dq, d)) * (s / math.sqrt(dq))
    w_a = rng.standard_normal((da, d)) * (s / math.sqrt(da))
    return w_q, w_a


def encode(X: npt.ArrayLike, W: npt.ArrayLike) -> FloatArray:
    """A linear encoder: embeddings E = X @ W, one row per example (X (n, in), W (in, d))."""
    x, w = _as_array(X, "X", ndim=(2,)), _as_array(W, "W", ndim=(2,))
    if x.shape[1] != w.shape[0]:
        raise ValueError(
            f"X has {x.shape[1]} features per row but W has {w.shape[0]} rows; W must have "
            f"one row per feature (shape ({x.shape[1]}, d))."
        )
    return x @ w


def encoder_grad(X: npt.ArrayLike, dE: npt.ArrayLike) -> FloatArray:
    """The chain rule through E = X @ W: dL/dW = X.T @ dL/dE, shaped like W (in, d).

    Entry (m, k) of W touches entry k of every embedding, E[i, k] = Σ_m X[i, m] W[m, k],
    so dL/dW[m, k] = Σ_i dL/dE[i, k] · X[i, m].
    """
    x, de = _as_array(X, "X", ndim=(2,)), _as_array(dE, "dE", ndim=(2,))
    _same_rows(x, de, "X", "dE", "dE holds one gradient row per embedding, i.e. per row of X")
    return x.T @ de


def log_scale_grad(dtemperature: float, temperature: float) -> float:
    """dL/ds for the learned log-scale s = ln(1/τ): τ = exp(−s), so dL/ds = dL/dτ · (−τ)."""
    g = float(_as_array(dtemperature, "dtemperature", ndim=(0,)))
    tau = _number(temperature, "temperature", positive=True, example=0.07)
    return -tau * g


def stretch_slope(
    Q: npt.ArrayLike, A: npt.ArrayLike, dQ: npt.ArrayLike, dA: npt.ArrayLike
) -> float:
    """d/dc of the loss at c = 1 when every embedding is stretched to c·q, c·a: Σ dQ·Q + Σ dA·A.

    Negative: stretching would lower the loss (the loss pulls the embeddings longer);
    zero: the loss does not care about length (cosine scores).
    """
    arrays = [_as_array(v, n, ndim=(2,)) for v, n in ((Q, "Q"), (A, "A"), (dQ, "dQ"), (dA, "dA"))]
    q, a, dq, da = arrays
    for x, dx, nx, ndx in ((q, dq, "Q", "dQ"), (a, da, "A", "dA")):
        if x.shape != dx.shape:
            raise ValueError(
                f"{ndx} has shape {dx.shape} but {nx} has shape {x.shape}; pass the gradient "
                f"of the loss with respect to {nx}, which has {nx}'s shape."
            )
    return float(np.sum(dq * q) + np.sum(da * a))


# ---------------------------------------------------------------- what we measure


def recall_at_1(Q: npt.ArrayLike, A: npt.ArrayLike, *, normalize: bool = False) -> float:
    """Fraction of questions whose own answer (same row) scores highest among all answers.

    Scores are Q @ A.T, or cosines with ``normalize=True``. A row whose top score is shared
    by k answers, its own among them, counts 1/k (a fair coin among the tied), so an
    all-equal row scores 1/N, the chance level, and never more.
    """
    _check_flag(normalize, "normalize")
    q, a = _as_array(Q, "Q", ndim=(2,)), _as_array(A, "A", ndim=(2,))
    _same_rows(q, a, "Q", "A", "row i of Q is paired with row i of A")
    if q.shape[1] != a.shape[1]:
        raise ValueError(
            f"Q has d={q.shape[1]} columns but A has d={a.shape[1]}; both encoders must output "
            "the same embedding dimension."
        )
    if normalize:
        q, a = _unit(q, "Q", "its cosine score"), _unit(a, "A", "its cosine score")
    s = q @ a.T
    top = s.max(axis=1, keepdims=True)
    tied = s == top
    own = np.diagonal(tied)
    return float(np.mean(own / tied.sum(axis=1)))


def alignment(Q: npt.ArrayLike, A: npt.ArrayLike) -> float:
    """Wang & Isola's alignment: mean over pairs i of |q̂_i − â_i|² (unit vectors; 0 is best)."""
    q, a = _as_array(Q, "Q", ndim=(2,)), _as_array(A, "A", ndim=(2,))
    if q.shape != a.shape:
        raise ValueError(
            f"Q has shape {q.shape} but A has shape {a.shape}; alignment compares row i of Q "
            "with row i of A, so both need the same shape."
        )
    purpose = "its alignment (measured on unit vectors)"
    diff = _unit(q, "Q", purpose) - _unit(a, "A", purpose)
    return float(np.mean(np.sum(diff * diff, axis=1)))


def uniformity(X: npt.ArrayLike, *, t: float = 2.0) -> float:
    """Wang & Isola's uniformity: log of the mean of exp(−t |x̂ − ŷ|²) over distinct pairs of rows.

    Measured on unit vectors; 0 when every point is the same, more negative the more evenly
    the points spread over the sphere.
    """
    x = _as_array(X, "X", ndim=(2,))
    if x.shape[0] < 2:
        raise ValueError(
            f"X has {x.shape[0]} row; uniformity averages over pairs of distinct rows, so pass "
            "at least 2."
        )
    tt = _number(t, "t", positive=True, example=2.0)
    u = _unit(x, "X", "its uniformity (measured on unit vectors)")
    i, j = np.triu_indices(u.shape[0], k=1)
    d2 = np.maximum(2.0 - 2.0 * np.sum(u[i] * u[j], axis=1), 0.0)  # |x̂ − ŷ|² = 2 − 2 x̂·ŷ
    return float(np.log(np.mean(np.exp(-tt * d2))))


def mean_batch_loss(
    Q: npt.ArrayLike,
    A: npt.ArrayLike,
    *,
    batch_size: int = 32,
    temperature: float = 1.0,
    normalize: bool = False,
    passes: int = 10,
    seed: int = 0,
) -> float:
    """The mean dual-encoder loss of fixed embeddings over shuffled batches of their rows.

    Row i of Q is paired with row i of A. Each of ``passes`` passes draws a permutation of
    the rows from ``np.random.default_rng(seed)`` (one generator for all passes) and cuts it
    into len(Q) // batch_size batches, as training does; the result is the mean of all those
    batch losses. It tells what loss a given encoder would show on training-like batches.
    """
    _check_flag(normalize, "normalize")
    q, a = _as_array(Q, "Q", ndim=(2,)), _as_array(A, "A", ndim=(2,))
    if q.shape != a.shape:
        raise ValueError(
            f"Q has shape {q.shape} but A has shape {a.shape}; row i of Q is paired with row i "
            "of A, so both need the same shape."
        )
    n = _count(batch_size, "batch_size", minimum=2, example=32)
    if n > q.shape[0]:
        raise ValueError(
            f"batch_size={n} is more than the {q.shape[0]} rows; use at most {q.shape[0]}."
        )
    tau = _number(temperature, "temperature", positive=True, example=0.1)
    rng = np.random.default_rng(_count(seed, "seed", minimum=0, example=0))
    per_pass = q.shape[0] // n
    losses = []
    for _ in range(_count(passes, "passes", example=10)):
        order = rng.permutation(q.shape[0])
        for b in range(per_pass):
            idx = order[b * n : (b + 1) * n]
            losses.append(contrastive_loss(q[idx], a[idx], temperature=tau, normalize=normalize))
    return float(np.mean(losses))


# ---------------------------------------------------------------- the optimizer


def adam_step(
    param: npt.ArrayLike,
    grad: npt.ArrayLike,
    m: npt.ArrayLike,
    v: npt.ArrayLike,
    t: int,
    *,
    lr: float,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """One Adam update (Kingma & Ba 2015) of step number t = 1, 2, ...; returns (param, m, v).

    m and v are running means of the gradient and of its square; each entry moves by
    lr · m̂ / (√v̂ + eps): exactly lr on the first step, about lr while the gradient keeps its
    sign and size, less when it flips or shrinks, and up to about lr · (1 − beta1)/√(1 − beta2)
    (3.16 lr with the defaults) when it jumps after a long quiet stretch.
    """
    p = np.asarray(_as_array(param, "param", ndim=(0, 1, 2)), dtype=np.float64)
    g = np.asarray(_as_array(grad, "grad", ndim=(0, 1, 2)), dtype=np.float64)
    if g.shape != p.shape:
        raise ValueError(
            f"grad has shape {g.shape} but param has shape {p.shape}; pass the gradient of the "
            "loss with respect to param."
        )
    step = _count(t, "t", example=1)
    rate = _number(lr, "lr", example=0.005)
    m0, v0 = np.asarray(m, dtype=np.float64), np.asarray(v, dtype=np.float64)
    return _adam(p, g, m0, v0, step, rate, beta1, beta2, eps)


def _adam(
    p: FloatArray,
    g: FloatArray,
    m: FloatArray,
    v: FloatArray,
    t: int,
    lr: float,
    beta1: float = 0.9,
    beta2: float = 0.999,
    eps: float = 1e-8,
) -> tuple[FloatArray, FloatArray, FloatArray]:
    """adam_step without the input checks, for the training loop (arrays already checked)."""
    m_new = beta1 * m + (1 - beta1) * g
    v_new = beta2 * v + (1 - beta2) * g * g
    m_hat = m_new / (1 - beta1**t)
    v_hat = v_new / (1 - beta2**t)
    return p - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


# ---------------------------------------------------------------- training


@dataclass(frozen=True)
class Snapshot:
    """The weights after ``step`` updates (the temperature in use then)."""

    step: int
    W_q: FloatArray
    W_a: FloatArray
    temperature: float


@dataclass(frozen=True)
class Run:
    """One training run: the loss at every step, and held-out measurements every few steps."""

    similarity: str  # "dot" or "cosine"
    learn_temperature: bool
    lr: float
    batch_size: int
    steps: int
    loss: FloatArray  # (steps,) loss of step t's batch, before its update
    temperature: FloatArray  # (steps,) τ used at step t
    slope: FloatArray  # (steps,) stretch_slope of step t's batch
    scale_grad: FloatArray  # (steps,) dL/ds of step t's batch, s = ln(1/τ) (learned or not)
    eval_steps: npt.NDArray[np.int64]  # (k,) 0, every, 2·every, ..., steps
    recall: FloatArray  # (k,) held-out recall@1 after that many updates
    q_norm: FloatArray  # (k,) mean length of the held-out question embeddings
    a_norm: FloatArray  # (k,) mean length of the held-out answer embeddings
    snapshots: tuple[Snapshot, ...]  # the weights at each of eval_steps
    final_loss: float  # mean of the last CURVE_WINDOW entries of loss: the curve's last point
    chance_recall: float  # 1 / number of held-out answers

    @property
    def final_recall(self) -> float:
        return float(self.recall[-1])

    @property
    def final_temperature(self) -> float:
        return float(self.snapshots[-1].temperature)


def train(
    pairs: Pairs,
    *,
    similarity: str = "dot",
    temperature: float = 1.0,
    learn_temperature: bool = False,
    steps: int = 300,
    batch_size: int = 32,
    lr: float = 0.005,
    emb_dim: int = 8,
    init_scale: float = 0.35,
    seed: int = 0,
    eval_every: int = 10,
) -> Run:
    """Train W_q and W_a on ``pairs`` with the dual-encoder loss and Adam; deterministic.

    Each step takes the next ``batch_size`` training pairs of a shuffled pass over the data
    (a new shuffle each pass), scores them (``similarity`` 'dot': S = Q @ A.T;
    'cosine': the rows normalized first), divides by the temperature, and moves W_q, W_a
    (and, with ``learn_temperature``, s = ln(1/τ), kept ≤ ln 100 as CLIP does) by one Adam
    step. The same ``seed`` gives the same initial weights and the same batches for every
    similarity, so runs differ only in what they are asked to compare. ``loss[t]`` is the
    loss of step t's batch before its update, and ``final_loss`` the mean of the last
    CURVE_WINDOW of them (the last point of a curve of CURVE_WINDOW-step means).
    """
    if not isinstance(pairs, Pairs):
        raise TypeError(f"pairs must come from make_pairs(...), got {type(pairs).__name__}.")
    sim = _similarity(similarity)
    tau0 = _number(temperature, "temperature", positive=True, example=0.1)
    _check_flag(learn_temperature, "learn_temperature")
    n_steps = _count(steps, "steps", example=300)
    n = _count(batch_size, "batch_size", minimum=2, example=32)
    rate = _number(lr, "lr", example=0.005)
    every = _count(eval_every, "eval_every", example=10)
    scale = _number(init_scale, "init_scale", example=0.35)
    if n > pairs.n_train:
        raise ValueError(
            f"batch_size={n} is more than the {pairs.n_train} training pairs; use at most "
            f"{pairs.n_train}."
        )
    if n_steps % every:
        raise ValueError(
            f"steps={n_steps} is not a multiple of eval_every={every}; pick steps so that the "
            "last step is measured, e.g. a multiple of eval_every."
        )
    if sim == "cosine" and scale == 0:
        raise ValueError(
            "init_scale=0 makes every embedding the zero vector, which has no direction, so "
            "its cosine is undefined; use init_scale > 0 (or similarity='dot')."
        )
    w_q, w_a = init_encoders(
        pairs.q_train.shape[1], pairs.a_train.shape[1], emb_dim, scale=scale, seed=seed
    )
    rng = np.random.default_rng(seed + 1)  # the batches: the same for every variant
    log_scale = math.log(1.0 / tau0)
    max_log_scale = math.log(CLIP_MAX_SCALE)
    # Adam's running means (m, v) for each parameter, all starting at 0.
    state = {"q": [np.zeros_like(w_q)] * 2, "a": [np.zeros_like(w_a)] * 2, "s": [np.zeros(())] * 2}
    normalize = sim == "cosine"

    losses = np.empty(n_steps)
    taus = np.empty(n_steps)
    slopes = np.empty(n_steps)
    scale_grads = np.empty(n_steps)
    recalls, q_norms, a_norms, snaps = [], [], [], []

    def measure(step: int, tau: float) -> None:
        eq, ea = pairs.q_test @ w_q, pairs.a_test @ w_a
        recalls.append(recall_at_1(eq, ea, normalize=normalize))
        q_norms.append(float(np.mean(norm(eq))))
        a_norms.append(float(np.mean(norm(ea))))
        snaps.append(Snapshot(step, w_q.copy(), w_a.copy(), tau))

    per_pass = pairs.n_train // n
    order = np.arange(pairs.n_train)
    for t in range(n_steps):
        tau = math.exp(-log_scale) if learn_temperature else tau0
        if t % every == 0:
            measure(t, tau)
        if t % per_pass == 0:
            order = rng.permutation(pairs.n_train)
        idx = order[(t % per_pass) * n : (t % per_pass + 1) * n]
        x, y = pairs.q_train[idx], pairs.a_train[idx]
        eq, ea = x @ w_q, y @ w_a
        loss, dq, da, dtau = contrastive_loss(
            eq, ea, temperature=tau, normalize=normalize, return_grads=True
        )
        losses[t], taus[t] = loss, tau
        slopes[t] = float(np.sum(dq * eq) + np.sum(da * ea))
        scale_grads[t] = -tau * dtau  # dL/ds = dL/dτ · dτ/ds, and dτ/ds = −τ
        w_q, *state["q"] = _adam(w_q, x.T @ dq, *state["q"], t + 1, rate)
        w_a, *state["a"] = _adam(w_a, y.T @ da, *state["a"], t + 1, rate)
        if learn_temperature:
            s, *state["s"] = _adam(log_scale, scale_grads[t], *state["s"], t + 1, rate)
            log_scale = min(float(s), max_log_scale)
    tau = math.exp(-log_scale) if learn_temperature else tau0
    measure(n_steps, tau)

    return Run(
        similarity=sim,
        learn_temperature=bool(learn_temperature),
        lr=rate,
        batch_size=n,
        steps=n_steps,
        loss=losses,
        temperature=taus,
        slope=slopes,
        scale_grad=scale_grads,
        eval_steps=np.arange(0, n_steps + 1, every),
        recall=np.array(recalls),
        q_norm=np.array(q_norms),
        a_norm=np.array(a_norms),
        snapshots=tuple(snaps),
        final_loss=float(np.mean(losses[-CURVE_WINDOW:])),
        chance_recall=1.0 / pairs.n_test,
    )


# ---------------------------------------------------------------- the live demo's runs


@dataclass(frozen=True)
class MovingEmbeddings:
    """Two runs with 2-D embeddings, dot product and cosine, on the same data and seed."""

    pairs: Pairs
    shown: int  # the first `shown` held-out pairs are drawn
    dot: Run
    cosine: Run
    temperature: float  # the cosine run's fixed τ
    reach: float  # the largest |coordinate| of any drawn dot-product embedding, any step

    @property
    def steps(self) -> tuple[int, ...]:
        return tuple(int(s) for s in self.dot.eval_steps)


@dataclass(frozen=True)
class FrameSide:
    """One panel of the demo at one step: the embeddings drawn and every number shown."""

    similarity: str
    Q: FloatArray  # (shown, 2) as drawn: raw for 'dot', unit vectors for 'cosine'
    A: FloatArray
    loss: float  # the loss of the shown pairs as one batch
    q_norm: float  # mean length of the raw question embeddings (before any normalizing)
    a_norm: float
    alignment: float
    uniformity: float  # mean of the questions' and the answers' uniformity


@dataclass(frozen=True)
class EmbeddingFrame:
    """The demo at one training step: both panels."""

    step: int
    pairs: int  # how many pairs are shown (the loss's N)
    temperature: float  # the cosine panel's τ
    dot: FrameSide
    cosine: FrameSide
    reach: float
    ideal_loss: float  # cosine loss at τ of the shown pairs' hidden vectors z (z as both sides)


def moving_embeddings(
    *,
    steps: int = 300,
    every: int = 10,
    shown: int = 16,
    temperature: float = 0.1,
    seed: int = 2,
) -> MovingEmbeddings:
    """Train 2-D encoders twice (dot product; cosine at ``temperature``) on 2-D latent pairs.

    With a 2-D latent vector per pair the 2-D embeddings can hold all of the shared
    structure. The weights are kept every ``every`` steps; the demo's slider only picks one.
    """
    pairs = make_pairs(512, 128, latent_dim=2, noise=0.1, seed=seed)
    n_shown = _count(shown, "shown", minimum=2, example=16)
    if n_shown > pairs.n_test:
        raise ValueError(f"shown={n_shown} is more than the {pairs.n_test} held-out pairs.")
    common = dict(steps=steps, emb_dim=2, seed=seed, eval_every=every)
    dot = train(pairs, similarity="dot", **common)
    cos = train(pairs, similarity="cosine", temperature=temperature, **common)
    q, a = pairs.q_test[:n_shown], pairs.a_test[:n_shown]
    reach = max(float(np.max(np.abs(np.vstack([q @ s.W_q, a @ s.W_a])))) for s in dot.snapshots)
    return MovingEmbeddings(pairs, n_shown, dot, cos, float(temperature), reach)


def _side(run: Run, snap: Snapshot, q: FloatArray, a: FloatArray) -> FrameSide:
    eq, ea = q @ snap.W_q, a @ snap.W_a
    cosine = run.similarity == "cosine"
    loss = contrastive_loss(eq, ea, temperature=snap.temperature, normalize=cosine)
    drawn = (_unit(eq, "Q", "drawing"), _unit(ea, "A", "drawing")) if cosine else (eq, ea)
    return FrameSide(
        similarity=run.similarity,
        Q=drawn[0],
        A=drawn[1],
        loss=float(loss),
        q_norm=float(np.mean(norm(eq))),
        a_norm=float(np.mean(norm(ea))),
        alignment=alignment(eq, ea),
        uniformity=(uniformity(eq) + uniformity(ea)) / 2,
    )


def embedding_frame(moving: MovingEmbeddings, step: float) -> EmbeddingFrame:
    """The demo's model: both runs' shown pairs after ``step`` training steps."""
    if not isinstance(moving, MovingEmbeddings):
        raise TypeError(f"moving must come from moving_embeddings(), got {type(moving).__name__}.")
    s = _number(step, "step", example=100)
    if s not in moving.steps:
        raise ValueError(
            f"step={step} was not kept; the runs were stored at steps "
            f"{moving.steps[0]}, {moving.steps[1]}, ..., {moving.steps[-1]}."
        )
    k = moving.steps.index(int(s))
    q, a = moving.pairs.q_test[: moving.shown], moving.pairs.a_test[: moving.shown]
    z = moving.pairs.z_test[: moving.shown]
    return EmbeddingFrame(
        step=int(s),
        pairs=moving.shown,
        temperature=moving.temperature,
        dot=_side(moving.dot, moving.dot.snapshots[k], q, a),
        cosine=_side(moving.cosine, moving.cosine.snapshots[k], q, a),
        reach=moving.reach,
        ideal_loss=contrastive_loss(z, z, temperature=moving.temperature, normalize=True),
    )
