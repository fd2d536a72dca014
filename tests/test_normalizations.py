"""helpers.normalizations against explicit loops, the statistics module and scipy."""

import math
import statistics

import numpy as np
import pytest
import scipy.stats
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers import normalizations
from helpers.checks import evaluate
from helpers.exercises import EXERCISES
from helpers.normalizations import (
    METRICS,
    NORMALIZATIONS,
    count_disagreements,
    l2_normalize,
    mean_center,
    min_max,
    nearest_neighbours,
    normalize_cloud,
    point_cloud,
    scaled_copies,
    z_score,
)
from helpers.vectors import cosine_similarity

PROPS = settings(derandomize=True, max_examples=100, database=None)
entries = st.floats(min_value=-50, max_value=50, allow_nan=False)


@st.composite
def batches(draw, min_rows=2, max_rows=5, min_cols=2, max_cols=5):
    n = draw(st.integers(min_rows, max_rows))
    d = draw(st.integers(min_cols, max_cols))
    return [[draw(entries) for _ in range(d)] for _ in range(n)]


# ---------------------------------------------------------------- loops (the references)


def _lines(x, axis):
    """The rows (axis=1) or the columns (axis=0) of a list of lists, as lists."""
    return [list(r) for r in x] if axis == 1 else [list(c) for c in zip(*x, strict=True)]


def _from_lines(lines, axis):
    return np.array(lines if axis == 1 else [list(r) for r in zip(*lines, strict=True)])


def _loop(x, axis, f):
    return _from_lines([f(line) for line in _lines(x, axis)], axis)


def _l2(line):
    length = math.sqrt(math.fsum(v * v for v in line))
    return [v / length for v in line]


def _center(line):
    mean = math.fsum(line) / len(line)
    return [v - mean for v in line]


def _minmax(line):
    lo, hi = min(line), max(line)
    return [(v - lo) / (hi - lo) for v in line]


def _z(line):
    mean, spread = statistics.fmean(line), statistics.pstdev(line)
    return [(v - mean) / spread for v in line]


def _spread_enough(x, axis):
    return all(statistics.pstdev(line) > 1e-3 for line in _lines(x, axis))


def _long_enough(x, axis):
    return all(math.hypot(*line) > 1e-3 for line in _lines(x, axis))


# ---------------------------------------------------------------- the four normalizations


@PROPS
@given(batches(), st.sampled_from([0, 1]))
def test_l2_divides_each_line_by_its_length(x, axis):
    assume(_long_enough(x, axis))
    out = l2_normalize(x, axis=axis)
    np.testing.assert_allclose(out, _loop(x, axis, _l2), atol=1e-12)
    for line in _lines(out.tolist(), axis):
        assert math.hypot(*line) == pytest.approx(1.0)


@PROPS
@given(batches(), st.sampled_from([0, 1]))
def test_mean_center_subtracts_each_lines_mean(x, axis):
    out = mean_center(x, axis=axis)
    np.testing.assert_allclose(out, _loop(x, axis, _center), atol=1e-10)
    for line in _lines(out.tolist(), axis):
        assert abs(math.fsum(line)) < 1e-9


@PROPS
@given(batches(), st.sampled_from([0, 1]))
def test_min_max_maps_each_line_onto_zero_to_one(x, axis):
    assume(all(max(line) - min(line) > 1e-3 for line in _lines(x, axis)))
    out = min_max(x, axis=axis)
    np.testing.assert_allclose(out, _loop(x, axis, _minmax), atol=1e-10)
    for line in _lines(out.tolist(), axis):
        assert min(line) == 0 and max(line) == pytest.approx(1.0)


@PROPS
@given(batches(), st.sampled_from([0, 1]))
def test_z_score_uses_the_population_standard_deviation(x, axis):
    assume(_spread_enough(x, axis))
    out = z_score(x, axis=axis)
    np.testing.assert_allclose(out, _loop(x, axis, _z), atol=1e-9)
    # scipy's zscore (ddof=0 by default) is a third, independent implementation.
    np.testing.assert_allclose(out, scipy.stats.zscore(np.array(x), axis=axis), atol=1e-9)
    for line in _lines(out.tolist(), axis):
        assert statistics.fmean(line) == pytest.approx(0.0, abs=1e-9)
        assert statistics.pstdev(line) == pytest.approx(1.0)


