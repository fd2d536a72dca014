"""Tests for helpers.vectors.

Every formula is checked against an independent computation: explicit Python loops with
math.fsum and math.sqrt, closed forms with math.cos/sin/atan2, or scipy.
"""

from __future__ import annotations

import math
import re
import tracemalloc

import numpy as np
import pytest
import scipy.linalg
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.spatial import distance

from helpers import vectors as V

# Same examples on every run; no example database written into the tree.
PROPS = settings(derandomize=True, database=None, max_examples=30, deadline=None)

# ---------------------------------------------------------------- independent references


def ref_dot(a, b) -> float:
    return math.fsum(float(x) * float(y) for x, y in zip(a, b, strict=True))


def ref_norm(v) -> float:
    """Length by a loop, scaled by the largest entry so tiny entries do not underflow."""
    big = max(abs(float(x)) for x in v)
    if big == 0:
        return 0.0
    return big * math.sqrt(math.fsum((float(x) / big) ** 2 for x in v))


def ref_cos(a, b) -> float:
    return ref_dot(a, b) / (ref_norm(a) * ref_norm(b))


def ref_angle_2d(a, b) -> float:
    """Unsigned angle between two 2-D vectors from the difference of their polar angles."""
    diff = abs(math.atan2(a[1], a[0]) - math.atan2(b[1], b[0]))
    return min(diff, 2 * math.pi - diff)


def rotation(d: int, seed: int) -> np.ndarray:
    """A random orthogonal d×d matrix: QR of a seeded Gaussian matrix."""
    q, r = np.linalg.qr(np.random.default_rng(seed).standard_normal((d, d)))
    return q * np.sign(np.diag(r))


# ---------------------------------------------------------------- strategies

coord = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


def vec(d: int) -> st.SearchStrategy[np.ndarray]:
    return st.lists(coord, min_size=d, max_size=d).map(np.array)


def nonzero(d: int) -> st.SearchStrategy[np.ndarray]:
    """Vectors far enough from 0 that their direction is well defined."""
    return vec(d).filter(lambda v: ref_norm(v) > 1e-3)


dims = st.integers(1, 8)
vectors = dims.flatmap(vec)
directions = dims.flatmap(nonzero)
pairs = dims.flatmap(lambda d: st.tuples(vec(d), nonzero(d)))  # (any a, nonzero b)
direction_pairs = dims.flatmap(lambda d: st.tuples(nonzero(d), nonzero(d)))
seeds = st.integers(0, 2**32 - 1)


def batch(n: int, d: int, elements: st.SearchStrategy[np.ndarray] | None = None):
    return st.lists(vec(d) if elements is None else elements, min_size=n, max_size=n).map(np.array)


batches = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 6)).flatmap(
    lambda s: st.tuples(batch(s[0], s[2]), batch(s[1], s[2]))
)
direction_batches = st.tuples(st.integers(1, 5), st.integers(1, 5), st.integers(1, 6)).flatmap(
    lambda s: st.tuples(batch(s[0], s[2], nonzero(s[2])), batch(s[1], s[2], nonzero(s[2])))
)

# ---------------------------------------------------------------- the course's example

A_COURSE, B_COURSE = [0.2, 0.99], [0.9, 0.99]


def test_course_dot_products():
    assert V.dot(A_COURSE, B_COURSE) == pytest.approx(1.1601, abs=1e-12)
    assert V.dot(A_COURSE, A_COURSE) == pytest.approx(1.0201, abs=1e-12)
    assert V.dot(B_COURSE, B_COURSE) == pytest.approx(1.7901, abs=1e-12)


def test_course_lengths():
    assert V.norm(A_COURSE) == pytest.approx(1.01, abs=1e-12)
    assert V.norm(B_COURSE) == pytest.approx(1.338, abs=5e-4)
    assert V.norm(B_COURSE) == pytest.approx(math.sqrt(1.7901), rel=1e-15)


