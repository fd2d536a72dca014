"""helpers.training against independent computations.

The reference loss is a pure-Python loop (math.exp, math.log, math.fsum); gradients are
checked against 5-point finite differences of it; recall@1, alignment, uniformity and Adam
against plain loops over rows and entries. None shares code with the module under test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers.training import (
    CLIP_MAX_SCALE,
    MovingEmbeddings,
    Run,
    adam_step,
    alignment,
    embedding_frame,
    encode,
    encoder_grad,
    init_encoders,
    log_scale_grad,
    make_pairs,
    mean_batch_loss,
    moving_embeddings,
    recall_at_1,
    stretch_slope,
    train,
    uniformity,
)

PROPS = settings(derandomize=True, max_examples=60, database=None, deadline=None)
# Added to random rows (entries in [-3, 3]) so that no row can be all zeros.
OFFSET = 4.0 * np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]], dtype=float)

# ---------------------------------------------------------------- references (loops)


def _unit_rows(M):
    out = []
    for row in np.asarray(M, dtype=float):
        r = math.sqrt(math.fsum(float(v) * float(v) for v in row))
        out.append([float(v) / r for v in row])
    return out


def _loop_loss(Q, A, tau=1.0, normalize=False) -> float:
    """-mean_i log softmax(row i of Q A^T / tau)[i], by loops over rows and columns."""
    q = _unit_rows(Q) if normalize else [list(map(float, r)) for r in np.asarray(Q)]
    a = _unit_rows(A) if normalize else [list(map(float, r)) for r in np.asarray(A)]
    total = []
    for i, qi in enumerate(q):
        z = [math.fsum(x * y for x, y in zip(qi, aj, strict=True)) / tau for aj in a]
        top = max(z)
        total.append(-(z[i] - top - math.log(math.fsum(math.exp(v - top) for v in z))))
    return math.fsum(total) / len(q)


def _finite_difference(f, x: np.ndarray, h: float) -> np.ndarray:
    """5-point central differences of the scalar f at every entry of x (error O(h^4))."""
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        vals = []
        for k in (-2, -1, 1, 2):
            y = x.astype(float)
            y[idx] += k * h
            vals.append(f(y))
        grad[idx] = (vals[0] - 8 * vals[1] + 8 * vals[2] - vals[3]) / (12 * h)
    return grad


def _loop_recall(S) -> float:
    """Per row: 1/k if the diagonal is one of the k entries equal to the row's maximum."""
    S = np.asarray(S, dtype=float)
    total = 0.0
    for i, row in enumerate(S.tolist()):
        top = max(row)
        tied = [j for j, v in enumerate(row) if v == top]
        total += 1.0 / len(tied) if i in tied else 0.0
    return total / len(S)


# ---------------------------------------------------------------- data


def test_pairs_have_the_requested_shapes_and_are_seeded():
    p = make_pairs(40, 10, latent_dim=3, q_dim=7, a_dim=5, noise=0.2, seed=4)
    assert p.q_train.shape == (40, 7) and p.a_train.shape == (40, 5)
    assert p.q_test.shape == (10, 7) and p.a_test.shape == (10, 5)
    assert (p.n_train, p.n_test, p.latent_dim, p.noise, p.seed) == (40, 10, 3, 0.2, 4)
    again = make_pairs(40, 10, latent_dim=3, q_dim=7, a_dim=5, noise=0.2, seed=4)
    other = make_pairs(40, 10, latent_dim=3, q_dim=7, a_dim=5, noise=0.2, seed=5)
    np.testing.assert_array_equal(p.q_train, again.q_train)
    np.testing.assert_array_equal(p.a_test, again.a_test)
    assert not np.allclose(p.q_train, other.q_train)


