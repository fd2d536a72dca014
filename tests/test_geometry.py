"""helpers.geometry against closed forms and explicit loops."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.geometry import (
    angle_kind,
    dot_parts,
    dot_parts_2d,
    projection_parts,
    random_rotation,
)

lengths = st.floats(min_value=0.1, max_value=10.0)
angles = st.floats(min_value=0.0, max_value=math.pi)
PROPS = settings(derandomize=True, max_examples=150, database=None)


@PROPS
@given(lengths, lengths, angles, st.floats(min_value=-math.pi, max_value=math.pi))
def test_dot_equals_lengths_times_cosine_in_2d(la, lb, theta, start):
    parts = dot_parts_2d(la, lb, theta, start=start)
    # Independent: coordinates from math.cos/sin, products summed by hand.
    a = (la * math.cos(start), la * math.sin(start))
    b = (lb * math.cos(start + theta), lb * math.sin(start + theta))
    assert parts.dot == pytest.approx(a[0] * b[0] + a[1] * b[1], abs=1e-12)
    assert parts.dot == pytest.approx(la * lb * math.cos(theta), abs=1e-9)
    assert parts.theta == pytest.approx(theta, abs=1e-6)
    assert parts.lengths == pytest.approx(la * lb)


@pytest.mark.parametrize("d", [2, 3, 384, 768])
def test_law_of_cosines_agrees_with_the_dot_product_in_any_dimension(d):
    rng = np.random.default_rng(d)
    a, b = rng.standard_normal(d), rng.standard_normal(d)
    parts = dot_parts(a, b)
    # Independent: the angle from side lengths alone (law of cosines), lengths by loops.
    la = math.sqrt(math.fsum(x * x for x in a))
    lb = math.sqrt(math.fsum(x * x for x in b))
    lc = math.sqrt(math.fsum((x - y) ** 2 for x, y in zip(a, b, strict=True)))
    cos_theta = (la**2 + lb**2 - lc**2) / (2 * la * lb)
    assert parts.dot == pytest.approx(math.fsum(x * y for x, y in zip(a, b, strict=True)))
    assert parts.rhs == pytest.approx(la * lb * cos_theta, rel=1e-9, abs=1e-9)
    assert abs(parts.cos) <= 1  # Cauchy-Schwarz


@PROPS
@given(
    st.lists(st.floats(-5, 5), min_size=3, max_size=3),
    st.lists(st.floats(-5, 5), min_size=3, max_size=3),
)
def test_projection_identities(a, b):
    assume(math.hypot(*b) > 1e-3 and math.hypot(*a) > 1e-3)
    p = projection_parts(a, b)
    bn = math.sqrt(math.fsum(x * x for x in b))
    ab = math.fsum(x * y for x, y in zip(a, b, strict=True))
    assert p.scalar == pytest.approx(ab / bn, abs=1e-9)
    assert p.dot == pytest.approx(p.scalar * bn, abs=1e-9)  # a·b = projection × |b|
    np.testing.assert_allclose(p.vector, (ab / bn**2) * np.asarray(b), atol=1e-9)
    residual = np.asarray(a) - p.vector
    assert abs(math.fsum(r * x for r, x in zip(residual, b, strict=True))) < 1e-8  # ⟂ b


@pytest.mark.parametrize(
    ("a", "kind"), [((1, 1), "acute"), ((0, 1), "right"), ((-1, 1), "obtuse"), ((-1, 0), "obtuse")]
)
def test_sign_of_the_dot_product_names_the_angle(a, kind):
    assert projection_parts(a, (1, 0)).kind == kind


def test_angle_kind_rejects_nan():
    with pytest.raises(ValueError, match="cos is nan"):
        angle_kind(float("nan"))


def test_bad_input_names_the_argument():
    with pytest.raises(ValueError, match="onto is the zero vector"):
        projection_parts([1, 2], [0, 0])
    with pytest.raises(ValueError, match="a has shape \\(2,\\) but b has shape \\(3,\\)"):
        dot_parts([1, 2], [1, 2, 3])


def _fdot(x, y):
    return math.fsum(float(p) * float(q) for p, q in zip(x, y, strict=True))


def _gram_schmidt(g):
    """Orthonormal columns from the columns of g, one at a time, with explicit loops."""
    d = len(g)
    cols = []
    for k in range(d):
        v = [float(g[i][k]) for i in range(d)]
        for u in cols:
            c = _fdot(v, u)
            v = [vi - c * ui for vi, ui in zip(v, u, strict=True)]
        n = math.sqrt(_fdot(v, v))
        cols.append([vi / n for vi in v])
    return cols


@pytest.mark.parametrize("d", [2, 3, 5])
def test_random_rotation_is_gram_schmidt_of_the_same_gaussian_matrix(d):
    flips = []
    for seed in range(20):
        q = random_rotation(d, np.random.default_rng(seed))
        cols = _gram_schmidt(np.random.default_rng(seed).standard_normal((d, d)))
        for k in range(1, d):
            np.testing.assert_allclose(q[:, k], cols[k], atol=1e-12)
        first = _fdot(q[:, 0], cols[0])
        assert abs(abs(first) - 1) < 1e-12  # the same column, up to its sign
        flips.append(first < 0)
    # Gram-Schmidt gives a reflection for some seeds, so both branches were exercised.
    assert any(flips) and not all(flips)


@pytest.mark.parametrize("d", [2, 3, 5])
def test_random_rotation_is_orthogonal_with_determinant_one_by_hand(d):
    for seed in range(20):
        q = random_rotation(d, np.random.default_rng(seed))
        for i in range(d):
            for j in range(d):
                assert _fdot(q[:, i], q[:, j]) == pytest.approx(float(i == j), abs=1e-12)
        if d == 2:
            det = q[0, 0] * q[1, 1] - q[0, 1] * q[1, 0]
        elif d == 3:  # the rule of Sarrus
            det = (
                q[0, 0] * q[1, 1] * q[2, 2]
                + q[0, 1] * q[1, 2] * q[2, 0]
                + q[0, 2] * q[1, 0] * q[2, 1]
                - q[0, 2] * q[1, 1] * q[2, 0]
                - q[0, 0] * q[1, 2] * q[2, 1]
                - q[0, 1] * q[1, 0] * q[2, 2]
            )
        else:
            sign, logabs = np.linalg.slogdet(q)
            det = sign * math.exp(logabs)
        assert det == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("d", [2, 3, 384, 768])
def test_random_rotation_in_high_dimension(d):
    q = random_rotation(d, np.random.default_rng(102))
    assert q.shape == (d, d)
    np.testing.assert_allclose(q.T @ q, np.eye(d), atol=1e-12)
    sign, logabs = np.linalg.slogdet(q)
    assert sign == 1.0 and abs(logabs) < 1e-10


@pytest.mark.parametrize(("d", "degrees"), [(2, 30), (3, 75), (384, 100), (768, 150)])
def test_a_pair_turned_into_d_dimensions_keeps_its_chosen_angle(d, degrees):
    rng = np.random.default_rng(d)
    la, lb, theta = 2.0, 3.0, math.radians(degrees)
    a0, b0 = np.zeros(d), np.zeros(d)
    a0[0] = la
    b0[0], b0[1] = lb * math.cos(theta), lb * math.sin(theta)
    q = random_rotation(d, rng)
    a, b = q @ a0, q @ b0
    assert np.count_nonzero(a) == d  # the turn spreads a over every coordinate
    assert _fdot(a, b) == pytest.approx(la * lb * math.cos(theta), abs=1e-12)
    assert math.sqrt(_fdot(a, a)) == pytest.approx(la, abs=1e-12)
    x, y = rng.standard_normal(d), rng.standard_normal(d)
    assert _fdot(q @ x, q @ y) == pytest.approx(_fdot(x, y), abs=1e-10)


def test_random_rotation_is_deterministic_for_a_seed():
    first = random_rotation(4, np.random.default_rng(7))
    np.testing.assert_array_equal(first, random_rotation(4, np.random.default_rng(7)))
    assert not np.allclose(first, random_rotation(4, np.random.default_rng(8)))


@pytest.mark.parametrize(
    ("d", "rng", "error", "message"),
    [
        (1, None, ValueError, "d is 1, but a rotation needs at least 2 dimensions; pass d >= 2"),
        (0, None, ValueError, "pass d >= 2"),
        (3.0, None, TypeError, "d must be a whole number of dimensions, got 3.0 \\(float\\)"),
        (True, None, TypeError, "d must be a whole number"),
        ("3", None, TypeError, "pass an int such as d=3"),
        (3, 42, TypeError, "rng must be a numpy random Generator, got int"),
        (3, np.random.RandomState(0), TypeError, "np.random.default_rng\\(seed\\)"),
    ],
)
def test_random_rotation_rejects_bad_input(d, rng, error, message):
    rng = np.random.default_rng(0) if rng is None else rng
    with pytest.raises(error, match=message):
        random_rotation(d, rng)


def test_random_rotation_accepts_numpy_integers():
    assert random_rotation(np.int64(3), np.random.default_rng(0)).shape == (3, 3)