def test_course_unit_vectors():
    np.testing.assert_allclose(V.normalize(A_COURSE), [0.198, 0.980], atol=5e-4)
    np.testing.assert_allclose(V.normalize(B_COURSE), [0.673, 0.740], atol=5e-4)


def test_course_cosine_and_angle():
    assert V.cosine_similarity(A_COURSE, B_COURSE) == pytest.approx(0.858, abs=5e-4)
    assert V.angle_between(A_COURSE, B_COURSE, degrees=True) == pytest.approx(30.85, abs=5e-3)


def test_course_cosine_is_cos_of_angle_difference():
    ta, tb = math.atan2(0.99, 0.2), math.atan2(0.99, 0.9)
    assert V.cosine_similarity(A_COURSE, B_COURSE) == pytest.approx(math.cos(ta - tb), abs=1e-15)
    assert V.angle_between(A_COURSE, B_COURSE) == pytest.approx(ta - tb, abs=1e-15)


# ---------------------------------------------------------------- dot


@PROPS
@given(pairs)
def test_dot_matches_loop(ab):
    a, b = ab
    assert V.dot(a, b) == pytest.approx(ref_dot(a, b), rel=1e-12, abs=1e-9)


def test_dot_accepts_lists_tuples_and_ints():
    result = V.dot((1, 2, 3), [4, 5, 6])
    assert result == 32.0
    assert isinstance(result, np.float64)


def test_dot_overflow_raises():
    with pytest.raises(ValueError, match="overflows float64.*cosine_similarity"):
        V.dot([1e200, 1e200], [1e200, 1e200])


def test_dot_large_but_representable_is_fine():
    assert V.dot([1e150, 0.0], [1e150, 5.0]) == pytest.approx(1e300)
    # The cheap bound says "may overflow", but the true value fits: no error.
    assert V.dot([1e200, 1.0], [1e-200, 1e200]) == pytest.approx(1e200)


# ---------------------------------------------------------------- norm


@PROPS
@given(vectors)
def test_norm_matches_loop_and_scipy(v):
    assert V.norm(v) == pytest.approx(ref_norm(v), rel=1e-14, abs=1e-300)
    assert V.norm(v) == pytest.approx(scipy.linalg.norm(v), rel=1e-14, abs=1e-300)


@PROPS
@given(st.integers(1, 6).flatmap(lambda d: batch(4, d)))
def test_norm_of_batch_is_per_row(rows):
    np.testing.assert_allclose(V.norm(rows), [ref_norm(r) for r in rows], rtol=1e-14)


def test_norm_huge_and_tiny():
    assert V.norm([3e200, 4e200]) == pytest.approx(5e200, rel=1e-15)
    assert V.norm([3e200, 4e200]) == math.hypot(3e200, 4e200)  # correctly rounded
    assert V.norm([3e-200, 4e-200]) == 5e-200
    assert V.norm([5e-324, 0.0]) == 5e-324  # smallest subnormal
    np.testing.assert_allclose(
        V.norm([[3e200, 4e200], [3e-200, 4e-200], [0.0, 0.0]]), [5e200, 5e-200, 0.0], rtol=1e-15
    )


def test_norm_float32_large():
    result = V.norm(np.array([3e30, 4e30], dtype=np.float32))  # 9e60 overflows float32
    assert isinstance(result, np.float32)
    assert result == pytest.approx(5e30, rel=1e-6)


def test_norm_of_zero_vector_is_zero():
    assert V.norm([0.0, 0.0, 0.0]) == 0.0


def test_norm_beyond_float_range_raises():
    with pytest.raises(ValueError, match="length of v is larger than the largest float64"):
        V.norm([1.5e308, 1.5e308])


# ---------------------------------------------------------------- normalize