# ---------------------------------------------------------------- what each one removes


@PROPS
@given(batches(), st.sampled_from([0, 1]), st.floats(0.01, 100), st.floats(-20, 20))
def test_each_normalization_forgets_exactly_its_degrees_of_freedom(x, axis, scale, shift):
    assume(_spread_enough(x, axis) and _long_enough(x, axis))
    x = np.array(x)
    scaled, shifted = scale * x, x + shift
    # L2: forgets a positive scale factor.
    np.testing.assert_allclose(
        l2_normalize(scaled, axis=axis), l2_normalize(x, axis=axis), atol=1e-9
    )
    # mean-centering: forgets a constant offset.
    np.testing.assert_allclose(
        mean_center(shifted, axis=axis), mean_center(x, axis=axis), atol=1e-9
    )
    # min–max and z-score: forget both, x → scale·x + shift.
    both = scale * x + shift
    np.testing.assert_allclose(min_max(both, axis=axis), min_max(x, axis=axis), atol=1e-7)
    np.testing.assert_allclose(z_score(both, axis=axis), z_score(x, axis=axis), atol=1e-7)


def test_l2_keeps_offset_and_mean_centering_keeps_scale():
    x = np.array([[1.0, 2.0, 4.0], [3.0, 1.0, 1.0]])
    assert not np.allclose(l2_normalize(x + 5), l2_normalize(x))
    np.testing.assert_allclose(mean_center(3 * x, axis=1), 3 * mean_center(x, axis=1))


def test_a_different_scale_for_each_row_is_forgotten_by_l2_but_not_by_column_methods():
    x = np.array([[1.0, 2.0], [3.0, 1.0], [2.0, 5.0]])
    c = np.array([[0.5], [7.0], [30.0]])  # every row stretched by its own factor
    np.testing.assert_allclose(l2_normalize(c * x), l2_normalize(x))
    for f in (mean_center, min_max, z_score):
        assert not np.allclose(f(c * x, axis=0), f(x, axis=0))


def test_mean_normalization_is_min_max_then_mean_centering():
    x = point_cloud()
    expected = _loop(
        x.tolist(),
        0,
        lambda col: [(v - statistics.fmean(col)) / (max(col) - min(col)) for v in col],
    )
    np.testing.assert_allclose(mean_center(min_max(x, axis=0), axis=0), expected, atol=1e-12)


# ---------------------------------------------------------------- which one gives cosines


def _cosines_by_loop(x):
    return np.array([[float(cosine_similarity(a, b)) for b in x] for a in x])


def test_only_l2_per_row_turns_dot_products_into_cosines():
    rng = np.random.default_rng(202)
    x = rng.normal(loc=2.0, scale=1.0, size=(6, 4))
    cos = _cosines_by_loop(x)
    u = l2_normalize(x)
    dots = np.array([[math.fsum(p * q for p, q in zip(a, b, strict=True)) for b in u] for a in u])
    np.testing.assert_allclose(dots, cos, atol=1e-12)
    for other in (
        mean_center(x, axis=0),
        min_max(x, axis=0),
        z_score(x, axis=0),
        mean_center(x, axis=1),
        min_max(x, axis=1),
        z_score(x, axis=1),
        l2_normalize(x, axis=0),
    ):
        assert np.max(np.abs(other @ other.T - cos)) > 0.1


def test_centering_each_row_then_l2_gives_pearson_correlation_of_rows():
    rng = np.random.default_rng(7)
    x = rng.normal(loc=3.0, scale=2.0, size=(5, 6))
    u = l2_normalize(mean_center(x, axis=1))
    for i in range(5):
        for j in range(5):
            r = scipy.stats.pearsonr(x[i], x[j]).statistic
            assert u[i] @ u[j] == pytest.approx(r, abs=1e-12)


