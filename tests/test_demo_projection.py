"""01.03 demo: drag a around b; the projection's length times |b| is a·b."""

import math

import numpy as np
import pytest
from readouts import check_headless, degrees, number

from helpers.demos.projection import projection_demo

TITLE = "a·b = (projection of a on b) × |b|"
LENGTH_B = 2.5  # the demo's fixed b


def check_readout(sliders: dict[str, str], readout: str) -> None:
    theta = math.radians(degrees(sliders["θ, angle from b to a (degrees)"]))
    la = float(sliders["|a|, length of a"])
    assert abs(number(readout, "projection of a on b") - la * math.cos(theta)) < 6e-4
    assert abs(number(readout, "a·b") - la * LENGTH_B * math.cos(theta)) < 6e-4
    kind = "right" if abs(math.cos(theta)) < 1e-9 else "acute" if math.cos(theta) > 0 else "obtuse"
    assert f"({kind})" in readout


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = projection_demo()
    assert demo.title == TITLE
    settings = [{"theta": t, "len_a": la} for t in (-180, -90, -37, 0, 90, 151) for la in (0.5, 3)]
    check_headless(demo, check_readout, settings)


def _tip(arrow):
    (x0, y0), (x1, y1) = arrow.patch._posA_posB
    return np.array([x1 - x0, y1 - y0])


@pytest.mark.parametrize(("theta", "kind"), [(40, "acute"), (90, "right"), (-140, "obtuse")])
def test_projection_demo_draws_the_projection_where_the_formula_puts_it(theta, kind):
    d = projection_demo(theta=theta, len_a=2.0)
    b_dir = math.radians(20)
    comp = 2.0 * math.cos(math.radians(theta))  # |a| cos θ
    expected = comp * np.array([math.cos(b_dir), math.sin(b_dir)])
    np.testing.assert_allclose(_tip(d.view.proj), expected, atol=1e-12)
    assert d.result.kind == kind and f"({kind})" in d.readout
    assert d.result.dot == pytest.approx(comp * LENGTH_B)
    xs, ys = d.view.drop.get_data()  # the perpendicular runs from a's tip to the projection
    np.testing.assert_allclose([xs[1], ys[1]], expected, atol=1e-12)
