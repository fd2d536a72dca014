"""helpers.rescaling against scipy, explicit loops and closed forms."""

import itertools
import math

import numpy as np
import pytest
import scipy.linalg
import scipy.optimize
import scipy.stats
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.rescaling import (
    balancing_diagonal,
    best_first,
    factorize,
    item_cosines,
    kendall_tau,
    pair_counts,
    ratings_matrix,
    rescale,
    rescaled_neighbours,
    tau_over,
    weight_decay,
)

PROPS = settings(derandomize=True, max_examples=150, database=None, deadline=None)


def _fdot(u, v):
    return math.fsum(float(x) * float(y) for x, y in zip(u, v, strict=True))


def _cos(u, v):
    return _fdot(u, v) / math.sqrt(_fdot(u, u) * _fdot(v, v))


def _loop_counts(x, y):
    """Every pair i < j by hand: (same order, opposite, tied in x only, in y only, in both)."""
    out = [0, 0, 0, 0, 0]
    for i, j in itertools.combinations(range(len(x)), 2):
        dx, dy = x[i] - x[j], y[i] - y[j]
        if dx == 0 and dy == 0:
            out[4] += 1
        elif dx == 0:
            out[2] += 1
        elif dy == 0:
            out[3] += 1
        elif (dx > 0) == (dy > 0):
            out[0] += 1
        else:
            out[1] += 1
    return tuple(out)


# ---------------------------------------------------------------- Kendall τ

scores = st.lists(st.integers(-3, 3), min_size=2, max_size=9)  # small range: many ties


@PROPS
@given(st.data())
def test_kendall_tau_matches_scipy_tau_b_with_ties(data):
    x = data.draw(scores)
    y = data.draw(st.lists(st.integers(-3, 3), min_size=len(x), max_size=len(x)))
    assume(len(set(x)) > 1 and len(set(y)) > 1)  # otherwise τ is 0/0
    expected = scipy.stats.kendalltau(x, y, variant="b").statistic
    assert kendall_tau(x, y) == pytest.approx(expected, abs=1e-12)


@PROPS
@given(st.lists(st.floats(-1, 1, allow_nan=False), min_size=2, max_size=12, unique=True))
def test_without_ties_tau_is_same_fraction_minus_opposite_fraction(x):
    y = [math.sin(7 * v) + 0.1 * v for v in x]  # some other order of the same items
    assume(len(set(y)) == len(y))
    same, opposite, *_ = _loop_counts(x, y)
    pairs = len(x) * (len(x) - 1) // 2
    assert same + opposite == pairs
    assert kendall_tau(x, y) == pytest.approx(same / pairs - opposite / pairs, abs=1e-12)
    assert kendall_tau(x, y) == pytest.approx(scipy.stats.kendalltau(x, y).statistic, abs=1e-12)


@PROPS
@given(st.data())
def test_pair_counts_match_a_loop(data):
    x = data.draw(scores)
    y = data.draw(st.lists(st.integers(-3, 3), min_size=len(x), max_size=len(x)))
    c = pair_counts(x, y)
    assert (c.concordant, c.discordant, c.tied_x, c.tied_y, c.tied_both) == _loop_counts(x, y)
    assert c.pairs == len(x) * (len(x) - 1) // 2


def test_tau_extremes_and_the_worked_example():
    assert kendall_tau([1, 2, 3, 4], [10, 20, 30, 40]) == 1.0
    assert kendall_tau([1, 2, 3, 4], [4, 3, 2, 1]) == -1.0
    # The notebook's example, by hand: pairs (0,1) and (2,3) swap, the other 4 agree.
    assert kendall_tau([0.9, 0.7, 0.5, 0.1], [0.6, 0.8, 0.2, 0.3]) == pytest.approx(1 / 3)
    # τ-b: identical lists with ties still agree completely.
    assert kendall_tau([1, 1, 2, 3], [1, 1, 2, 3]) == pytest.approx(1.0)


