"""helpers.geometry against closed forms and explicit loops."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers.geometry import angle_kind, dot_parts, dot_parts_2d, projection_parts

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
