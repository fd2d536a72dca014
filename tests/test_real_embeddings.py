"""helpers.real_embeddings against plain loops, the statistics module, closed forms and scipy."""

import math
import statistics

import numpy as np
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.datasets import load_glove, load_minilm_qa
from helpers.real_embeddings import (
    average_ranks,
    band_quartiles,
    best_answers,
    length_summary,
    neighbours,
    prefix_lengths,
    random_slice_band,
    random_unit_vectors,
    slice_view,
    spearman,
    top_one,
    typical_slice_length,
)

PROPS = settings(derandomize=True, max_examples=120, database=None, deadline=None)
small_ints = st.lists(st.integers(-5, 5), min_size=3, max_size=40)  # many ties
floats = st.floats(-1e3, 1e3, allow_nan=False, allow_subnormal=False)


def _len(v):
    return math.sqrt(math.fsum(float(x) ** 2 for x in v))


def _dot(a, b):
    return math.fsum(float(x) * float(y) for x, y in zip(a, b, strict=True))


# ---------------------------------------------------------------- lengths and ranks


def test_length_summary_against_loops_and_the_statistics_module():
    rng = np.random.default_rng(1)
    v = rng.standard_normal((101, 7)) * rng.uniform(0.1, 5, size=(101, 1))
    s = length_summary(v)
    lengths = [_len(row) for row in v]
    np.testing.assert_allclose(s.lengths, lengths, rtol=1e-12)
    # 'inclusive' quartiles interpolate as numpy's default percentile does.
    q1, median, q3 = statistics.quantiles(lengths, n=4, method="inclusive")
    assert (s.q1, s.median, s.q3) == pytest.approx((q1, median, q3), rel=1e-12)
    assert s.minimum == pytest.approx(min(lengths)) and s.maximum == pytest.approx(max(lengths))
    assert list(s.order) == sorted(range(101), key=lambda i: lengths[i])


@PROPS
@given(small_ints)
def test_average_ranks_match_scipy_rankdata(x):
    np.testing.assert_allclose(average_ranks(x), scipy.stats.rankdata(x), rtol=0, atol=1e-12)


def test_average_ranks_by_hand():
    # sorted: 1 (rank 1), 3, 3 (ranks 2 and 3, mean 2.5), 7 (rank 4)
    assert list(average_ranks([3, 1, 7, 3])) == [2.5, 1.0, 4.0, 2.5]


@PROPS
@given(st.data())
def test_spearman_matches_scipy(data):
    n = data.draw(st.integers(3, 30))
    x = data.draw(st.lists(st.one_of(st.integers(-4, 4), floats), min_size=n, max_size=n))
    y = data.draw(st.lists(st.one_of(st.integers(-4, 4), floats), min_size=n, max_size=n))
    if len(set(x)) < 2 or len(set(y)) < 2:
        with pytest.raises(ValueError, match="all entries"):
            spearman(x, y)
        return
    assert spearman(x, y) == pytest.approx(scipy.stats.spearmanr(x, y).statistic, abs=1e-9)


def test_spearman_is_plus_or_minus_one_for_monotone_data():
    x = np.arange(10.0)
    assert spearman(x, np.exp(x)) == pytest.approx(1.0)
    assert spearman(x, -(x**3)) == pytest.approx(-1.0)


def test_spearman_on_the_shipped_glove_lengths_matches_scipy():
    g = load_glove()
    lengths = length_summary(g.vectors.astype(np.float64)).lengths
    ours = spearman(g.rank, lengths)
    assert ours == pytest.approx(scipy.stats.spearmanr(g.rank, lengths).statistic, abs=1e-12)
    assert -0.3 < ours < -0.1  # weak and negative: frequent words are a little longer