@PROPS
@given(directions)
def test_normalize_unit_length_same_direction(v):
    u = V.normalize(v)
    assert ref_norm(u) == pytest.approx(1.0, abs=1e-14)
    np.testing.assert_allclose(u, [x / ref_norm(v) for x in v], rtol=1e-14, atol=1e-15)


@PROPS
@given(st.integers(1, 6).flatmap(lambda d: batch(3, d, nonzero(d))))
def test_normalize_batch_row_by_row(rows):
    expected = [[x / ref_norm(r) for x in r] for r in rows]
    np.testing.assert_allclose(V.normalize(rows), expected, rtol=1e-14, atol=1e-15)


@pytest.mark.parametrize("scale", [1e200, 1e-200, 1e-320])
def test_normalize_huge_and_tiny(scale):
    np.testing.assert_allclose(V.normalize([3 * scale, 4 * scale]), [0.6, 0.8], rtol=1e-3)
    np.testing.assert_allclose(V.normalize([[3 * scale, 4 * scale]]), [[0.6, 0.8]], rtol=1e-3)


def test_normalize_huge_and_tiny_exact():
    np.testing.assert_allclose(V.normalize([3e200, 4e200]), [0.6, 0.8], rtol=1e-15)
    np.testing.assert_allclose(V.normalize([3e-200, 4e-200]), [0.6, 0.8], rtol=1e-15)


def test_normalize_float32_large():
    u = V.normalize(np.array([3e30, 4e30], dtype=np.float32))
    assert u.dtype == np.float32
    np.testing.assert_allclose(u, [0.6, 0.8], rtol=1e-6)


# ---------------------------------------------------------------- cosine_similarity


@PROPS
@given(direction_pairs)
def test_cosine_matches_loop_and_scipy(ab):
    a, b = ab
    c = V.cosine_similarity(a, b)
    assert c == pytest.approx(ref_cos(a, b), abs=1e-12)
    assert c == pytest.approx(1 - distance.cosine(a, b), abs=1e-12)


@PROPS
@given(direction_pairs)
def test_cosine_symmetric_and_bounded(ab):
    a, b = ab
    assert V.cosine_similarity(a, b) == V.cosine_similarity(b, a)
    assert -1.0 <= V.cosine_similarity(a, b) <= 1.0


@PROPS
@given(directions, st.floats(1e-3, 1e3))
def test_cosine_of_parallel_vectors_is_exactly_bounded(v, k):
    assert V.cosine_similarity(v, k * v) == pytest.approx(1.0, abs=1e-14)
    assert V.cosine_similarity(v, k * v) <= 1.0
    assert V.cosine_similarity(v, -k * v) >= -1.0


@PROPS
@given(direction_pairs, st.floats(1e-3, 1e3))
def test_cosine_scaling(ab, k):
    a, b = ab
    c = V.cosine_similarity(a, b)
    assert V.cosine_similarity(k * a, b) == pytest.approx(c, abs=1e-12)
    assert V.cosine_similarity(-k * a, b) == pytest.approx(-c, abs=1e-12)


@PROPS
@given(direction_pairs, seeds)
def test_cosine_rotation_invariant(ab, seed):
    a, b = ab
    r = rotation(a.size, seed)
    assert V.cosine_similarity(r @ a, r @ b) == pytest.approx(V.cosine_similarity(a, b), abs=1e-12)


@PROPS
@given(st.floats(-10, 10), st.floats(-10, 10), st.floats(1e-3, 1e3), st.floats(1e-3, 1e3))
def test_cosine_is_cos_of_angle_difference(t1, t2, r1, r2):
    a = [r1 * math.cos(t1), r1 * math.sin(t1)]
    b = [r2 * math.cos(t2), r2 * math.sin(t2)]
    assert V.cosine_similarity(a, b) == pytest.approx(math.cos(t2 - t1), abs=1e-12)


