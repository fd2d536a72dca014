"""helpers.contrastive against independent computations.

The reference loss is a pure-Python loop (math.exp, math.log, math.fsum) over rows and
columns; the reference gradients are 5-point finite differences of that loop. Neither
shares code with the module under test.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers.contrastive import (
    chance_loss,
    contrastive_loss,
    cross_entropy,
    log_softmax,
    loss_floor,
    simplex,
    softmax,
)

# ---------------------------------------------------------------- the reference (loops)


def _row_loss(row: list[float], target: int) -> float:
    """-log(exp(row[target]) / sum exp(row)), with the largest entry factored out."""
    top = max(row)
    total = math.fsum(math.exp(v - top) for v in row)
    return -(row[target] - top - math.log(total))


def _loop_loss(Q, A, tau=1.0, normalize=False, symmetric=False) -> float:
    q = [list(map(float, r)) for r in np.asarray(Q)]
    a = [list(map(float, r)) for r in np.asarray(A)]
    if normalize:
        q = [[v / math.sqrt(math.fsum(x * x for x in r)) for v in r] for r in q]
        a = [[v / math.sqrt(math.fsum(x * x for x in r)) for v in r] for r in a]
    n = len(q)
    z = [[math.fsum(x * y for x, y in zip(q[i], a[j], strict=True)) / tau for j in range(n)]
         for i in range(n)]  # fmt: skip
    forward = math.fsum(_row_loss(z[i], i) for i in range(n)) / n
    if not symmetric:
        return forward
    backward = math.fsum(_row_loss([z[i][j] for i in range(n)], j) for j in range(n)) / n
    return (forward + backward) / 2


def _finite_difference(f, x: np.ndarray, h: float) -> np.ndarray:
    """5-point central differences of the scalar f at every entry of x (error O(h^4))."""
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        vals = []
        for k in (-2, -1, 1, 2):
            y = x.copy()
            y[idx] += k * h
            vals.append(f(y))
        grad[idx] = (vals[0] - 8 * vals[1] + 8 * vals[2] - vals[3]) / (12 * h)
    return grad


def _batch(seed: int, n: int = 5, d: int = 3, scale: float = 1.0):
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)) * scale, rng.normal(size=(n, d)) * scale


CASES = [
    # (temperature, normalize, symmetric, scale of the entries)
    (1.0, False, False, 1.0),
    (0.05, False, False, 1.0),  # unnormalized with a small temperature: logits up to ~100
    (0.07, True, False, 3.0),
    (0.5, True, True, 1.0),
    (0.05, False, True, 1.0),
    (2.0, False, True, 0.1),
]


# ---------------------------------------------------------------- the loss


@pytest.mark.parametrize(("tau", "normalize", "symmetric", "scale"), CASES)
def test_loss_matches_a_loop(tau, normalize, symmetric, scale):
    Q, A = _batch(1, scale=scale)
    got = contrastive_loss(Q, A, temperature=tau, normalize=normalize, symmetric=symmetric)
    want = _loop_loss(Q, A, tau, normalize, symmetric)
    assert abs(got - want) <= 1e-8 * max(1.0, abs(want))
    assert isinstance(got, float)


@pytest.mark.parametrize(("tau", "normalize", "symmetric", "scale"), CASES)
def test_gradients_match_finite_differences(tau, normalize, symmetric, scale):
    Q, A = _batch(2, scale=scale)
    loss, dQ, dA, dtau = contrastive_loss(
        Q, A, temperature=tau, normalize=normalize, symmetric=symmetric, return_grads=True
    )
    assert loss == contrastive_loss(Q, A, temperature=tau, normalize=normalize, symmetric=symmetric)
    h = 1e-4 * scale
    want_q = _finite_difference(lambda x: _loop_loss(x, A, tau, normalize, symmetric), Q, h)
    want_a = _finite_difference(lambda x: _loop_loss(Q, x, tau, normalize, symmetric), A, h)
    want_t = _finite_difference(
        lambda t: _loop_loss(Q, A, float(t[0]), normalize, symmetric), np.array([tau]), 1e-4 * tau
    )[0]
    for got, want in ((dQ, want_q), (dA, want_a)):
        assert got.shape == want.shape
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-8 * max(1.0, np.abs(want).max()))
    assert abs(dtau - want_t) <= 1e-8 * max(1.0, abs(want_t))


def test_gradients_of_loss_that_is_ordinary_cross_entropy():
    """Closed form for one row pair: with S = [[s, 0], [0, 0]], dL/ds = (p - 1)/2."""
    Q, A = np.array([[2.0, 0.0], [0.0, 0.0]]), np.array([[1.5, 0.0], [0.0, 1.0]])
    loss, dQ, _, _ = contrastive_loss(Q, A, return_grads=True)
    p = math.exp(3.0) / (math.exp(3.0) + 1.0)  # row 0: logits [3, 0]; row 1: [0, 0]
    assert loss == pytest.approx((-math.log(p) + math.log(2)) / 2, abs=1e-12)
    assert dQ[0, 0] == pytest.approx((p - 1) / 2 * 1.5, abs=1e-12)


def test_chance_level_and_floor():
    assert chance_loss(32) == pytest.approx(3.466, abs=5e-4)
    assert loss_floor(32, 1.0) == pytest.approx(2.488, abs=5e-4)
    assert loss_floor(32, 0.1) == pytest.approx(0.0010, abs=5e-5)
    Z = np.zeros((32, 4))
    Z[:, 0] = 1.0  # every question and answer the same: all scores equal
    assert contrastive_loss(Z, Z) == pytest.approx(math.log(32), abs=1e-12)


@pytest.mark.parametrize(("n", "tau"), [(2, 1.0), (5, 0.3), (32, 1.0), (32, 0.1)])
def test_simplex_reaches_the_floor(n, tau):
    S = simplex(n)
    cos = S @ S.T
    off = cos[~np.eye(n, dtype=bool)]
    np.testing.assert_allclose(np.diag(cos), 1.0, atol=1e-12)
    np.testing.assert_allclose(off, -1.0 / (n - 1), atol=1e-12)
    assert _loop_loss(S, S, tau, True) == pytest.approx(loss_floor(n, tau), rel=1e-10, abs=1e-14)


@settings(derandomize=True, max_examples=40)
@given(
    arrays(np.float64, (4, 3), elements=st.floats(-3, 3)),
    arrays(np.float64, (4, 3), elements=st.floats(-3, 3)),
    st.floats(0.05, 5.0),
)
def test_cosine_loss_never_below_the_floor(Q, A, tau):
    Q = Q + np.eye(4, 3)  # keep every row nonzero
    A = A + np.eye(4, 3)
    if np.any(np.linalg.norm(Q, axis=1) < 1e-3) or np.any(np.linalg.norm(A, axis=1) < 1e-3):
        return
    loss = contrastive_loss(Q, A, temperature=tau, normalize=True)
    assert loss >= loss_floor(4, tau) - 1e-12


# ---------------------------------------------------------------- softmax and cross-entropy


@settings(derandomize=True, max_examples=60)
@given(
    arrays(np.float64, (3, 5), elements=st.floats(-50, 50)),
    st.floats(-1e3, 1e3),
)
def test_softmax_rows_sum_to_one_and_ignore_an_offset(x, c):
    p = softmax(x)
    assert np.all(p >= 0)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, atol=1e-12)
    np.testing.assert_allclose(softmax(x + c), p, atol=1e-12)


def test_softmax_matches_its_definition_and_is_stable():
    x = [1.0, 2.0, 3.0]
    e = [math.exp(v) for v in x]
    np.testing.assert_allclose(softmax(x), [v / sum(e) for v in e], rtol=1e-14)
    big = softmax([1000.0, 1001.0])  # exp(1000) overflows; the answer is softmax([0, 1])
    np.testing.assert_allclose(big, [1 / (1 + math.e), math.e / (1 + math.e)], rtol=1e-14)
    assert not np.allclose(softmax(np.multiply(2, x)), softmax(x))
    np.testing.assert_allclose(log_softmax([1000.0, 1001.0]), np.log(big), rtol=1e-14)


def test_softmax_columns_with_axis_zero():
    x = np.array([[0.0, 1.0], [2.0, 3.0]])
    np.testing.assert_allclose(softmax(x, axis=0), softmax(x.T).T, rtol=1e-14)


def test_cross_entropy_is_the_mean_row_loss():
    x = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])
    want = (_row_loss([2.0, 1.0, 0.1], 0) + _row_loss([0.5, 2.5, 0.3], 2)) / 2
    assert cross_entropy(x, [0, 2]) == pytest.approx(want, abs=1e-14)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((4, 2))), ValueError, "3 rows"),
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((3, 5))), ValueError, "d=2"),
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((3, 2)), temperature=0), ValueError,
         "positive"),
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((3, 2)), temperature=-1.0), ValueError,
         "positive"),
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((3, 2)), temperature=float("nan")),
         ValueError, "finite"),
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((3, 2)), temperature="0.1"), TypeError,
         "temperature"),
        (lambda: contrastive_loss(np.zeros((3, 2)), np.ones((3, 2)), normalize=True), ValueError,
         "zero"),
        (lambda: contrastive_loss([[1.0, np.nan]], [[1.0, 2.0]]), ValueError, "NaN"),
        (lambda: contrastive_loss(np.ones(3), np.ones(3)), ValueError, "2-D"),
        (lambda: contrastive_loss(np.ones((3, 2)), np.ones((3, 2)), normalize=1), TypeError,
         "True or False"),
        (lambda: softmax([[1.0, 2.0]], axis=2), ValueError, "axis"),
        (lambda: softmax([]), ValueError, "empty"),
        (lambda: cross_entropy([[1.0, 2.0]], [2]), ValueError, "columns"),
        (lambda: cross_entropy([[1.0, 2.0]], [0, 1]), ValueError, "one target per row"),
        (lambda: cross_entropy([[1.0, 2.0]], [0.5]), TypeError, "integer"),
        (lambda: chance_loss(1), ValueError, "at least 2"),
        (lambda: loss_floor(32, 0.0), ValueError, "positive"),
    ],
)  # fmt: skip
def test_bad_input_gets_a_clear_error(call, error, words):
    with pytest.raises(error, match=words):
        call()


def test_float32_in_float32_out():
    Q, A = (x.astype(np.float32) for x in _batch(3))
    _, dQ, dA, _ = contrastive_loss(Q, A, normalize=True, return_grads=True)
    assert dQ.dtype == np.float32 and dA.dtype == np.float32
    assert softmax(Q).dtype == np.float32