def test_spearman_rejects_bad_input():
    with pytest.raises(ValueError, match="x has 3 entries but y has 2"):
        spearman([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="at least 2"):
        spearman([1], [2])
    with pytest.raises(ValueError, match="NaN"):
        spearman([1, 2, float("nan")], [1, 2, 3])
    with pytest.raises(TypeError, match="text"):
        spearman(["a", "b"], [1, 2])


def test_band_quartiles_against_statistics_quantiles():
    rng = np.random.default_rng(2)
    x = rng.integers(0, 1000, size=500)
    y = rng.standard_normal(500)
    edges = [0, 10, 100, 1000]
    bands = band_quartiles(x, y, edges)
    for b, (lo, hi) in enumerate(zip(edges[:-1], edges[1:], strict=True)):
        inside = [float(yy) for xx, yy in zip(x, y, strict=True) if lo <= xx < hi]
        assert bands.count[b] == len(inside)
        # numpy's default percentile interpolates linearly, like the "inclusive" method
        q1, median, q3 = statistics.quantiles(inside, n=4, method="inclusive")
        assert bands.q1[b] == pytest.approx(q1)
        assert bands.median[b] == pytest.approx(statistics.median(inside))
        assert bands.q3[b] == pytest.approx(q3)
        assert bands.iqr[b] == pytest.approx(q3 - q1)
    assert list(bands.edges) == edges
    empty = band_quartiles([5.0, 6.0], [1.0, 2.0], [0, 1, 10])
    assert math.isnan(empty.median[0]) and math.isnan(empty.iqr[0]) and list(empty.count) == [0, 2]
    assert empty.q1[1] == pytest.approx(1.25) and empty.q3[1] == pytest.approx(1.75)
    with pytest.raises(ValueError, match="increasing"):
        band_quartiles([1, 2], [1, 2], [3, 1])
    with pytest.raises(ValueError, match="one y per x"):
        band_quartiles([1, 2], [1], [0, 3])


def test_glove_bands_and_extremes_as_the_notebook_reports():
    g = load_glove()
    s = length_summary(g.vectors.astype(np.float64))
    equal = band_quartiles(g.rank, s.lengths, np.arange(0, 20_001, 2_000))
    assert equal.iqr[0] == pytest.approx(0.73, abs=0.005)
    assert equal.iqr[-1] == pytest.approx(0.97, abs=0.005)
    extremes = np.r_[s.order[:6], s.order[-6:]]
    assert g.rank[extremes].min() + 1 == 4436 and g.rank[extremes].max() + 1 == 18813


# ---------------------------------------------------------------- neighbours


def _brute_neighbours(v, i, k):
    others = [j for j in range(len(v)) if j != i]
    dots = {j: _dot(v[i], v[j]) for j in others}
    cos = {j: dots[j] / (_len(v[i]) * _len(v[j])) for j in others}
    by_dot = sorted(others, key=lambda j: -dots[j])[:k]  # stable: ties keep lower index
    by_cos = sorted(others, key=lambda j: -cos[j])[:k]
    return by_dot, [dots[j] for j in by_dot], by_cos, [cos[j] for j in by_cos]


@pytest.mark.parametrize("query", [0, 7, 29])
def test_neighbours_match_a_brute_force_sort(query):
    rng = np.random.default_rng(3)
    v = rng.standard_normal((30, 6)) * rng.uniform(0.2, 4, size=(30, 1))
    n = neighbours(v, query, k=4)
    by_dot, dots, by_cos, cos = _brute_neighbours(v, query, 4)
    assert list(n.by_dot) == by_dot and list(n.by_cosine) == by_cos
    np.testing.assert_allclose(n.dots, dots, rtol=1e-12)
    np.testing.assert_allclose(n.cosines, cos, rtol=1e-12)
    assert query not in n.by_dot and query not in n.by_cosine


def test_neighbours_leave_out_the_query_even_when_it_is_not_first_by_dot():
    # Row 1 is long and close to row 0, so 0·1 > 0·0: the query is not its own top hit.
    v = np.array([[1.0, 0.0], [3.0, 0.5], [0.0, 1.0], [1.0, 1.0]])
    n = neighbours(v, 0, k=3)
    assert list(n.by_dot) == [1, 3, 2]
    assert list(n.by_cosine) == [1, 3, 2]
    assert len(n.by_dot) == len(n.dots) == 3


def test_neighbours_reject_bad_input():
    v = np.eye(3)
    with pytest.raises(ValueError, match="numbered 0 to 2"):
        neighbours(v, 3)
    with pytest.raises(ValueError, match="only 2 other rows"):
        neighbours(v, 0, k=3)
    with pytest.raises(TypeError, match="whole number"):
        neighbours(v, "0")
    with pytest.raises(ValueError, match="row 1 is all zeros"):
        neighbours(np.array([[1.0, 0], [0, 0], [0, 1]]), 0, k=1)


@PROPS
@given(st.integers(0, 10_000))
def test_top_one_matches_full_cosine_and_dot_tables(seed):
    rng = np.random.default_rng(seed)
    v = rng.standard_normal((25, 4)) * rng.uniform(0.1, 6, size=(25, 1))
    queries = rng.choice(25, size=10, replace=False)
    r = top_one(v, queries, chunk_rows=3)
    for t, i in enumerate(queries):
        dots = [(_dot(v[i], v[j]), j) for j in range(25)]
        cos = [(d / (_len(v[i]) * _len(v[j])), j) for d, j in dots]
        best_dot = max((d, -j) for d, j in dots if j != i)[1] * -1  # ties: lower index
        best_cos = max((c, -j) for c, j in cos if j != i)[1] * -1
        assert r.by_dot[t] == best_dot and r.by_cosine[t] == best_cos
        self_first = all(dots[i][0] > d for d, j in dots if j != i)
        assert bool(r.self_first_by_dot[t]) == self_first
    assert np.array_equal(r.differ, r.by_dot != r.by_cosine)


def test_top_one_agrees_with_neighbours_on_glove():
    g = load_glove()
    v = g.vectors[:3000].astype(np.float64)
    queries = np.array([g.index(w) for w in ("doctor", "dog", "happy", "the")])
    r = top_one(v, queries)
    for t, i in enumerate(queries):
        n = neighbours(v, int(i), k=1)
        assert r.by_dot[t] == n.by_dot[0] and r.by_cosine[t] == n.by_cosine[0]


def test_top_one_rejects_bad_queries():
    with pytest.raises(TypeError, match="row numbers"):
        top_one(np.eye(3), [0.5])
    with pytest.raises(ValueError, match="0 to 2"):
        top_one(np.eye(3), [3])
    with pytest.raises(ValueError, match="positive"):
        top_one(np.eye(3), [0], chunk_rows=0)


# ---------------------------------------------------------------- recall@1


def test_best_answers_against_a_loop():
    rng = np.random.default_rng(4)
    s = rng.standard_normal((12, 12)) + 1.5 * np.eye(12)
    r = best_answers(s)
    for i in range(12):
        row = list(s[i])
        best = row.index(max(row))  # the first of any tied, like argmax
        assert r.best[i] == best and bool(r.hits[i]) == (best == i)
        assert r.own_rank[i] == 1 + sum(x > row[i] for x in row)
        assert bool(r.tied[i]) == (row.count(max(row)) > 1)
    assert r.recall == pytest.approx(sum(r.best[i] == i for i in range(12)) / 12)
    assert r.n_hits == int(r.hits.sum())


def test_best_answers_by_hand_ties_and_errors():
    s = [[0.9, 0.1, 0.3], [0.8, 0.2, 0.1], [0.0, 0.1, 0.5]]
    r = best_answers(s)
    assert list(r.best) == [0, 0, 2] and r.n_hits == 2 and r.recall == pytest.approx(2 / 3)
    assert list(r.own_rank) == [1, 2, 1] and not r.tied.any()
    # Ties go to the lower column: row 0 ties its own answer (a hit), row 1 ties answer 0 (a miss).
    t = best_answers([[0.5, 0.5], [0.7, 0.7]])
    assert list(t.best) == [0, 0] and list(t.hits) == [True, False] and t.tied.all()
    assert list(t.own_rank) == [1, 1]
    with pytest.raises(ValueError, match="square"):
        best_answers(np.ones((2, 3)))


def test_minilm_vectors_have_length_one_and_recall_37_of_40():
    m = load_minilm_qa()
    lengths = np.linalg.norm(np.vstack([m.q_emb, m.a_emb]).astype(np.float64), axis=1)
    assert np.all(np.abs(lengths - 1) < 1e-6)
    q, a = m.q_emb.astype(np.float64), m.a_emb.astype(np.float64)
    r = best_answers(q @ a.T)
    assert r.n_hits == 37 and [int(i) for i in np.flatnonzero(~r.hits)] == [16, 23, 25]
    assert not r.tied.any()


def test_exercise_values_against_scipy_and_closed_forms():
    from helpers.exercises.real_embeddings import FIVE, LENGTHS, RANKS, SOLUTIONS, SPEARMAN

    assert SPEARMAN == pytest.approx(scipy.stats.spearmanr(RANKS, LENGTHS).statistic)
    assert SOLUTIONS["04.03-spearman"] == pytest.approx(SPEARMAN)
    # √(5/d) = |five|  ⇔  d = 5 / |five|²
    assert SOLUTIONS["04.03-five-values-d"] == pytest.approx(5 / float(np.sum(np.square(FIVE))))
    assert SOLUTIONS["04.03-slice-length"] == pytest.approx(math.sqrt(24 / 384))


# ---------------------------------------------------------------- slices


@PROPS
@given(st.lists(floats, min_size=1, max_size=30))
def test_prefix_lengths_against_hypot(v):
    expected = [math.hypot(*v[:k]) for k in range(1, len(v) + 1)]
    np.testing.assert_allclose(prefix_lengths(v), expected, rtol=1e-12, atol=1e-300)


def test_typical_slice_length_closed_form_and_errors():
    assert typical_slice_length(5, 384) == pytest.approx(0.11410886614690961)
    assert typical_slice_length(16, 384) == pytest.approx(0.2041241452)  # 1/√24
    assert typical_slice_length(384, 384) == 1.0
    with pytest.raises(ValueError, match="1 <= k <= d"):
        typical_slice_length(0, 384)
    with pytest.raises(ValueError, match="1 <= k <= d"):
        typical_slice_length(385, 384)
    with pytest.raises(ValueError, match="whole number"):
        typical_slice_length(2.5, 384)


def test_random_unit_vectors_are_seeded_unit_and_squared_slices_average_k_over_d():
    u = random_unit_vectors(4000, 64, seed=7)
    assert np.array_equal(u, random_unit_vectors(4000, 64, seed=7))
    np.testing.assert_allclose(np.linalg.norm(u, axis=1), 1.0, rtol=1e-12)
    # E|u[:k]|² = k/d exactly (the d squared coordinates share 1 equally on average);
    # the standard error of the mean of 4000 samples is below 0.005 here.
    for k in (1, 5, 16, 63):
        mean_sq = float(np.mean(np.sum(u[:, :k] ** 2, axis=1)))
        assert abs(mean_sq - k / 64) < 0.01


def test_random_slice_band_matches_the_beta_distribution():
    # For a random direction in d dims, |u[:k]|² ~ Beta(k/2, (d − k)/2) (squares of
    # Gaussians over their total); its quantiles are scipy's, the band's come from samples.
    d = 384
    band = random_slice_band(d, n=4000, seed=11)
    for k in (1, 5, 50, 200, 383):
        for row, p in zip(band[:, k - 1], (0.05, 0.5, 0.95), strict=True):
            exact = math.sqrt(scipy.stats.beta.ppf(p, k / 2, (d - k) / 2))
            assert abs(row - exact) < 0.03 * exact + 0.002
    np.testing.assert_allclose(band[:, -1], 1.0, rtol=1e-12)
    with pytest.raises(ValueError, match="increasing"):
        random_slice_band(d, percentiles=(50, 5, 95))


def test_slice_view_against_loops():
    rng = np.random.default_rng(5)
    v = rng.standard_normal((3, 20))
    band = random_slice_band(20, n=200, seed=1)
    for k in (1, 4, 20):
        s = slice_view(v, 2, k, band, level=0.8)
        full = _len(v[2])
        assert s.length == pytest.approx(_len(v[2][:k]))
        assert s.share == pytest.approx(_len(v[2][:k]) ** 2 / full**2)
        assert s.full == pytest.approx(full) and s.typical == pytest.approx(math.sqrt(k / 20))
        assert s.band == pytest.approx(tuple(band[:, k - 1]))
        first = next(j for j in range(1, 21) if _len(v[2][:j]) >= 0.8 * full)
        assert s.reaches == first and (s.index, s.k, s.d) == (2, k, 20)


def test_slice_view_rejects_bad_input():
    v = np.ones((2, 4))
    band = random_slice_band(4, n=10, seed=0)
    with pytest.raises(ValueError, match="1 to d = 4"):
        slice_view(v, 0, 5, band)
    with pytest.raises(ValueError, match="numbered 0 to 1"):
        slice_view(v, 2, 1, band)
    with pytest.raises(ValueError, match=r"not \(3, 4\)"):
        slice_view(v, 0, 1, band[:, :3])
    with pytest.raises(ValueError, match="all zeros"):
        slice_view(np.zeros((1, 4)), 0, 1, band)
    with pytest.raises(ValueError, match="level"):
        slice_view(v, 0, 1, band, level=1.5)
    assert slice_view(v, 0, 2.0, band).k == 2  # a slider's whole-number float is fine