def test_cosine_huge_tiny_and_mixed_scales():
    s = math.sqrt(0.5)
    assert V.cosine_similarity([1e200, 0.0], [1e200, 1e200]) == pytest.approx(s, rel=1e-15)
    assert V.cosine_similarity([1e-200, 0.0], [1e-200, 1e-200]) == pytest.approx(s, rel=1e-15)
    assert V.cosine_similarity([1e-200, 0.0], [1e200, 1e200]) == pytest.approx(s, rel=1e-15)


# ---------------------------------------------------------------- similarity_matrix


@PROPS
@given(batches)
def test_similarity_matrix_matches_double_loop(qa):
    q, a = qa
    s = V.similarity_matrix(q, a)
    assert s.shape == (len(q), len(a))
    expected = [[ref_dot(qi, aj) for aj in a] for qi in q]
    np.testing.assert_allclose(s, expected, rtol=1e-12, atol=1e-8)


@PROPS
@given(direction_batches)
def test_similarity_matrix_normalized_matches_scipy(qa):
    q, a = qa
    s = V.similarity_matrix(q, a, normalize=True)
    expected = [[1 - distance.cosine(qi, aj) for aj in a] for qi in q]
    np.testing.assert_allclose(s, expected, rtol=0, atol=1e-12)
    assert np.all(np.abs(s) <= 1 + 1e-12)


@PROPS
@given(direction_batches)
def test_similarity_matrix_symmetric(qa):
    q, a = qa
    np.testing.assert_allclose(V.similarity_matrix(q, a), V.similarity_matrix(a, q).T, rtol=1e-12)
    np.testing.assert_allclose(
        V.similarity_matrix(q, a, normalize=True),
        V.similarity_matrix(a, q, normalize=True).T,
        atol=1e-15,
    )


@PROPS
@given(direction_batches, seeds)
def test_similarity_matrix_rotation_invariant(qa, seed):
    q, a = qa
    r = rotation(q.shape[1], seed)
    for normalize in (False, True):
        np.testing.assert_allclose(
            V.similarity_matrix(q @ r.T, a @ r.T, normalize=normalize),
            V.similarity_matrix(q, a, normalize=normalize),
            rtol=1e-9,
            atol=1e-9,
        )


def test_similarity_matrix_single_vector_rows():
    s = V.similarity_matrix([A_COURSE], [A_COURSE, B_COURSE])
    np.testing.assert_allclose(s, [[1.0201, 1.1601]], rtol=1e-15)


def test_similarity_matrix_overflow_guard():
    q = [[1e200, 1e200, 1e200]]
    with pytest.raises(ValueError, match=r"overflow float64.*normalize=True"):
        V.similarity_matrix(q, q)
    np.testing.assert_allclose(V.similarity_matrix(q, q, normalize=True), [[1.0]], rtol=1e-15)
    # The bound says "may overflow" but every entry fits: the matrix comes back.
    np.testing.assert_allclose(V.similarity_matrix([[1e200, 1.0]], [[1e-200, 1e200]]), [[1e200]])


def test_similarity_matrix_float32_overflow_guard():
    q = np.full((2, 3), 1e30, dtype=np.float32)  # products 1e60 > float32 max 3.4e38
    with pytest.raises(ValueError, match=r"overflow float32.*normalize=True"):
        V.similarity_matrix(q, q)
    s = V.similarity_matrix(q, q, normalize=True)
    assert s.dtype == np.float32
    np.testing.assert_allclose(s, np.ones((2, 2)), rtol=1e-6)


def test_similarity_matrix_zero_row_fine_without_normalize():
    np.testing.assert_array_equal(V.similarity_matrix([[0.0, 0.0]], [[1.0, 2.0]]), [[0.0]])


@pytest.mark.parametrize("normalize", [False, True])
def test_similarity_matrix_does_not_allocate_n_m_d(normalize):
    n, m, d = 200, 300, 64
    rng = np.random.default_rng(0)
    q, a = rng.standard_normal((n, d)), rng.standard_normal((m, d))
    tracemalloc.start()
    try:
        V.similarity_matrix(q, a, normalize=normalize)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Output n*m plus copies of the inputs; an (n, m, d) temporary would be 64x the output.
    assert peak < 2 * (n * m + (n + m) * d) * 8
    assert peak < n * m * d * 8 / 20


