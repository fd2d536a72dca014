"""helpers.highdim against loops, closed forms and scipy (an independent implementation)."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import integrate, stats
from scipy.spatial.distance import cdist
from scipy.spatial.distance import cosine as cosine_distance

from helpers.highdim import (
    D_MAX,
    KINDS,
    anisotropy,
    cosine_limit,
    cosine_sample,
    cosine_spreads,
    distance_concentration,
    entry_moments,
    mean_pair_cosine,
    offset_cloud,
    pair_cosines,
    random_pairs,
    relative_contrast,
    spread_formula,
)

PROPS = settings(derandomize=True, max_examples=100, database=None, deadline=None)
coords = st.floats(min_value=-5.0, max_value=5.0, allow_nan=False)


def _fdot(u, v):
    return math.fsum(float(a) * float(b) for a, b in zip(u, v, strict=True))


def _loop_cos(u, v):
    return _fdot(u, v) / math.sqrt(_fdot(u, u) * _fdot(v, v))


# ---------------------------------------------------------------- the formulas


def test_entry_moments_match_integrals():
    # |Gaussian|: E|g| = ∫ |x| φ(x) dx and E[g²] = ∫ x² φ(x) dx, by numerical integration.
    mean = integrate.quad(lambda x: abs(x) * stats.norm.pdf(x), -np.inf, np.inf)[0]
    square = integrate.quad(lambda x: x * x * stats.norm.pdf(x), -np.inf, np.inf)[0]
    assert entry_moments("abs_gaussian") == pytest.approx((mean, square), rel=1e-9)
    assert entry_moments("abs_gaussian") == pytest.approx(
        (stats.halfnorm.mean(), stats.halfnorm.moment(2)), rel=1e-12
    )
    assert entry_moments("uniform") == pytest.approx(
        (stats.uniform.mean(), stats.uniform.moment(2)), rel=1e-12
    )
    assert entry_moments("gaussian") == pytest.approx(
        (stats.norm.mean(), stats.norm.moment(2)), abs=1e-12
    )


def test_cosine_limits_are_the_closed_forms():
    assert cosine_limit("gaussian") == 0
    assert cosine_limit("abs_gaussian") == pytest.approx(2 / math.pi, rel=1e-15)
    assert cosine_limit("abs_gaussian") == pytest.approx(0.6366, abs=5e-5)
    assert cosine_limit("uniform") == pytest.approx(0.75, rel=1e-15)


@pytest.mark.parametrize("d", [2, 3, 10, 384, 768, 1024])
def test_spread_formula_is_the_exact_spread_of_the_gaussian_cosine(d):
    # The cosine of two random Gaussian vectors in d dimensions is distributed like one
    # coordinate of a uniformly random unit vector: (1 + cos)/2 ~ Beta((d−1)/2, (d−1)/2).
    a = (d - 1) / 2
    assert spread_formula(d) == pytest.approx(math.sqrt(4 * stats.beta(a, a).var()), rel=1e-12)
    assert spread_formula(d) == pytest.approx(d**-0.5, rel=1e-15)


def test_spread_formula_numbers_in_the_text():
    assert round(spread_formula(384), 3) == 0.051
    assert round(spread_formula(768), 3) == 0.036
    assert spread_formula(1024) == 1 / 32


# ---------------------------------------------------------------- random pairs


def test_random_pairs_grow_by_adding_entries_and_are_cached_read_only():
    x10, y10 = random_pairs("gaussian", 10, n_pairs=50, seed=3)
    x40, y40 = random_pairs("gaussian", 40, n_pairs=50, seed=3)
    assert x10.shape == y10.shape == (50, 10)
    np.testing.assert_array_equal(x40[:, :10], x10)
    np.testing.assert_array_equal(y40[:, :10], y10)
    ax, ay = random_pairs("abs_gaussian", 40, n_pairs=50, seed=3)
    np.testing.assert_array_equal(ax, np.abs(x40))
    np.testing.assert_array_equal(ay, np.abs(y40))
    ux, _ = random_pairs("uniform", D_MAX, n_pairs=50, seed=3)
    assert 0 <= ux.min() and ux.max() < 1
    with pytest.raises(ValueError):
        x10[0, 0] = 1.0  # read-only: nobody can change the cached draws
    other, _ = random_pairs("gaussian", 10, n_pairs=50, seed=4)
    assert not np.array_equal(other, x10)
    big, _ = random_pairs("gaussian", D_MAX + 6, n_pairs=50, seed=3)
    assert big.shape == (50, D_MAX + 6)


@pytest.mark.parametrize(
    ("call", "err", "words"),
    [
        (lambda: random_pairs("normal", 3), ValueError, "kind must be one of"),
        (lambda: random_pairs("gaussian", 0), ValueError, "d must be at least 1"),
        (lambda: random_pairs("gaussian", 3.0), TypeError, "d must be a whole number"),
        (lambda: random_pairs("gaussian", True), TypeError, "d must be a whole number"),
        (lambda: random_pairs("gaussian", 3, n_pairs=1), ValueError, "n_pairs"),
        (lambda: random_pairs("gaussian", 3, seed=-1), ValueError, "seed"),
        (lambda: spread_formula(0), ValueError, "d must be at least 1"),
        (lambda: cosine_limit("Gaussian"), ValueError, "'abs_gaussian'"),
        (lambda: cosine_sample("uniform", 3, bins=0), ValueError, "bins"),
    ],
)
def test_bad_arguments_are_named(call, err, words):
    with pytest.raises(err, match=words):
        call()


# ---------------------------------------------------------------- pair cosines


@st.composite
def pairs(draw):
    n, d = draw(st.integers(1, 5)), draw(st.integers(1, 6))
    rows = st.lists(st.lists(coords, min_size=d, max_size=d), min_size=n, max_size=n)
    x, y = draw(rows), draw(rows)
    assume(all(_fdot(r, r) > 1e-6 for r in x + y))
    return x, y


@PROPS
@given(pairs())
def test_pair_cosines_match_a_loop_and_scipy(data):
    x, y = data
    got = pair_cosines(x, y)
    want = [_loop_cos(u, v) for u, v in zip(x, y, strict=True)]
    np.testing.assert_allclose(got, want, atol=1e-12)
    np.testing.assert_allclose(
        got, [1 - cosine_distance(u, v) for u, v in zip(x, y, strict=True)], atol=1e-12
    )
    assert np.all(np.abs(got) <= 1)


def test_pair_cosines_survive_huge_and_tiny_entries():
    x = np.array([[1e200, 2e200], [3e-200, 0.0]])
    y = np.array([[2e200, 1e200], [1e-200, 1e-200]])
    np.testing.assert_allclose(pair_cosines(x, y), [0.8, 1 / math.sqrt(2)], rtol=1e-14)


@pytest.mark.parametrize(
    ("x", "y", "err", "words"),
    [
        ([[1.0, 0.0], [0.0, 0.0]], [[1.0, 1.0], [1.0, 1.0]], ValueError, "x row 1 is the zero"),
        ([[1.0, 0.0]], [[0.0, 0.0]], ValueError, "y row 0 is the zero"),
        ([[1.0, 0.0]], [[1.0, 0.0, 1.0]], ValueError, "same number of rows"),
        ([[1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]], ValueError, "same number of rows"),
        ([1.0, 0.0], [1.0, 0.0], ValueError, "2-D batch"),
        ([[1.0, np.nan]], [[1.0, 0.0]], ValueError, "NaN"),
        ("ab", [[1.0, 0.0]], TypeError, "text"),
    ],
)
def test_pair_cosines_reject_bad_input(x, y, err, words):
    with pytest.raises(err, match=words):
        pair_cosines(x, y)


# ---------------------------------------------------------------- samples and histograms


def test_cosine_sample_summary_and_histogram_match_numpy_and_a_loop():
    s = cosine_sample("uniform", 5, n_pairs=300, seed=7, bins=40)
    x, y = random_pairs("uniform", 5, n_pairs=300, seed=7)
    loop = np.array([_loop_cos(u, v) for u, v in zip(x, y, strict=True)])
    np.testing.assert_allclose(s.cosines, loop, atol=1e-12)
    assert s.mean == pytest.approx(math.fsum(loop) / loop.size, abs=1e-12)
    assert s.std == pytest.approx(
        math.sqrt(math.fsum((c - s.mean) ** 2 for c in loop) / loop.size), abs=1e-12
    )
    counts, edges = np.histogram(loop, bins=40, range=(-1, 1))
    np.testing.assert_allclose(s.edges, edges, atol=1e-15)
    np.testing.assert_array_equal(s.counts, counts)
    assert s.shares.sum() == pytest.approx(1.0)
    assert s.limit == 0.75 and s.name == "uniform [0, 1]"


def test_histogram_puts_the_ends_in_the_end_bins():
    s = cosine_sample("gaussian", 1, n_pairs=200, seed=1, bins=8)
    # In one dimension every cosine is exactly +1 or -1 (two numbers point the same way or not).
    assert set(np.round(s.cosines, 12)) <= {-1.0, 1.0}
    assert s.counts[0] + s.counts[-1] == 200


@pytest.mark.parametrize("d", [3, 30, 384])
def test_gaussian_cosines_follow_the_exact_distribution(d):
    # Kolmogorov–Smirnov test against (1 + cos)/2 ~ Beta((d−1)/2, (d−1)/2) (scipy).
    s = cosine_sample("gaussian", d)
    a = (d - 1) / 2
    assert stats.kstest((1 + s.cosines) / 2, stats.beta(a, a).cdf).pvalue > 1e-3


@pytest.mark.parametrize("d", [2, 10, 50, 384, 768, 1024])
def test_measured_spread_is_close_to_one_over_root_d(d):
    s = cosine_sample("gaussian", d)
    sigma = 1 / math.sqrt(d)
    assert abs(s.mean) < 4 * sigma / math.sqrt(s.cosines.size)  # mean 0, within 4 standard errors
    assert s.std == pytest.approx(sigma, rel=0.1)


@pytest.mark.parametrize("kind", ["abs_gaussian", "uniform"])
def test_non_negative_entries_settle_at_their_limit(kind):
    far = [abs(cosine_sample(kind, d).mean - cosine_limit(kind)) for d in (10, 100, 1024)]
    assert far[0] > far[-1] and far[-1] < 0.003
    assert cosine_sample(kind, 2).mean > cosine_limit(kind) + 0.05  # small d: further up


def test_the_demo_model_holds_all_three_kinds():
    r = cosine_spreads(384)
    assert [s.kind for s in r.samples] == list(KINDS)
    assert r["uniform"] is r.samples[2] and r.formula_std == 1 / math.sqrt(384)
    angles = [math.degrees(math.acos(c)) for c in r["gaussian"].cosines]
    mean = math.fsum(angles) / len(angles)
    assert r.angle_spread == pytest.approx(
        math.sqrt(math.fsum((a - mean) ** 2 for a in angles) / len(angles)), rel=1e-9
    )
    assert r.angle_spread == pytest.approx(math.degrees(1 / math.sqrt(384)), rel=0.1)


# ---------------------------------------------------------------- distances


def test_relative_contrast_matches_a_loop():
    rng = np.random.default_rng(0)
    p, q = rng.random((30, 4)), rng.random(4)
    dist = [math.dist(row, q) for row in p]
    assert relative_contrast(p, q) == pytest.approx((max(dist) - min(dist)) / min(dist))
    with pytest.raises(ValueError, match="coincides"):
        relative_contrast(p, p[3])
    with pytest.raises(ValueError, match="same dimension"):
        relative_contrast(p, q[:3])
    with pytest.raises(ValueError, match="at least 2 rows"):
        relative_contrast(p[:1], q)


def test_distance_concentration_matches_cdist_on_the_same_points():
    dims = (1, 3, 8, 20)
    c = distance_concentration(dims, n_points=60, n_queries=3, seed=5)
    rng = np.random.default_rng(5)  # the same draws, in the documented order
    points, queries = rng.random((60, 20)), rng.random((3, 20))
    for j, d in enumerate(dims):
        dist = cdist(queries[:, :d], points[:, :d])  # (3, 60)
        np.testing.assert_allclose(c.nearest[:, j], dist.min(axis=1), rtol=1e-12)
        np.testing.assert_allclose(c.farthest[:, j], dist.max(axis=1), rtol=1e-12)
        np.testing.assert_allclose(c.mean[:, j], dist.mean(axis=1), rtol=1e-12)
        np.testing.assert_allclose(c.std[:, j], dist.std(axis=1), rtol=1e-10)
        np.testing.assert_allclose(c.first[j], dist[0], rtol=1e-12)
        for i in range(3):
            assert c.contrast[i, j] == pytest.approx(
                relative_contrast(points[:, :d], queries[i, :d])
            )
    np.testing.assert_allclose(c.ratio, c.contrast + 1)


def test_contrast_falls_with_d_and_the_relative_spread_like_one_over_root_d():
    dims = (2, 8, 32, 128, 512, 1024)
    c = distance_concentration(dims)
    median = np.median(c.contrast, axis=0)
    assert np.all(np.diff(median) < 0) and median[0] > 10 and median[-1] < 0.15
    # Each squared coordinate difference (p − q)² has mean 1/6 and variance 7/180 for two
    # independent uniform [0, 1] numbers, so the squared distance has mean d/6, standard
    # deviation √(7d/180), and the distance's relative spread tends to
    # ½ · √(7d/180) / (d/6) = √(7/20) / √d ≈ 0.59 / √d.
    relative = (c.std / c.mean)[:, 3:] * np.sqrt(dims[3:])
    np.testing.assert_allclose(relative, math.sqrt(7 / 20), rtol=0.15)


def test_distance_concentration_rejects_bad_dims():
    with pytest.raises(ValueError, match="must increase"):
        distance_concentration((10, 5))
    with pytest.raises(TypeError, match="non-empty sequence"):
        distance_concentration(())
    with pytest.raises(TypeError, match="whole number"):
        distance_concentration((2, 3.5))


# ---------------------------------------------------------------- a shared offset


@PROPS
@given(st.integers(2, 7).flatmap(lambda n: st.lists(
    st.lists(coords, min_size=3, max_size=3), min_size=n, max_size=n)))  # fmt: skip
def test_mean_pair_cosine_matches_a_double_loop(rows):
    assume(all(_fdot(r, r) > 1e-4 for r in rows))
    n = len(rows)
    loop = [_loop_cos(rows[i], rows[j]) for i in range(n) for j in range(n) if i != j]
    assert mean_pair_cosine(rows) == pytest.approx(math.fsum(loop) / len(loop), abs=1e-12)


def test_mean_pair_cosine_matches_scipy_on_a_larger_set():
    X = np.random.default_rng(2).standard_normal((200, 6)) + 0.7
    cos = 1 - cdist(X, X, "cosine")
    off = ~np.eye(200, dtype=bool)
    assert mean_pair_cosine(X) == pytest.approx(cos[off].mean(), abs=1e-12)
    with pytest.raises(ValueError, match="at least 2 rows"):
        mean_pair_cosine(X[:1])
    with pytest.raises(ValueError, match="zero"):
        mean_pair_cosine([[1.0, 0.0], [0.0, 0.0]])


def test_anisotropy_before_and_after_centering():
    X = np.random.default_rng(3).standard_normal((150, 5)) + [2.0, 0, 0, 0, 1.0]
    a = anisotropy(X)
    centered = X - X.mean(axis=0)
    cos = 1 - cdist(X, X, "cosine")
    cos_c = 1 - cdist(centered, centered, "cosine")
    off = ~np.eye(150, dtype=bool)
    assert a.mean_cosine == pytest.approx(cos[off].mean(), abs=1e-12)
    assert a.centered_cosine == pytest.approx(cos_c[off].mean(), abs=1e-12)
    lengths = np.linalg.norm(X, axis=1)
    assert a.mean_vector_length == pytest.approx(np.linalg.norm(X.mean(axis=0)))
    assert a.mean_length == pytest.approx(lengths.mean())
    assert a.share == pytest.approx(np.linalg.norm(X.mean(axis=0)) / lengths.mean())
    assert a.predicted == pytest.approx(np.sum(X.mean(axis=0) ** 2) / np.mean(lengths**2))
    assert (a.n, a.d) == (150, 5)
    with pytest.raises(ValueError, match="equals the mean"):
        anisotropy([[1.0, 2.0], [3.0, 4.0], [2.0, 3.0]])
    with pytest.raises(ValueError, match="at least 2 rows"):
        anisotropy([[1.0, 2.0]])
    with pytest.raises(ValueError, match="NaN"):
        anisotropy([[1.0, np.nan], [1.0, 2.0]])


@pytest.mark.parametrize("r", [0.0, 0.5, 1.0, 2.0])
def test_an_offset_r_times_the_noise_length_gives_mean_cosine_r2_over_1_plus_r2(r):
    X = offset_cloud(400, 384, r, seed=1)
    a = anisotropy(X)
    assert a.mean_cosine == pytest.approx(r * r / (1 + r * r), abs=0.01)
    assert abs(a.centered_cosine) < 0.01
    np.testing.assert_allclose(X.mean(axis=0)[0], r * math.sqrt(384), atol=0.2)
    with pytest.raises(ValueError, match="offset must be >= 0"):
        offset_cloud(4, 3, -1.0)
