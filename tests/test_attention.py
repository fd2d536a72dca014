"""helpers.attention against independent computations: Python loops with math.exp and
math.fsum, scipy.stats.entropy, finite differences, and the closed form Var(q·k) = d."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.stats import entropy as scipy_entropy

from helpers.attention import (
    attention,
    dot_spread,
    entropy,
    entropy_curve,
    saturation,
    seeded_query_keys,
    softmax_jacobian,
)

PROPS = settings(derandomize=True, max_examples=120, database=None, deadline=None)
coords = st.floats(min_value=-4.0, max_value=4.0, allow_nan=False)


# ---------------------------------------------------------------- the reference, by loops


def _fdot(u, v):
    return math.fsum(float(x) * float(y) for x, y in zip(u, v, strict=True))


def _softmax_loop(row):
    top = max(row)
    e = [math.exp(x - top) for x in row]
    total = math.fsum(e)
    return [x / total for x in e]


def _entropy_loop(w):
    return 0.0 - math.fsum(p * math.log(p) for p in w if p > 0)


def _attention_loop(Q, K, V, scaled):
    d = len(Q[0])
    divisor = math.sqrt(d) if scaled else 1.0
    weights, out = [], []
    for q in Q:
        w = _softmax_loop([_fdot(q, k) / divisor for k in K])
        weights.append(w)
        out.append([math.fsum(w[j] * V[j][c] for j in range(len(K))) for c in range(len(V[0]))])
    return weights, out


@st.composite
def qkv(draw):
    d = draw(st.integers(1, 6))
    m, n, dv = draw(st.integers(1, 4)), draw(st.integers(1, 5)), draw(st.integers(1, 3))
    rows = lambda r, c: st.lists(st.lists(coords, min_size=c, max_size=c), min_size=r, max_size=r)  # noqa: E731
    return draw(rows(m, d)), draw(rows(n, d)), draw(rows(n, dv))


# ---------------------------------------------------------------- attention


@PROPS
@given(qkv(), st.booleans())
def test_attention_matches_loops(data, scaled):
    Q, K, V = data
    r = attention(Q, K, V, scaled=scaled)
    weights, out = _attention_loop(Q, K, V, scaled)
    np.testing.assert_allclose(r.scores, [[_fdot(q, k) for k in K] for q in Q], atol=1e-12)
    np.testing.assert_allclose(r.weights, weights, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(r.output, out, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r.weights.sum(axis=1), 1.0, atol=1e-12)
    assert r.divisor == (math.sqrt(len(Q[0])) if scaled else 1.0)
    np.testing.assert_allclose(r.logits, r.scores / r.divisor, atol=1e-12)


def test_the_worked_example_by_hand():
    Q = [[2, 2, 0, 0], [0, 1, 1, 0]]
    K = [[1, 1, 0, 0], [0, 0, 1, 1], [1, 0, 1, 0]]
    V = [[1, 0], [0, 1], [1, 1]]
    r = attention(Q, K, V)
    assert r.d == 4
    np.testing.assert_array_equal(r.logits, [[2, 0, 1], [0.5, 0.5, 0.5]])
    z = math.e**2 + 1 + math.e  # q1's scaled scores are 2, 0, 1
    np.testing.assert_allclose(r.weights[0], [math.e**2 / z, 1 / z, math.e / z])
    np.testing.assert_allclose(r.weights[1], [1 / 3] * 3)  # equal scores, equal weights
    np.testing.assert_allclose(r.output[1], [2 / 3, 2 / 3])  # the plain average of the values
    np.testing.assert_allclose(r.output[0], [(math.e**2 + math.e) / z, (1 + math.e) / z])


def test_one_query_as_a_vector_is_one_row():
    r = attention([1.0, 0.0], [[1.0, 0.0], [0.0, 1.0]], [[1.0], [0.0]])
    assert r.weights.shape == (1, 2) and r.output.shape == (1, 1)
    w = 1 / (1 + math.exp(-1 / math.sqrt(2)))
    np.testing.assert_allclose(r.output, [[w]])


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: attention([[1, 2]], [[1, 2, 3]], [[1]]), ValueError, "Q has d=2"),
        (lambda: attention([[1, 2]], [[1, 2], [3, 4]], [[1]]), ValueError, "K has 2 keys"),
        (lambda: attention([[1, 2]], [1, 2], [[1]]), ValueError, "K must be a 2-D batch"),
        (lambda: attention([[1, np.nan]], [[1, 2]], [[1]]), ValueError, "Q contains 1 NaN"),
        (lambda: attention([[1, 2]], [[1, 2]], [[1]], scaled=1), TypeError, "scaled must be"),
        (lambda: attention("ab", [[1, 2]], [[1]]), TypeError, "Q is text"),
    ],
)
def test_attention_rejects_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


# ---------------------------------------------------------------- entropy


weights_rows = st.lists(st.floats(0.0, 1.0, allow_nan=False), min_size=1, max_size=10).filter(
    lambda w: sum(w) > 1e-3
)


@PROPS
@given(weights_rows)
def test_entropy_matches_scipy_and_a_loop(raw):
    w = np.array(raw) / math.fsum(raw)
    h = entropy(w)
    assert isinstance(h, float)
    assert h == pytest.approx(_entropy_loop(w.tolist()), abs=1e-12)
    assert h == pytest.approx(float(scipy_entropy(w)), abs=1e-10)  # natural log by default
    assert -1e-12 <= h <= math.log(len(w)) + 1e-12


def test_entropy_closed_forms_and_rows():
    for n in (1, 2, 8, 100):
        assert entropy(np.full(n, 1 / n)) == pytest.approx(math.log(n), abs=1e-12)
    assert entropy([0.0, 1.0, 0.0]) == 0.0  # 0 ln 0 counts as 0, no nan, no −0
    assert math.copysign(1.0, entropy([1.0, 0.0])) == 1.0
    both = entropy([[0.5, 0.5, 0.0], [0.25, 0.25, 0.5]])
    np.testing.assert_allclose(both, [math.log(2), 1.5 * math.log(2)])


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ([0.5, -0.1, 0.6], "weights has a negative entry"),
        ([0.5, 0.6], "must sum to 1, but one sums to 1.1"),
        ([[0.5, 0.5], [0.2, 0.2]], "one sums to 0.4"),
        ([0.5, np.nan], "weights contains 1 NaN"),
        ([], "weights is empty"),
    ],
)
def test_entropy_rejects_what_softmax_never_returns(weights, message):
    with pytest.raises(ValueError, match=message):
        entropy(weights)


@PROPS
@given(st.lists(coords, min_size=2, max_size=8))
def test_softmax_jacobian_matches_finite_differences(scores):
    s = np.array(scores)
    J = softmax_jacobian(_softmax_loop(scores))
    h = 1e-6
    for j in range(s.size):
        up, down = s.copy(), s.copy()
        up[j] += h
        down[j] -= h
        column = (np.array(_softmax_loop(up.tolist())) - np.array(_softmax_loop(down.tolist()))) / (
            2 * h
        )
        np.testing.assert_allclose(J[:, j], column, atol=1e-8)


def test_softmax_jacobian_is_tiny_when_saturated():
    w = [1 - 2e-9, 1e-9, 1e-9]
    assert np.abs(softmax_jacobian(w)).max() < 3e-9
    np.testing.assert_allclose(softmax_jacobian([0.5, 0.5]), [[0.25, -0.25], [-0.25, 0.25]])
    with pytest.raises(ValueError, match="softmax output"):
        softmax_jacobian([0.5, 0.7])


# ---------------------------------------------------------------- random q and k


def test_dot_spread_follows_var_d():
    """Var(q·k) = d; with 20,000 pairs the estimate's relative standard error is at most
    √((2 + 6/d) / 20000) ≈ 1.4% (d = 4), so 6% is over four standard errors."""
    spread = dot_spread([4, 64, 256], pairs=20_000, seed=7)
    for d, var, std, scaled in zip(
        spread.dims, spread.variance, spread.std, spread.scaled_variance, strict=True
    ):
        assert var == pytest.approx(d, rel=0.06)
        assert std == pytest.approx(math.sqrt(var))
        assert scaled == pytest.approx(var / d, rel=1e-12)  # dividing by √d divides Var by d
        assert scaled == pytest.approx(1.0, rel=0.06)


def test_dot_spread_is_reproducible_and_checks_input():
    a, b = dot_spread([4, 8], pairs=10, seed=3), dot_spread([4, 8], pairs=10, seed=3)
    np.testing.assert_array_equal(a.variance, b.variance)
    rng = np.random.default_rng(3)  # the documented draws: q then k, for each d in turn
    q, k = rng.standard_normal((10, 4)), rng.standard_normal((10, 4))
    dots = [_fdot(x, y) for x, y in zip(q, k, strict=True)]
    mean = math.fsum(dots) / 10
    assert a.variance[0] == pytest.approx(math.fsum((x - mean) ** 2 for x in dots) / 10)
    with pytest.raises(ValueError, match="dims is empty"):
        dot_spread([])
    with pytest.raises(ValueError, match="pairs must be at least 2"):
        dot_spread([4], pairs=1)
    with pytest.raises(TypeError, match="each entry of dims must be a whole number"):
        dot_spread([4.5])
    with pytest.raises(TypeError, match="dims must be a list"):
        dot_spread(4)


def test_seeded_query_keys_draws_the_query_first():
    q, K = seeded_query_keys(3, 5, seed=11)
    rng = np.random.default_rng(11)
    np.testing.assert_array_equal(q, rng.standard_normal(5))
    np.testing.assert_array_equal(K, rng.standard_normal((3, 5)))
    with pytest.raises(ValueError, match="n must be at least 2"):
        seeded_query_keys(1, 5, seed=0)
    with pytest.raises(TypeError, match="d must be a whole number"):
        seeded_query_keys(3, True, seed=0)


@PROPS
@given(st.integers(1, 6), st.integers(2, 6), st.data())
def test_saturation_matches_loops(d, n, data):
    q = data.draw(st.lists(coords, min_size=d, max_size=d))
    keys = data.draw(st.lists(st.lists(coords, min_size=d, max_size=d), min_size=n, max_size=n))
    r = saturation(q, keys)
    scores = [_fdot(q, k) for k in keys]
    scaled = _softmax_loop([s / math.sqrt(d) for s in scores])
    raw = _softmax_loop(scores)
    np.testing.assert_allclose(r.scores, scores, atol=1e-12)
    np.testing.assert_allclose(r.scaled_weights, scaled, rtol=1e-9, atol=1e-15)
    np.testing.assert_allclose(r.raw_weights, raw, rtol=1e-9, atol=1e-15)
    assert r.scaled_max == pytest.approx(max(scaled)) and r.raw_max == pytest.approx(max(raw))
    assert r.scaled_entropy == pytest.approx(_entropy_loop(scaled), abs=1e-9)
    assert r.raw_entropy == pytest.approx(_entropy_loop(raw), abs=1e-9)
    assert r.uniform_entropy == pytest.approx(math.log(n)) and r.n == n and r.d == d
    top_two = sorted(scores)[-2:]
    assert r.gap == pytest.approx(top_two[1] - top_two[0], abs=1e-12)
    assert scores[r.top] == max(scores)


def test_saturation_at_d_1_is_the_same_both_ways_and_checks_input():
    r = saturation([2.0], [[1.0], [-1.0], [0.5]])
    np.testing.assert_array_equal(r.scaled_weights, r.raw_weights)  # √1 = 1
    with pytest.raises(ValueError, match="q has d=2 entries but each key has 3"):
        saturation([1, 2], [[1, 2, 3], [1, 2, 3]])
    with pytest.raises(ValueError, match="at least 2 rows"):
        saturation([1, 2], [[1, 2]])


def test_entropy_curve_flat_with_sqrt_d_falling_without():
    curve = entropy_curve([1, 4, 64, 1024], n=8, queries=300, seed=5)
    np.testing.assert_allclose(curve.scaled_entropy[0], curve.raw_entropy[0])  # d = 1
    assert np.all(np.diff(curve.raw_entropy) < 0)
    assert curve.raw_entropy[-1] < 0.15 and curve.raw_max[-1] > 0.9
    # With √d the scaled scores have variance 1 at every d: the mean entropy barely moves.
    assert np.ptp(curve.scaled_entropy) < 0.15
    assert np.all(curve.scaled_entropy < curve.uniform_entropy)
    assert curve.uniform_entropy == pytest.approx(math.log(8))


def test_entropy_curve_reference_by_loops():
    """The documented draws, then every softmax and entropy by loops."""
    curve = entropy_curve([3], n=4, queries=5, seed=9)
    rng = np.random.default_rng(9)
    q, k = rng.standard_normal((5, 3)), rng.standard_normal((5, 4, 3))
    for divisor, means, tops in (
        (math.sqrt(3), curve.scaled_entropy, curve.scaled_max),
        (1.0, curve.raw_entropy, curve.raw_max),
    ):
        rows = [_softmax_loop([_fdot(q[i], k[i, j]) / divisor for j in range(4)]) for i in range(5)]
        assert means[0] == pytest.approx(math.fsum(map(_entropy_loop, rows)) / 5, abs=1e-12)
        assert tops[0] == pytest.approx(math.fsum(map(max, rows)) / 5, abs=1e-12)