# ---------------------------------------------------------------- angle_between


@PROPS
@given(direction_pairs)
def test_angle_matches_arccos_away_from_0_and_pi(ab):
    a, b = ab
    c = ref_cos(a, b)
    assume(abs(c) < 0.99)
    assert V.angle_between(a, b) == pytest.approx(math.acos(c), abs=1e-12)
    assert V.angle_between(a, b, degrees=True) == pytest.approx(math.degrees(math.acos(c)))


@PROPS
@given(st.tuples(nonzero(2), nonzero(2)))
def test_angle_2d_matches_atan2(ab):
    a, b = ab
    assert V.angle_between(a, b) == pytest.approx(ref_angle_2d(a, b), abs=1e-12)


@PROPS
@given(direction_pairs)
def test_angle_symmetric_and_in_range(ab):
    a, b = ab
    theta = V.angle_between(a, b)
    assert theta == V.angle_between(b, a)
    assert 0.0 <= theta <= math.pi


@pytest.mark.parametrize("eps", [1e-5, 1e-10, 1e-15])
def test_angle_accurate_near_0_and_pi(eps):
    # arccos(cos) would return 0 (or ~1e-8) here; the atan2 form keeps the digits.
    assert V.angle_between([1.0, 0.0], [1.0, eps]) == pytest.approx(math.atan2(eps, 1.0), rel=1e-12)
    assert V.angle_between([1.0, 0.0], [-1.0, eps]) == pytest.approx(
        math.atan2(eps, -1.0), rel=1e-15
    )


def test_angle_of_vector_with_itself_is_zero():
    assert V.angle_between([0.3, -1.7, 2.2], [0.3, -1.7, 2.2]) == 0.0
    assert V.angle_between([1e200, 1e200], [1e-200, 1e-200]) == pytest.approx(0.0, abs=1e-15)


def test_angle_right_angle_degrees():
    assert V.angle_between([2.0, 0.0], [0.0, 5.0], degrees=True) == pytest.approx(90.0, rel=1e-15)


# ---------------------------------------------------------------- projections


@PROPS
@given(pairs)
def test_projection_residual_is_orthogonal(ab):
    a, b = ab
    residual = a - V.project(a, b)
    assert abs(ref_dot(residual, b)) <= 1e-12 * ref_norm(a) * ref_norm(b) + 1e-300


@PROPS
@given(pairs)
def test_projection_idempotent(ab):
    a, b = ab
    p = V.project(a, b)
    np.testing.assert_allclose(V.project(p, b), p, rtol=1e-13, atol=1e-13 * ref_norm(a))


@PROPS
@given(pairs)
def test_projection_length_is_abs_scalar_projection(ab):
    a, b = ab
    assert ref_norm(V.project(a, b)) == pytest.approx(
        abs(V.scalar_projection(a, b)), rel=1e-13, abs=1e-300
    )


@PROPS
@given(pairs)
def test_scalar_projection_matches_loop(ab):
    a, b = ab
    expected = ref_dot(a, b) / ref_norm(b)
    assert V.scalar_projection(a, b) == pytest.approx(expected, rel=1e-12, abs=1e-10)


@PROPS
@given(direction_pairs)
def test_scalar_projection_is_length_times_cos(ab):
    a, b = ab
    expected = ref_norm(a) * ref_cos(a, b)
    assert V.scalar_projection(a, b) == pytest.approx(expected, rel=1e-12, abs=1e-10)


@PROPS
@given(pairs)
def test_projection_matches_scipy_least_squares(ab):
    a, b = ab
    col = b[:, None]
    coef = scipy.linalg.lstsq(col, a)[0]
    np.testing.assert_allclose(V.project(a, b), col @ coef, rtol=1e-10, atol=1e-10)


