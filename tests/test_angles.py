"""helpers.angles against closed forms from the math module."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.angles import identity_sides, wrap_angle
from helpers.vectors import from_angle

angles = st.floats(min_value=-50.0, max_value=50.0, allow_nan=False)


@settings(derandomize=True, max_examples=200)
@given(angles)
def test_unit_vector_is_cos_sin_and_has_length_one(theta):
    u = from_angle(theta)
    assert u[0] == pytest.approx(math.cos(theta), abs=1e-15)
    assert u[1] == pytest.approx(math.sin(theta), abs=1e-15)
    assert math.hypot(u[0], u[1]) == pytest.approx(1.0, abs=1e-15)


@settings(derandomize=True, max_examples=300)
@given(angles, angles)
def test_both_sides_of_the_identity_agree(t1, t2):
    sides = identity_sides(t1, t2)
    # Independent: the subtraction formula written out with math.cos/math.sin.
    expected = math.cos(t2) * math.cos(t1) + math.sin(t2) * math.sin(t1)
    assert sides.rhs == pytest.approx(expected, abs=1e-14)
    assert sides.lhs == pytest.approx(math.cos(t2 - t1), abs=1e-15)
    assert sides.lhs == pytest.approx(sides.rhs, abs=1e-12)


@pytest.mark.parametrize(
    ("t1_deg", "t2_deg", "cosine"),
    [(0, 0, 1.0), (0, 90, 0.0), (0, 180, -1.0), (100, 160, 0.5), (30, 120, 0.0), (-45, 45, 0.0)],
)
def test_identity_at_known_angles(t1_deg, t2_deg, cosine):
    sides = identity_sides(math.radians(t1_deg), math.radians(t2_deg))
    assert sides.rhs == pytest.approx(cosine, abs=1e-12)


@pytest.mark.parametrize(
    ("theta", "expected"),
    [(0.0, 0.0), (math.pi, math.pi), (-math.pi, math.pi), (3 * math.pi / 2, -math.pi / 2)],
)
def test_wrap_angle_lands_in_half_open_interval(theta, expected):
    assert wrap_angle(theta) == pytest.approx(expected)


@settings(derandomize=True, max_examples=200)
@given(angles)
def test_wrap_angle_keeps_the_direction(theta):
    w = wrap_angle(theta)
    assert -math.pi < w <= math.pi
    assert math.cos(w) == pytest.approx(math.cos(theta), abs=1e-12)
    assert math.sin(w) == pytest.approx(math.sin(theta), abs=1e-12)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_angles_are_rejected(bad):
    with pytest.raises(ValueError, match="theta1 is .*finite angle"):
        identity_sides(bad, 0.0)


def test_non_numeric_angle_is_a_type_error():
    with pytest.raises(TypeError, match="theta2 must be a number"):
        identity_sides(0.0, "thirty degrees")