def test_tau_refuses_what_it_cannot_rank():
    with pytest.raises(ValueError, match="same number|same items"):
        kendall_tau([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="at least 2"):
        kendall_tau([1.0], [2.0])
    with pytest.raises(ValueError, match="undefined"):
        kendall_tau([1, 1, 1], [1, 2, 3])
    with pytest.raises(ValueError, match="NaN"):
        kendall_tau([1, float("nan"), 3], [1, 2, 3])
    with pytest.raises(TypeError, match="text"):
        kendall_tau("abc", [1, 2, 3])


def test_best_first_breaks_ties_by_index():
    assert best_first([0.2, 0.9, 0.2, 0.5]) == (1, 3, 0, 2)


# ---------------------------------------------------------------- the factorization

matrices = st.integers(0, 10_000).map(
    lambda seed: np.random.default_rng(seed).standard_normal((7, 5))
)


@PROPS
@given(matrices, st.integers(1, 5), st.sampled_from([0.0, 0.25, 0.5, 1.0]))
def test_factorize_is_the_truncated_svd_split_as_asked(X, k, split):
    f = factorize(X, k, split=split)
    u, s, vt = scipy.linalg.svd(X, full_matrices=False)
    best = (u[:, :k] * s[:k]) @ vt[:k]  # scipy's own truncated SVD, signs and all
    np.testing.assert_allclose(f.fitted, best, atol=1e-10)
    np.testing.assert_allclose(f.singular_values, s[:k], rtol=1e-12)
    # Eckart–Young: the squared error is the sum of the dropped squared singular values.
    assert np.sum((X - f.fitted) ** 2) == pytest.approx(np.sum(s[k:] ** 2), abs=1e-9)
    # Columns of A are orthogonal with lengths s^split; of B, s^(1 − split).
    np.testing.assert_allclose(f.A.T @ f.A, np.diag(s[:k] ** (2 * split)), atol=1e-9)
    np.testing.assert_allclose(f.B.T @ f.B, np.diag(s[:k] ** (2 - 2 * split)), atol=1e-9)
    biggest = np.abs(f.B).argmax(axis=0)
    assert np.all(f.B[biggest, np.arange(k)] > 0)  # the sign convention


def _weight_decay_loss(X, A, B, lam):
    """|X − A Bᵀ|² + λ(|A|² + |B|²), entry by entry."""
    n, m = X.shape
    fit = math.fsum((X[u, i] - _fdot(A[u], B[i])) ** 2 for u in range(n) for i in range(m))
    return fit + lam * (math.fsum(x * x for x in A.ravel()) + math.fsum(x * x for x in B.ravel()))


@settings(derandomize=True, max_examples=12, database=None, deadline=None)
@given(st.integers(0, 10_000), st.sampled_from([0.1, 0.5, 1.0]))
def test_shrink_is_the_weight_decay_minimum_found_by_scipy(seed, lam):
    """The closed form A = U (S − λ)^½, B = V (S − λ)^½ against a numerical minimization."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((6, 4)) + 2.0
    k = 2
    f = factorize(X, k, shrink=lam)
    n, m = X.shape

    def loss_and_grad(theta):
        A, B = theta[: n * k].reshape(n, k), theta[n * k :].reshape(m, k)
        R = X - A @ B.T
        loss = np.sum(R**2) + lam * (np.sum(A**2) + np.sum(B**2))
        grad = np.concatenate(
            [(-2 * R @ B + 2 * lam * A).ravel(), (-2 * R.T @ A + 2 * lam * B).ravel()]
        )
        return loss, grad

    start = rng.standard_normal(n * k + m * k)
    options = {"gtol": 1e-11, "ftol": 1e-15, "maxiter": 20_000}
    found = scipy.optimize.minimize(
        loss_and_grad, start, jac=True, method="L-BFGS-B", options=options
    )
    A_num, B_num = found.x[: n * k].reshape(n, k), found.x[n * k :].reshape(m, k)
    closed = _weight_decay_loss(X, f.A, f.B, lam)
    assert closed <= _weight_decay_loss(X, A_num, B_num, lam) + 1e-8
    assert closed == pytest.approx(found.fun, abs=1e-6)
    np.testing.assert_allclose(f.fitted, A_num @ B_num.T, atol=1e-4)
    # Balanced: column j of A and of B both have length √(s_j − λ).
    s = scipy.linalg.svdvals(X)[:k]
    np.testing.assert_allclose(np.linalg.norm(f.A, axis=0), np.sqrt(s - lam), rtol=1e-10)
    np.testing.assert_allclose(np.linalg.norm(f.B, axis=0), np.sqrt(s - lam), rtol=1e-10)
    assert f.shrink == lam


def test_shrink_rescales_the_items_by_a_diagonal_that_depends_on_lambda():
    X = ratings_matrix(seed=27)
    plain = factorize(X, 3)
    for lam in (0.5, 2.0, 4.0):
        shrunk = factorize(X, 3, shrink=lam)
        s = plain.singular_values
        # Column j of B is multiplied by √((s_j − λ)/s_j): B_λ = B D⁻¹ with d_j = √(s_j/(s_j − λ)).
        for j in range(3):
            np.testing.assert_allclose(
                shrunk.B[:, j], plain.B[:, j] * math.sqrt((s[j] - lam) / s[j]), rtol=1e-12
            )


def test_factorize_refuses_bad_arguments():
    X = ratings_matrix()
    with pytest.raises(ValueError, match="between 1 and 8"):
        factorize(X, 9)
    with pytest.raises(TypeError, match="whole number"):
        factorize(X, 2.0)
    with pytest.raises(ValueError, match="split"):
        factorize(X, 2, split=1.5)
    with pytest.raises(ValueError, match="2-D"):
        factorize([1.0, 2.0], 1)
    with pytest.raises(ValueError, match="rank below"):
        factorize(np.outer([1.0, 2.0, 3.0], [1.0, 1.0]), 2)
    with pytest.raises(ValueError, match="shrink"):
        factorize(X, 2, shrink=-1.0)
    with pytest.raises(ValueError, match="shrink=100.0 is not below"):
        factorize(X, 2, shrink=100.0)


def test_ratings_matrix_is_whole_stars_and_seeded():
    X = ratings_matrix(12, 8, rank=3, seed=27)
    assert X.shape == (12, 8)
    assert set(np.unique(X)) <= {0.0, 1.0, 2.0, 3.0, 4.0, 5.0}
    np.testing.assert_array_equal(X, ratings_matrix(12, 8, rank=3, seed=27))
    assert not np.array_equal(X, ratings_matrix(12, 8, rank=3, seed=28))
    with pytest.raises(ValueError, match="noise"):
        ratings_matrix(noise=-1.0)
    with pytest.raises(ValueError, match="rank"):
        ratings_matrix(4, 3, rank=4)


# ---------------------------------------------------------------- rescaling

diagonals = st.lists(st.floats(0.05, 20.0), min_size=3, max_size=3)


@PROPS
@given(st.integers(0, 1000), diagonals)
def test_rescaling_keeps_every_dot_product(seed, d):
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((5, 3)), rng.standard_normal((4, 3))
    AD, BD = rescale(A, B, d)
    for u in range(5):
        for i in range(4):
            # Column by column: (a_u d_j)(b_i / d_j) is a_u b_i.
            assert AD[u] == pytest.approx([A[u, j] * d[j] for j in range(3)], rel=1e-15)
            assert BD[i] == pytest.approx([B[i, j] / d[j] for j in range(3)], rel=1e-15)
            assert _fdot(AD[u], BD[i]) == pytest.approx(_fdot(A[u], B[i]), abs=1e-12)


@PROPS
@given(st.integers(0, 1000))
def test_item_cosines_match_a_loop(seed):
    B = np.random.default_rng(seed).standard_normal((6, 3))
    C = item_cosines(B)
    for i in range(6):
        for j in range(6):
            assert C[i, j] == pytest.approx(_cos(B[i], B[j]), abs=1e-12)


@PROPS
@given(st.integers(0, 1000), diagonals, st.integers(0, 5))
def test_rescaled_neighbours_match_loops_and_scipy(seed, d, query):
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((5, 3)), rng.standard_normal((6, 3))
    r = rescaled_neighbours(A, B, d, query)
    others = [i for i in range(6) if i != query]
    assert r.items == tuple(others)
    scaled = [[B[i, j] / d[j] for j in range(3)] for i in range(6)]
    now = [_cos(scaled[query], scaled[i]) for i in others]
    base = [_cos(B[query], B[i]) for i in others]
    np.testing.assert_allclose(r.cosines, now, atol=1e-12)
    np.testing.assert_allclose(r.base_cosines, base, atol=1e-12)
    if min(abs(a - b) for a, b in itertools.combinations(now, 2)) > 1e-9:
        assert r.order == tuple(sorted(others, key=lambda i: -now[others.index(i)]))
        assert r.tau == pytest.approx(scipy.stats.kendalltau(base, now).statistic, abs=1e-12)
    assert r.max_change < 1e-12
    assert r.user_score == pytest.approx(_fdot(A[0], B[query]), abs=1e-12)
    assert r.base_user_score == pytest.approx(_fdot(A[0], B[query]), abs=1e-12)


@PROPS
@given(st.integers(0, 1000), st.floats(0.01, 100.0))
def test_the_same_factor_on_every_column_changes_no_cosine(seed, c):
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((5, 3)), rng.standard_normal((6, 3))
    r = rescaled_neighbours(A, B, [c, c, c], 2)
    np.testing.assert_allclose(r.cosines, r.base_cosines, atol=1e-12)
    assert r.order == r.base_order


def test_tau_over_matches_one_d_at_a_time():
    f = factorize(ratings_matrix(seed=27), 3)
    grid = [[1.0, 2.0**a, 2.0**b] for a in (-3, -1, 0, 0.5, 2) for b in (-2, 0, 1.25, 3)]
    got = tau_over(f.A, f.B, 4, grid)
    for d, tau in zip(grid, got, strict=True):
        scaled = [[f.B[i, j] / d[j] for j in range(3)] for i in range(8)]
        now = [_cos(scaled[4], scaled[i]) for i in range(8) if i != 4]
        base = [_cos(f.B[4], f.B[i]) for i in range(8) if i != 4]
        assert tau == pytest.approx(scipy.stats.kendalltau(base, now).statistic, abs=1e-12)
        assert tau == pytest.approx(rescaled_neighbours(f.A, f.B, d, 4).tau, abs=1e-12)


def test_rescaling_refuses_bad_diagonals_and_shapes():
    A, B = np.ones((3, 2)), np.ones((4, 2))
    with pytest.raises(ValueError, match=r"d\[1\] is 0.0"):
        rescale(A, B, [1.0, 0.0])
    with pytest.raises(ValueError, match=r"d\[0\] is -2.0"):
        rescale(A, B, [-2.0, 1.0])
    with pytest.raises(ValueError, match="k=2"):
        rescale(A, B, [1.0, 1.0, 1.0])
    with pytest.raises(ValueError, match="same number of columns"):
        rescale(A, np.ones((4, 3)), [1.0, 1.0])
    with pytest.raises(ValueError, match="query must be between 0 and 3"):
        rescaled_neighbours(A, B, [1.0, 1.0], 4)
    with pytest.raises(TypeError, match="query"):
        rescaled_neighbours(A, B, [1.0, 1.0], True)
    with pytest.raises(ValueError, match="zero"):
        rescaled_neighbours(A, np.array([[1.0, 0.0], [0.0, 0.0], [1.0, 1.0]]), [1.0, 1.0], 0)
    with pytest.raises(ValueError, match=r"d\[1\]"):
        tau_over(A, np.eye(2)[[0, 1, 0, 1]] + 0.5, 0, [[1.0, 1.0], [1.0, -1.0]])


# ---------------------------------------------------------------- what picks D


@PROPS
@given(st.integers(0, 1000), diagonals)
def test_weight_decay_is_the_sum_of_squares_and_balancing_minimizes_it(seed, d):
    rng = np.random.default_rng(seed)
    A, B = rng.standard_normal((5, 3)), rng.standard_normal((4, 3))
    by_hand = math.fsum((A[u, j] * d[j]) ** 2 for u in range(5) for j in range(3))
    by_hand += math.fsum((B[i, j] / d[j]) ** 2 for i in range(4) for j in range(3))
    assert weight_decay(A, B, d) == pytest.approx(by_hand, rel=1e-12)
    best = balancing_diagonal(A, B)
    assert weight_decay(A, B, best) <= weight_decay(A, B, d) + 1e-12
    # Closed form per column: min of d²α + β/d² is 2√(αβ) = 2|A_j||B_j|.
    closed = 2 * np.sum(np.linalg.norm(A, axis=0) * np.linalg.norm(B, axis=0))
    assert weight_decay(A, B, best) == pytest.approx(closed, rel=1e-12)


def test_balancing_turns_any_split_into_the_even_one():
    X = ratings_matrix(seed=27)
    even = factorize(X, 3, split=0.5)
    np.testing.assert_allclose(balancing_diagonal(even.A, even.B), 1.0, rtol=1e-12)
    for split in (0.0, 1.0):
        f = factorize(X, 3, split=split)
        d = balancing_diagonal(f.A, f.B)
        # |A_j| = s^split, |B_j| = s^(1 − split), so d = s^(1/2 − split).
        np.testing.assert_allclose(d, f.singular_values ** (0.5 - split), rtol=1e-12)
        AD, BD = rescale(f.A, f.B, d)
        np.testing.assert_allclose(AD, even.A, atol=1e-12)
        np.testing.assert_allclose(BD, even.B, atol=1e-12)
    with pytest.raises(ValueError, match="all zeros"):
        balancing_diagonal(np.array([[1.0, 0.0]]), np.array([[1.0, 1.0]]))