@PROPS
@given(batches(min_rows=2, max_rows=4, min_cols=3, max_cols=6))
def test_z_score_per_row_gives_d_times_the_pearson_correlation(x):
    # z_a · z_b = d · r(a, b): the notebook's claim, against scipy's pearsonr.
    assume(_spread_enough(x, 1))
    z = z_score(x, axis=1)
    d = len(x[0])
    for i, a in enumerate(x):
        for j, b in enumerate(x):
            r = scipy.stats.pearsonr(a, b).statistic
            dot = math.fsum(p * q for p, q in zip(z[i], z[j], strict=True))
            assert dot == pytest.approx(d * r, abs=1e-8)


def test_centering_each_column_then_l2_is_not_pearson_correlation_of_rows():
    rng = np.random.default_rng(7)
    x = rng.normal(loc=3.0, scale=2.0, size=(5, 6))
    u = l2_normalize(mean_center(x, axis=0))
    pearson = np.array([[scipy.stats.pearsonr(a, b).statistic for b in x] for a in x])
    assert np.max(np.abs(u @ u.T - pearson)) > 0.1


# ---------------------------------------------------------------- clear errors


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: l2_normalize([[1, 2], [0, 0], [0, 0]]), ValueError,
         r"X row 1 \(X\[1\]\) is all zeros \(2 zero row\(s\).*drop it, e.g. X\[X.any\(axis=1\)\]"),
        (lambda: l2_normalize([[1, 0], [2, 0]], axis=0), ValueError,
         r"X column 1 \(X\[:, 1\]\) is all zeros.*X\[:, X.any\(axis=0\)\]"),
        (lambda: min_max([[1, 2], [1, 5]], axis=0), ValueError,
         r"X column 0 \(X\[:, 0\]\) is constant: every entry is 1 .*range max − min is 0.*"
         r"drop that feature"),
        (lambda: min_max([[4, 4, 4], [1, 2, 3]], axis=1), ValueError,
         r"X row 0 \(X\[0\]\) is constant: every entry is 4.*drop that row, or use l2_normalize"),
        (lambda: z_score([[1, 2], [3, 2], [5, 2]], axis=0), ValueError,
         r"X column 1 .* is constant: every entry is 2 .*standard deviation is 0"),
        (lambda: z_score([[0.1, 0.1, 0.1]], axis=1), ValueError, r"X row 0 .* is constant"),
        (lambda: mean_center([[1, 2]], axis=2), ValueError, r"axis must be 0 or 1, got 2; axis=1"),
        (lambda: mean_center([[1, 2]], axis=True), TypeError, r"axis must be the whole number"),
        (lambda: z_score([[1, 2]], axis="rows"), TypeError, r"must be the whole number 0 or 1"),
        (lambda: mean_center([[1, 2]], axis=1.0), TypeError, r"got 1.0"),
        (lambda: l2_normalize([1.0, 2.0]), ValueError, r"X must be a 2-D batch.*X\[None, :\]"),
        (lambda: min_max([[1.0, float("nan")]], axis=1), ValueError, r"X contains 1 NaN"),
        (lambda: z_score([[1.0, 2.0]], axis=0), ValueError, r"X column 0 .* is constant"),
    ],
)  # fmt: skip
def test_bad_input_names_the_argument_and_the_fix(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_l2_normalize_works_along_rows_by_default():
    x = [[3.0, 4.0], [1.0, 0.0], [0.0, 2.0]]
    np.testing.assert_array_equal(l2_normalize(x), l2_normalize(x, axis=1))
    np.testing.assert_allclose(l2_normalize(x), [[0.6, 0.8], [1, 0], [0, 1]])


def test_axis_is_required_for_the_centering_methods():
    for f in (mean_center, min_max, z_score):
        with pytest.raises(TypeError, match="axis"):
            f([[1.0, 2.0], [3.0, 5.0]])


def test_l2_of_huge_and_tiny_rows_stays_finite():
    out = l2_normalize([[3e200, 4e200], [3e-200, 4e-200]])
    np.testing.assert_allclose(out, [[0.6, 0.8], [0.6, 0.8]])


def test_an_overflowing_mean_is_an_error():
    for f in (mean_center, z_score):
        with pytest.raises(ValueError, match="the mean of X overflows the float range"):
            f([[1e308, 1.5e308, 1.7e308]], axis=1)


def test_min_max_with_an_overflowing_range_is_an_error():
    with pytest.raises(ValueError, match="overflows the float range"):
        min_max([[-1e308, 1e308]], axis=1)


# ---------------------------------------------------------------- many-to-one


def test_every_positive_multiple_normalizes_to_the_same_unit_vector():
    originals = scaled_copies([0.6, 0.8], [5, 7, 50, 0.05])
    np.testing.assert_allclose(originals, [[3, 4], [4.2, 5.6], [30, 40], [0.03, 0.04]])
    for row in l2_normalize(originals):
        np.testing.assert_allclose(row, [0.6, 0.8], atol=1e-15)
    # Storing the length as well undoes it: length × direction.
    lengths = [math.hypot(*r) for r in originals]
    np.testing.assert_allclose(np.array(lengths)[:, None] * l2_normalize(originals), originals)


def test_scaled_copies_rejects_factors_that_are_not_positive():
    with pytest.raises(ValueError, match="factors must all be positive: a negative factor"):
        scaled_copies([1, 2], [1, -1])
    with pytest.raises(ValueError, match="factors must all be positive"):
        scaled_copies([1, 2], [0])


# ---------------------------------------------------------------- the demo's cloud


def test_point_cloud_is_seeded_off_centre_and_wider_in_x():
    p = point_cloud()
    np.testing.assert_array_equal(p, point_cloud())
    assert p.shape == (12, 2)
    assert np.all(np.abs(p.mean(axis=0)) > 0.5)
    sx, sy = (statistics.pstdev(c) for c in p.T.tolist())
    assert sx > 1.5 * sy
    assert min(math.hypot(*r) for r in p) > 0.3  # no point near the origin
    with pytest.raises(ValueError, match="n must be a whole number of points >= 2"):
        point_cloud(1)


@pytest.mark.parametrize("kind", range(5))
def test_normalize_cloud_moves_in_a_straight_line_from_before_to_after(kind):
    p = point_cloud()
    start, half, end = (normalize_cloud(p, kind, t) for t in (0.0, 0.5, 1.0))
    np.testing.assert_array_equal(start.points, p)
    refs = [p.tolist(), _loop(p.tolist(), 1, _l2), _loop(p.tolist(), 0, _center),
            _loop(p.tolist(), 0, _minmax), _loop(p.tolist(), 0, _z)]  # fmt: skip
    np.testing.assert_allclose(end.points, refs[kind], atol=1e-12)
    np.testing.assert_allclose(half.points, (p + np.array(refs[kind])) / 2, atol=1e-12)
    cols = half.points.T.tolist()
    assert half.means == pytest.approx(tuple(statistics.fmean(c) for c in cols))
    assert half.stds == pytest.approx(tuple(statistics.pstdev(c) for c in cols))
    lengths = [math.hypot(*r) for r in half.points]
    assert half.shortest == pytest.approx(min(lengths)) and half.longest == pytest.approx(
        max(lengths)
    )
    assert end.kind is NORMALIZATIONS[kind]


def test_normalize_cloud_rejects_bad_settings():
    p = point_cloud()
    with pytest.raises(ValueError, match="kind must be 0, 1, 2, 3 or 4"):
        normalize_cloud(p, 5)
    with pytest.raises(ValueError, match="kind must be"):
        normalize_cloud(p, 1.5)
    with pytest.raises(ValueError, match="t must be between 0 \\(before\\) and 1"):
        normalize_cloud(p, 1, 1.5)
    with pytest.raises(ValueError, match="points must have 2 columns"):
        normalize_cloud(np.ones((3, 3)), 1)


# ---------------------------------------------------------------- nearest neighbours


def _nearest_by_loop(q_rows, x_rows, metric):
    """Brute force with Python floats: the first index that achieves the best score."""
    out = []
    for q in q_rows:
        best, best_i = None, -1
        for i, x in enumerate(x_rows):
            if metric == "euclidean":
                score = -math.fsum((a - b) ** 2 for a, b in zip(q, x, strict=True))
            else:
                score = math.fsum(a * b for a, b in zip(q, x, strict=True))
                if metric == "cosine":
                    score /= math.sqrt(math.fsum(a * a for a in q))
                    score /= math.sqrt(math.fsum(b * b for b in x))
            if best is None or score > best:
                best, best_i = score, i
        out.append(best_i)
    return np.array(out)


@pytest.mark.parametrize("metric", METRICS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_nearest_neighbours_agree_with_a_brute_force_loop(metric, seed):
    rng = np.random.default_rng(seed)
    q = rng.standard_normal((15, 5)) * rng.lognormal(0, 1, (15, 1))
    x = rng.standard_normal((40, 5)) * rng.lognormal(0, 1, (40, 1))
    got = nearest_neighbours(q, x, metric)
    np.testing.assert_array_equal(got, _nearest_by_loop(q.tolist(), x.tolist(), metric))


@pytest.mark.parametrize("metric", METRICS)
def test_ties_go_to_the_lower_index(metric):
    x = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]])
    q = np.array([[2.0, 0.0], [0.0, 3.0], [1.0, 1.0]])
    # [1, 1] is equally far from, equally aligned with, every point.
    np.testing.assert_array_equal(nearest_neighbours(q, x, metric)[:2], [0, 1])
    assert nearest_neighbours(q, x, metric)[2] == 0