def test_projection_huge_and_tiny():
    np.testing.assert_allclose(V.project([1e200, 2e200], [3e-200, 0.0]), [1e200, 0.0])
    np.testing.assert_allclose(V.project([1e-200, 2e-200], [0.0, 3e200]), [0.0, 2e-200])
    assert V.scalar_projection([1e-200, 1e-200], [1e200, 1e200]) == pytest.approx(
        math.sqrt(2) * 1e-200, rel=1e-15
    )
    assert V.scalar_projection([3e200, 4e200], [1.0, 0.0]) == pytest.approx(3e200, rel=1e-15)


def test_projection_of_zero_vector_is_zero():
    np.testing.assert_array_equal(V.project([0.0, 0.0], [1.0, 2.0]), [0.0, 0.0])
    assert V.scalar_projection([0.0, 0.0], [1.0, 2.0]) == 0.0


def test_projection_onto_course_vectors():
    expected = 1.1601 / math.sqrt(1.7901)
    assert V.scalar_projection(A_COURSE, B_COURSE) == pytest.approx(expected, rel=1e-15)
    np.testing.assert_allclose(
        V.project(A_COURSE, B_COURSE), [1.1601 / 1.7901 * x for x in B_COURSE], rtol=1e-15
    )


# ---------------------------------------------------------------- from_angle


@PROPS
@given(st.floats(-10, 10), st.floats(0, 1e3))
def test_from_angle_matches_cos_sin(theta, length):
    np.testing.assert_allclose(
        V.from_angle(theta, length),
        [length * math.cos(theta), length * math.sin(theta)],
        rtol=1e-15,
        atol=1e-300,
    )


@PROPS
@given(st.floats(-math.pi + 1e-9, math.pi), st.floats(1e-3, 1e3))
def test_from_angle_round_trips_through_atan2(theta, length):
    x, y = V.from_angle(theta, length)
    assert math.atan2(y, x) == pytest.approx(theta, abs=1e-12)
    assert math.hypot(x, y) == pytest.approx(length, rel=1e-15)


def test_from_angle_defaults_and_ints():
    np.testing.assert_allclose(V.from_angle(0), [1.0, 0.0])
    np.testing.assert_allclose(V.from_angle(math.pi / 2, 3), [0.0, 3.0], atol=1e-15)
    np.testing.assert_array_equal(V.from_angle(1.0, 0.0), [0.0, 0.0])
    assert V.from_angle(0).dtype == np.float64


# ---------------------------------------------------------------- dtypes

F32 = np.float32


def f32(x):
    return np.asarray(x, dtype=F32)


@pytest.mark.parametrize(
    ("func", "args"),
    [
        (V.dot, ([1, 2], [3, 4])),
        (V.norm, ([3, 4],)),
        (V.cosine_similarity, ([1, 2], [3, 4])),
        (V.angle_between, ([1, 2], [3, 4])),
        (V.scalar_projection, ([1, 2], [3, 4])),
    ],
)
def test_scalar_results_keep_dtype(func, args):
    assert isinstance(func(*map(f32, args)), np.float32)
    assert isinstance(func(*args), np.float64)  # ints become float64
    if len(args) == 2:
        assert isinstance(func(f32(args[0]), np.asarray(args[1], np.float64)), np.float64)


@pytest.mark.parametrize(
    ("func", "args", "kwargs"),
    [
        (V.norm, ([[3, 4], [1, 0]],), {}),
        (V.normalize, ([3, 4],), {}),
        (V.normalize, ([[3, 4], [1, 0]],), {}),
        (V.project, ([1, 2], [3, 4]), {}),
        (V.similarity_matrix, ([[1, 2]], [[3, 4]]), {}),
        (V.similarity_matrix, ([[1, 2]], [[3, 4]]), {"normalize": True}),
    ],
)
def test_array_results_keep_dtype(func, args, kwargs):
    assert func(*map(f32, args), **kwargs).dtype == F32
    assert func(*args, **kwargs).dtype == np.float64
    if len(args) == 2:
        assert func(f32(args[0]), np.asarray(args[1], np.float64), **kwargs).dtype == np.float64