def test_without_noise_questions_and_answers_share_a_latent_vector():
    """Noise 0: the features are z @ M, so they span latent_dim dimensions, answers are an
    exact linear function of questions, and z (recovered by least squares) has length √k."""
    k = 3
    p = make_pairs(60, 20, latent_dim=k, q_dim=9, a_dim=6, noise=0.0, seed=1)
    q = np.vstack([p.q_train, p.q_test])
    a = np.vstack([p.a_train, p.a_test])
    assert np.linalg.matrix_rank(q, tol=1e-9) == k
    assert np.linalg.matrix_rank(a, tol=1e-9) == k
    _, residual, *_ = np.linalg.lstsq(q, a, rcond=None)
    assert float(np.sum(residual)) < 1e-18 * float(np.sum(a * a)) + 1e-20
    # Rebuild the same random maps from the seed, as make_pairs documents them.
    rng = np.random.default_rng(1)
    mq = rng.standard_normal((k, 9)) / math.sqrt(k)
    z = np.linalg.lstsq(mq.T, q.T, rcond=None)[0].T
    np.testing.assert_allclose(np.linalg.norm(z, axis=1), math.sqrt(k), rtol=1e-9)
    # The stored hidden vectors are those z, in the same order.
    np.testing.assert_allclose(np.vstack([p.z_train, p.z_test]), z, atol=1e-9)
    assert p.z_train.shape == (60, k) and p.z_test.shape == (20, k)


def test_feature_variance_is_about_one_plus_noise_squared():
    p = make_pairs(4000, 10, latent_dim=8, q_dim=24, a_dim=16, noise=0.5, seed=3)
    assert np.var(p.q_train) == pytest.approx(1.25, rel=0.08)
    assert np.var(p.a_train) == pytest.approx(1.25, rel=0.08)


# ---------------------------------------------------------------- encoders and gradients


def test_encode_is_a_matrix_product_written_as_loops():
    X = np.array([[1.0, 2.0, -1.0], [0.5, 0.0, 3.0]])
    W = np.array([[1.0, 0.0], [2.0, -1.0], [0.0, 4.0]])
    want = [[math.fsum(X[i, m] * W[m, k] for m in range(3)) for k in range(2)] for i in range(2)]
    np.testing.assert_allclose(encode(X, W), want, rtol=1e-15)


@pytest.mark.parametrize(
    ("tau", "normalize"), [(1.0, False), (0.5, False), (0.1, True), (1.0, True), (0.07, True)]
)
def test_encoder_gradient_matches_finite_differences_of_the_loss(tau, normalize):
    """dL/dW_q = X.T @ dQ and dL/dW_a = Y.T @ dA, against finite differences of L(W)."""
    from helpers.contrastive import contrastive_loss

    rng = np.random.default_rng(7)
    X, Y = rng.standard_normal((6, 5)), rng.standard_normal((6, 4))
    Wq, Wa = rng.standard_normal((5, 3)), rng.standard_normal((4, 3))
    _, dQ, dA, _ = contrastive_loss(
        X @ Wq, Y @ Wa, temperature=tau, normalize=normalize, return_grads=True
    )
    want_q = _finite_difference(lambda w: _loop_loss(X @ w, Y @ Wa, tau, normalize), Wq, 1e-4)
    want_a = _finite_difference(lambda w: _loop_loss(X @ Wq, Y @ w, tau, normalize), Wa, 1e-4)
    got_q, got_a = encoder_grad(X, dQ), encoder_grad(Y, dA)
    assert got_q.shape == Wq.shape and got_a.shape == Wa.shape
    np.testing.assert_allclose(got_q, want_q, rtol=0, atol=1e-8 * max(1.0, np.abs(want_q).max()))
    np.testing.assert_allclose(got_a, want_a, rtol=0, atol=1e-8 * max(1.0, np.abs(want_a).max()))


@pytest.mark.parametrize("tau", [0.07, 0.3, 1.0])
def test_log_scale_gradient_matches_finite_differences(tau):
    from helpers.contrastive import contrastive_loss

    rng = np.random.default_rng(8)
    Q, A = rng.standard_normal((5, 3)), rng.standard_normal((5, 3))
    _, _, _, dtau = contrastive_loss(Q, A, temperature=tau, normalize=True, return_grads=True)
    s = math.log(1 / tau)
    want = _finite_difference(
        lambda v: _loop_loss(Q, A, math.exp(-float(v[0])), True), np.array([s]), 1e-4
    )[0]
    assert log_scale_grad(dtau, tau) == pytest.approx(want, abs=1e-8)