def test_nearest_neighbours_in_chunks_match_one_pass(monkeypatch):
    rng = np.random.default_rng(3)
    q, x = rng.standard_normal((30, 4)), rng.standard_normal((50, 4))
    monkeypatch.setattr(normalizations, "_CHUNK", 7 * 50 * 4)  # 7 queries at a time
    got = nearest_neighbours(q, x, "euclidean")
    d2 = ((q[:, None, :] - x[None, :, :]) ** 2).sum(-1)
    np.testing.assert_array_equal(got, d2.argmin(axis=1))


def test_on_unit_vectors_the_three_metrics_agree_and_off_them_they_do_not():
    rng = np.random.default_rng(202)
    q = l2_normalize(rng.standard_normal((300, 8)))
    x = l2_normalize(rng.standard_normal((400, 8)))
    found = {m: nearest_neighbours(q, x, m) for m in METRICS}
    assert count_disagreements(found["euclidean"], found["cosine"]) == 0
    assert count_disagreements(found["inner"], found["cosine"]) == 0
    qs = q * rng.lognormal(0, 0.5, (300, 1))
    xs = x * rng.lognormal(0, 0.5, (400, 1))
    raw = {m: nearest_neighbours(qs, xs, m) for m in METRICS}
    np.testing.assert_array_equal(raw["cosine"], found["cosine"])  # cosine ignores lengths
    assert count_disagreements(raw["inner"], raw["cosine"]) > 100
    assert count_disagreements(raw["euclidean"], raw["cosine"]) > 50