def test_from_angle_dtype():
    assert V.from_angle(F32(0.5)).dtype == F32
    assert V.from_angle(0.5, F32(2)).dtype == F32
    assert V.from_angle(F32(0.5), 2.0).dtype == F32
    assert V.from_angle(F32(0.5), np.float64(2)).dtype == np.float64


def test_float16_is_computed_in_float32():
    assert V.normalize(np.array([3, 4], dtype=np.float16)).dtype == F32


# ---------------------------------------------------------------- bad input

nan, inf = float("nan"), float("inf")
EMPTY_BATCH = np.empty((0, 3))

BAD_INPUT = [
    # zero vectors where a direction is needed
    (V.normalize, ([0, 0],), {}, ValueError, r"v is the zero vector.*no direction.*nonzero"),
    (V.normalize, ([[1, 2], [0, 0]],), {}, ValueError, r"v row 1 is all zeros.*drop"),
    (V.cosine_similarity, ([1, 2], [0, 0]), {}, ValueError, r"b is the zero vector.*nonzero"),
    (V.angle_between, ([0, 0], [1, 2]), {}, ValueError, r"a is the zero vector.*nonzero"),
    (V.project, ([1, 2], [0, 0]), {}, ValueError, r"onto is the zero vector.*nonzero"),
    (V.scalar_projection, ([1, 2], [0, 0]), {}, ValueError, r"onto is the zero vector"),
    (
        V.similarity_matrix,
        ([[1, 2]], [[1, 2], [3, 4], [0, 0]]),
        {"normalize": True},
        ValueError,
        r"A row 2 is all zeros.*A\[A\.any\(axis=1\)\]",
    ),
    # empty
    (V.norm, ([],), {}, ValueError, r"v is empty.*at least one"),
    (V.dot, ([], []), {}, ValueError, r"a is empty.*at least one"),
    (V.similarity_matrix, (EMPTY_BATCH, [[1, 2, 3]]), {}, ValueError, r"Q is empty"),
    (V.similarity_matrix, ([[1, 2, 3]], [[]]), {}, ValueError, r"A is empty"),
    # mismatched shapes
    (
        V.dot,
        ([1, 2, 3], [1, 2, 3, 4]),
        {},
        ValueError,
        r"a has shape \(3,\) but b has shape \(4,\)",
    ),
    (V.cosine_similarity, ([1, 2], [1, 2, 3]), {}, ValueError, r"same number of entries"),
    (V.project, ([1, 2], [1, 2, 3]), {}, ValueError, r"a has shape \(2,\) but onto has shape"),
    (
        V.similarity_matrix,
        (np.ones((2, 3)), np.ones((5, 4))),
        {},
        ValueError,
        re.escape("Q has d=3 columns but A has d=4; both batches need the same embedding dim"),
    ),
    # wrong ndim
    (V.cosine_similarity, ([[1, 2]], [1, 2]), {}, ValueError, r"a must be a single 1-D.*ravel"),
    (V.dot, (3, [1]), {}, ValueError, r"a must be a 1-D vector, but got a scalar.*list"),
    (V.norm, (np.ones((2, 2, 2)),), {}, ValueError, r"v must be a 1-D vector or a 2-D batch"),
    (
        V.similarity_matrix,
        ([1, 2], [[1, 2]]),
        {},
        ValueError,
        r"Q must be a 2-D batch.*Q\[None, :\] or np\.atleast_2d\(Q\)",
    ),
    (
        V.similarity_matrix,
        ([[1, 2]], np.ones((1, 1, 2))),
        {},
        ValueError,
        r"A must be a 2-D.*reshape",
    ),
    (V.similarity_matrix, ([[1, 2], [3]], [[1, 2]]), {}, ValueError, r"Q is not a rectangular"),
    # NaN / inf
    (V.dot, ([1, nan], [1, 2]), {}, ValueError, r"a contains 1 NaN and 0 infinite.*index 1"),
    (V.norm, ([inf, nan, -inf],), {}, ValueError, r"v contains 1 NaN and 2 infinite.*index 0"),
    (
        V.similarity_matrix,
        ([[1, 2], [3, inf]], [[1, 2]]),
        {},
        ValueError,
        r"Q contains 0 NaN and 1 infinite value\(s\), the first at index \(1, 1\).*isfinite",
    ),
    (V.project, ([1, 2], [nan, 1]), {}, ValueError, r"onto contains 1 NaN"),
    # not real numbers
    (V.norm, ("3, 4",), {}, TypeError, r"v is text.*numbers"),
    (V.norm, (["3", "4"],), {}, TypeError, r"v holds text.*float"),
    (V.norm, (None,), {}, TypeError, r"v is None.*vector of numbers"),
    (V.normalize, ([1, None],), {}, TypeError, r"v must hold only real numbers.*object"),
    (V.dot, ([1, 2], np.array([1, 2], dtype=object)), {}, TypeError, r"b must hold only real"),
    (V.cosine_similarity, ([1, 2], [1j, 2]), {}, TypeError, r"b holds complex.*b\.real"),
    (V.angle_between, ([True, False], [1, 2]), {}, TypeError, r"a holds booleans.*dtype=float"),
    # flags
    (V.similarity_matrix, ([[1]], [[1]]), {"normalize": "yes"}, TypeError, r"normalize must be"),
    (V.angle_between, ([1], [1]), {"degrees": 1}, TypeError, r"degrees must be True or False"),
    # from_angle
    (V.from_angle, (nan,), {}, ValueError, r"theta is nan; pass a finite number"),
    (V.from_angle, (0.5, inf), {}, ValueError, r"length is inf; pass a finite number"),
    (V.from_angle, (0.5, -2.0), {}, ValueError, r"length must be >= 0.*add π to theta"),
    (V.from_angle, ("0.5",), {}, TypeError, r"theta is text"),
    (V.from_angle, (True,), {}, TypeError, r"theta holds booleans"),
    (V.from_angle, ([0.1, 0.2],), {}, ValueError, r"theta must be a single number.*once per"),
]