@pytest.mark.parametrize(("tau", "normalize"), [(1.0, False), (0.3, False), (0.1, True)])
def test_stretch_slope_is_the_derivative_along_a_common_stretch(tau, normalize):
    from helpers.contrastive import contrastive_loss

    rng = np.random.default_rng(9)
    Q, A = rng.standard_normal((6, 3)), rng.standard_normal((6, 3))
    _, dQ, dA, _ = contrastive_loss(Q, A, temperature=tau, normalize=normalize, return_grads=True)
    want = _finite_difference(
        lambda c: _loop_loss(float(c[0]) * Q, float(c[0]) * A, tau, normalize),
        np.array([1.0]),
        1e-4,
    )[0]
    got = stretch_slope(Q, A, dQ, dA)
    assert got == pytest.approx(want, abs=1e-8)
    if normalize:
        assert abs(got) < 1e-12  # cosine scores: length does not matter


def test_stretching_a_batch_whose_diagonal_ranks_first_lowers_the_dot_loss():
    Q = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.2]])
    _, dQ, dA, _ = __import__("helpers.contrastive", fromlist=["x"]).contrastive_loss(
        Q, Q, return_grads=True
    )
    assert stretch_slope(Q, Q, dQ, dA) < 0
    assert _loop_loss(2 * Q, 2 * Q) < _loop_loss(Q, Q)


def test_init_encoders_scale_and_seed():
    wq, wa = init_encoders(400, 100, 50, scale=0.5, seed=3)
    assert wq.shape == (400, 50) and wa.shape == (100, 50)
    assert np.std(wq) == pytest.approx(0.5 / math.sqrt(400), rel=0.05)
    assert np.std(wa) == pytest.approx(0.5 / math.sqrt(100), rel=0.05)
    zq, za = init_encoders(4, 3, 2, scale=0.0)
    assert not zq.any() and not za.any()


# ---------------------------------------------------------------- measurements


def test_recall_on_a_small_score_matrix_by_hand():
    # Rows 0 and 2 have their own answer on top; row 1 prefers answer 0.
    Q = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    A = np.array([[1.0, 0.0], [0.0, 0.2], [0.0, 1.0]])
    assert recall_at_1(Q, A) == pytest.approx(2 / 3)
    zeros = np.zeros((4, 3))
    assert recall_at_1(zeros, zeros) == pytest.approx(1 / 4)  # every row a four-way tie


@PROPS
@given(
    arrays(np.float64, (5, 3), elements=st.integers(-2, 2).map(float)),
    arrays(np.float64, (5, 3), elements=st.integers(-2, 2).map(float)),
)
def test_recall_matches_a_loop_ties_included(Q, A):
    """Small integer entries make exact ties common."""
    assert recall_at_1(Q, A) == pytest.approx(_loop_recall(Q @ A.T), abs=1e-12)


@PROPS
@given(
    arrays(np.float64, (5, 3), elements=st.floats(-3, 3)),
    arrays(np.float64, (5, 3), elements=st.floats(-3, 3)),
)
def test_cosine_recall_matches_a_loop(Q, A):
    Q, A = Q + OFFSET, A + OFFSET
    qn, an = np.array(_unit_rows(Q)), np.array(_unit_rows(A))
    S = [[math.fsum(x * y for x, y in zip(q, a, strict=True)) for a in an] for q in qn]
    got = recall_at_1(Q, A, normalize=True)
    # Cosines computed two ways may differ in the last bit; only exact ties could flip.
    assert got == pytest.approx(_loop_recall(S), abs=1e-12) or any(
        len(set(np.round(row, 12))) < len(row) for row in S
    )


@PROPS
@given(
    arrays(np.float64, (4, 3), elements=st.floats(-3, 3)),
    arrays(np.float64, (4, 3), elements=st.floats(-3, 3)),
)
def test_alignment_matches_a_loop(Q, A):
    Q, A = Q + OFFSET[:4], A + OFFSET[:4]
    qn, an = _unit_rows(Q), _unit_rows(A)
    want = math.fsum(
        math.fsum((x - y) ** 2 for x, y in zip(q, a, strict=True))
        for q, a in zip(qn, an, strict=True)
    ) / len(qn)
    assert alignment(Q, A) == pytest.approx(want, abs=1e-12)
    assert alignment(3 * Q, 0.5 * A) == pytest.approx(want, abs=1e-12)  # lengths do not count