@PROPS
@given(st.floats(0, 2 * math.pi), st.floats(0, 2 * math.pi), st.floats(0, math.pi))
def test_squared_distance_of_unit_vectors_is_two_minus_twice_the_cosine(t1, t2, tilt):
    # Unit vectors in 3-D from spherical angles, the distance by a loop over coordinates.
    a = (math.cos(t1), math.sin(t1), 0.0)
    b = (math.cos(t2) * math.sin(tilt), math.sin(t2) * math.sin(tilt), math.cos(tilt))
    d2 = math.fsum((p - q) ** 2 for p, q in zip(a, b, strict=True))
    cos = float(cosine_similarity(a, b))
    assert d2 == pytest.approx(2 - 2 * cos, abs=1e-12)


def test_count_disagreements_matches_a_loop_and_checks_its_input():
    a, b = np.array([0, 1, 2, 3, 4]), np.array([0, 2, 2, 1, 4])
    assert count_disagreements(a, b) == sum(p != q for p, q in zip(a, b, strict=True)) == 2
    with pytest.raises(ValueError, match="first has 5 entries but second has 4"):
        count_disagreements(a, b[:4])
    with pytest.raises(TypeError, match="first must be a 1-D array of integer indices"):
        count_disagreements(a.astype(float), b)
    with pytest.raises(TypeError, match="second must be a 1-D array"):
        count_disagreements(a, b[None, :])