@pytest.mark.parametrize(
    ("func", "args", "kwargs", "exc", "match"),
    BAD_INPUT,
    ids=[f"{case[0].__name__}-{i}" for i, case in enumerate(BAD_INPUT)],
)
def test_bad_input_raises_clear_error(func, args, kwargs, exc, match):
    with pytest.raises(exc, match=match):
        func(*args, **kwargs)


def test_as_count_takes_whole_numbers_and_names_what_is_wrong():
    from helpers.vectors import as_count

    assert as_count(np.int64(5), "n", example="n=8") == 5
    assert as_count(5.0, "k", example="k=5", whole_floats=True) == 5
    assert as_count(0, "seed", example="seed=0", low=0) == 0
    for bad, error, words in [
        (True, TypeError, "n must be a whole number"),
        (2.0, TypeError, "whole number"),  # floats only with whole_floats=True
        ("3", TypeError, "e.g. n=8"),
        (1, ValueError, "n must be at least 2"),
    ]:
        with pytest.raises(error, match=words):
            as_count(bad, "n", example="n=8", low=2)
    with pytest.raises(ValueError, match="must be a whole number"):
        as_count(2.5, "k", example="k=5", whole_floats=True)
    with pytest.raises(ValueError, match="between 1 and 8"):
        as_count(9, "n", example="n=8", low=1, high=8)