@PROPS
@given(arrays(np.float64, (5, 2), elements=st.floats(-3, 3)), st.floats(0.5, 4.0))
def test_uniformity_matches_a_loop(X, t):
    X = X + np.array([[4.0, 0.0]] * 5)  # no zero rows
    u = _unit_rows(X)
    terms = [
        math.exp(-t * math.fsum((a - b) ** 2 for a, b in zip(u[i], u[j], strict=True)))
        for i in range(5)
        for j in range(i + 1, 5)
    ]
    assert uniformity(X, t=t) == pytest.approx(math.log(math.fsum(terms) / len(terms)), abs=1e-10)


def test_uniformity_closed_forms():
    same = np.array([[1.0, 0.0]] * 4)
    assert uniformity(same) == pytest.approx(0.0, abs=1e-15)
    opposite = np.array([[1.0, 0.0], [-1.0, 0.0]])  # |x - y|^2 = 4
    assert uniformity(opposite) == pytest.approx(-8.0, abs=1e-12)
    square = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0]])
    # 4 neighbour pairs at squared distance 2, 2 opposite pairs at 4.
    assert uniformity(square) == pytest.approx(math.log((4 * math.exp(-4) + 2 * math.exp(-8)) / 6))


def test_alignment_closed_forms():
    Q = np.array([[1.0, 0.0], [0.0, 2.0]])
    assert alignment(Q, Q) == pytest.approx(0.0, abs=1e-15)
    assert alignment(Q, -Q) == pytest.approx(4.0)
    assert alignment(Q, np.array([[0.0, 1.0], [1.0, 0.0]])) == pytest.approx(2.0)


# ---------------------------------------------------------------- Adam


def _loop_adam(p, g, m, v, t, lr, b1=0.9, b2=0.999, eps=1e-8):
    """Kingma & Ba (2015), Algorithm 1, one entry at a time."""
    out_p, out_m, out_v = [], [], []
    for pi, gi, mi, vi in zip(p, g, m, v, strict=True):
        mi = b1 * mi + (1 - b1) * gi
        vi = b2 * vi + (1 - b2) * gi * gi
        m_hat, v_hat = mi / (1 - b1**t), vi / (1 - b2**t)
        out_p.append(pi - lr * m_hat / (math.sqrt(v_hat) + eps))
        out_m.append(mi)
        out_v.append(vi)
    return out_p, out_m, out_v


def test_adam_matches_the_paper_entry_by_entry():
    rng = np.random.default_rng(5)
    p = rng.standard_normal(6)
    m, v = np.zeros(6), np.zeros(6)
    lp, lm, lv = list(p), [0.0] * 6, [0.0] * 6
    for t in range(1, 6):
        g = rng.standard_normal(6) * 10.0 ** rng.integers(-3, 3, size=6)
        p, m, v = adam_step(p, g, m, v, t, lr=0.01)
        lp, lm, lv = _loop_adam(lp, list(g), lm, lv, t, 0.01)
        np.testing.assert_allclose(p, lp, rtol=1e-13)
        np.testing.assert_allclose(m, lm, rtol=1e-13)
        np.testing.assert_allclose(v, lv, rtol=1e-13)


def test_adams_first_step_moves_every_entry_by_lr_against_the_gradient_sign():
    g = np.array([[3.0, -1e-4], [250.0, -7.0]])
    p, _, _ = adam_step(np.zeros((2, 2)), g, np.zeros((2, 2)), np.zeros((2, 2)), 1, lr=0.01)
    np.testing.assert_allclose(p, -0.01 * np.sign(g), rtol=1e-3)


# ---------------------------------------------------------------- training


@pytest.fixture(scope="module")
def pairs():
    return make_pairs(128, 32, latent_dim=4, q_dim=10, a_dim=8, noise=0.3, seed=0)