def test_nearest_neighbours_rejects_bad_input():
    q, x = np.ones((2, 3)), np.ones((4, 3))
    with pytest.raises(ValueError, match=r"metric must be one of \('euclidean', 'inner', 'cos"):
        nearest_neighbours(q, x, "dot")
    with pytest.raises(TypeError, match="metric must be a string"):
        nearest_neighbours(q, x, 2)
    with pytest.raises(ValueError, match="Q has d=3 columns but X has d=2"):
        nearest_neighbours(q, np.ones((4, 2)), "inner")
    with pytest.raises(ValueError, match=r"X row 1 \(X\[1\]\) is all zeros"):
        nearest_neighbours(q, [[1, 0, 0], [0, 0, 0]], "cosine")
    with pytest.raises(ValueError, match="Q must be a 2-D batch"):
        nearest_neighbours([1.0, 2.0, 3.0], x, "euclidean")


# ---------------------------------------------------------------- the exercises' hints


def test_l2_exercise_names_the_column_and_the_mean_mistakes():
    ex = EXERCISES["02.02-l2-normalize-rows"]
    per_column = evaluate(ex, lambda X: X / np.linalg.norm(X, axis=0, keepdims=True))
    assert per_column.status == "fail" and "column's length" in per_column.message
    for centred in (
        lambda X: X - X.mean(axis=1, keepdims=True),
        lambda X: X - X.mean(axis=0),
        lambda X: l2_normalize(X - X.mean(axis=1, keepdims=True)),
    ):
        assert "mean-centering" in evaluate(ex, centred).message
    wrong_axis = evaluate(ex, lambda X: X / np.linalg.norm(X, axis=1))
    assert "keepdims=True" in wrong_axis.message
    squares = evaluate(ex, lambda X: X / (X * X).sum(axis=1, keepdims=True))
    assert "square root" in squares.message
    l1 = evaluate(ex, lambda X: X / np.abs(X).sum(axis=1, keepdims=True))
    assert "L1 length" in l1.message
    assert evaluate(ex, lambda X: l2_normalize(X)).passed


def test_z_score_exercise_names_the_row_range_and_ddof_mistakes():
    ex = EXERCISES["02.02-z-score-columns"]
    wrong = {
        "standardized each row": lambda X: scipy.stats.zscore(X, axis=1),
        "mean normalization": lambda X: (X - X.mean(axis=0)) / np.ptp(X, axis=0),
        "min–max scaling": lambda X: min_max(X, axis=0),
        "ddof=1": lambda X: scipy.stats.zscore(X, axis=0, ddof=1),
        "whole array": lambda X: (X - X.mean()) / X.std(),
        "mean-centering": lambda X: mean_center(X, axis=0),
        "offset is still there": lambda X: X / X.std(axis=0),
        "variance": lambda X: mean_center(X, axis=0) / X.var(axis=0),
    }
    for phrase, answer in wrong.items():
        result = evaluate(ex, answer)
        assert result.status == "fail" and phrase in result.message, phrase
    assert evaluate(ex, lambda X: z_score(X, axis=0)).passed
    assert evaluate(ex, lambda X: scipy.stats.zscore(X, axis=0)).passed


def test_value_exercises_name_their_mistakes():
    original = EXERCISES["02.02-original-entry"]
    assert evaluate(original, 9).passed
    assert "multiplying" in evaluate(original, 0.04).message
    assert "length is 5, not 15" in evaluate(original, 3).message
    distance = EXERCISES["02.02-unit-distance"]
    assert evaluate(distance, 1).passed
    assert "minus sign" in evaluate(distance, 3).message  # 2 + 2 cos θ
    assert "−2 a·b" in evaluate(distance, 1.5).message
