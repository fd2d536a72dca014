"""01.02 demo: lengths scale a·b while cos θ stays put."""

import math

import numpy as np
import pytest
from readouts import check_headless, degrees, number

from helpers.demos.lengths import length_angle_demo

TITLE = "a·b = |a| |b| cos θ"


def check_readout(sliders: dict[str, str], readout: str) -> None:
    la = float(sliders["|a|, length of a"])
    lb = float(sliders["|b|, length of b"])
    theta = math.radians(degrees(sliders["θ, angle from a to b (degrees)"]))
    assert abs(number(readout, "cos θ") - math.cos(theta)) < 6e-5
    assert abs(number(readout, "a·b = a₁b₁ + a₂b₂") - la * lb * math.cos(theta)) < 6e-5
    assert abs(number(readout, "|a| |b| cos θ") - la * lb * math.cos(theta)) < 6e-5


READOUT_CHECKS = {TITLE: check_readout}


def test_readout_check_passes_on_the_demo_itself():
    demo = length_angle_demo()
    assert demo.title == TITLE
    settings = [
        {"len_a": la, "len_b": lb, "theta": t}
        for la, lb in ((0.5, 3.0), (2.2, 1.3))
        for t in (0, 89, 90, 137, 180)
    ]
    check_headless(demo, check_readout, settings)


def test_length_angle_demo_scales_the_dot_product_but_not_the_cosine():
    d = length_angle_demo(len_a=1.0, len_b=1.0, theta=60)
    small = d.result
    big = d.step(len_a=3.0, len_b=2.0)
    assert small.cos == pytest.approx(0.5) and big.cos == pytest.approx(0.5)
    assert big.dot == pytest.approx(6 * small.dot)
    assert "+3.0000" in d.readout and "+0.5000" in d.readout
    (x0, y0), (x1, y1) = d.view.b.patch._posA_posB
    np.testing.assert_allclose(
        [x1 - x0, y1 - y0],
        2.0 * np.array([math.cos(math.radians(75)), math.sin(math.radians(75))]),
        atol=1e-12,
    )