def test_training_is_deterministic(pairs):
    kw = dict(similarity="cosine", temperature=0.07, learn_temperature=True, steps=40, lr=0.01)
    a, b = train(pairs, **kw), train(pairs, **kw)
    for field in ("loss", "temperature", "slope", "recall", "q_norm", "a_norm"):
        np.testing.assert_array_equal(getattr(a, field), getattr(b, field))
    np.testing.assert_array_equal(a.snapshots[-1].W_q, b.snapshots[-1].W_q)
    assert a.final_loss == b.final_loss


def test_one_step_is_one_adam_step_on_the_finite_difference_gradient(pairs):
    """Adam's first step moves each entry by about lr against its gradient, found here by
    finite differences of the loop loss."""
    lr = 0.01
    run = train(pairs, similarity="dot", steps=1, eval_every=1, lr=lr, emb_dim=3, seed=2)
    wq0, wa0 = init_encoders(10, 8, 3, seed=2)
    np.testing.assert_array_equal(run.snapshots[0].W_q, wq0)
    # The first batch: the first 32 of a permutation drawn from default_rng(seed + 1).
    idx = np.random.default_rng(3).permutation(pairs.n_train)[:32]
    X, Y = pairs.q_train[idx], pairs.a_train[idx]
    assert run.loss[0] == pytest.approx(_loop_loss(X @ wq0, Y @ wa0), abs=1e-12)
    gq = _finite_difference(lambda w: _loop_loss(X @ w, Y @ wa0), wq0, 1e-4)
    ga = _finite_difference(lambda w: _loop_loss(X @ wq0, Y @ w), wa0, 1e-4)
    # Step 1 of Adam: m̂ = g and v̂ = g², so every entry moves by lr · g / (|g| + eps).
    for got, w0, g in ((run.snapshots[1].W_q, wq0, gq), (run.snapshots[1].W_a, wa0, ga)):
        np.testing.assert_allclose(got, w0 - lr * g / (np.abs(g) + 1e-8), rtol=0, atol=1e-10)
        assert np.all(np.abs(np.abs(got - w0) - lr) < 1e-4 * lr)  # about lr, whatever |g|


def test_run_records_and_measurements(pairs):
    run = train(pairs, similarity="dot", steps=60, eval_every=20)
    assert isinstance(run, Run)
    assert run.loss.shape == run.temperature.shape == run.slope.shape == (60,)
    assert run.scale_grad.shape == (60,)
    assert list(run.eval_steps) == [0, 20, 40, 60]
    assert [s.step for s in run.snapshots] == [0, 20, 40, 60]
    assert run.chance_recall == 1 / 32
    for k, snap in enumerate(run.snapshots):
        eq, ea = pairs.q_test @ snap.W_q, pairs.a_test @ snap.W_a
        assert run.recall[k] == pytest.approx(_loop_recall(eq @ ea.T))
        want_q = math.fsum(math.hypot(*row) for row in eq) / len(eq)
        assert run.q_norm[k] == pytest.approx(want_q, rel=1e-12)
    np.testing.assert_array_equal(run.temperature, 1.0)
    # The final loss is the last point of the 10-step-mean curve: steps 50 to 59.
    assert run.final_loss == pytest.approx(math.fsum(run.loss[50:]) / 10, abs=1e-12)
    assert run.final_recall == run.recall[-1]


def test_dot_training_lowers_the_loss_and_stretches_cosine_does_not_care(pairs):
    dot = train(pairs, similarity="dot", steps=100)
    cos = train(pairs, similarity="cosine", temperature=0.1, steps=100)
    assert dot.loss[-10:].mean() < dot.loss[:10].mean()
    assert dot.slope[:20].mean() < 0  # early on, stretching would lower the loss
    assert np.abs(cos.slope).max() < 1e-10
    assert dot.q_norm[-1] > 2 * dot.q_norm[0]
    assert cos.recall[-1] > 5 * cos.chance_recall


def test_zero_encoders_are_stuck_at_chance_forever(pairs):
    run = train(pairs, similarity="dot", init_scale=0.0, steps=30)
    np.testing.assert_allclose(run.loss, math.log(32), rtol=0, atol=1e-15)
    np.testing.assert_array_equal(run.recall, 1 / 32)
    assert not run.snapshots[-1].W_q.any()
    assert run.final_loss == pytest.approx(math.log(32), abs=1e-15)


def test_learned_temperature_moves(pairs):
    run = train(pairs, similarity="cosine", temperature=0.07, learn_temperature=True, steps=40)
    assert run.temperature[0] == pytest.approx(0.07)
    assert run.final_temperature != pytest.approx(0.07)
    fixed = train(pairs, similarity="cosine", temperature=0.1, steps=20)
    np.testing.assert_array_equal(fixed.temperature, 0.1)


def test_scale_gradient_is_recorded_and_drives_the_first_step_of_s(pairs):
    """Run.scale_grad[0] is dL/ds of the first batch (a finite difference of the loop loss in
    s = ln(1/τ)); Adam's first step then moves s by exactly lr against its sign."""
    lr = 0.01
    run = train(pairs, similarity="cosine", temperature=0.07, learn_temperature=True, steps=2,
                eval_every=1, lr=lr)  # fmt: skip
    idx = np.random.default_rng(1).permutation(pairs.n_train)[:32]
    wq, wa = run.snapshots[0].W_q, run.snapshots[0].W_a
    X, Y = pairs.q_train[idx] @ wq, pairs.a_train[idx] @ wa
    s0, h = math.log(1 / 0.07), 1e-5
    want = (
        _loop_loss(X, Y, math.exp(-(s0 + h)), True) - _loop_loss(X, Y, math.exp(-(s0 - h)), True)
    ) / (2 * h)
    assert run.scale_grad[0] == pytest.approx(want, rel=1e-6)
    s1 = math.log(1 / run.temperature[1])
    assert s1 == pytest.approx(s0 - lr * math.copysign(1.0, want), abs=1e-9)
    fixed = train(pairs, similarity="dot", steps=10)  # recorded for fixed τ too
    assert fixed.scale_grad.shape == (10,) and np.all(np.isfinite(fixed.scale_grad))


def test_learned_scale_is_clipped_at_100_like_clip(pairs, monkeypatch):
    """A loss that always asks for a smaller τ (dL/dτ = +1) drives 1/τ up to the cap, no further."""
    import helpers.training as training

    real = training.contrastive_loss

    def always_sharper(*args, **kwargs):
        out = real(*args, **kwargs)
        return (*out[:3], 1.0) if kwargs.get("return_grads") else out

    monkeypatch.setattr(training, "contrastive_loss", always_sharper)
    run = train(
        pairs, similarity="cosine", temperature=0.07, learn_temperature=True, steps=20, lr=0.5
    )
    assert np.all(np.diff(run.temperature) <= 0)
    assert run.temperature.min() == pytest.approx(1 / CLIP_MAX_SCALE, rel=1e-12)
    assert run.final_temperature == pytest.approx(1 / CLIP_MAX_SCALE, rel=1e-12)


def test_same_seed_same_batches_for_every_variant(pairs):
    """The first batch loss of a zero-initialized dot run and of a normal run use one batch:
    the normal run's step-0 loss equals the loop loss on the batch drawn from seed + 1."""
    idx = np.random.default_rng(1).permutation(pairs.n_train)[:32]
    for sim, tau in (("dot", 1.0), ("cosine", 0.1)):
        run = train(pairs, similarity=sim, temperature=tau, steps=10)
        wq, wa = run.snapshots[0].W_q, run.snapshots[0].W_a
        want = _loop_loss(pairs.q_train[idx] @ wq, pairs.a_train[idx] @ wa, tau, sim == "cosine")
        assert run.loss[0] == pytest.approx(want, abs=1e-12)


def test_mean_batch_loss_is_the_mean_over_shuffled_batches_by_loops():
    rng = np.random.default_rng(11)
    Q, A = rng.standard_normal((20, 3)), rng.standard_normal((20, 3))
    for tau, cos in ((1.0, False), (0.1, True)):
        perms = np.random.default_rng(4)
        want = []
        for _ in range(3):
            order = perms.permutation(20)
            want += [_loop_loss(Q[order[b : b + 6]], A[order[b : b + 6]], tau, cos)
                     for b in (0, 6, 12)]  # fmt: skip
        got = mean_batch_loss(Q, A, batch_size=6, temperature=tau, normalize=cos, passes=3, seed=4)
        assert got == pytest.approx(math.fsum(want) / len(want), abs=1e-12)


def test_identical_unit_embeddings_in_a_simplex_reach_the_floor():
    """Q = A = the regular simplex (every batch is all of it): the loss is the floor formula."""
    from helpers.contrastive import simplex

    V = simplex(8)
    tau = 0.3
    floor = math.log1p(7 * math.exp(-8 / (7 * tau)))
    got = mean_batch_loss(V, V, batch_size=8, temperature=tau, normalize=True, passes=2)
    assert got == pytest.approx(floor, rel=1e-12)


# ---------------------------------------------------------------- the demo's model


@pytest.fixture(scope="module")
def moving():
    return moving_embeddings(steps=40, every=10, shown=6)


def test_embedding_frame_numbers_match_loops(moving):
    assert isinstance(moving, MovingEmbeddings)
    assert moving.steps == (0, 10, 20, 30, 40)
    for step in moving.steps:
        f = embedding_frame(moving, step)
        assert f.step == step and f.pairs == 6 and f.temperature == 0.1
        q, a = moving.pairs.q_test[:6], moving.pairs.a_test[:6]
        for side, run, tau, cos in (
            (f.dot, moving.dot, 1.0, False),
            (f.cosine, moving.cosine, 0.1, True),
        ):
            snap = run.snapshots[moving.steps.index(step)]
            eq, ea = q @ snap.W_q, a @ snap.W_a
            assert side.loss == pytest.approx(_loop_loss(eq, ea, tau, cos), abs=1e-10)
            assert side.q_norm == pytest.approx(math.fsum(math.hypot(*r) for r in eq) / 6)
            assert side.a_norm == pytest.approx(math.fsum(math.hypot(*r) for r in ea) / 6)
            drawn_q = np.array(_unit_rows(eq)) if cos else eq
            np.testing.assert_allclose(side.Q, drawn_q, atol=1e-12)
        np.testing.assert_allclose(np.hypot(*f.cosine.Q.T), 1.0, atol=1e-12)
        z = moving.pairs.z_test[:6]
        assert f.ideal_loss == pytest.approx(_loop_loss(z, z, 0.1, True), abs=1e-12)
        assert np.abs(f.dot.Q).max() <= f.reach + 1e-12


def test_dot_product_embeddings_move_outward(moving):
    first, last = embedding_frame(moving, 0), embedding_frame(moving, 40)
    assert last.dot.q_norm > 3 * first.dot.q_norm
    assert last.cosine.loss < first.cosine.loss


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: make_pairs(1), ValueError, "n_train"),
        (lambda: make_pairs(10, 5, noise=-1.0), ValueError, "noise"),
        (lambda: make_pairs(10, 5, latent_dim=2.5), TypeError, "latent_dim"),
        (lambda: make_pairs(10, 5, seed=True), TypeError, "seed"),
        (lambda: encode(np.ones((3, 4)), np.ones((5, 2))), ValueError, "one row per feature"),
        (lambda: encode(np.ones(4), np.ones((4, 2))), ValueError, "2-D"),
        (lambda: encoder_grad(np.ones((3, 4)), np.ones((2, 2))), ValueError, "rows"),
        (lambda: encoder_grad([[1.0, np.nan]], [[1.0]]), ValueError, "NaN"),
        (lambda: log_scale_grad(0.5, 0.0), ValueError, "temperature"),
        (lambda: stretch_slope(np.ones((2, 2)), np.ones((2, 2)), np.ones((2, 3)), np.ones((2, 2))),
         ValueError, "dQ"),
        (lambda: recall_at_1(np.ones((3, 2)), np.ones((4, 2))), ValueError, "rows"),
        (lambda: recall_at_1(np.ones((3, 2)), np.ones((3, 5))), ValueError, "d=2"),
        (lambda: recall_at_1(np.zeros((2, 2)), np.ones((2, 2)), normalize=True), ValueError,
         "zero"),
        (lambda: recall_at_1(np.ones((2, 2)), np.ones((2, 2)), normalize="yes"), TypeError,
         "True or False"),
        (lambda: alignment(np.ones((2, 2)), np.ones((3, 2))), ValueError, "shape"),
        (lambda: uniformity(np.ones((1, 2))), ValueError, "at least 2"),
        (lambda: uniformity(np.ones((3, 2)), t=0), ValueError, "t must"),
        (lambda: adam_step(np.ones(2), np.ones(3), 0, 0, 1, lr=0.1), ValueError, "grad"),
        (lambda: adam_step(np.ones(2), np.ones(2), 0, 0, 0, lr=0.1), ValueError, "t must"),
        (lambda: train("pairs"), TypeError, "make_pairs"),
        (lambda: train(make_pairs(64, 8), similarity="cos"), ValueError, "'dot'"),
        (lambda: train(make_pairs(64, 8), temperature=0), ValueError, "temperature"),
        (lambda: train(make_pairs(64, 8), batch_size=100), ValueError, "batch_size"),
        (lambda: train(make_pairs(64, 8), steps=25), ValueError, "multiple"),
        (lambda: train(make_pairs(64, 8), similarity="cosine", init_scale=0), ValueError,
         "no direction"),
        (lambda: train(make_pairs(64, 8), learn_temperature=1), TypeError, "True or False"),
        (lambda: embedding_frame(None, 0), TypeError, "moving_embeddings"),
        (lambda: mean_batch_loss(np.ones((4, 2)), np.ones((4, 3))), ValueError, "shape"),
        (lambda: mean_batch_loss(np.ones((4, 2)), np.ones((4, 2)), batch_size=8), ValueError,
         "batch_size"),
        (lambda: mean_batch_loss(np.ones((4, 2)), np.ones((4, 2)), batch_size=2, passes=0),
         ValueError, "passes"),
        (lambda: mean_batch_loss(np.ones((4, 2)), np.ones((4, 2)), batch_size=2, temperature=-1.0),
         ValueError,
         "temperature"),
    ],
)  # fmt: skip
def test_bad_input_gets_a_clear_error(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_a_step_that_was_not_kept_is_refused(moving):
    with pytest.raises(ValueError, match="not kept"):
        embedding_frame(moving, 15)


# ---------------------------------------------------------------- exercises' hints


def test_encoder_gradient_exercise_names_the_row_layout_and_the_transpose():
    from helpers.checks import evaluate
    from helpers.exercises import EXERCISES

    ex = EXERCISES["03.02-encoder-grad"]
    assert evaluate(ex, lambda X, dE: np.asarray(dE) @ np.asarray(X).T).passed
    copied = evaluate(ex, lambda X, dE: np.asarray(X).T @ np.asarray(dE))
    assert "one example per ROW" in copied.message
    flipped = evaluate(ex, lambda X, dE: np.asarray(X) @ np.asarray(dE).T)
    assert "transpose" in flipped.message
    # Against loops: entry (k, m) of the expected gradient of the second case.
    X, dE = ex.cases[1].args
    want = math.fsum(dE[1][j] * X[2][j] for j in range(4))
    assert ex.cases[1].expected[1][2] == pytest.approx(want, abs=1e-15)


def test_stuck_or_done_exercise_hints():
    from helpers.checks import evaluate
    from helpers.exercises import EXERCISES

    ex = EXERCISES["03.02-stuck-or-done"]
    floor = math.log(1 + 63 * math.exp(-64 / 63 / 0.5))
    assert floor == pytest.approx(2.22567, abs=1e-5)
    assert evaluate(ex, (4.159, 2.226, True)).passed
    assert "≈ 0.13" in evaluate(ex, (4.159, 2.226, False)).message
    f = (math.log(64) - 3.9) / (math.log(64) - floor)  # section 9's rule: below 1/4 is stuck
    assert f == pytest.approx(0.134, abs=1e-3) and f < 0.25
    assert "log₁₀" in evaluate(ex, (1.806, 2.226, True)).message
    assert "cosine −1" in evaluate(ex, (4.159, 0.767, True)).message
    assert "gap of −1" in evaluate(ex, (4.159, 2.254, True)).message
    assert "not a word" in evaluate(ex, (4.159, 2.226, "stuck")).message
